// SHA-1 of MinHash shingles: our four-lane WebAssembly kernel (dedup/sha1-x4.ts, what MinHash
// uses: one call per document), our scalar sha1Prefix64 (dedup/sha1.ts, one call per shingle) and
// node:crypto's createHash('sha1') (OpenSSL, the anchor: one call per shingle, as a JS caller must),
// on the same 5-word shingles of real text (the WCXB dev gold texts, normalised as MinHash
// normalises them), interleaved rounds, CPU time of this process; every digest is checked equal.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/dedup/sha1.ts [--rounds N]

import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { normalisedWords } from '../../dedup/normalize.ts';
import { sha1Prefix64 } from '../../dedup/sha1.ts';
import { createShingleSha1 } from '../../dedup/sha1-x4.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { loadWcxb } from '../extraction/datasets.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const data = sharedDataDir();
if (!data) {
  console.error('shared data absent: set CC_PRETRAIN_SHARED to the folder holding data/');
  process.exit(2);
}
const NGRAM = 5;
// Documents as dedup/minhash.ts hands them over: the normalised words' UTF-8 bytes and word ends.
const encoder = new TextEncoder();
const docs: { bytes: Uint8Array; wordEnds: Int32Array; n: number }[] = [];
let n = 0;
let totalBytes = 0;
for (const page of await loadWcxb(data)) {
  const bytes = encoder.encode(normalisedWords(page.gold));
  const ends: number[] = [];
  for (let i = 0; i <= bytes.length; i++) if (i === bytes.length || bytes[i] === 0x20) ends.push(i);
  const shingles = ends.length - NGRAM + 1;
  if (shingles <= 0) continue;
  docs.push({ bytes, wordEnds: Int32Array.from(ends), n: shingles });
  n += shingles;
  totalBytes += bytes.length;
}
const startOf = (d: { wordEnds: Int32Array }, i: number): number => (i === 0 ? 0 : d.wordEnds[i - 1]! + 1);

const x4 = createShingleSha1();
const outX4 = docs.map((d) => new Uint32Array(d.n * 2));
const outScalar = docs.map((d) => new Uint32Array(d.n * 2));
const outAnchor = docs.map((d) => new Uint32Array(d.n * 2));
const runX4 = (): void => {
  docs.forEach((d, k) => x4.hash(d.bytes, d.wordEnds, NGRAM, d.n, outX4[k]!));
};
const runScalar = (): void => {
  docs.forEach((d, k) => {
    for (let i = 0; i < d.n; i++) sha1Prefix64(d.bytes, startOf(d, i), d.wordEnds[i + NGRAM - 1]! - startOf(d, i), outScalar[k]!, i * 2);
  });
};
const runAnchor = (): void => {
  docs.forEach((d, k) => {
    for (let i = 0; i < d.n; i++) {
      const digest = createHash('sha1').update(d.bytes.subarray(startOf(d, i), d.wordEnds[i + NGRAM - 1]!)).digest();
      outAnchor[k]![i * 2] = digest.readUInt32LE(0);
      outAnchor[k]![i * 2 + 1] = digest.readUInt32LE(4);
    }
  });
};
const cpu = (f: () => void): number => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
// Warm-up of all three, then the check.
runX4();
runScalar();
runAnchor();
docs.forEach((d, k) => {
  for (let i = 0; i < d.n * 2; i++) {
    if (outX4[k]![i] !== outAnchor[k]![i] || outScalar[k]![i] !== outAnchor[k]![i]) throw new Error(`digest of shingle ${i >> 1} of document ${k} differs from node:crypto`);
  }
});

const rows: [number, number, number][] = [];
for (let r = 0; r < Number(values.rounds); r++) rows.push([cpu(runX4), cpu(runScalar), cpu(runAnchor)]);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (col: number): string => (n / median(rows.map((row) => row[col]!)) / 1e6).toFixed(2);
const ratio = (col: number): string => {
  const rs = rows.map((row) => row[col]! / row[0]);
  return `min ${Math.min(...rs).toFixed(2)}×, median ${median(rs).toFixed(2)}×`;
};
console.log(`${n} shingles in ${docs.length} documents (${(totalBytes / 1e6).toFixed(1)} MB), every digest of both ours equal to node:crypto's`);
rows.forEach(([a, b, c], r) => console.log(`round ${r + 1}: four-lane ${a.toFixed(3)} CPU-s, scalar ${b.toFixed(3)}, node:crypto ${c.toFixed(3)}`));
console.log(`M shingles per CPU-second: four-lane ${rate(0)}, scalar ${rate(1)}, node:crypto ${rate(2)}`);
console.log(`scalar CPU / four-lane: ${ratio(1)}; node:crypto CPU / four-lane: ${ratio(2)}`);
