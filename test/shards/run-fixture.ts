// A small run folder for the stage tests: docs Parquet files for two sources, written with the
// project's own doc store, and a helper that runs a stage's tasks in-process as the runner would.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDocWriter } from '../../pipeline/doc-store.ts';
import { parseRunConfig, type RunConfig } from '../../pipeline/config.ts';
import { createStats, type StatsCollector } from '../../pipeline/stats.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { createTaskMemo } from '../../pipeline/task-memo.ts';
import { generatedDocs } from '../tokenize/corpus.ts';

export async function makeRun(
  overrides: { tokenizer?: Record<string, unknown>; shards?: Record<string, unknown>; dedup?: Record<string, unknown> } = {},
): Promise<{ runDir: string; config: RunConfig }> {
  const runDir = await mkdtemp(path.join(tmpdir(), 'cc-tok-run-'));
  const config = parseRunConfig(
    {
      sources: [
        { name: 'web', kind: 'warc', paths: ['web.warc.gz'] },
        { name: 'wiki', kind: 'jsonl', paths: ['wiki.jsonl'] },
      ],
      tokenizer: { vocab_size: 500, ...overrides.tokenizer },
      shards: { shard_tokens: 5000, ...overrides.shards },
      // Dedup off unless a test provides its results (openDocEditor refuses a run without them).
      dedup: overrides.dedup ?? { minhash: { enabled: false } },
    },
    'test config',
  );
  const files: [string, string, number, number][] = [
    ['web', '00000', 30, 1],
    ['web', '00001', 25, 2],
    ['wiki', '00000', 20, 3],
  ];
  for (const [source, n, count, seed] of files) {
    const w = await createDocWriter(path.join(runDir, 'docs', source, `${n}.parquet`));
    const docs = generatedDocs(count, seed);
    for (let i = 0; i < docs.length; i++) {
      await w.write({ id: `<urn:uuid:${source}-${n}-${i}>`, text: docs[i]!, source, file: `${source}.in`, meta: {} });
    }
    await w.close();
  }
  return { runDir, config };
}

/** Plans and runs every task of a stage; returns each task's stats. */
export async function runStage(stage: Stage, runDir: string, config: RunConfig): Promise<StatsCollector[]> {
  const plan = await stage.plan({ runDir, config });
  const out: StatsCollector[] = [];
  for (let index = 0; index < plan.length; index++) {
    const stats = createStats();
    await stage.run({
      runDir,
      config,
      task: plan[index]!,
      index,
      stats,
      progress: () => undefined,
      signal: new AbortController().signal,
      log: () => undefined,
      keep: createTaskMemo(),
    });
    out.push(stats);
  }
  return out;
}
