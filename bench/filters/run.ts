// bench/filters: exactness and speed of our filters against datatrove 0.2.0 (the code FineWeb ran)
// on the same documents in the same run.
//   1. builds the corpus (make-docs.ts) unless present, 2. runs run_datatrove.py (bench venv),
//   3. runs each of our filters on every document independently and compares keep/drop per filter,
//      printing every disagreement with both measured values, 4. times the chained FineWeb filters
//   (docs/s, one core) against datatrove's timing from step 2, language id alone on paragraphs,
//   and a 10 MB document through every filter.
// Usage: bench/setup.sh && CC_PRETRAIN_SHARED=/work/shared node bench/filters/run.ts
//   --skip-python      reuse datatrove's results in bench/results (add --speed to re-time datatrove only)
//   --exactness-only   stop after the agreement table
//   --chain-only       only the chained-filter speed: interleaved rounds (ours, datatrove, …, --rounds N,
//                      default 3) on English pages and on mixed-language pages, CPU seconds of each
//                      side's timed loop (both sides load the UT1 lists, the model and NLTK before it)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import { c4Quality } from '../../filters/c4-quality.ts';
import { filtersSchema } from '../../filters/config.ts';
import { finewebQuality } from '../../filters/fineweb-quality.ts';
import { gopherQuality } from '../../filters/gopher-quality.ts';
import { gopherRepetition } from '../../filters/gopher-repetition.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { loadLanguageId } from '../../filters/lang-id.ts';
import { resolveFilters } from '../../filters/presets.ts';
import type { FilterContext, Outcome } from '../../filters/types.ts';
import { loadUrlLists, urlFilter } from '../../filters/url-filter.ts';
import { createTextMemo } from '../../filters/text-memo.ts';

const repo = resolve(import.meta.dirname, '../..');
const results = join(repo, 'bench/results');
const docsPath = join(results, 'filters-docs.jsonl');
const dtPath = join(results, 'filters-datatrove.jsonl');
mkdirSync(results, { recursive: true });
if (!existsSync(docsPath)) execFileSync(process.execPath, [join(repo, 'bench/filters/make-docs.ts')], { stdio: 'inherit' });

const ut1 = join(results, 'ut1');
if (!existsSync(join(ut1, 'adult/domains'))) {
  mkdirSync(ut1, { recursive: true });
  execFileSync('tar', ['xzf', join(repo, 'bench/.venv/lib/python3.11/site-packages/datatrove/assets/url_filterblacklists.tar.gz'), '-C', ut1]);
}
const py = join(repo, 'bench/.venv/bin/python');
const speedPath = join(results, 'filters-docs-speed.jsonl');
const SPEED_DOCS = 300;
let dtSpeed: { docs: number; docs_per_s: number; lid_per_s: number; chain_seconds: number; kept: number; chain_cpu_seconds: number; lid_cpu_seconds: number; lid_paragraphs: number } | undefined;
const chainOnly = process.argv.includes('--chain-only');
if (!process.argv.includes('--skip-python') && !chainOnly) {
  // ~1 h on a loaded 2-core machine: datatrove's NLTK tokenization dominates.
  for (const part of ['-rest', '-rest2', '-fix']) rmSync(join(results, `filters-datatrove${part}.jsonl`), { force: true });
  execFileSync('python3', [join(repo, 'bench/filters/make-url-docs.py'), ut1, join(results, 'filters-docs-url.jsonl')], { stdio: 'inherit' });
  execFileSync(py, [join(repo, 'bench/filters/run_datatrove.py'), docsPath, dtPath], { cwd: repo, stdio: 'inherit' });
  execFileSync(py, [join(repo, 'bench/filters/run_datatrove.py'), join(results, 'filters-docs-url.jsonl'), join(results, 'filters-datatrove-url.jsonl')], { cwd: repo, stdio: 'inherit' });
}
if ((!process.argv.includes('--skip-python') || process.argv.includes('--speed')) && !chainOnly) {
  writeFileSync(speedPath, readFileSync(docsPath, 'utf8').trim().split('\n').slice(0, SPEED_DOCS).join('\n') + '\n');
  const out = execFileSync(py, [join(repo, 'bench/filters/run_datatrove.py'), speedPath, '/dev/null', '--chain-only'], { cwd: repo, encoding: 'utf8' });
  writeFileSync(join(results, 'filters-datatrove-speed.raw'), out);
}
if (existsSync(join(results, 'filters-datatrove-speed.raw'))) {
  dtSpeed = JSON.parse(readFileSync(join(results, 'filters-datatrove-speed.raw'), 'utf8').trim().split('\n').pop()!);
}

interface DtEntry { keep: boolean | null; reason: string | null; lang?: string; score?: number; text?: string; metrics?: Record<string, number | null> }
const readJsonl = <T>(p: string): T[] => (existsSync(p) ? readFileSync(p, 'utf8').trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T) : []);
type RawDoc = { id: string; url: string; text: string };
const mainDocs = readJsonl<RawDoc>(docsPath);
// URL-filter cases from the block lists (make-url-docs.py). datatrove's results may come in parts
// (-rest, -rest2: a long run resumed on the remaining documents; -fix: documents re-run after a fix of
// this script's result unpacking), all with the same script.
const raw = [...mainDocs, ...readJsonl<RawDoc>(join(results, 'filters-docs-url.jsonl'))];
const docs: Document[] = raw.map((d) => ({ id: d.id, url: d.url || 'http://missing.invalid/', text: d.text, source: 'bench', file: docsPath, meta: {} }));
const dt = new Map<string, Record<string, DtEntry>>();
for (const part of ['', '-rest', '-rest2', '-fix', '-url']) {
  for (const r of readJsonl<{ id: string; filters: Record<string, DtEntry> }>(join(results, `filters-datatrove${part}.jsonl`))) dt.set(r.id, r.filters);
}

// The fineweb preset as a default run has it: UT1 from the set-up cache (.cache/ut1, npm run setup).
const cfg = filtersSchema.parse({});
const r = resolveFilters(cfg);
const lists = await loadUrlLists(r.url);
const lid = loadLanguageId(r.language.newlines, r.language.max_chars, r.language.model);
const url = urlFilter(lists, { soft_word_threshold: 2 });
const ours: Record<string, (d: Document, c: FilterContext) => Outcome> = {
  url: (d) => url(d),
  language: (d) => {
    const { lang, score } = lid.predict(d.text);
    return lang === 'en' && score > 0.65 ? { keep: true } : { keep: false, rule: lang === 'en' ? 'language_score' : 'language', detail: `${lang} ${score}` };
  },
  gopher_repetition: gopherRepetition(r.gopher_repetition),
  gopher_quality: gopherQuality(r.gopher_quality),
  c4_quality: c4Quality(r.c4_quality),
  fineweb_quality: finewebQuality(r.fineweb_quality),
};

if (chainOnly) await chainSpeed();
const table: string[] = [];
const details: string[] = [];
const disagreeing: { id: string; name: string; line: string }[] = [];
for (const [name, f] of Object.entries(ours)) {
  let agree = 0;
  let sameRule = 0;
  let bothDrop = 0;
  let textSame = 0;
  let bothKeep = 0;
  let n = 0;
  let crashed = 0;
  for (const d of docs) {
    if (name !== 'url' && d.id.startsWith('url/')) continue;
    const theirs = dt.get(d.id)?.[name];
    if (!theirs) continue;
    n++;
    // A document datatrove raised on stays in the totals, counted and shown with the error.
    if (theirs.keep === null) {
      crashed++;
      details.push(`  ${name} datatrove crashed on ${d.id}: ${theirs.reason}`);
      continue;
    }
    const metrics: Record<string, number> = {};
    const ctx: FilterContext = {
      ...createTextMemo(),
      observe: (m, v) => (metrics[m] = Number(v.toFixed(5))),
    };
    const o = f(d, ctx);
    if (name === 'language') {
      const p = lid.predict(d.text);
      metrics['lang'] = p.score;
      if (p.lang !== theirs.lang) details.push(`  language label differs ${d.id}: ours ${p.lang} ${p.score.toFixed(4)} / datatrove ${theirs.lang} ${theirs.score?.toFixed(4)}`);
    }
    if (o.keep === theirs.keep) {
      agree++;
      if (!o.keep) {
        bothDrop++;
        if (o.rule === theirs.reason || name === 'language') sameRule++;
        else details.push(`  ${name} same verdict, other rule ${d.id}: ours ${o.rule} (${o.detail}) / datatrove ${theirs.reason}`);
      } else if (name === 'c4_quality') {
        bothKeep++;
        if ((o.text ?? d.text) === theirs.text) textSame++;
        else details.push(`  c4_quality kept text differs ${d.id}`);
      }
    } else {
      const tm = theirs.metrics ? JSON.stringify(Object.fromEntries(Object.entries(theirs.metrics).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toFixed(5)) : v]))) : '';
      const line = `  ${name} DISAGREE ${d.id}: ours ${o.keep ? 'keep' : `drop ${o.rule} (${o.detail})`} ${JSON.stringify(metrics)} / datatrove ${theirs.keep ? 'keep' : `drop ${theirs.reason}`} ${tm}${theirs.lang ? ` ${theirs.lang} ${theirs.score}` : ''}`;
      details.push(line);
      disagreeing.push({ id: d.id, name, line });
    }
  }
  table.push(`| ${name} | ${n} | ${crashed} | ${agree} | ${((100 * agree) / (n - crashed)).toFixed(2)}% | ${bothDrop} | ${sameRule} |${name === 'c4_quality' ? ` kept text identical ${textSame}/${bothKeep}` : ''}`);
}
console.log('\n## Agreement with datatrove 0.2.0 (each filter on every document)\n');
console.log('| filter | docs | datatrove crashed | same verdict | agreement (of the others) | both drop | same rule |');
console.log('|---|---|---|---|---|---|---|');
for (const l of table) console.log(l);
console.log(`\n## Differences (${details.length})\n`);
for (const l of details) console.log(l);
if (disagreeing.length > 0 && existsSync(py)) {
  // datatrove's measured values for the disagreeing documents (its filters return only a reason).
  const ids = join(results, 'filters-disagree-ids.txt');
  const metricsOut = join(results, 'filters-datatrove-metrics.jsonl');
  writeFileSync(ids, [...new Set(disagreeing.map((x) => x.id))].join('\n') + '\n');
  execFileSync(py, [join(repo, 'bench/filters/run_datatrove.py'), docsPath, metricsOut, ids], { cwd: repo, stdio: 'ignore' });
  const m = new Map(readJsonl<{ id: string; filters: Record<string, DtEntry> }>(metricsOut).map((x) => [x.id, x.filters]));
  console.log('\ndatatrove values for the disagreements:');
  for (const x of disagreeing) console.log(`  ${x.name} ${x.id}: ${JSON.stringify(m.get(x.id)?.[x.name]?.metrics ?? {})}`);
}

if (process.argv.includes('--exactness-only')) process.exit(0);
await chainSpeed();

/**
 * Chained FineWeb filters, one core, in interleaved rounds: ours (this process; the pipeline loaded
 * the lists and the model when it was created), then datatrove (a fresh process per round that
 * loads UT1, the model and NLTK and runs a warm-up document before its timer), and again. Per
 * round the ratio of the two timed loops' CPU seconds; min and median. On English pages (the first
 * SPEED_DOCS documents) and on mixed-language ones (half English, half other languages by our
 * language id, alternating), where language id dominates. Documents on which datatrove raises are
 * counted and listed, and stay in its totals (dropped at the crash).
 */
async function chainSpeed(): Promise<void> {
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
  const pipeline = await createFilterPipeline(cfg);
  const english = docs.slice(0, Math.min(SPEED_DOCS, mainDocs.length));
  const en: Document[] = [];
  const other: Document[] = [];
  for (const d of docs.slice(0, mainDocs.length)) {
    const { lang } = lid.predict(d.text);
    if (lang === 'en') en.push(d);
    else other.push(d);
  }
  const half = Math.min(SPEED_DOCS / 2, other.length);
  const mixed = Array.from({ length: half * 2 }, (_, i) => (i % 2 === 0 ? en[i >> 1]! : other[i >> 1]!));
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  console.log(`\n## Chained FineWeb filters, CPU seconds per round (ours, datatrove 0.2.0), ${rounds} interleaved rounds\n`);
  for (const [label, set] of [['English pages', english], [`mixed-language pages (${half} English, ${half} other)`, mixed]] as const) {
    const file = join(results, `filters-chain-${label.startsWith('English') ? 'en' : 'mixed'}.jsonl`);
    writeFileSync(file, set.map((d) => JSON.stringify({ id: d.id, url: d.url, text: d.text })).join('\n') + '\n');
    const ratios: number[] = [];
    let line = '';
    for (let round = 0; round < rounds; round++) {
      const stats = createStats();
      const c0 = cpu();
      let kept = 0;
      for (const d of set) if (pipeline.apply(d, stats).keep) kept++;
      const oursS = cpu() - c0;
      const out = execFileSync(py, [join(repo, 'bench/filters/run_datatrove.py'), file, '/dev/null', '--chain-only', '--no-lid'], { cwd: repo, encoding: 'utf8' });
      const theirs = JSON.parse(out.trim().split('\n').pop()!) as { chain_cpu_seconds: number; kept: number; crashed: { id: string; filter: string; error: string }[] };
      ratios.push(theirs.chain_cpu_seconds / oursS);
      line = `${label}: ${set.length} docs; ours kept ${kept}, errors ${Object.entries(stats.counters).filter(([k]) => k.startsWith('filter.errors.')).reduce((a, [, v]) => a + v, 0)}; datatrove kept ${theirs.kept}, crashed on ${theirs.crashed.length}`;
      console.log(`  round ${round + 1}: ours ${oursS.toFixed(2)} CPU-s, datatrove ${theirs.chain_cpu_seconds.toFixed(2)} CPU-s → ${(theirs.chain_cpu_seconds / oursS).toFixed(2)}×`);
      if (round === 0) for (const c of theirs.crashed) console.log(`    datatrove crashed on ${c.id} in ${c.filter}: ${c.error}`);
    }
    ratios.sort((a, b) => a - b);
    console.log(`${line}\n  speed ratio (datatrove CPU / ours): min ${ratios[0]!.toFixed(2)}×, median ${ratios[ratios.length >> 1]!.toFixed(2)}×\n`);
  }
  if (chainOnly) process.exit(0);
}

// Speed: language id alone, and a 10 MB document (datatrove's language id timing from its one run).
const speedDocs = docs.slice(0, dtSpeed?.docs ?? mainDocs.length);
const cpuSeconds = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
console.log('\n## Speed (one core)\n');

const paras = speedDocs.flatMap((d) => d.text.split('\n')).filter((p) => p.length >= 200).slice(0, 20000);
const avg = paras.reduce((a, p) => a + p.length, 0) / paras.length;
let t0 = performance.now();
const lc0 = cpuSeconds();
for (const p of paras) lid.predict(p);
const lidPerS = paras.length / ((performance.now() - t0) / 1000);
const lidPerCpu = paras.length / (cpuSeconds() - lc0);
if (dtSpeed) console.log(`language id, CPU time: ours ${lidPerCpu.toFixed(0)} predictions/CPU-s, datatrove (fasttext C++) ${(dtSpeed.lid_paragraphs / dtSpeed.lid_cpu_seconds).toFixed(0)}/CPU-s → ${(lidPerCpu / (dtSpeed.lid_paragraphs / dtSpeed.lid_cpu_seconds)).toFixed(2)}×`);
console.log(`language id, wall time: ours ${lidPerS.toFixed(0)} predictions/s on ${paras.length} paragraphs (avg ${avg.toFixed(0)} chars)` + (dtSpeed ? `, datatrove (fasttext C++) ${dtSpeed.lid_per_s.toFixed(0)}/s → ${(lidPerS / dtSpeed.lid_per_s).toFixed(2)}×` : ''));

// 10 MB document through every filter (each run on it regardless of earlier verdicts).
let big = '';
for (let i = 0; big.length < 10_000_000; i++) big += docs[i % mainDocs.length]!.text + '\n';
const bigDoc: Document = { ...docs[0]!, text: big.slice(0, 10_000_000) };
const times: string[] = [];
let total = 0;
const bigCpu0 = cpuSeconds();
const ctxBig: FilterContext = { ...createTextMemo(), observe: () => {} };
for (const [name, f] of Object.entries(ours)) {
  t0 = performance.now();
  f(bigDoc, ctxBig);
  const dtMs = performance.now() - t0;
  total += dtMs;
  times.push(`${name} ${dtMs.toFixed(0)} ms`);
}
console.log(`10 MB document, every filter: ${total.toFixed(0)} ms wall, ${((cpuSeconds() - bigCpu0) * 1000).toFixed(0)} ms CPU (${times.join(', ')}; word tokenization counted in the first filter that needs it)`);
