// Where dedup files live in a run folder and what their records look like. The extract-time sink
// writes, per extract task `<source>/<NNNNN>`:
//   minhash/<source>/<NNNNN>/b<BB>.<R>.sig   sorted MinHash band records, run R (spills when large)
//   minhash/<source>/<NNNNN>/<kind>.<R>.keys sorted exact-dedup records (exact, url, lines)
//   minhash/<source>/<NNNNN>.json            the task's manifest, written last: its presence means complete
// and the stages write dedup/pairs/<group>/…, dedup/lines/<group>/…, dedup/remove/<source>/<NNNNN>.{remove,clusters}.
// Tasks are compared only within their dedup group (`dedup.scope`: their crawl, or the whole run).
// The file id of a task in every pair and merge is its index in the sorted list of manifests.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DedupConfig, MinhashConfig } from './config.ts';

export type DedupScope = DedupConfig['scope'];
import type { MergeInput, RecordLayout } from './records.ts';

export type ExactKind = 'exact' | 'url' | 'lines';
export const EXACT_KINDS: readonly ExactKind[] = ['exact', 'url', 'lines'];

export interface SinkManifest {
  version: 1;
  task: string;
  source: string;
  /** The Common Crawl crawl of the task's input; null for other sources (absent in older runs). */
  crawl?: string | null;
  /** Signature settings the files were written with; the stages refuse a mismatch. */
  minhash: MinhashFingerprint | null;
  kinds: ExactKind[];
  docs: number;
  signatures: number;
  /** Sorted runs written per band / kind. */
  runs: number;
}

export type MinhashFingerprint = Pick<MinhashConfig, 'hash' | 'bands' | 'rows' | 'ngram' | 'seed'>;

export interface TaskFile {
  /** `<source>/<NNNNN>`, the extract task id. */
  key: string;
  fileId: number;
  manifest: SinkManifest;
}

export const sigRoot = (runDir: string) => join(runDir, 'minhash');
export const manifestPath = (runDir: string, key: string) => join(sigRoot(runDir), `${key}.json`);
export const bandRunPath = (runDir: string, key: string, band: number, run: number) =>
  join(sigRoot(runDir), key, `b${String(band).padStart(2, '0')}.${run}.sig`);
export const keysRunPath = (runDir: string, key: string, kind: ExactKind, run: number) =>
  join(sigRoot(runDir), key, `${kind}.${run}.keys`);

/** Pair files of one dedup group and one band or kind (`name`). */
export const pairsPath = (runDir: string, group: string, name: string, worker: number) =>
  join(pairsDir(runDir, group, name), `${String(worker).padStart(3, '0')}.dups`);
export const pairsDir = (runDir: string, group: string, name: string) => join(runDir, 'dedup', 'pairs', group, name);
export const bandGroup = (band: number) => `band_${String(band).padStart(2, '0')}`;
export const linesDir = (runDir: string, group: string, worker: number) => join(runDir, 'dedup', 'lines', group, String(worker).padStart(3, '0'));
export const linesDonePath = (runDir: string, group: string, worker: number) => `${linesDir(runDir, group, worker)}.json`;

/** The dedup group of an extract task: `run`, its crawl id, or `source-<name>` for a source that is not a crawl. */
export function groupOf(m: SinkManifest, scope: DedupScope): string {
  if (scope === 'run') return 'run';
  return m.crawl ? m.crawl : `source-${m.source}`;
}

/** The tasks of each dedup group, groups in name order (file ids stay the run-wide ones). */
export function groupFiles(files: readonly TaskFile[], scope: DedupScope): [string, TaskFile[]][] {
  const groups = new Map<string, TaskFile[]>();
  for (const f of files) {
    const g = groupOf(f.manifest, scope);
    const list = groups.get(g);
    if (list) list.push(f);
    else groups.set(g, [f]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files of one group, as a task of a dedup stage was planned with. */
export function filesOfGroup(files: readonly TaskFile[], scope: DedupScope, group: string): TaskFile[] {
  return files.filter((f) => groupOf(f.manifest, scope) === group);
}
export const removeDir = (runDir: string) => join(runDir, 'dedup', 'remove');
export const removeSummaryPath = (runDir: string) => join(removeDir(runDir), 'summary.json');

export function minhashFingerprint(cfg: MinhashConfig): MinhashFingerprint {
  return { hash: cfg.hash, bands: cfg.bands, rows: cfg.rows, ngram: cfg.ngram, seed: cfg.seed };
}

/** Band records: `rows` hash values (1 or 2 words each) then the row; equal signatures group by all but the row. */
export function bandLayout(cfg: MinhashFingerprint): RecordLayout {
  const words = cfg.rows * (cfg.hash === 'fineweb-compat' ? 2 : 1) + 1;
  return { words, prefix: words - 1 };
}

/**
 * exact / url: [keyHi, keyLo, rankHi, rankLo, row], lowest rank kept; lines: [keyHi, keyLo, ownerHi,
 * ownerLo, row, line], the lowest owner keeps the line. Both group on the first two words.
 */
export function keysLayout(kind: ExactKind): RecordLayout {
  return kind === 'lines' ? { words: 6, prefix: 4 } : { words: 5, prefix: 4 };
}

/** Every extract task that completed its signatures, sorted by key: index = file id. */
export function listTaskFiles(runDir: string): TaskFile[] {
  const root = sigRoot(runDir);
  if (!existsSync(root)) return [];
  const keys: string[] = [];
  for (const source of readdirSync(root, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    for (const f of readdirSync(join(root, source.name))) {
      if (/^\d+\.json$/.test(f)) keys.push(`${source.name}/${f.slice(0, -5)}`);
    }
  }
  keys.sort();
  return keys.map((key, fileId) => {
    const path = manifestPath(runDir, key);
    let manifest: SinkManifest;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8')) as SinkManifest;
    } catch (err) {
      throw new Error(`cannot read dedup manifest ${path}: ${(err as Error).message}`);
    }
    return { key, fileId, manifest };
  });
}

/** Every sorted run of every task, for one band or kind: `pathOf(key, run)`. */
export function runInputs(files: readonly TaskFile[], pathOf: (key: string, run: number) => string): MergeInput[] {
  return files.flatMap((f) => Array.from({ length: f.manifest.runs }, (_, r) => ({ fileId: f.fileId, path: pathOf(f.key, r) })));
}

/** Throws when a task's signatures were written with other settings than the config asks for now. */
export function checkMinhashFiles(files: readonly TaskFile[], cfg: MinhashConfig): void {
  const want = JSON.stringify(minhashFingerprint(cfg));
  for (const f of files) {
    const got = JSON.stringify(f.manifest.minhash);
    if (got !== want) {
      throw new Error(
        `signatures of extract task ${f.key} were written with ${got}, but the config asks for ${want}: rerun extract for this config`,
      );
    }
  }
}

export function checkKindFiles(files: readonly TaskFile[], kind: ExactKind): void {
  for (const f of files) {
    if (!f.manifest.kinds.includes(kind)) {
      throw new Error(`extract task ${f.key} wrote no "${kind}" dedup keys (it ran with ${kind} dedup off): rerun extract for this config`);
    }
  }
}

/** The removal / cluster files a docs task reads. */
export const removePath = (runDir: string, key: string) => join(removeDir(runDir), `${key}.remove`);
export const clustersPath = (runDir: string, key: string) => join(removeDir(runDir), `${key}.clusters`);
export const linesPath = (runDir: string, group: string, worker: number, key: string) => join(linesDir(runDir, group, worker), `${key}.lines`);

export function enabledKinds(cfg: DedupConfig): ExactKind[] {
  return EXACT_KINDS.filter((k) => (k === 'lines' ? cfg.c4_lines.enabled : cfg[k].enabled));
}

export function kindWorkers(cfg: DedupConfig, kind: ExactKind): number {
  return kind === 'lines' ? cfg.c4_lines.workers : cfg[kind].workers;
}
