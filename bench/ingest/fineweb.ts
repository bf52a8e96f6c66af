// bench/ingest FineWeb first stage: our `cc-pretrain extract --workers 1` (default config, the
// fineweb preset with the UT1 lists) beside datatrove's FineWeb first stage (WarcReader → URL →
// Trafilatura → language → Gopher ×2 → C4 → FineWeb → MinHash signatures), datatrove 0.2.0 (the code
// FineWeb ran, bench/ingest/.venv) and the latest release (bench/ingest/datatrove-latest/.venv), on
// the same Common-Crawl-shaped WARC of real pages (scrapinghub, WCXB dev, the html-cleaning sets;
// raw bytes), interleaved rounds (ours, 0.2.0, latest, …), CPU seconds of each process.
// One-time costs are outside both timers: datatrove loads its UT1 lists, the model and Punkt before
// its timer; our process's start-up and loads are measured by the same command on a one-page WARC
// in each round and subtracted (shown apart as "start-up + loads"). Then profiled runs of ours
// on both files (default config) give the per-page CPU split by step (profile.ts).
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/fineweb.ts [--pages N] [--rounds N] [--no-latest]
//        (after `bash bench/setup.sh`)

import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchInput, out, perPageSplit, profiledExtract, root } from './profile.ts';
import { timed, timedExtract, type Run } from './timed.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' }, 'no-latest': { type: 'boolean', default: false } } });
const nPages = Number(values.pages);
const rounds = Number(values.rounds);
// Our default config: the fineweb preset, whose UT1 lists `npm run setup` hashes out of the same
// datatrove 0.2.0 wheel that the anchor loads its lists from (docs/filters.md), so both sides block
// the same domains and URLs.
const { warc, config: fullCfg } = await benchInput(nPages);
const { config: oneCfg } = await benchInput(1);

function ours(cfg: string): Run {
  const dir = path.join(out, 'run-ours');
  const run = timedExtract(cfg, dir, 1);
  const stats = JSON.parse(readFileSync(path.join(dir, 'stats/extract/web/00000.json'), 'utf8')) as { counters: Record<string, number> };
  return { ...run, docs_out: stats.counters['docs.out'] ?? 0, pages: stats.counters['html.responses'] ?? 0 };
}
function datatrove(python: string): Run {
  const sig = path.join(out, 'signatures');
  rmSync(sig, { recursive: true, force: true });
  const { run, stdout } = timed(python, [path.join(root, 'bench/ingest/run_datatrove.py'), warc, sig]);
  const j = JSON.parse(stdout.trim().split('\n').pop()!) as Run;
  // In-process timer around the run (loads excluded); peak RSS of the whole process.
  return { ...j, max_rss_mb: Math.max(j.max_rss_mb, run.max_rss_mb) };
}

const anchors: [string, string][] = [['datatrove 0.2.0', path.join(root, 'bench/ingest/.venv/bin/python')]];
if (!values['no-latest']) anchors.push(['datatrove latest', path.join(root, 'bench/ingest/datatrove-latest/.venv/bin/python')]);
for (const [name, py] of anchors) if (!existsSync(py)) throw new Error(`${name}: ${py} missing; run \`bash bench/setup.sh\``);

const results: { ours: Run; base: Run; anchors: Run[] }[] = [];
for (let r = 0; r < rounds; r++) {
  const o = ours(fullCfg);
  const b = ours(oneCfg);
  const a = anchors.map(([, py]) => datatrove(py));
  results.push({ ours: o, base: b, anchors: a });
  console.log(`round ${r + 1}: ours ${o.cpu_s.toFixed(1)} CPU-s (start-up + loads ${b.cpu_s.toFixed(1)}), ${anchors.map(([n], i) => `${n} ${a[i]!.cpu_s.toFixed(1)}`).join(', ')}`);
}

// Per-page step shares: one profiled run on each file.
const split = perPageSplit(profiledExtract(fullCfg, 'full'), profiledExtract(oneCfg, 'one'), nPages);

const compressed = statSync(warc).size;
const net = (x: { ours: Run; base: Run }) => x.ours.cpu_s - x.base.cpu_s;
const sorted = (xs: number[]) => [...xs].sort((p, q) => p - q);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const pagesOf = anchors.length ? results[0]!.anchors[0]!.pages ?? nPages : nPages;
console.log(`\ninput: ${warc}\n  ${nPages} HTML pages (${pagesOf} read by datatrove's WarcReader), ${(compressed / 1e6).toFixed(1)} MB gz; ${rounds} interleaved rounds\n`);
console.log('| system | CPU s (median) | pages per CPU-second | MB of .gz per CPU-second | docs out | peak RSS |');
console.log('|---|---|---|---|---|---|');
const row = (name: string, cpus: number[], docs: number | undefined, rss: number) =>
  console.log(`| ${name} | ${median(cpus).toFixed(1)} | ${(nPages / median(cpus)).toFixed(1)} | ${(compressed / 1e6 / median(cpus)).toFixed(2)} | ${docs ?? '-'} | ${rss.toFixed(0)} MB |`);
row('cc-pretrain `extract --workers 1` (start-up and loads excluded)', results.map(net), results[0]!.ours.docs_out, Math.max(...results.map((x) => x.ours.max_rss_mb)));
console.log(`| cc-pretrain start-up + UT1 lists + model (one-page WARC) | ${median(results.map((x) => x.base.cpu_s)).toFixed(1)} | - | - | - | ${Math.max(...results.map((x) => x.base.max_rss_mb)).toFixed(0)} MB |`);
anchors.forEach(([name], i) => row(`${name} FineWeb first stage`, results.map((x) => x.anchors[i]!.cpu_s), results[0]!.anchors[i]!.docs_out, Math.max(...results.map((x) => x.anchors[i]!.max_rss_mb))));
console.log('');
anchors.forEach(([name], i) => {
  const ratios = results.map((x) => x.anchors[i]!.cpu_s / net(x));
  console.log(`pages per CPU-second, ours / ${name}: min ${Math.min(...ratios).toFixed(1)}×, median ${median(ratios).toFixed(1)}× (per-round: ${ratios.map((v) => v.toFixed(1)).join(', ')})`);
});
console.log('\nour per-step CPU (profile of the file minus a one-page profile, every thread, default config):');
for (const l of split) console.log(l);
writeFileSync(path.join(out, 'fineweb-results.json'), JSON.stringify({ warc, nPages, compressed, rounds: results, anchors: anchors.map(([n]) => n), split }, null, 2));
