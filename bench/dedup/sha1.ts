// SHA-1 of MinHash shingles: our sha1Prefix64 (dedup/sha1.ts, on a byte range of one buffer) beside
// node:crypto's createHash('sha1') (OpenSSL, the anchor: one call per shingle, as a JS caller
// must), on the same 5-word shingles of real text (the WCXB dev gold texts, normalised as MinHash
// normalises them), interleaved rounds, CPU time of this process; every digest is checked equal.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/dedup/sha1.ts [--rounds N]

import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { normalisedWords } from '../../dedup/normalize.ts';
import { sha1Prefix64 } from '../../dedup/sha1.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { loadWcxb } from '../extraction/datasets.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const data = sharedDataDir();
if (!data) {
  console.error('shared data absent: set CC_PRETRAIN_SHARED to the folder holding data/');
  process.exit(2);
}
// Shingles as byte ranges of one buffer, the way dedup/minhash.ts hands them over.
const encoder = new TextEncoder();
const chunks: Uint8Array[] = [];
const starts: number[] = [];
const lengths: number[] = [];
let offset = 0;
for (const page of await loadWcxb(data)) {
  const words = normalisedWords(page.gold).split(' ');
  for (let i = 0; i + 5 <= words.length; i++) {
    const bytes = encoder.encode(words.slice(i, i + 5).join(' '));
    chunks.push(bytes);
    starts.push(offset);
    lengths.push(bytes.length);
    offset += bytes.length;
  }
}
const all = new Uint8Array(offset);
chunks.forEach((c, i) => all.set(c, starts[i]!));
const n = starts.length;

const ours = new Uint32Array(n * 2);
const anchor = new Uint32Array(n * 2);
const runOurs = (): void => {
  for (let i = 0; i < n; i++) sha1Prefix64(all, starts[i]!, lengths[i]!, ours, i * 2);
};
const runAnchor = (): void => {
  for (let i = 0; i < n; i++) {
    const d = createHash('sha1').update(chunks[i]!).digest();
    anchor[i * 2] = d.readUInt32LE(0);
    anchor[i * 2 + 1] = d.readUInt32LE(4);
  }
};
const cpu = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
// Warm-up of both, then the check.
runOurs();
runAnchor();
for (let i = 0; i < n * 2; i++) if (ours[i] !== anchor[i]) throw new Error(`digest of shingle ${i >> 1} differs from node:crypto`);

const rows: [number, number][] = [];
for (let r = 0; r < Number(values.rounds); r++) rows.push([cpu(runOurs), cpu(runAnchor)]);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = rows.map(([o, a]) => a / o);
console.log(`${n} shingles (${(offset / 1e6).toFixed(1)} MB), every digest equal to node:crypto's`);
rows.forEach(([o, a], r) => console.log(`round ${r + 1}: ours ${o.toFixed(3)} CPU-s, node:crypto ${a.toFixed(3)}`));
console.log(`ours: ${(n / median(rows.map(([o]) => o)) / 1e6).toFixed(2)} M shingles per CPU-second; node:crypto ${(n / median(rows.map(([, a]) => a)) / 1e6).toFixed(2)} M`);
console.log(`node:crypto CPU / ours: min ${Math.min(...ratios).toFixed(2)}×, median ${median(ratios).toFixed(2)}×`);
