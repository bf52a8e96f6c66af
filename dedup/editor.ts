// The read-time half of dedup, applied by the tokenize stage to every row of a docs file: drops
// the documents the dedup stages removed, drops C4-deduplicated lines, and marks kept cluster
// representatives with `meta.dedup_cluster_id` (`<source>/<NNNNN>:<row>` of the representative)
// and `meta.dedup_cluster_size`. It refuses to run on a run whose enabled dedup stages have not
// finished, rather than silently keeping duplicates.

import { existsSync, readFileSync } from 'node:fs';
import type { RunConfig } from '../pipeline/index.ts';
import type { Document } from '../pipeline/index.ts';
import { clustersPath, groupOf, linesDonePath, linesPath, manifestPath, removePath, removeSummaryPath, type SinkManifest } from './layout.ts';
import { readRecordFile } from './records.ts';

export type DocEditor = (doc: Document, row: number) => Document | null;

export async function openDocEditor(runDir: string, config: RunConfig, docsTask: { id: string; source: string }): Promise<DocEditor> {
  const d = config.dedup;
  const removed = new Set<number>();
  const clusterSize = new Map<number, number>();
  if (d.minhash.enabled || d.exact.enabled || d.url.enabled) {
    if (!existsSync(removeSummaryPath(runDir))) {
      throw new Error(`dedup results missing in ${runDir} (${removeSummaryPath(runDir)}): run the dedup stages before tokenize`);
    }
    const rp = removePath(runDir, docsTask.id);
    if (existsSync(rp)) for (const row of readRecordFile(rp)) removed.add(row);
    const cp = clustersPath(runDir, docsTask.id);
    if (d.minhash.enabled && d.minhash.cluster_meta && existsSync(cp)) {
      const pairs = readRecordFile(cp);
      for (let i = 0; i < pairs.length; i += 2) clusterSize.set(pairs[i]!, pairs[i + 1]!);
    }
  }
  const droppedLines = new Map<number, Set<number>>();
  if (d.c4_lines.enabled) {
    const manifest = manifestPath(runDir, docsTask.id);
    if (!existsSync(manifest)) throw new Error(`dedup keys of ${docsTask.id} missing in ${runDir} (${manifest}): rerun extract`);
    const group = groupOf(JSON.parse(readFileSync(manifest, 'utf8')) as SinkManifest, d.scope);
    const missing = (w: number) =>
      new Error(`C4 line dedup results missing in ${runDir} (${linesDonePath(runDir, group, w)}): run the dedup stages before tokenize`);
    if (!existsSync(linesDonePath(runDir, group, 0))) throw missing(0);
    const { workers } = JSON.parse(readFileSync(linesDonePath(runDir, group, 0), 'utf8')) as { workers: number };
    for (let w = 0; w < workers; w++) {
      if (!existsSync(linesDonePath(runDir, group, w))) throw missing(w);
      const lp = linesPath(runDir, group, w, docsTask.id);
      if (!existsSync(lp)) continue;
      const pairs = readRecordFile(lp);
      for (let i = 0; i < pairs.length; i += 2) {
        let set = droppedLines.get(pairs[i]!);
        if (!set) droppedLines.set(pairs[i]!, (set = new Set()));
        set.add(pairs[i + 1]!);
      }
    }
  }
  return (doc, row) => {
    if (removed.has(row)) return null;
    let out = doc;
    const drop = droppedLines.get(row);
    if (drop) {
      const text = doc.text
        .split('\n')
        .filter((_, i) => !drop.has(i))
        .join('\n')
        .trim();
      if (text.length === 0) return null;
      out = { ...out, text };
    }
    const size = clusterSize.get(row);
    if (size !== undefined) {
      out = { ...out, meta: { ...out.meta, dedup_cluster_id: `${docsTask.id}:${row}`, dedup_cluster_size: size } };
    }
    return out;
  };
}
