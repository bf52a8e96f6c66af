// The classifier's `keep: top_fraction` mode, decided corpus-wide so that it is exact and the same
// whatever the worker count, executor or task order:
//   1. each extract task writes the score of every document it kept, in docs-file row order, to
//      RUN/classifier/scores/<source>/<NNNNN>.f64 (little-endian float64, 8 bytes a document);
//   2. the one-task `classifier-cutoff` stage ranks every score of the run by (score descending,
//      docs file, row) and writes the K-th entry, K = ceil(top_fraction × N), to
//      RUN/classifier/cutoff.json; it runs in two bounded passes over the files (a 65 536-bucket
//      count, then a sort of the one bucket that holds rank K), never holding all scores at once;
//   3. the tokenize stage (and the tokenizer's sample) keep a row when it ranks at or before that
//      entry, exactly K documents before dedup, ties broken by position, so no run keeps more or
//      fewer documents than asked.
// Scores are compared as the doubles written in `meta.quality_score` (JSON round-trips doubles).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listTaskFiles, writeFileAtomic, writeJsonAtomic, type Document, type RunConfig, type Stage, type StatsCollector } from '../pipeline/index.ts';
import { resolveFilters } from './presets.ts';

const scoresDir = (runDir: string) => join(runDir, 'classifier', 'scores');
const scoresPath = (runDir: string, taskId: string) => join(scoresDir(runDir), `${taskId}.f64`);
const cutoffPath = (runDir: string) => join(runDir, 'classifier', 'cutoff.json');

export interface Cutoff {
  top_fraction: number;
  /** Documents scored (kept by every filter at extract). */
  docs: number;
  /** Documents at or above the cut-off: ceil(top_fraction × docs). */
  kept: number;
  /** The last kept entry: its score, docs file id and row (null when nothing was scored). */
  score: number | null;
  file: string | null;
  row: number | null;
}

function topFraction(config: RunConfig): number | null {
  const c = resolveFilters(config.filters).classifier;
  return c && c.keep === 'top_fraction' ? c.top_fraction : null;
}

export interface ScoreRecorder {
  add(doc: Document): void;
  close(): Promise<void>;
}

/** The extract task's score file; undefined when the run keeps by threshold (no cut-off to compute). */
export function createScoreRecorder(runDir: string, config: RunConfig, taskId: string): ScoreRecorder | undefined {
  if (topFraction(config) === null) return undefined;
  let scores = new Float64Array(1024);
  let n = 0;
  return {
    add(doc) {
      const s = doc.meta['quality_score'];
      if (typeof s !== 'number') throw new Error(`document ${doc.id} has no quality_score: is the classifier in filters.order?`);
      if (n === scores.length) {
        const grown = new Float64Array(n * 2);
        grown.set(scores);
        scores = grown;
      }
      scores[n++] = s;
    },
    async close() {
      const bytes = new Uint8Array(n * 8);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < n; i++) view.setFloat64(i * 8, scores[i]!, true);
      await writeFileAtomic(scoresPath(runDir, taskId), bytes);
    },
  };
}

/** The score files, one per docs file: a missing one means its extract task ran without the classifier. */
async function scoreFiles(runDir: string): Promise<string[]> {
  const docs = await listTaskFiles(join(runDir, 'docs'), '.parquet');
  if (docs.length === 0) throw new Error(`no document scores in ${runDir}: run the extract stage first`);
  const scored = new Set(await listTaskFiles(scoresDir(runDir), '.f64'));
  const missing = docs.filter((d) => !scored.has(d));
  if (missing.length) throw new Error(`docs ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''} have no quality scores (${scoresDir(runDir)}): extract them again with the classifier on`);
  return docs;
}

async function readScores(runDir: string, id: string): Promise<Float64Array> {
  const buf = await readFile(scoresPath(runDir, id));
  const out = new Float64Array(buf.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = buf.readDoubleLE(i * 8);
  return out;
}

const BUCKETS = 65_536;
const bucketOf = (score: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor(score * BUCKETS)));

/** The K-th best entry of the run by (score desc, file, row), in two passes over the score files. */
export async function computeCutoff(runDir: string, fraction: number): Promise<Cutoff> {
  const files = await scoreFiles(runDir);
  const counts = new Float64Array(BUCKETS);
  let docs = 0;
  for (const id of files) {
    for (const s of await readScores(runDir, id)) counts[bucketOf(s)]! += 1;
  }
  for (const c of counts) docs += c;
  // 1e-9 absorbs binary rounding (0.1 × 30 = 3.0000000000000004 must keep 3).
  const kept = Math.min(docs, Math.ceil(fraction * docs - 1e-9));
  if (kept === 0) return { top_fraction: fraction, docs, kept, score: null, file: null, row: null };
  let bucket = BUCKETS - 1;
  let before = 0;
  while (before + counts[bucket]! < kept) before += counts[bucket--]!;
  const inBucket: { score: number; file: number; row: number }[] = [];
  for (let f = 0; f < files.length; f++) {
    const scores = await readScores(runDir, files[f]!);
    for (let row = 0; row < scores.length; row++) if (bucketOf(scores[row]!) === bucket) inBucket.push({ score: scores[row]!, file: f, row });
  }
  inBucket.sort((a, b) => b.score - a.score || a.file - b.file || a.row - b.row);
  const last = inBucket[kept - before - 1]!;
  return { top_fraction: fraction, docs, kept, score: last.score, file: files[last.file]!, row: last.row };
}

export const classifierCutoffStage: Stage = {
  name: 'classifier-cutoff',
  command: 'dedup',
  description: "rank the run's quality scores and fix the classifier's top-fraction cut-off",
  async plan({ config }) {
    return topFraction(config) === null ? [] : [{ id: 'cutoff', label: 'classifier top-fraction cut-off' }];
  },
  async run({ runDir, config, stats }) {
    const cut = await computeCutoff(runDir, topFraction(config)!);
    stats.count('docs.in', cut.docs);
    stats.count('docs.out', cut.kept);
    await writeJsonAtomic(cutoffPath(runDir), cut);
  },
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares docs file ids as listTaskFiles orders them: by source, then by number (not as whole strings: `a-b` sorts before `a/`). */
function byFile(a: string, b: string): number {
  const [sa, na] = a.split('/') as [string, string];
  const [sb, nb] = b.split('/') as [string, string];
  return cmp(sa, sb) || cmp(na, nb);
}

/**
 * The read-time half: per docs row, whether the top-fraction cut keeps it. Undefined when the run
 * keeps by threshold. With `stats`, drops are counted (`drop.classifier`) and sampled as examples.
 */
export async function openQualityCut(
  runDir: string,
  config: RunConfig,
  fileId: string,
  stats?: StatsCollector,
): Promise<((doc: Document, row: number) => boolean) | undefined> {
  if (topFraction(config) === null) return undefined;
  let cut: Cutoff;
  try {
    cut = JSON.parse(await readFile(cutoffPath(runDir), 'utf8')) as Cutoff;
  } catch {
    throw new Error(`classifier cut-off missing in ${runDir} (${cutoffPath(runDir)}): run the dedup command (its classifier-cutoff stage) before tokenize`);
  }
  return (doc, row) => {
    const s = doc.meta['quality_score'];
    const score = typeof s === 'number' ? s : -1;
    const keep =
      cut.score !== null &&
      (score > cut.score || (score === cut.score && (byFile(fileId, cut.file!) < 0 || (fileId === cut.file && row <= cut.row!))));
    if (!keep && stats) {
      stats.count('drop.classifier');
      stats.count('drop_bytes.classifier', Buffer.byteLength(doc.text));
      stats.count(`drop_lang.classifier.${doc.lang ?? 'unknown'}`);
      stats.count('filter.classifier.below_top_fraction');
      const reason = `classifier: quality_score ${score.toPrecision(4)} < ${(cut.score ?? 1).toPrecision(4)} (top ${cut.top_fraction} of the run)`;
      stats.example('drop.classifier', { id: doc.id, ...(doc.url ? { url: doc.url } : {}), reason, text: doc.text });
    }
    return keep;
  };
}
