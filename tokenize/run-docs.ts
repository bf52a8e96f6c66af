// The documents a run's tokenizer and tokenize stages read: the extract stage's Parquet files
// under RUN/docs/<source>/<NNNNN>.parquet, with dedup's removals and edits and the classifier's
// top-fraction cut applied.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listTaskFiles, type RunConfig, type StatsCollector } from '../pipeline/index.ts';
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
  const files: DocsFile[] = [];
  for (const id of await listTaskFiles(root, '.parquet')) {
    const [source, number] = id.split('/') as [string, string];
    const p = path.join(root, `${id}.parquet`);
    files.push({ id, source, number, path: p, bytes: (await stat(p)).size });
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
