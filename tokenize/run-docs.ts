// The documents a run's tokenizer and tokenize stages read: the extract stage's Parquet files
// under RUN/docs/<source>/<NNNNN>.parquet, with dedup's removals and edits and the classifier's
// top-fraction cut applied.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunConfig, StatsCollector } from '../pipeline/index.ts';
import { openDocEditor, type DocEditor } from '../dedup/index.ts';
import { openQualityCut } from '../filters/index.ts';

export interface DocsFile {
  /** `<source>/<NNNNN>`: the extract task that wrote it. */
  id: string;
  source: string;
  /** `<NNNNN>`: the extract task's number within its source. */
  number: string;
  path: string;
  bytes: number;
}

/** Every docs file of a run, sorted by source then number. */
export async function listDocsFiles(runDir: string): Promise<DocsFile[]> {
  const root = path.join(runDir, 'docs');
  let sources: string[];
  try {
    sources = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const files: DocsFile[] = [];
  for (const source of sources.sort()) {
    const names = (await readdir(path.join(root, source))).filter((n) => /^\d{5,}\.parquet$/.test(n)).sort();
    for (const name of names) {
      const p = path.join(root, source, name);
      const number = name.slice(0, -'.parquet'.length);
      files.push({ id: `${source}/${number}`, source, number, path: p, bytes: (await stat(p)).size });
    }
  }
  return files;
}

/**
 * Per docs row: the document as dedup leaves it, or null when dedup or the classifier's cut
 * removed it. With `stats`, removals are counted as `drop.dedup` and `drop.classifier`.
 */
export async function openDocEdits(
  runDir: string,
  config: RunConfig,
  file: Pick<DocsFile, 'id' | 'source'>,
  stats?: StatsCollector,
): Promise<DocEditor> {
  const dedup = await openDocEditor(runDir, config, { id: file.id, source: file.source });
  const cut = await openQualityCut(runDir, config, file.id, stats);
  return (raw, row) => {
    const doc = dedup(raw, row);
    if (!doc) {
      stats?.count('drop.dedup');
      return null;
    }
    return !cut || cut(doc, row) ? doc : null;
  };
}
