// The evaluation n-gram index of decontamination: every n-gram of every evaluation item as a
// 64-bit hash in one sorted set (filters/hash64.ts, 8 bytes an n-gram) plus a 16-bit mask of the
// sets it came from (2 bytes). The extract stage builds it once, when it plans, into
// `<run>/decontaminate/` (index.json written last); each extract task reads it with two file
// reads instead of re-reading and re-hashing the evaluation sets. Without a run folder (a library
// call, a benchmark) it is built in memory.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as arrow from 'apache-arrow';
import * as pw from 'parquet-wasm';
import { writeFileAtomic, writeJsonAtomic } from '../pipeline/index.ts';
import type { DecontaminateSettings, EvalSet } from './decontaminate-config.ts';
import { ngramHashes, normalisedWords } from './decontaminate-ngrams.ts';
import { hashSet64, hashSetFromBytes, sortUniquePairs, type HashSet64 } from './hash64.ts';

export interface SetSummary {
  name: string;
  path: string;
  items: number;
  /** Items with fewer than n words: they have no n-gram and are not protected. */
  too_short: number;
  /** Rows that were not a JSON object (JSONL) or had none of the fields. */
  bad_rows: number;
  ngrams: number;
}

export interface IndexSummary {
  n: number;
  sets: SetSummary[];
  ngrams: number;
  bytes: number;
}

export interface EvalIndex {
  ngrams: HashSet64;
  /** Bit s set: the n-gram occurs in set s (config order). */
  masks: Uint16Array;
  summary: IndexSummary;
}

export const evalIndexDir = (runDir: string) => join(runDir, 'decontaminate');

/** Growable (lo, hi) pair buffer. */
function pairBuffer() {
  let buf = new Uint32Array(1 << 16);
  let len = 0;
  return {
    push(pairs: Uint32Array) {
      if (len + pairs.length > buf.length) {
        const next = new Uint32Array(Math.max(buf.length * 2, len + pairs.length));
        next.set(buf.subarray(0, len));
        buf = next;
      }
      buf.set(pairs, len);
      len += pairs.length;
    },
    take: () => buf.subarray(0, len),
  };
}

/** The strings under a dotted field path: arrays (and Arrow vectors) give each element, numbers their decimal form. */
function textsAt(value: unknown, path: readonly string[]): string[] {
  if (value === null || value === undefined) return [];
  if (path.length > 0) {
    if (typeof value !== 'object') return [];
    if (Array.isArray(value)) return value.flatMap((v) => textsAt(v, path));
    const obj = value instanceof arrow.Vector ? null : (value as { toJSON?: unknown }).toJSON instanceof Function ? (value as { toJSON(): object }).toJSON() : value;
    if (obj === null) return [...(value as arrow.Vector)].flatMap((v) => textsAt(v, path));
    return Object.hasOwn(obj, path[0]!) ? textsAt((obj as Record<string, unknown>)[path[0]!], path.slice(1)) : [];
  }
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'bigint') return [String(value)];
  if (Array.isArray(value) || value instanceof arrow.Vector) return [...(value as Iterable<unknown>)].flatMap((v) => textsAt(v, []));
  return [];
}

async function* rowsOf(set: EvalSet): AsyncGenerator<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(set.path);
  } catch (err) {
    throw new Error(`decontaminate: cannot read evaluation set ${set.name} (${set.path}): ${(err as Error).message}`);
  }
  if (set.path.endsWith('.parquet')) {
    let table: arrow.Table;
    try {
      table = arrow.tableFromIPC(pw.readParquet(bytes).intoIPCStream());
    } catch (err) {
      throw new Error(`decontaminate: evaluation set ${set.name} (${set.path}) is not readable Parquet: ${String((err as Error).message ?? err)}`);
    }
    for (const row of table) yield row;
    return;
  }
  if (!/\.jsonl(\.gz)?$/.test(set.path)) throw new Error(`decontaminate: evaluation set ${set.name} (${set.path}) is neither .jsonl, .jsonl.gz nor .parquet`);
  const text = (set.path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as unknown;
    } catch {
      yield undefined;
    }
  }
}

export async function buildEvalIndex(s: DecontaminateSettings): Promise<EvalIndex> {
  const perSet: Uint32Array[] = [];
  const sets: SetSummary[] = [];
  for (const set of s.sets) {
    const buf = pairBuffer();
    const summary: SetSummary = { name: set.name, path: set.path, items: 0, too_short: 0, bad_rows: 0, ngrams: 0 };
    const paths = set.fields.map((f) => f.split('.'));
    for await (const row of rowsOf(set)) {
      const texts = row !== null && typeof row === 'object' ? paths.flatMap((p) => textsAt(row, p)) : [];
      if (texts.length === 0) {
        summary.bad_rows++;
        continue;
      }
      summary.items++;
      const words = normalisedWords(texts.join('\n'));
      if (words.count < s.n) summary.too_short++;
      else buf.push(ngramHashes(words, s.n));
    }
    const sorted = sortUniquePairs(buf.take());
    summary.ngrams = sorted.length / 2;
    perSet.push(sorted);
    sets.push(summary);
  }
  const all = new Uint32Array(perSet.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of perSet) {
    all.set(p, at);
    at += p.length;
  }
  const union = hashSet64(sortUniquePairs(all).slice());
  const masks = new Uint16Array(union.size);
  perSet.forEach((p, si) => {
    for (let i = 0; i < p.length; i += 2) masks[union.indexOf(p[i]!, p[i + 1]!)]! |= 1 << si;
  });
  const summary: IndexSummary = { n: s.n, sets, ngrams: union.size, bytes: union.words.byteLength + masks.byteLength };
  return { ngrams: union, masks, summary };
}

/** What the index files depend on: a run whose config changes these rebuilds them. */
const fingerprint = (s: DecontaminateSettings) => JSON.stringify({ n: s.n, sets: s.sets });

export async function writeEvalIndex(dir: string, s: DecontaminateSettings, index: EvalIndex): Promise<void> {
  const w = index.ngrams.words;
  await writeFileAtomic(join(dir, 'ngrams.u64'), new Uint8Array(w.buffer, w.byteOffset, w.byteLength));
  await writeFileAtomic(join(dir, 'masks.u16'), new Uint8Array(index.masks.buffer, index.masks.byteOffset, index.masks.byteLength));
  await writeJsonAtomic(join(dir, 'index.json'), { fingerprint: fingerprint(s), summary: index.summary });
}

/** The index a run's planning wrote, or null when there is none for these settings. */
export async function readEvalIndex(dir: string, s: DecontaminateSettings): Promise<EvalIndex | null> {
  const meta = join(dir, 'index.json');
  if (!existsSync(meta)) return null;
  const { fingerprint: fp, summary } = JSON.parse(await readFile(meta, 'utf8')) as { fingerprint: string; summary: IndexSummary };
  if (fp !== fingerprint(s)) return null;
  const ngrams = hashSetFromBytes(await readFile(join(dir, 'ngrams.u64')), join(dir, 'ngrams.u64'));
  const m = await readFile(join(dir, 'masks.u16'));
  const masks = new Uint16Array(m.buffer.slice(m.byteOffset, m.byteOffset + m.byteLength));
  if (masks.length !== ngrams.size) throw new Error(`decontaminate: ${dir} holds ${ngrams.size} n-grams but ${masks.length} masks: rebuild it (delete the folder)`);
  return { ngrams, masks, summary };
}
