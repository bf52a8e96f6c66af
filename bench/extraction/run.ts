// Extraction benchmark: our extractMainText against trafilatura (the anchor), on the same pages in
// the same run: scrapinghub (word 4-gram shingle P/R/F1) and WCXB dev (bag-of-words macro P/R/F1,
// also per page type), plus pages/s per core (CPU time of the extraction calls, one thread each).
// Usage: node bench/extraction/run.ts [--limit N] [--reuse-anchor] [--dump DIR]
//   --reuse-anchor  reuse trafilatura's outputs from bench/results/extraction/ (tuning only; the
//                   reported figures come from a run without it)
//   --dump DIR      write our and trafilatura's text per page for inspection

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractMainText } from '../../ingest/html-extract.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { loadScrapinghub, loadWcxb } from './datasets.ts';
import type { BenchPage } from './datasets.ts';
import { bagOfWordsPRF, macroScore, scrapinghubScore, shinglePR } from './metrics.ts';
import type { PRF } from './metrics.ts';

const { values: args } = parseArgs({
  options: {
    limit: { type: 'string' },
    'reuse-anchor': { type: 'boolean', default: false },
    dump: { type: 'string' },
  },
});

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const limit = args.limit ? Number(args.limit) : Infinity;
const resultsDir = path.join(repoRoot, 'bench', 'results', 'extraction');
const python = path.join(repoRoot, 'bench', '.venv', 'bin', 'python');

interface RunResult {
  texts: Map<string, string>;
  cpuSeconds: number;
}

function runOurs(pages: readonly BenchPage[]): RunResult {
  const texts = new Map<string, string>();
  const start = process.cpuUsage();
  for (const p of pages) texts.set(p.id, extractMainText(p.html, p.url ? { url: p.url } : {}).text);
  const used = process.cpuUsage(start);
  return { texts, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function runTrafilatura(name: string, pages: readonly BenchPage[]): Promise<RunResult> {
  const outFile = path.join(resultsDir, `trafilatura-${name}.jsonl`);
  const idsFile = path.join(resultsDir, `trafilatura-${name}.ids`);
  const ids = pages.map((p) => p.id).join('\n');
  if (!(args['reuse-anchor'] && existsSync(outFile) && existsSync(idsFile) && (await readFile(idsFile, 'utf8')) === ids)) {
    if (!existsSync(python)) throw new Error(`${python} missing: run bench/setup.sh first`);
    const inFile = path.join(resultsDir, `pages-${name}.jsonl`);
    await writeFile(inFile, pages.map((p) => JSON.stringify({ id: p.id, html: p.html, url: p.url ?? null })).join('\n') + '\n');
    const r = spawnSync(python, [path.join(repoRoot, 'bench', 'extraction', 'trafilatura_run.py'), inFile, outFile], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`trafilatura run failed (exit ${r.status})`);
    await writeFile(idsFile, ids);
  }
  const lines = (await readFile(outFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; text?: string; cpu_s?: number });
  const texts = new Map<string, string>();
  let cpuSeconds = 0;
  for (const l of lines) {
    if (l.id !== undefined) texts.set(l.id, l.text ?? '');
    else cpuSeconds = l.cpu_s ?? 0;
  }
  return { texts, cpuSeconds };
}

const fmt = (x: number): string => x.toFixed(3);
const row = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(26) : c.padStart(9))).join(' ');

interface Scored {
  overall: PRF;
  byType: Map<string, PRF>;
}

function scoreScrapinghub(pages: readonly BenchPage[], texts: Map<string, string>): Scored {
  return { overall: scrapinghubScore(pages.map((p) => shinglePR(texts.get(p.id) ?? '', p.gold))), byType: new Map() };
}

function scoreWcxb(pages: readonly BenchPage[], texts: Map<string, string>): Scored {
  const per = pages.map((p) => ({ type: p.type ?? 'unknown', s: bagOfWordsPRF(texts.get(p.id) ?? '', p.gold) }));
  const types = [...new Set(per.map((x) => x.type))].sort();
  return { overall: macroScore(per.map((x) => x.s)), byType: new Map(types.map((t) => [t, macroScore(per.filter((x) => x.type === t).map((x) => x.s))])) };
}

async function bench(name: string, pages: readonly BenchPage[], score: (p: readonly BenchPage[], t: Map<string, string>) => Scored) {
  if (pages.length === 0) return undefined;
  const ours = runOurs(pages);
  const traf = await runTrafilatura(name, pages);
  const a = score(pages, ours.texts);
  const b = score(pages, traf.texts);
  console.log(`\n${name}: ${pages.length} pages`);
  console.log(row(['', 'ours P', 'R', 'F1', 'traf P', 'R', 'F1', 'ΔF1']));
  const line = (label: string, x: PRF, y: PRF) =>
    console.log(row([label, fmt(x.precision), fmt(x.recall), fmt(x.f1), fmt(y.precision), fmt(y.recall), fmt(y.f1), (x.f1 - y.f1 >= 0 ? '+' : '') + fmt(x.f1 - y.f1)]));
  line('all', a.overall, b.overall);
  for (const [t, s] of a.byType) line(`  ${t} (${pages.filter((p) => p.type === t).length})`, s, b.byType.get(t) as PRF);
  const oursRate = pages.length / ours.cpuSeconds;
  const trafRate = pages.length / traf.cpuSeconds;
  console.log(`pages/s per core: ours ${oursRate.toFixed(0)}, trafilatura ${trafRate.toFixed(1)}, ratio ${(oursRate / trafRate).toFixed(1)}x`);
  if (args.dump) {
    const dir = path.join(args.dump, name);
    await mkdir(dir, { recursive: true });
    for (const p of pages)
      await writeFile(path.join(dir, `${p.id}.txt`), `### ours\n${ours.texts.get(p.id)}\n\n### trafilatura\n${traf.texts.get(p.id)}\n\n### gold\n${p.gold}\n`);
  }
  return { pages: pages.length, ours: { ...a.overall, pages_per_s: oursRate }, trafilatura: { ...b.overall, pages_per_s: trafRate }, by_type: Object.fromEntries([...a.byType].map(([t, s]) => [t, { ours: s, trafilatura: b.byType.get(t) }])) };
}

await mkdir(resultsDir, { recursive: true });
const summary = {
  scrapinghub: await bench('scrapinghub', await loadScrapinghub(dataDir, limit), scoreScrapinghub),
  wcxb: await bench('wcxb-dev', await loadWcxb(dataDir, limit), scoreWcxb),
};
await writeFile(path.join(resultsDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
