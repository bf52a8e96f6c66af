// The extract task keeps its filter pipeline for the next tasks of the same worker (`ctx.keep`,
// pipeline/task-memo.ts): a task's documents, removed documents, signatures and counters must be
// the same whether its worker built the pipeline for it or ran another task with it first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractStage } from '../../ingest/extract-stage.ts';
import { loadRunConfig } from '../../pipeline/config.ts';
import { createTaskMemo } from '../../pipeline/task-memo.ts';
import { runTask } from '../../pipeline/task-runner.ts';
import { ut1Present } from '../../filters/ut1.ts';
import { repoRoot } from '../shared-data.ts';
import { assertSame, localData } from '../cloud/sample-run.ts';

test('a task run after another with its worker\'s kept pipeline writes what a fresh one writes', { skip: !ut1Present() && 'no UT1 lists: run `npm run setup`', timeout: 300_000 }, async () => {
  const config = await loadRunConfig(join(repoRoot, 'examples', 'sample.yaml'));
  const base = await mkdtemp(join(tmpdir(), 'kept-filters-'));
  const fresh = join(base, 'fresh');
  const kept = join(base, 'kept');
  const plan = await extractStage.plan({ config, runDir: fresh });
  assert.equal(plan.length, 2, 'the sample has a WARC and a JSONL input');
  // Each task with a pipeline of its own, in order; then one memo for both, in the other order.
  for (const index of [0, 1]) assert.ok((await runTask(fresh, config, extractStage, plan, index)).ok);
  const keep = createTaskMemo();
  await extractStage.plan({ config, runDir: kept });
  for (const index of [1, 0]) assert.ok((await runTask(kept, config, extractStage, plan, index, { keep })).ok);

  // docs, removed and minhash: the extract stage's data files.
  assertSame(await localData(kept), await localData(fresh), 'the run with a kept pipeline');
  for (const task of plan) {
    const stats = async (dir: string) => JSON.parse(await readFile(join(dir, 'stats', 'extract', `${task.id}.json`), 'utf8')) as { counters: unknown; histograms: unknown; examples: unknown };
    const [a, b] = [await stats(fresh), await stats(kept)];
    assert.deepEqual([b.counters, b.histograms, b.examples], [a.counters, a.histograms, a.examples], task.id);
  }
  await rm(base, { recursive: true });
});
