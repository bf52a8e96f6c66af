// The Slurm executor on a real single-node cluster: outputs byte-identical to the local executor,
// per-task logs, resume without resubmission, a scancelled element leaving no partial output and
// the rerun completing it, retry rounds completing a task that failed once, and the training
// stage as an `srun torchrun` job over the node's (count-only) GPUs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseRunConfig, type RunConfig } from '../../pipeline/config.ts';
import { createLocalExecutor } from '../../pipeline/local-executor.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { createSlurmExecutor } from '../../pipeline/slurm-executor.ts';
import { elementsByTask, readSubmissions } from '../../pipeline/slurm-record.ts';
import { formatRunStatus, runStatus } from '../../pipeline/run-status.ts';
import { startCluster, slurmUnavailable, type SlurmCluster } from './cluster.ts';
import { stages, trainStage } from './fixture-stages.ts';

const skip = slurmUnavailable();
const exec = promisify(execFile);
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const taskCommand = [process.execPath, fileURLToPath(new URL('./fixture-task.ts', import.meta.url))];
const registry = new URL('./fixture-stages.ts', import.meta.url).href;

let cluster: SlurmCluster | undefined;
before(async () => {
  if (!skip) cluster = await startCluster({ gpus: 2, maxArraySize: 3 });
});
after(async () => {
  await cluster?.stop();
});

function config(retries: number): RunConfig {
  return parseRunConfig(
    {
      name: 'slurmtest',
      sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }],
      executor: { kind: 'slurm', mem_per_task: '300M', time_limit: '10:00', poll_seconds: 0.3, retries },
    },
    'test',
  );
}

async function runOnSlurm(runDir: string, retries = 0, executorFields: Record<string, unknown> = {}) {
  const cfg = parseRunConfig({ ...config(retries), executor: { ...config(retries).executor, ...executorFields } }, 'test');
  if (cfg.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: cfg.executor, taskCommand, env: cluster!.env });
  return runPipeline({ runDir, config: cfg, stages, executor, stream: quiet });
}

async function localReference(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'slurm-ref-'));
  const result = await runPipeline({ runDir: dir, config: config(0), stages, executor: createLocalExecutor({ workers: 2, registry }), stream: quiet });
  assert.equal(result.ok, true);
  return dir;
}

async function assertSameOutputs(a: string, b: string) {
  const names = (await readdir(join(a, 'out'))).sort();
  assert.deepEqual((await readdir(join(b, 'out'))).sort(), names, 'same files, no temporaries');
  for (const n of names) assert.ok((await readFile(join(a, 'out', n))).equals(await readFile(join(b, 'out', n))), `out/${n} differs`);
}

test('every stage runs as a Slurm array job, byte-identical to the local executor; a rerun submits nothing', { skip, timeout: 120_000 }, async () => {
  const ref = await localReference();
  const dir = await mkdtemp(join(tmpdir(), 'slurm-run-'));
  const result = await runOnSlurm(dir);
  assert.equal(result.ok, true, JSON.stringify(result.stages));
  await assertSameOutputs(ref, dir);
  const record = await readSubmissions(dir, 'lines');
  assert.equal(record.rounds.length, 1);
  assert.deepEqual(record.rounds[0]!.indices, [0, 1, 2, 3]);
  // MaxArraySize=3 on this cluster: two chunks of two elements, the second after the first.
  assert.deepEqual(record.rounds[0]!.jobs.map((j) => [j.offset, j.count]), [[0, 2], [2, 2]]);
  const second = record.rounds[0]!.jobs[1]!.id;
  assert.match(await readFile(join(dir, 'logs', 'lines', 'slurm', `${second}_0.out`), 'utf8'), /task 2\b/);
  assert.match(await readFile(join(dir, 'logs', 'lines', 't', '00002.log'), 'utf8'), /writing out\/2\.txt/);
  const again = await runOnSlurm(dir);
  assert.equal(again.ok, true);
  assert.equal(again.stages[0]!.skipped, 4);
  assert.equal((await readSubmissions(dir, 'lines')).rounds.length, 1, 'nothing resubmitted');
  await rm(ref, { recursive: true });
  await rm(dir, { recursive: true });
});

test('a scancelled array element leaves no partial output and the rerun completes it identically', { skip, timeout: 120_000 }, async () => {
  const ref = await localReference();
  const dir = await mkdtemp(join(tmpdir(), 'slurm-kill-'));
  await writeFile(join(dir, 'hold-2'), '');
  const running = runOnSlurm(dir, 0);
  // Wait until task 2 has half its output in a temporary file, then kill its element.
  const deadline = Date.now() + 60_000;
  while (!(await readdir(join(dir, 'out')).catch(() => [])).some((n) => n.startsWith('2.txt.tmp-'))) {
    assert.ok(Date.now() < deadline, 'task 2 never started writing');
    await new Promise((r) => setTimeout(r, 100));
  }
  const round = (await readSubmissions(dir, 'lines')).rounds[0]!;
  const target = elementsByTask({ rounds: [round] }).get(2)!;
  const during = (await runStatus(dir, { stageOrder: ['lines', 'total'], env: cluster!.env })).stages[0]!;
  assert.ok(during.running >= 1, `task 2 shows as running: ${JSON.stringify(during)}`);
  assert.equal(during.failed, 0);
  assert.deepEqual(during.slurmJobs, round.jobs.map((j) => j.id));
  await exec('scancel', [`${target.jobId}_${target.element}`], { env: cluster!.env });
  const first = await running;
  assert.equal(first.ok, false);
  assert.equal(first.stages[0]!.failed, 1);
  assert.equal(first.stages[0]!.ok, 3);
  assert.match(first.stages[0]!.failures[0]!.error, /CANCELLED/);
  assert.equal(existsSync(join(dir, 'out', '2.txt')), false, 'no output under the final name');
  assert.equal(existsSync(join(dir, 'markers', 'lines', 't', '00002.done')), false);
  const after = await runStatus(dir, { stageOrder: ['lines', 'total'], env: cluster!.env });
  assert.deepEqual(
    after.stages.map((s) => [s.stage, s.planned, s.done, s.running, s.failed, s.pending]),
    [['lines', true, 3, 0, 1, 0], ['total', false, 0, 0, 0, 0]],
  );
  const failure = after.stages[0]!.failures[0]!;
  assert.equal(failure.id, 't/00002');
  assert.match(failure.error, /CANCELLED/);
  assert.match(await readFile(failure.slurmLog!, 'utf8'), /CANCELLED/);
  assert.match(formatRunStatus(after), /FAILED t\/00002 \(task 2\)/);

  await rm(join(dir, 'hold-2'));
  const second = await runOnSlurm(dir, 0);
  assert.equal(second.ok, true);
  assert.equal(second.stages[0]!.skipped, 3, 'only the killed task ran again');
  assert.deepEqual((await readSubmissions(dir, 'lines')).rounds[1]!.indices, [2]);
  await assertSameOutputs(ref, dir);
  await rm(ref, { recursive: true });
  await rm(dir, { recursive: true });
});

test('a task that fails is resubmitted up to `retries` times within the run', { skip, timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slurm-retry-'));
  await writeFile(join(dir, 'flaky-1'), '');
  const result = await runOnSlurm(dir, 1);
  assert.equal(result.ok, true, JSON.stringify(result.stages));
  const record = await readSubmissions(dir, 'lines');
  assert.deepEqual(record.rounds.map((r) => r.indices), [[0, 1, 2, 3], [1]]);
  assert.match(await readFile(join(dir, 'logs', 'lines', 't', '00001.log'), 'utf8'), /failed once on purpose/);
  await rm(dir, { recursive: true });
});

const python = fileURLToPath(new URL('../../.venv/bin/python', import.meta.url));
const torchMissing = existsSync(python) ? undefined : 'no .venv/bin/python (scripts/setup.sh creates it)';

test('training runs as one srun torchrun job, one rank per GPU, all meeting at the rendezvous', { skip: skip ?? torchMissing, timeout: 120_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slurm-train-'));
  const cfg = parseRunConfig(
    {
      name: 'slurmtest',
      sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }],
      executor: { kind: 'slurm', poll_seconds: 0.3, retries: 0, train: { nodes: 1, gpus_per_node: 2, cpus_per_gpu: 1, mem_per_node: '1G', time_limit: '10:00' } },
    },
    'test',
  );
  if (cfg.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: cfg.executor, taskCommand, python, env: cluster!.env });
  const result = await runPipeline({ runDir: dir, config: cfg, stages: [trainStage], executor, stream: quiet });
  const record = await readSubmissions(dir, 'train');
  const log = await readFile(join(dir, 'logs', 'train', 'slurm', `${record.rounds[0]!.jobs[0]!.id}_0.out`), 'utf8').catch(() => '(no log)');
  assert.equal(result.ok, true, log);
  assert.deepEqual((await readdir(join(dir, 'ranks'))).sort(), ['0.txt', '1.txt']);
  for (const rank of [0, 1]) {
    const seen = await readFile(join(dir, 'ranks', `${rank}.txt`), 'utf8');
    assert.match(seen, new RegExp(`RANK=${rank} LOCAL_RANK=${rank} WORLD_SIZE=2 MASTER_ADDR=\\S+ MASTER_PORT=\\d+ SLURM_JOB_NUM_NODES=1 SUM=3`));
  }
  assert.equal(existsSync(join(dir, 'markers', 'train', 'train.done')), true);
  await rm(dir, { recursive: true });
});

test('a refused submission fails the stage with sbatch\'s message', { skip, timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'slurm-refused-'));
  const result = await runOnSlurm(dir, 2, { partition: 'no-such-partition' });
  assert.equal(result.ok, false);
  assert.equal(result.stages[0]!.failed, 4);
  assert.match(result.stages[0]!.failures[0]!.error, /sbatch .*failed: .*invalid partition/i);
  await rm(dir, { recursive: true });
});
