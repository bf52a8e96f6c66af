// The embedded sample's full pipeline through Slurm, every array element running the real
// `cc-pretrain task` command, with the web extract task's element killed (SIGKILL) while its docs
// file is half written and the run then resumed, against the same pipeline on the local
// executor: every output file byte-identical (plans name the run folder, which differs, so it is
// written as RUN in both), every task's counters identical.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRunConfig, parseRunConfig } from '../../pipeline/config.ts';
import { createLocalExecutor } from '../../pipeline/local-executor.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { createSlurmExecutor } from '../../pipeline/slurm-executor.ts';
import { loadStages } from '../../pipeline/stage-order.ts';
import { elementsByTask, readSubmissions } from '../../pipeline/slurm-record.ts';
import { elementProcesses, startCluster, slurmUnavailable, type SlurmCluster } from './cluster.ts';

const stages = await loadStages();
const sample = fileURLToPath(new URL('../../examples/sample.yaml', import.meta.url));
const skip =
  slurmUnavailable() ??
  (!existsSync(sample) ? 'examples/sample.yaml is not in this tree yet' : stages.length === 0 ? 'the stage registry (pipeline/stage-order.ts) is empty' : undefined);
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

/** Run-folder parts that record how and when tasks ran, not what they produced. */
const BOOKKEEPING = new Set(['logs', 'slurm', 'markers', 'stats', 'run.json', 'train', 'report']);

async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((p) => !BOOKKEEPING.has(p.split('/')[0]!))
    .sort();
}

/** A file's bytes with the run folder's own path (plans and labels name it) written as RUN. */
async function content(root: string, name: string): Promise<Buffer> {
  return Buffer.from((await readFile(join(root, name))).toString('latin1').replaceAll(root, 'RUN'), 'latin1');
}

async function counters(root: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const e of await readdir(join(root, 'stats'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    // Timings are the only fields that may differ.
    const { seconds: _seconds, cpu_seconds: _cpu, ...rest } = JSON.parse((await content(root, relative(root, path))).toString('utf8')) as { seconds: number; cpu_seconds: number };
    out[relative(root, path)] = rest;
  }
  return out;
}

let cluster: SlurmCluster | undefined;
before(async () => {
  if (!skip) cluster = await startCluster();
});
after(async () => {
  await cluster?.stop();
});

test('the sample pipeline through Slurm, one extract element killed mid-write and the run resumed, gives byte-identical outputs to the local executor', { skip, timeout: 600_000 }, async () => {
  // Training is left out: it would take minutes twice over, and its Slurm job has its own test
  // (executor.test.ts); everything before it, and the report, run.
  const sampleConfig = await loadRunConfig(sample);
  const config = parseRunConfig({ ...sampleConfig, train: { ...sampleConfig.train, enabled: false } }, 'test');
  const local = await mkdtemp(join(tmpdir(), 'sample-local-'));
  const onSlurm = await mkdtemp(join(tmpdir(), 'sample-slurm-'));
  const slurmConfig = parseRunConfig({ ...config, executor: { kind: 'slurm', mem_per_task: '3G', time_limit: '30:00', poll_seconds: 0.5, retries: 0 } }, 'test');
  if (slurmConfig.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: slurmConfig.executor, env: cluster!.env });
  const runSlurm = () => runPipeline({ runDir: onSlurm, config: slurmConfig, stages, executor, stream: quiet });
  // Side by side: the Slurm run spends most of its time waiting on the scheduler.
  const localDone = runPipeline({ runDir: local, config, stages, executor: createLocalExecutor({ workers: 1 }), stream: quiet });
  const interrupted = runSlurm();

  // Kill the web extract task's element while its docs file is half written, as a node failure or
  // the OOM killer would (a scancel's SIGTERM lets a task in its last write finish it: that path is
  // executor.test.ts's). The task may write its file in a few milliseconds, less than it takes to
  // look it up and freeze it; so it is found first, frozen, and let run in short slices until the
  // file shows, then killed while frozen.
  const docsDir = join(onSlurm, 'docs', 'web');
  const deadline = Date.now() + 120_000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const signal = (pids: readonly number[], sig: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, sig);
      } catch {
        // The process ended between the lookup and the signal.
      }
    }
  };
  let plan: { id: string }[] = [];
  let element: { jobId: string; element: number } | undefined;
  while (!element) {
    assert.ok(Date.now() < deadline, 'the web extract task was never submitted');
    await sleep(50);
    plan = await readFile(join(onSlurm, 'tasks', 'extract.json'), 'utf8').then((t) => JSON.parse(t) as { id: string }[], () => []);
    element = elementsByTask(await readSubmissions(onSlurm, 'extract')).get(plan.findIndex((t) => t.id === 'web/00000'));
  }
  const halfWritten = async () => (await readdir(docsDir).catch(() => [] as string[])).some((n) => n.startsWith('00000.parquet.tmp-'));
  let pids: number[] = [];
  for (;;) {
    assert.ok(Date.now() < deadline, 'the web extract task never started writing');
    // Looked up each time, frozen from the second on: the batch script starts the command as its child.
    pids = await elementProcesses(cluster!, element.jobId, element.element);
    signal(pids, 'SIGSTOP');
    assert.equal(existsSync(join(docsDir, '00000.parquet')), false, 'the task finished within one slice');
    if (pids.length > 0 && (await halfWritten())) break;
    signal(pids, 'SIGCONT');
    await sleep(pids.length > 0 ? 5 : 50);
    signal(pids, 'SIGSTOP');
  }
  assert.ok(pids.length > 0, 'the element has processes');
  signal(pids, 'SIGKILL');
  const first = await interrupted;
  assert.equal(first.ok, false);
  assert.deepEqual(first.stages.map((st) => [st.stage, st.failed]), [['extract', 1]]);
  // The element ended without the task's stats: the executor says how, and its outputs stay temporary.
  assert.match(first.stages[0]!.failures[0]!.error, /Slurm array element \d+_\d+ ended FAILED before the task finished/);
  assert.equal(existsSync(join(docsDir, '00000.parquet')), false, 'no partial docs file under its final name');

  const slurmRun = await runSlurm();
  const localRun = await localDone;
  assert.equal(localRun.ok, true, JSON.stringify(localRun.stages.flatMap((s) => s.failures)));
  assert.equal(slurmRun.ok, true, JSON.stringify(slurmRun.stages.flatMap((s) => s.failures)));
  assert.equal(slurmRun.stages[0]!.skipped, plan.length - 1, 'the rerun ran only the killed task');

  const names = await files(local);
  assert.ok(names.length > 0);
  assert.deepEqual(await files(onSlurm), names);
  for (const name of names) assert.ok((await content(local, name)).equals(await content(onSlurm, name)), `${name} differs`);
  assert.deepEqual(await counters(onSlurm), await counters(local));
  const ran = slurmRun.stages.filter((st) => st.tasks > 0);
  assert.ok(ran.length >= 5, `stages run: ${ran.map((st) => st.stage).join(', ')}`);
  for (const stage of ran) assert.ok(existsSync(join(onSlurm, 'slurm', `${stage.stage}.json`)), `stage ${stage.stage} went through sbatch`);
  await rm(local, { recursive: true });
  await rm(onSlurm, { recursive: true });
});
