// Speed of this tree's HTML path against a reference commit's (bench/html/reference.ts; by default
// where this branch left main) on the distinct real pages of the shared extraction sets: charset
// decoding (decodePage on the raw bytes), parseBlocks and extractMainText on the decoded pages.
// Interleaved rounds (this tree, reference, …), CPU seconds of this process per pass; prints the
// min and median of the per-round ratios. bench/html/identical.ts checks that the outputs agree.
// Usage: node --expose-gc bench/html/vs-reference.ts [--ref COMMIT] [--rounds 3] [--limit N] [--steps decodePage,parseBlocks,extractMainText]

import { parseArgs } from 'node:util';
import * as blocksHere from '../../ingest/html-blocks.ts';
import * as charsetHere from '../../ingest/charset.ts';
import * as extractHere from '../../ingest/html-extract.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { pageBytes } from './pages.ts';
import { loadReference } from './reference.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, rounds: { type: 'string', default: '3' }, limit: { type: 'string' }, steps: { type: 'string' } } });

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const reference = await loadReference(args.ref);
const rounds = Math.max(3, Number(args.rounds));
const limit = args.limit ? Number(args.limit) : Infinity;

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
function cpu(pass: () => void): number {
  // The previous pass's garbage is collected outside the timer (with --expose-gc), not charged here.
  globalThis.gc?.();
  const start = process.cpuUsage();
  pass();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

interface Level {
  name: string;
  here: () => void;
  ref: () => void;
  times: { here: number[]; ref: number[] };
}
const decodeAll = (charset: typeof charsetHere) => (): void => {
  const d = charset.createDecoders();
  for (const b of raw) sink += charset.decodePage(b, undefined, d).text.length;
};
const levels: Level[] = [
  { name: 'decodePage', here: decodeAll(charsetHere), ref: decodeAll(reference.charset) },
  {
    name: 'parseBlocks',
    here: () => pages.forEach((p) => (sink += blocksHere.parseBlocks(p).blocks.length)),
    ref: () => pages.forEach((p) => (sink += reference.blocks.parseBlocks(p).blocks.length)),
  },
  {
    name: 'extractMainText',
    here: () => pages.forEach((p) => (sink += extractHere.extractMainText(p).text.length)),
    ref: () => pages.forEach((p) => (sink += reference.extract.extractMainText(p).text.length)),
  },
]
  .filter((l) => args.steps === undefined || args.steps.split(',').includes(l.name))
  .map((l) => ({ ...l, times: { here: [], ref: [] } }));

// JIT warm-up of every pass on a few pages, outside the timers.
for (const l of levels) {
  const keepRaw = raw.splice(50);
  const keepPages = pages.splice(50);
  l.here();
  l.ref();
  raw.push(...keepRaw);
  pages.push(...keepPages);
}
for (let r = 0; r < rounds; r++) {
  for (const l of levels) {
    l.times.here.push(cpu(l.here));
    l.times.ref.push(cpu(l.ref));
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
console.log('| step | this tree CPU s (min) | reference CPU s (min) | speed-up min / median |');
console.log('|---|---|---|---|');
for (const l of levels) {
  const ratios = l.times.here.map((h, r) => (l.times.ref[r] as number) / h);
  console.log(`| ${l.name} | ${Math.min(...l.times.here).toFixed(2)} | ${Math.min(...l.times.ref).toFixed(2)} | ${Math.min(...ratios).toFixed(2)}× / ${median(ratios).toFixed(2)}× |`);
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
reference.remove();
if (sink === 0) console.log('(no output)');
