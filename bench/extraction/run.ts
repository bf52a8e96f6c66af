// Extraction benchmark: our extractMainText against the current anchors, on the same pages in the
// same run: trafilatura (its evaluation settings), rs-trafilatura (its Rust port) and resiliparse.
// Sets: scrapinghub (word 4-gram shingle P/R/F1), WCXB dev (bag-of-words macro P/R/F1, also per
// page type) and the html-cleaning sets (bag-of-words, raw bytes decoded by each extractor). Every
// set is split into a fixed tuning half and a validation half (datasets.ts, halfOf), reported
// apart. Speed: interleaved rounds (ours, each anchor, ours, …) on a fixed sample of each set, CPU
// seconds of the extraction calls of each process (each side after an untimed warm-up pass); min and
// median of the per-round ratios.
// Anchors' texts are cached in bench/results/extraction/ (keyed by their pages and requirements), so
// a tuning iteration reruns only ours.
// Usage: node bench/extraction/run.ts [--sets a,b] [--half tune|valid|both] [--rounds N]
//          [--speed-pages N] [--speed-only] [--limit N] [--fresh] [--dump DIR] [--worst N]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import type { Decoders } from '../../ingest/charset.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { HTML_CLEANING_SETS, loadHtmlCleaning, loadScrapinghub, loadWcxb } from './datasets.ts';
import type { BenchPage } from './datasets.ts';
import { bagOfWordsPRF, macroScore, scrapinghubScore, shinglePR } from './metrics.ts';
import type { PRF } from './metrics.ts';
import { median } from '../interleave.ts';

const { values: args } = parseArgs({
  options: {
    sets: { type: 'string' },
    half: { type: 'string', default: 'both' },
    // Five: a round of ours on 150 pages is 0.2 CPU-s, and three such rounds moved its median by a
    // fifth between runs of the same code (docs/extraction.md, thirteenth round).
    rounds: { type: 'string', default: '5' },
    'speed-pages': { type: 'string', default: '150' },
    limit: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    'speed-only': { type: 'boolean', default: false },
    dump: { type: 'string' },
    worst: { type: 'string', default: '0' },
  },
});

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const limit = args.limit ? Number(args.limit) : Infinity;
const rounds = Number(args.rounds);
const speedPages = Number(args['speed-pages']);
const resultsDir = path.join(repoRoot, 'bench', 'results', 'extraction');
const benchDir = path.join(repoRoot, 'bench', 'extraction');
const python = path.join(benchDir, '.venv', 'bin', 'python');
const ANCHORS = ['trafilatura', 'rs-trafilatura', 'resiliparse'] as const;
type Anchor = (typeof ANCHORS)[number];

const ALL_SETS = ['scrapinghub', 'wcxb-dev', ...HTML_CLEANING_SETS];
const wanted = args.sets ? args.sets.split(',') : ALL_SETS;
for (const s of wanted) if (!ALL_SETS.includes(s)) throw new Error(`unknown set ${s}; sets: ${ALL_SETS.join(', ')}`);

async function load(set: string): Promise<BenchPage[]> {
  if (set === 'scrapinghub') return loadScrapinghub(dataDir as string, limit);
  if (set === 'wcxb-dev') return loadWcxb(dataDir as string, limit);
  return loadHtmlCleaning(dataDir as string, set as (typeof HTML_CLEANING_SETS)[number], limit);
}

interface RunResult {
  texts: Map<string, string>;
  cpuSeconds: number;
  version: string;
}

/** Ours as a user runs it on these pages: bytes decoded by our charset code, then extraction. */
function runOurs(pages: readonly BenchPage[], decoders: Decoders): RunResult {
  const texts = new Map<string, string>();
  const start = process.cpuUsage();
  for (const p of pages) {
    const html = p.bytes ? decodePage(p.bytes, undefined, decoders).text : p.html;
    texts.set(p.id, extractMainText(html, p.url ? { url: p.url } : {}).text);
  }
  const used = process.cpuUsage(start);
  return { texts, cpuSeconds: (used.user + used.system) / 1e6, version: 'this tree' };
}

async function writePages(file: string, pages: readonly BenchPage[]): Promise<void> {
  const lines = pages.map((p) =>
    JSON.stringify(p.bytes ? { id: p.id, url: p.url ?? null, b64: Buffer.from(p.bytes).toString('base64') } : { id: p.id, url: p.url ?? null, html: p.html }),
  );
  await writeFile(file, lines.join('\n') + '\n');
}

async function runAnchor(anchor: Anchor, pagesFile: string, outFile: string, warm = false): Promise<RunResult> {
  if (!existsSync(python)) throw new Error(`${python} missing: run bash bench/setup.sh first`);
  const argv = [path.join(benchDir, 'anchors_run.py'), ...(warm ? ['--warm'] : []), anchor, pagesFile, outFile];
  const r = spawnSync(python, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${anchor} run failed (exit ${r.status})`);
  return readOutput(outFile);
}

/** An anchor's texts for a set, from the cache when its pages and requirements are unchanged. */
async function anchorTexts(anchor: Anchor, set: string, pages: readonly BenchPage[], pagesFile: () => Promise<string>): Promise<RunResult> {
  const key = createHash('sha256')
    .update(await readFile(path.join(benchDir, 'requirements.txt')))
    .update(pages.map((p) => p.id).join('\n'))
    .digest('hex');
  const outFile = path.join(resultsDir, `${anchor}-${set}.jsonl`);
  const keyFile = `${outFile}.key`;
  if (!args.fresh && existsSync(outFile) && existsSync(keyFile) && (await readFile(keyFile, 'utf8')) === key) return readOutput(outFile);
  const res = await runAnchor(anchor, await pagesFile(), outFile);
  await writeFile(keyFile, key);
  return res;
}

async function readOutput(outFile: string): Promise<RunResult> {
  const lines = (await readFile(outFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; text?: string; cpu_s?: number; version?: string });
  const texts = new Map<string, string>();
  let cpuSeconds = 0;
  let version = '?';
  for (const l of lines) {
    if (l.id !== undefined) texts.set(l.id, l.text ?? '');
    else {
      cpuSeconds = l.cpu_s ?? 0;
      version = l.version ?? '?';
    }
  }
  return { texts, cpuSeconds, version };
}

const scorePage = (set: string, text: string, gold: string): PRF => {
  if (set !== 'scrapinghub') return bagOfWordsPRF(text, gold);
  const pr = shinglePR(text, gold);
  return { ...pr, f1: pr.precision + pr.recall ? (2 * pr.precision * pr.recall) / (pr.precision + pr.recall) : 0 };
};
/** scrapinghub: F1 of the mean P and R (its own definition); the others: macro average. */
const aggregate = (set: string, per: readonly PRF[]): PRF => (set === 'scrapinghub' ? scrapinghubScore(per) : macroScore(per));

const fmt = (x: number): string => x.toFixed(3);

interface Row {
  set: string;
  half: string;
  group: string;
  pages: number;
  scores: Record<string, PRF>;
}

await mkdir(resultsDir, { recursive: true });
const decoders = createDecoders();
const halves = args.half === 'both' ? ['tune', 'valid'] : [args.half as string];
const rows: Row[] = [];
const speed: { set: string; pages: number; anchor: Anchor; ours: number; theirs: number; min: number; median: number }[] = [];
const versions = new Map<string, string>();
const extractors = ['ours', ...ANCHORS];

for (const set of wanted) {
  const all = await load(set);
  if (all.length === 0) {
    console.log(`${set}: absent, skipped`);
    continue;
  }
  const pages = args['speed-only'] ? [] : all.filter((p) => halves.includes(p.half));
  // Anchors run once on the whole set (both halves), cached; ours on the halves asked for.
  const tmp = path.join(resultsDir, `pages-${set}.jsonl`);
  let written = false;
  const pagesFile = async (): Promise<string> => {
    if (!written) await writePages(tmp, all);
    written = true;
    return tmp;
  };
  const texts = new Map<string, Map<string, string>>([['ours', runOurs(pages, decoders).texts]]);
  for (const a of pages.length > 0 ? ANCHORS : []) {
    const r = await anchorTexts(a, `${set}${args.limit ? `-${args.limit}` : ''}`, all, pagesFile);
    texts.set(a, r.texts);
    versions.set(a, r.version);
  }
  if (written) await rm(tmp);
  const per = new Map(extractors.map((e) => [e, pages.map((p) => scorePage(set, texts.get(e)?.get(p.id) ?? '', p.gold))]));
  const groups = (sel: (p: BenchPage) => boolean, half: string, group: string) => {
    const idx = pages.flatMap((p, i) => (sel(p) ? [i] : []));
    if (idx.length === 0) return;
    const scores: Record<string, PRF> = {};
    for (const e of extractors) scores[e] = aggregate(set, idx.map((i) => (per.get(e) as PRF[])[i] as PRF));
    rows.push({ set, half, group, pages: idx.length, scores });
  };
  for (const h of halves) {
    groups((p) => p.half === h, h, 'all');
    const types = [...new Set(pages.map((p) => p.type).filter((t) => t !== undefined))].sort();
    for (const t of types) groups((p) => p.half === h && p.type === t, h, t as string);
  }
  const worst = Number(args.worst);
  if (worst > 0) {
    const ours = per.get('ours') as PRF[];
    const order = pages.map((p, i) => ({ p, i })).filter((x) => x.p.half === 'tune').sort((a, b) => (ours[a.i] as PRF).f1 - (ours[b.i] as PRF).f1);
    console.log(`\n${set}: worst tuning pages (ours F1, best anchor F1)`);
    for (const { p, i } of order.slice(0, worst)) {
      const best = Math.max(...ANCHORS.map((a) => ((per.get(a) as PRF[])[i] as PRF).f1));
      const o = ours[i] as PRF;
      console.log(`  ${p.id}${p.type ? ` [${p.type}]` : ''}: ${fmt(o.f1)} (P ${fmt(o.precision)} R ${fmt(o.recall)}) vs ${fmt(best)}`);
    }
  }
  if (args.dump) {
    const dir = path.join(args.dump, set);
    await mkdir(dir, { recursive: true });
    for (const p of pages)
      await writeFile(path.join(dir, `${p.id}.txt`), [...extractors.map((e) => `### ${e}\n${texts.get(e)?.get(p.id) ?? ''}\n`), `### gold\n${p.gold}\n`].join('\n'));
  }
  if (rounds > 0) {
    // A fixed sample (the first pages in id order, both halves): interleaved rounds, each extractor's
    // own CPU seconds over the same pages.
    const sample = all.slice(0, speedPages);
    const file = path.join(resultsDir, `speed-${set}-${process.pid}.jsonl`);
    await writePages(file, sample);
    const out = path.join(resultsDir, `speed-out-${process.pid}.jsonl`);
    const ratios = new Map<Anchor, number[]>(ANCHORS.map((a) => [a, []]));
    const oursCpu: number[] = [];
    const theirCpu = new Map<Anchor, number[]>(ANCHORS.map((a) => [a, []]));
    // One untimed pass of ours first, as a worker is warm for all but its first pages: V8 compiles
    // our functions and irregexp our regexes during the first hundred-odd pages (about 0.9 CPU s,
    // half of it on V8's own threads), which made ours four times slower in the first round only
    // (that round's ratio to trafilatura 3.2× against 10–12× in the others). Each anchor's process
    // likewise runs the sample once untimed before its timed pass (--warm), so both sides are timed warm.
    runOurs(sample, decoders);
    for (let r = 0; r < rounds; r++) {
      for (const a of ANCHORS) {
        const o = runOurs(sample, decoders).cpuSeconds;
        const t = (await runAnchor(a, file, out, true)).cpuSeconds;
        oursCpu.push(o);
        (theirCpu.get(a) as number[]).push(t);
        (ratios.get(a) as number[]).push(t / o);
      }
    }
    await rm(file);
    await rm(out);
    for (const a of ANCHORS) {
      const rs = ratios.get(a) as number[];
      speed.push({ set, pages: sample.length, anchor: a, ours: sample.length / median(oursCpu), theirs: sample.length / median(theirCpu.get(a) as number[]), min: Math.min(...rs), median: median(rs) });
    }
  }
}

console.log(`\nanchors: ${[...versions].map(([a, v]) => `${a} ${v}`).join(', ')}`);
console.log('F1 (P / R); scrapinghub: shingle metric, others: bag-of-words macro');
const cell = (s: PRF): string => `${fmt(s.f1)} (${fmt(s.precision)}/${fmt(s.recall)})`;
console.log(['set', 'half', 'group', 'pages', ...extractors].map((c, i) => (i < 3 ? c.padEnd(i === 0 ? 16 : 13) : c.padStart(i === 3 ? 6 : 22))).join(' '));
for (const r of rows) {
  const best = Math.max(...ANCHORS.map((a) => (r.scores[a] as PRF).f1));
  const mark = (r.scores['ours'] as PRF).f1 >= best ? ' ' : '<';
  console.log(
    [r.set.padEnd(16), r.half.padEnd(13), r.group.padEnd(13), String(r.pages).padStart(6), ...extractors.map((e) => cell(r.scores[e] as PRF).padStart(22))].join(' ') + ` ${mark}`,
  );
}
if (speed.length > 0) {
  console.log(`\nspeed: pages per CPU-second (medians over ${rounds} interleaved rounds); ratio = ours ÷ anchor per round`);
  for (const s of speed)
    console.log(`${s.set.padEnd(16)} ${String(s.pages).padStart(4)} pages  ours ${s.ours.toFixed(0).padStart(5)}  ${s.anchor.padEnd(15)} ${s.theirs.toFixed(1).padStart(7)}  ratio min ${s.min.toFixed(1)}x  median ${s.median.toFixed(1)}x`);
}
await writeFile(path.join(resultsDir, 'summary.json'), JSON.stringify({ versions: Object.fromEntries(versions), rows, speed }, null, 2) + '\n');
