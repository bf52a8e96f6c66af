// The runner and the local executor: resume, failure isolation, worker crashes, determinism
// across worker counts, and refusing a run folder made with another config.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunConfig } from '../../pipeline/config.ts';
import { createLocalExecutor } from '../../pipeline/local-executor.ts';
import { runPipeline, RunFolderError } from '../../pipeline/runner.ts';
import { stages } from './fixture-stages.ts';

const registry = new URL('./fixture-stages.ts', import.meta.url).href;
const config = parseRunConfig({ name: 't', sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }] }, 'test');
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

async function run(runDir: string, workers = 2, cfg = config) {
  return runPipeline({ runDir, config: cfg, stages, executor: createLocalExecutor({ workers, registry }), stream: quiet });
}

test("a stage's shared files reach every worker's tasks as the file's bytes", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  await writeFile(join(dir, 'share-me'), 'the same bytes for all\n');
  assert.equal((await run(dir, 2)).ok, true);
  for (let i = 0; i < 6; i++) assert.equal(await readFile(join(dir, 'out', `shared-${i}.txt`), 'utf8'), 'the same bytes for all\n');
  await rm(dir, { recursive: true });
});

test("a worker loads only its stage's command from a registry that loads by command", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  const byCommand = new URL('./fixture-registry.ts', import.meta.url).href;
  const result = await runPipeline({ runDir: dir, config, stages, executor: createLocalExecutor({ workers: 2, registry: byCommand }), stream: quiet });
  assert.equal(result.ok, true);
  assert.equal(await readFile(join(dir, 'out', 'sum.txt'), 'utf8'), '55\n');
  // Two workers for the six `square` tasks (command extract), one for the single `sum` task (report).
  assert.deepEqual((await readFile(join(dir, 'registry.log'), 'utf8')).trim().split('\n').sort(), ['extract', 'extract', 'report']);
  await rm(dir, { recursive: true });
});

const executions = async (runDir: string) => (await readFile(join(runDir, 'executions.log'), 'utf8')).trim().split('\n').sort();

test('runs every task, writes stats and markers, and a rerun skips them all', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  const first = await run(dir);
  assert.equal(first.ok, true);
  assert.equal(await readFile(join(dir, 'out', 'sum.txt'), 'utf8'), '55\n');
  assert.equal((await readdir(join(dir, 'markers', 'square', 't'))).length, 6);
  const stats = JSON.parse(await readFile(join(dir, 'stats', 'square', 't', '00003.json'), 'utf8'));
  assert.equal(stats.ok, true);
  assert.equal(stats.counters['docs.in'], 3);
  // CPU of the task's own thread: a single thread cannot use more CPU time than wall time.
  assert.ok(typeof stats.cpu_seconds === 'number' && stats.cpu_seconds >= 0 && stats.cpu_seconds <= stats.seconds + 0.01, `cpu_seconds ${stats.cpu_seconds}, seconds ${stats.seconds}`);
  const second = await run(dir);
  assert.equal(second.stages[0]!.skipped, 6);
  assert.equal((await executions(dir)).length, 6, "nothing ran twice");
  await rm(dir, { recursive: true });
});

test('a failed task does not stop the others; the rerun retries only it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  await writeFile(join(dir, 'fail-2'), '');
  const first = await run(dir);
  assert.equal(first.ok, false);
  assert.equal(first.stages.length, 1, 'later stages do not run after a failure');
  assert.equal(first.stages[0]!.failed, 1);
  assert.match(first.stages[0]!.failures[0]!.error, /task 2 was told to fail/);
  const failedStats = JSON.parse(await readFile(join(dir, 'stats', 'square', 't', '00002.json'), 'utf8'));
  assert.equal(failedStats.ok, false);
  await rm(join(dir, 'fail-2'));
  const second = await run(dir);
  assert.equal(second.ok, true);
  assert.deepEqual((await executions(dir)).filter((t) => t === 't/00002').length, 2);
  assert.equal((await executions(dir)).length, 6 + 1);
  await rm(dir, { recursive: true });
});

test('a worker that dies fails only its task and is replaced', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  await writeFile(join(dir, 'crash-1'), '');
  const result = await run(dir, 2);
  assert.equal(result.ok, false);
  assert.equal(result.stages[0]!.failed, 1);
  assert.match(result.stages[0]!.failures[0]!.error, /worker died/);
  assert.equal(result.stages[0]!.ok, 5);
  await rm(dir, { recursive: true });
});

test('outputs do not depend on the worker count', async () => {
  const one = await mkdtemp(join(tmpdir(), 'runner-'));
  const three = await mkdtemp(join(tmpdir(), 'runner-'));
  await run(one, 1);
  await run(three, 3);
  for (const f of ['0.txt', '5.txt', 'sum.txt']) {
    assert.equal(await readFile(join(one, 'out', f), 'utf8'), await readFile(join(three, 'out', f), 'utf8'));
  }
  await rm(one, { recursive: true });
  await rm(three, { recursive: true });
});

test('a run folder started with another config is refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  await run(dir);
  const other = parseRunConfig({ name: 'other', sources: [{ name: 'web', kind: 'warc', paths: ['y.warc.gz'] }] }, 'test');
  await assert.rejects(run(dir, 2, other), RunFolderError);
  await rm(dir, { recursive: true });
});
