// The extract task filters its documents in batches after extracting them (ingest/extract-task.ts):
// across batch boundaries, and with a document long enough to end a batch by itself, the kept
// documents come out in input order, each counted once, and progress reports each document once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractStage } from '../../ingest/extract-stage.ts';
import { loadRunConfig, readDocs } from '../../pipeline/index.ts';
import { runTask } from '../../pipeline/task-runner.ts';

test('documents leave the extract task in input order across batches', { timeout: 120_000 }, async () => {
  const base = await mkdtemp(join(tmpdir(), 'extract-batches-'));
  // 150 documents: past two batches of 64; the 70th is over 2 M characters (a batch of its own).
  const texts = Array.from({ length: 150 }, (_, i) => (i === 69 ? `long ${i} `.repeat(300_000) : `document ${i} says something.`));
  await writeFile(join(base, 'in.jsonl'), texts.map((text, i) => JSON.stringify({ id: `d${i}`, text })).join('\n') + '\n');
  const cfgFile = join(base, 'run.yaml');
  await writeFile(cfgFile, JSON.stringify({ name: 'batches', sources: [{ name: 'local', kind: 'jsonl', paths: [join(base, 'in.jsonl')] }], filters: { preset: 'none' }, executor: { kind: 'local' } }));
  const config = await loadRunConfig(cfgFile);
  const runDir = join(base, 'run');
  const plan = await extractStage.plan({ config, runDir });
  let items = 0;
  const outcome = await runTask(runDir, config, extractStage, plan, 0, { progress: (n) => void (items += n) });
  assert.ok(outcome.ok, outcome.error);
  const ids: string[] = [];
  for await (const d of readDocs(join(runDir, 'docs', `${plan[0]!.id}.parquet`))) ids.push(d.id);
  assert.deepEqual(ids, texts.map((_, i) => `d${i}`));
  assert.equal(outcome.counters['docs.out'], 150);
  assert.equal(items, 150);
  await rm(base, { recursive: true });
});
