// The embedded sample's full pipeline through Slurm, every array element running the real
// `cc-pretrain task` command, against the same pipeline on the local executor: every output file
// byte-identical, every task's counters identical.

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
import { stages } from '../../pipeline/stages.ts';
import { startCluster, slurmUnavailable, type SlurmCluster } from './cluster.ts';

const sample = fileURLToPath(new URL('../../examples/sample.yaml', import.meta.url));
const skip =
  slurmUnavailable() ??
  (!existsSync(sample) ? 'examples/sample.yaml is not in this tree yet' : stages.length === 0 ? 'the stage registry (pipeline/stages.ts) is empty' : undefined);
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

async function counters(root: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const e of await readdir(join(root, 'stats'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const { seconds: _seconds, ...rest } = JSON.parse(await readFile(path, 'utf8')) as { seconds: number };
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

test('the sample pipeline through Slurm gives byte-identical outputs to the local executor', { skip, timeout: 600_000 }, async () => {
  const config = await loadRunConfig(sample);
  const local = await mkdtemp(join(tmpdir(), 'sample-local-'));
  const onSlurm = await mkdtemp(join(tmpdir(), 'sample-slurm-'));
  const localRun = await runPipeline({ runDir: local, config, stages, executor: createLocalExecutor({ workers: 2 }), stream: quiet });
  assert.equal(localRun.ok, true, JSON.stringify(localRun.stages.flatMap((s) => s.failures)));

  const slurmConfig = parseRunConfig({ ...config, executor: { kind: 'slurm', mem_per_task: '3G', time_limit: '30:00', poll_seconds: 0.5, retries: 0 } }, 'test');
  if (slurmConfig.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: slurmConfig.executor, env: cluster!.env });
  const slurmRun = await runPipeline({ runDir: onSlurm, config: slurmConfig, stages, executor, stream: quiet });
  assert.equal(slurmRun.ok, true, JSON.stringify(slurmRun.stages.flatMap((s) => s.failures)));

  const names = await files(local);
  assert.ok(names.length > 0);
  assert.deepEqual(await files(onSlurm), names);
  for (const name of names) assert.ok((await readFile(join(local, name))).equals(await readFile(join(onSlurm, name))), `${name} differs`);
  assert.deepEqual(await counters(onSlurm), await counters(local));
  for (const stage of slurmRun.stages) assert.ok(existsSync(join(onSlurm, 'slurm', `${stage.stage}.json`)), `stage ${stage.stage} went through sbatch`);
  await rm(local, { recursive: true });
  await rm(onSlurm, { recursive: true });
});
