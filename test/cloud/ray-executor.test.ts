// The Ray executor's config and its failure path, without a cluster: the executor section parses
// with its defaults, a bad one names the field, and a driver that cannot start fails the stage's
// tasks with a message naming the Python it tried, instead of hanging or crashing the run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseRunConfig, createProgress, type Stage } from '../../pipeline/index.ts';
import { memoryBytes } from '../../pipeline/executor-config.ts';
import { createRayExecutor } from '../../pipeline/ray-executor.ts';

const sources = [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }];

test('executor: {kind: ray} parses with defaults; a bad memory size names the field', () => {
  const config = parseRunConfig({ name: 'r', sources, executor: { kind: 'ray', address: '10.0.0.1:6379' } }, 'test');
  assert.deepEqual(config.executor, { kind: 'ray', address: '10.0.0.1:6379', cpus_per_task: 1, mem_per_task: '4G', retries: 2 });
  assert.equal(memoryBytes('4G'), 4 * 1024 ** 3);
  assert.equal(memoryBytes('500'), 500 * 1024 ** 2);
  assert.throws(() => parseRunConfig({ name: 'r', sources, executor: { kind: 'ray', mem_per_task: 'lots' } }, 'test'), (err) => err instanceof ConfigError && /mem_per_task/.test(err.message));
});

test('a Ray driver that cannot start fails each pending task with the reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ray-exec-'));
  const config = parseRunConfig({ name: 'r', sources, executor: { kind: 'ray', python: '/nonexistent/python3' } }, 'test');
  if (config.executor.kind !== 'ray') throw new Error('unreachable');
  const stage: Stage = { name: 'probe', command: 'extract', description: 'probe', plan: async () => [], run: async () => undefined };
  const plan = [{ id: 'a', label: 'a' }, { id: 'b', label: 'b' }];
  const executor = createRayExecutor({ config: config.executor, run: dir });
  const progress = createProgress({ label: 'probe', tasks: 2, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream });
  const outcomes = await executor.runStage(dir, stage, plan, [0, 1], progress);
  await rm(dir, { recursive: true, force: true });
  assert.deepEqual(outcomes.map((o) => [o.id, o.ok]), [['a', false], ['b', false]]);
  for (const o of outcomes) assert.match(o.error ?? '', /cannot start \/nonexistent\/python3/);
});
