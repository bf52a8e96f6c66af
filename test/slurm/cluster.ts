// A real single-node Slurm cluster for tests: munged, slurmctld and slurmd started without systemd
// from a config generated in a temporary folder (ports picked free, state, spool, logs and the
// munge key all inside it), so a test talks to a real scheduler and leaves nothing behind.
// Clients reach it through `SLURM_CONF` in `cluster.env`.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, readFile, readdir, rm, chmod } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { freePort } from '../free-port.ts';
import { tmpdir, totalmem, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isProcessAlive } from '../../pipeline/run-lock.ts';

const run = promisify(execFile);

const BINARIES = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'scancel', 'sinfo'];

export interface SlurmCluster {
  dir: string;
  /** Path of the generated slurm.conf. */
  conf: string;
  /** `process.env` plus `SLURM_CONF`, for clients and for the code under test. */
  env: NodeJS.ProcessEnv;
  /** Cancels every job, shuts the daemons down and deletes the folder. */
  stop(): Promise<void>;
}

/** Why Slurm tests cannot run here, or undefined when they can. */
export function slurmUnavailable(): string | undefined {
  const missing = BINARIES.filter((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status !== 0);
  if (missing.length) return `Slurm is not installed (missing ${missing.join(', ')}); scripts/setup.sh installs slurm-wlm and munge as root`;
  if (userInfo().uid !== 0) return 'the test Slurm cluster runs its daemons as root (SlurmUser=root); run the Slurm tests as root';
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, logs: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`test Slurm cluster: timed out waiting for ${what}\n${await logs()}`);
}

function slurmConf(dir: string, ctldPort: number, slurmdPort: number, cpus: number, gpus: number, maxArraySize: number): string {
  const memMb = Math.max(1024, Math.floor(totalmem() / 2 ** 20 / 2));
  return [
    'ClusterName=ccpretraintest',
    'SlurmctldHost=localhost(127.0.0.1)',
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${slurmdPort}`,
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${dir}/munge/munge.socket`,
    'SlurmUser=root',
    'SlurmdUser=root',
    `StateSaveLocation=${dir}/state`,
    `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`,
    `SlurmdPidFile=${dir}/slurmd.pid`,
    `SlurmctldLogFile=${dir}/log/slurmctld.log`,
    `SlurmdLogFile=${dir}/log/slurmd.log`,
    // No systemd and no cgroup delegation here: track processes through /proc, bind nothing.
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core_Memory',
    'DefMemPerCPU=512',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/filetxt',
    `JobCompLoc=${dir}/log/jobcomp.txt`,
    'MpiDefault=none',
    'ReturnToService=2',
    'SchedulerType=sched/backfill',
    'SchedulerParameters=sched_interval=1,bf_interval=1',
    'SlurmctldTimeout=30',
    'SlurmdTimeout=30',
    'InactiveLimit=0',
    'MinJobAge=600',
    `MaxArraySize=${maxArraySize}`,
    'KillWait=2',
    'Waittime=0',
    ...(gpus ? ['GresTypes=gpu'] : []),
    `NodeName=localhost NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${memMb}${gpus ? ` Gres=gpu:${gpus}` : ''} State=UNKNOWN`,
    'PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP',
    '',
  ].join('\n');
}

async function readPid(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isFinite(pid) && pid > 0 ? pid : undefined;
}


/** Processes started under this cluster (their environment holds its SLURM_CONF) that `match` accepts. */
async function clusterProcesses(conf: string, match: (comm: string, environ: readonly string[]) => boolean): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const comm = (await readFile(`/proc/${name}/comm`, 'utf8').catch(() => '')).trim();
    const environ = (await readFile(`/proc/${name}/environ`, 'utf8').catch(() => '')).split('\0');
    if (environ.includes(`SLURM_CONF=${conf}`) && match(comm, environ)) pids.push(Number(name));
  }
  return pids;
}

/** Job step daemons this cluster's slurmd forked. */
function stepDaemons(conf: string): Promise<number[]> {
  return clusterProcesses(conf, (comm) => comm === 'slurmstepd');
}

/** The processes of array element `jobId_index` (its script and the command it runs), not Slurm's own. */
export function elementProcesses(cluster: SlurmCluster, jobId: string, index: number): Promise<number[]> {
  return clusterProcesses(cluster.conf, (comm, env) => comm !== 'slurmstepd' && env.includes(`SLURM_ARRAY_JOB_ID=${jobId}`) && env.includes(`SLURM_ARRAY_TASK_ID=${index}`));
}

/**
 * Starts munged, slurmctld and slurmd; resolves when the node is idle. Call `stop()` in an `after`
 * hook. `gpus` declares that many GPUs backed by plain files, not devices: jobs asking for
 * `--gpus-per-node` are scheduled as on a GPU node, without any GPU to run on. A small
 * `maxArraySize` makes the executor split its arrays, as on a site that keeps Slurm's default.
 */
export async function startCluster(opts: { cpus?: number; gpus?: number; maxArraySize?: number } = {}): Promise<SlurmCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'ccp-slurm-'));
  // munged wants every directory on the socket path searchable by all.
  await chmod(dir, 0o755);
  for (const sub of ['munge', 'state', 'spool', 'log']) await mkdir(join(dir, sub), { mode: 0o755 });
  const key = join(dir, 'munge', 'munge.key');
  await writeFile(key, randomBytes(128), { mode: 0o600 });
  const socket = join(dir, 'munge', 'munge.socket');
  const conf = join(dir, 'slurm.conf');
  await writeFile(conf, slurmConf(dir, await freePort(), await freePort(), opts.cpus ?? 2, opts.gpus ?? 0, opts.maxArraySize ?? 1001));
  if (opts.gpus) {
    // Slurm binds GPUs to device files; plain files stand in for /dev/nvidiaN.
    for (let i = 0; i < opts.gpus; i++) await writeFile(join(dir, `gpu${i}`), '');
    await writeFile(join(dir, 'gres.conf'), `AutoDetect=off\nNodeName=localhost Name=gpu File=${dir}/gpu[0-${opts.gpus - 1}]\n`);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf };
  const logs = async () => {
    const parts: string[] = [];
    for (const f of ['munge/munged.log', 'log/slurmctld.log', 'log/slurmd.log']) {
      const text = await readFile(join(dir, f), 'utf8').catch(() => '(none)');
      parts.push(`--- ${f}\n${text.split('\n').slice(-15).join('\n')}`);
    }
    return parts.join('\n');
  };

  let started = false;
  const stop = async () => {
    if (started) {
      const jobs = await run('squeue', ['-h', '-o', '%A'], { env }).then((r) => r.stdout.split(/\s+/).filter(Boolean), () => []);
      if (jobs.length) await run('scancel', jobs, { env }).catch(() => undefined);
      await waitFor('jobs to end', async () => (await run('squeue', ['-h', '-o', '%A'], { env })).stdout.trim() === '', 15_000, logs).catch(() => undefined);
      await run('scontrol', ['shutdown'], { env }).catch(() => undefined);
      for (const pidFile of ['slurmctld.pid', 'slurmd.pid']) {
        const pid = await readPid(join(dir, pidFile));
        if (pid === undefined) continue;
        await waitFor(`${pidFile} to exit`, async () => !isProcessAlive(pid), 10_000, logs).catch(() => process.kill(pid, 'SIGKILL'));
      }
      for (const pid of await stepDaemons(conf)) process.kill(pid, 'SIGKILL');
      await run('munged', ['--stop', `--socket=${socket}`]).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await run('munged', [
      '--force',
      `--key-file=${key}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, 'munge', 'munged.pid')}`,
      `--log-file=${join(dir, 'munge', 'munged.log')}`,
      `--seed-file=${join(dir, 'munge', 'munged.seed')}`,
    ]);
    started = true;
    // -i: ignore (empty) saved state; both daemons fork into the background.
    await run('slurmctld', ['-i'], { env });
    await run('slurmd', ['-N', 'localhost'], { env });
    await waitFor(
      'the node to be idle',
      async () => (await run('sinfo', ['-h', '-n', 'localhost', '-o', '%T'], { env })).stdout.trim() === 'idle',
      30_000,
      logs,
    );
  } catch (err) {
    const detail = await logs();
    await stop();
    throw new Error(`cannot start the test Slurm cluster: ${(err as Error).message}\n${detail}`, { cause: err });
  }
  return { dir, conf, env, stop };
}
