// Buckets and clustering at scale: N synthetic MinHash signatures (default 10 million, 14 bands ×
// 8 rows, `fast` 32-bit values) spread over 100 extract tasks, 5% of them planted copies of a
// document in an earlier task. Runs the real dedup-buckets and dedup-clusters stages, each phase in
// its own process so its peak RSS is its own, and prints time and peak memory per phase:
//   node_modules/.bin/node bench/dedup/scale.ts [docs] [workdir]
// There is no anchor for this one in the same run (datatrove's stages 2–3 are Python loops and
// would take hours here); the point is bounded memory: the buckets stage holds one read buffer per
// input file, the clusters stage memory grows with the pairs, not with the corpus.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bucketsStage } from '../../dedup/buckets-stage.ts';
import { clustersStage } from '../../dedup/clusters-stage.ts';
import { bandRunPath, manifestPath, type SinkManifest } from '../../dedup/layout.ts';
import { runStages, testConfig } from '../../test/dedup/stage-harness.ts';

const FILES = 100;
const BANDS = 14;
const ROWS = 8;
const DUP_EVERY = 20;

function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The document whose signature (f, r) carries: itself, or for a planted copy an original in an earlier task. */
function sourceOf(f: number, r: number): [number, number] {
  if (f === 0 || r % DUP_EVERY !== 0) return [f, r];
  return [mix(f, r, 7) % f, r + 1];
}

function generate(runDir: string, docs: number): void {
  const perFile = Math.ceil(docs / FILES);
  const words = ROWS + 1;
  const recs = new Uint32Array(perFile * words);
  const keys = new Float64Array(perFile);
  const out = new Uint32Array(perFile * words);
  for (let f = 0; f < FILES; f++) {
    const n = Math.min(perFile, docs - f * perFile);
    const key = `web/${String(f).padStart(5, '0')}`;
    mkdirSync(join(runDir, 'minhash', key), { recursive: true });
    for (let b = 0; b < BANDS; b++) {
      for (let r = 0; r < n; r++) {
        const [sf, sr] = sourceOf(f, r);
        for (let k = 0; k < ROWS; k++) recs[r * words + k] = mix(sf * 1_000_003 + sr, b, k);
        recs[r * words + ROWS] = r;
        keys[r] = recs[r * words]! * 1048576 + r;
      }
      const order = keys.subarray(0, n).sort();
      for (let i = 0; i < n; i++) {
        const r = order[i]! % 1048576;
        out.set(recs.subarray(r * words, r * words + words), i * words);
      }
      writeFileSync(bandRunPath(runDir, key, b, 0), new Uint8Array(out.buffer, 0, n * words * 4));
    }
    const manifest: SinkManifest = {
      version: 1,
      task: key,
      source: 'web',
      minhash: { hash: 'fast', bands: BANDS, rows: ROWS, ngram: 5, seed: 1 },
      kinds: [],
      docs: n,
      signatures: n,
      runs: 1,
    };
    writeFileSync(manifestPath(runDir, key), JSON.stringify(manifest));
  }
}

async function phase(name: string, runDir: string, docs: number): Promise<void> {
  const config = testConfig({ minhash: { hash: 'fast' } });
  const t0 = performance.now();
  let counters: Record<string, number> = {};
  if (name === 'generate') generate(runDir, docs);
  else {
    const stats = await runStages([name === 'buckets' ? bucketsStage : clustersStage], runDir, config);
    for (const s of [...stats.values()].flat()) for (const [k, v] of Object.entries(s.counters)) counters[k] = (counters[k] ?? 0) + v;
  }
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpu_seconds: (cpu.user + cpu.system) / 1e6, peak_rss_mb: process.resourceUsage().maxRSS / 1024, counters }),
  );
}

function du(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

async function main(): Promise<void> {
  const [, , first, second, third] = process.argv;
  if (first === '--phase') return phase(second!, third!, Number(process.argv[5]));
  const docs = Number(first ?? 10_000_000);
  const runDir = resolve(second ?? join(import.meta.dirname, '../results/dedup/scale-run'));
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  console.log(`${docs.toLocaleString('en')} signatures × ${BANDS} bands in ${FILES} task files, 1 in ${DUP_EVERY} (after task 0) a planted copy`);
  const results: Record<string, unknown> = { docs };
  for (const name of ['generate', 'buckets', 'clusters']) {
    const out = execFileSync(process.execPath, [import.meta.filename, '--phase', name, runDir, String(docs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; cpu_seconds: number; peak_rss_mb: number; counters: Record<string, number> };
    results[name] = r;
    const extra = name === 'generate' ? `signature files ${(du(join(runDir, 'minhash')) / 1e9).toFixed(2)} GB` : JSON.stringify(r.counters);
    console.log(`${name.padEnd(9)} ${r.seconds.toFixed(1).padStart(7)} s wall ${r.cpu_seconds.toFixed(1).padStart(7)} s CPU   peak RSS ${r.peak_rss_mb.toFixed(0).padStart(6)} MB   ${extra}`);
  }
  results.pair_bytes = du(join(runDir, 'dedup', 'pairs'));
  writeFileSync(join(import.meta.dirname, '../results/dedup/scale.json'), JSON.stringify(results, null, 2));
  rmSync(runDir, { recursive: true, force: true });
}

await main();
