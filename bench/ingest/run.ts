// bench/ingest: the `extract` stage's speed (read + decode + extract + write Parquet) on a
// Common-Crawl-shaped WARC of real pages, beside `zcat` of the same file (the floor) and
// trafilatura on the same pages, in one run. Rates are per core: bytes or pages per CPU second
// of the process (the machine is shared, so wall time is reported but not used for ratios).
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/run.ts   (needs `bash bench/setup.sh` for trafilatura)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../../test/shared-data.ts';
import { buildBenchWarc } from './build-warc.ts';
import { loadPages } from './pages.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(root, 'bench/results/ingest');
mkdirSync(outDir, { recursive: true });
const warc = path.join(outDir, 'cc-shaped.warc.gz');
const data = sharedDataDir();
if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
if (!existsSync(warc)) console.log('building', warc, await buildBenchWarc(warc));
const compressed = statSync(warc).size;
const node = process.execPath;

type Json = Record<string, number | string>;
const runJson = (cmd: string, args: string[]): Json => JSON.parse(execFileSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop()!) as Json;

// zcat: CPU seconds of the child, via bash's `time`.
const zcatTimes = execFileSync('bash', ['-c', `TIMEFORMAT="%U %S %R"; { time zcat "${warc}" > /dev/null; } 2>&1`], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
const zcat = { cpu_s: zcatTimes[0]! + zcatTimes[1]!, wall_s: zcatTimes[2]! };

const reader = runJson(node, [path.join(here, 'reader-once.ts'), warc]);
const warcioZlib = runJson(node, [path.join(here, 'warcio-once.ts'), warc, 'zlib']);
const warcioPako = runJson(node, [path.join(here, 'warcio-once.ts'), warc, 'pako']);
const extract = runJson(node, [path.join(here, 'extract-once.ts'), warc, path.join(outDir, 'docs.parquet')]);

const py = path.join(root, 'bench/.venv/bin/python');
let trafilatura: Json | undefined;
if (existsSync(py)) {
  const list = path.join(outDir, 'pages.txt');
  writeFileSync(list, loadPages(path.join(data, 'extraction')).map((p) => p.file).join('\n'));
  trafilatura = runJson(py, [path.join(here, 'trafilatura_rate.py'), list]);
} else {
  console.log('bench/.venv missing: run `bash bench/setup.sh` for the trafilatura anchor');
}

const mb = (b: number) => b / 1e6;
const rate = (bytes: number, s: number) => (mb(bytes) / s).toFixed(1);
const pages = Number(extract['html_pages']);
const ourPagesPerS = pages / Number(extract['cpu_s']);
const rows: [string, string, string, string, string][] = [
  ['zcat (floor)', zcat.cpu_s.toFixed(2), zcat.wall_s.toFixed(2), rate(compressed, zcat.cpu_s), '-'],
  ['reader only (ours: zlib member-wise + splitter)', Number(reader['cpu_s']).toFixed(2), Number(reader['wall_s']).toFixed(2), rate(compressed, Number(reader['cpu_s'])), '-'],
  ['warcio.js fed by Node zlib', Number(warcioZlib['cpu_s']).toFixed(2), Number(warcioZlib['wall_s']).toFixed(2), rate(compressed, Number(warcioZlib['cpu_s'])), '-'],
  ['warcio.js on .gz (pako)', Number(warcioPako['cpu_s']).toFixed(2), Number(warcioPako['wall_s']).toFixed(2), rate(compressed, Number(warcioPako['cpu_s'])), '-'],
  ['extract: read+decode+extract+write', Number(extract['cpu_s']).toFixed(2), Number(extract['wall_s']).toFixed(2), rate(compressed, Number(extract['cpu_s'])), ourPagesPerS.toFixed(0)],
];
if (trafilatura) rows.push(['trafilatura.extract (same pages, in memory)', Number(trafilatura['cpu_s']).toFixed(2), Number(trafilatura['wall_s']).toFixed(2), '-', Number(trafilatura['pages_per_s']).toFixed(1)]);

console.log(`\ninput: ${warc}\n  ${pages} HTML pages, ${mb(compressed).toFixed(1)} MB gz, ${mb(Number(extract['uncompressed_bytes'])).toFixed(1)} MB uncompressed, ${extract['docs']} documents\n`);
console.log(['step', 'CPU s', 'wall s', 'MB/s gz per core', 'pages/s per core'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
console.log(`\nextract vs zcat: ${(Number(extract['cpu_s']) / zcat.cpu_s).toFixed(2)}x the CPU time of the floor`);
console.log(`reader vs warcio+zlib: ${(Number(warcioZlib['cpu_s']) / Number(reader['cpu_s'])).toFixed(2)}x faster; vs warcio pako: ${(Number(warcioPako['cpu_s']) / Number(reader['cpu_s'])).toFixed(2)}x faster`);
if (trafilatura) console.log(`extract pages/s vs trafilatura: ${(ourPagesPerS / Number(trafilatura['pages_per_s'])).toFixed(1)}x`);
console.log(`peak RSS of the extract process: ${Number(extract['max_rss_mb']).toFixed(0)} MB`);
writeFileSync(path.join(outDir, 'results.json'), JSON.stringify({ warc, compressed, zcat, reader, warcioZlib, warcioPako, extract, trafilatura }, null, 2));
