// Speed of this tree's HTML path against a reference commit's (bench/html/reference.ts; by default
// where this branch left main) on the distinct real pages of the shared extraction sets: charset
// decoding (decodePage on the raw bytes), parseBlocks and extractMainText on the decoded pages.
// Interleaved rounds, CPU seconds of this process per pass; prints the min and median of the
// per-round ratios and the median of the per-chunk ratios. Within a round the two sides alternate
// every --chunk pages (this tree, reference, then reference, this tree, …): on a machine shared
// with other jobs the load changes within seconds, and whole passes one after the other put the
// two sides under different loads (3 rounds of identical code then differed by up to ±10 %).
// bench/html/identical.ts checks that the outputs agree.
// Usage: node --expose-gc bench/html/vs-reference.ts [--ref COMMIT] [--rounds 3] [--chunk 100] [--limit N] [--steps decodePage,parseBlocks,extractMainText]

import { parseArgs } from 'node:util';
import * as blocksHere from '../../ingest/html-blocks.ts';
import * as charsetHere from '../../ingest/charset.ts';
import * as extractHere from '../../ingest/html-extract.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { pageBytes } from './pages.ts';
import { alternateChunks, median } from '../interleave.ts';
import type { Pass } from '../interleave.ts';
import { loadReference } from './reference.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, rounds: { type: 'string', default: '3' }, chunk: { type: 'string', default: '100' }, limit: { type: 'string' }, steps: { type: 'string' } } });

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const reference = await loadReference(args.ref);
const rounds = Math.max(3, Number(args.rounds));
const limit = args.limit ? Number(args.limit) : Infinity;
const chunk = Math.max(1, Number(args.chunk));

const raw: Uint8Array[] = [];
const pages: string[] = [];
const decoders = charsetHere.createDecoders();
for await (const { bytes } of pageBytes(dataDir)) {
  if (raw.length >= limit) break;
  raw.push(bytes);
  pages.push(charsetHere.decodePage(bytes, undefined, decoders).text);
}
const mb = raw.reduce((n, b) => n + b.length, 0) / 1e6;
console.log(`reference ${reference.commit.slice(0, 12)}: ${pages.length} distinct pages, ${mb.toFixed(1)} MB, ${rounds} interleaved rounds, CPU seconds per pass`);

let sink = 0;

interface Level {
  name: string;
  here: Pass;
  ref: Pass;
  times: { here: number[]; ref: number[] };
  /** reference / this tree, per chunk of every round. */
  chunks: number[];
}
const decodeAll = (charset: typeof charsetHere): Pass => {
  const d = charset.createDecoders();
  return (from, to) => {
    for (let i = from; i < to; i++) sink += charset.decodePage(raw[i] as Uint8Array, undefined, d).text.length;
  };
};
const steps: Omit<Level, 'times' | 'chunks'>[] = [
  { name: 'decodePage', here: decodeAll(charsetHere), ref: decodeAll(reference.charset) },
  {
    name: 'parseBlocks',
    here: (from, to) => pages.slice(from, to).forEach((p) => (sink += blocksHere.parseBlocks(p).blocks.length)),
    ref: (from, to) => pages.slice(from, to).forEach((p) => (sink += reference.blocks.parseBlocks(p).blocks.length)),
  },
  {
    name: 'extractMainText',
    here: (from, to) => pages.slice(from, to).forEach((p) => (sink += extractHere.extractMainText(p).text.length)),
    ref: (from, to) => pages.slice(from, to).forEach((p) => (sink += reference.extract.extractMainText(p).text.length)),
  },
];
const levels: Level[] = steps
  .filter((l) => args.steps === undefined || args.steps.split(',').includes(l.name))
  .map((l) => ({ ...l, times: { here: [], ref: [] }, chunks: [] }));

// JIT warm-up of every pass on a few pages, outside the timers.
for (const l of levels) {
  l.here(0, 50);
  l.ref(0, 50);
}
for (let r = 0; r < rounds; r++) {
  for (const l of levels) {
    const round = alternateChunks(pages.length, chunk, l.here, l.ref);
    l.chunks.push(...round.chunks);
    l.times.here.push(round.here);
    l.times.ref.push(round.ref);
  }
}

console.log('| step | this tree CPU s (min) | reference CPU s (min) | speed-up min / median of rounds | median of chunks |');
console.log('|---|---|---|---|---|');
for (const l of levels) {
  const ratios = l.times.here.map((h, r) => (l.times.ref[r] as number) / h);
  console.log(`| ${l.name} | ${Math.min(...l.times.here).toFixed(2)} | ${Math.min(...l.times.ref).toFixed(2)} | ${Math.min(...ratios).toFixed(2)}× / ${median(ratios).toFixed(2)}× | ${median(l.chunks).toFixed(3)}× |`);
}
// Where decoding's time goes: one more pass of this tree's decodePage, CPU seconds by how the
// charset was found (chardet runs only for 'detect' pages that are not valid UTF-8).
if (levels.some((l) => l.name === 'decodePage')) {
  const d = charsetHere.createDecoders();
  const bySource = new Map<string, { pages: number; mb: number; cpu: number }>();
  for (const b of raw) {
    const start = process.cpuUsage();
    const out = charsetHere.decodePage(b, undefined, d);
    const used = process.cpuUsage(start);
    const took = (used.user + used.system) / 1e6;
    const key = `${out.source} ${out.charset}`;
    const e = bySource.get(key) ?? { pages: 0, mb: 0, cpu: 0 };
    e.pages++;
    e.mb += b.length / 1e6;
    e.cpu += took;
    bySource.set(key, e);
  }
  console.log('decodePage by charset source (this tree, one pass): ' + [...bySource].sort((a, b) => b[1].cpu - a[1].cpu).map(([k, e]) => `${k}: ${e.pages} pages, ${e.mb.toFixed(1)} MB, ${e.cpu.toFixed(2)} s`).join('; '));
}
if (sink === 0) console.log('(no output)');
