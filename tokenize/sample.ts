// The tokenizer's training sample: a byte budget split across sources by weight (a source with
// less text than its share gives the rest to the others), and within a source the documents with
// the smallest hash of (seed, document id, docs file, row) until its share is filled. The choice
// depends on the documents alone, never on their order or on the worker count. Two passes over
// the docs: sizes and hashes first, then the chosen texts.

import { createHash } from 'node:crypto';
import { readDocs } from '../pipeline/index.ts';
import type { RunConfig } from '../pipeline/index.ts';
import { openDocEdits, type DocsFile } from './run-docs.ts';

export interface SampleStats {
  docs: number;
  bytes: number;
  /** Per source: bytes available and bytes taken. */
  sources: Record<string, { available: number; taken: number }>;
}

/** Splits `budget` across sources by weight, never giving a source more than it has. */
export function splitBudget(
  available: Readonly<Record<string, number>>,
  weights: Readonly<Record<string, number>>,
  budget: number,
): Record<string, number> {
  // Keys are source names: no prototype, and a weight counts only when the user set it.
  const weightOf = (s: string): number => (Object.hasOwn(weights, s) ? weights[s]! : 1);
  const out = new Map<string, number>();
  let open = Object.keys(available).filter((s) => weightOf(s) > 0);
  for (const s of Object.keys(available)) out.set(s, 0);
  let left = budget;
  while (open.length > 0 && left > 0) {
    const total = open.reduce((sum, s) => sum + weightOf(s), 0);
    const full = open.filter((s) => available[s]! <= (left * weightOf(s)) / total);
    if (full.length === 0) {
      for (const s of open) out.set(s, (left * weightOf(s)) / total);
      break;
    }
    for (const s of full) {
      out.set(s, available[s]!);
      left -= available[s]!;
    }
    open = open.filter((s) => !full.includes(s));
  }
  return Object.fromEntries(out); // own data properties, whatever the source names
}

function docHash(seed: number, id: string, fileId: string, row: number): number {
  return createHash('sha1').update(`${seed}\0${id}\0${fileId}\0${row}`).digest().readUIntBE(0, 6);
}

async function* editedDocs(runDir: string, config: RunConfig, file: DocsFile) {
  const edit = await openDocEdits(runDir, config, file);
  let row = 0;
  for await (const raw of readDocs(file.path)) {
    const doc = edit(raw, row);
    if (doc) yield { doc, row };
    row++;
  }
}

/** Picks the sample; `texts()` streams the chosen texts (each cut to `train_doc_chars`). */
export async function planTrainingSample(
  runDir: string,
  config: RunConfig,
  files: readonly DocsFile[],
): Promise<{ stats: SampleStats; texts: () => AsyncIterable<string> }> {
  const cfg = config.tokenizer;
  const bySource = new Map<string, { hash: number; bytes: number }[]>();
  for (const file of files) {
    const list = bySource.get(file.source) ?? [];
    bySource.set(file.source, list);
    for await (const { doc, row } of editedDocs(runDir, config, file)) {
      const text = doc.text.slice(0, cfg.train_doc_chars);
      list.push({ hash: docHash(cfg.seed, doc.id, file.id, row), bytes: Buffer.byteLength(text) });
    }
  }
  const available = Object.create(null) as Record<string, number>;
  for (const [s, list] of bySource) available[s] = list.reduce((sum, d) => sum + d.bytes, 0);
  const budgets = splitBudget(available, cfg.source_weights, cfg.train_bytes);
  const threshold = new Map<string, number>();
  const stats: SampleStats = { docs: 0, bytes: 0, sources: Object.create(null) as SampleStats['sources'] };
  for (const [s, list] of bySource) {
    list.sort((x, y) => x.hash - y.hash);
    let taken = 0;
    let limit = -1;
    for (const d of list) {
      if (taken >= budgets[s]!) break;
      taken += d.bytes;
      limit = d.hash;
      stats.docs++;
    }
    threshold.set(s, limit);
    stats.bytes += taken;
    stats.sources[s] = { available: available[s]!, taken };
  }
  async function* texts(): AsyncIterable<string> {
    for (const file of files) {
      const limit = threshold.get(file.source) ?? -1;
      if (limit < 0) continue;
      for await (const { doc, row } of editedDocs(runDir, config, file)) {
        if (docHash(cfg.seed, doc.id, file.id, row) <= limit) yield doc.text.slice(0, cfg.train_doc_chars);
      }
    }
  }
  return { stats, texts };
}
