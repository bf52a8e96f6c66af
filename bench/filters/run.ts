// bench/filters: exactness and speed of our filters against datatrove 0.2.0 (the code FineWeb ran)
// on the same documents in the same run.
//   1. builds the corpus (make-docs.ts) unless present, 2. runs run_datatrove.py (bench venv),
//   3. runs each of our filters on every document independently and compares keep/drop per filter,
//      printing every disagreement with both measured values, 4. times the chained FineWeb filters
//   (docs/s, one core) against datatrove's timing from step 2, language id alone on paragraphs,
//   and a 10 MB document through every filter.
// Usage: bench/setup.sh && CC_PRETRAIN_SHARED=/work/shared node bench/filters/run.ts [--skip-python]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { readListFile, urlFilter } from '../../filters/url-filter.ts';
import { wordTokenize } from '../../filters/words.ts';

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
let dtSpeed: { docs_per_s: number; lid_per_s: number; chain_seconds: number; kept: number } | undefined;
if (!process.argv.includes('--skip-python')) {
  const out = execFileSync(join(repo, 'bench/.venv/bin/python'), [join(repo, 'bench/filters/run_datatrove.py'), docsPath, dtPath], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  dtSpeed = JSON.parse(out.trim().split('\n').pop()!);
  writeFileSync(join(results, 'filters-datatrove-speed.json'), JSON.stringify(dtSpeed));
} else if (existsSync(join(results, 'filters-datatrove-speed.json'))) {
  dtSpeed = JSON.parse(readFileSync(join(results, 'filters-datatrove-speed.json'), 'utf8'));
}

interface DtEntry { keep: boolean | null; reason: string | null; lang?: string; score?: number; text?: string; metrics?: Record<string, number | null> }
const raw = readFileSync(docsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; url: string; text: string });
const docs: Document[] = raw.map((d) => ({ id: d.id, url: d.url || 'http://missing.invalid/', text: d.text, source: 'bench', file: docsPath, meta: {} }));
const dt = new Map<string, Record<string, DtEntry>>();
for (const l of readFileSync(dtPath, 'utf8').trim().split('\n')) {
  const r = JSON.parse(l) as { id: string; filters: Record<string, DtEntry> };
  dt.set(r.id, r.filters);
}

const cfg = filtersSchema.parse({ url: { domain_lists: [join(ut1, 'adult/domains')], url_lists: [join(ut1, 'adult/urls')] } });
const r = resolveFilters(cfg);
const lists = {
  domains: new Set(await readListFile(join(ut1, 'adult/domains'), false)),
  urls: new Set(await readListFile(join(ut1, 'adult/urls'), false)),
  bannedWords: new Set(await readListFile(join(repo, 'filters/lists/banned_words.txt'), true)),
  bannedSubwords: await readListFile(join(repo, 'filters/lists/banned_subwords.txt'), true),
  softBannedWords: await readListFile(join(repo, 'filters/lists/soft_banned_words.txt'), true),
};
const lid = await loadLanguageId(r.language.newlines);
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

const table: string[] = [];
const details: string[] = [];
for (const [name, f] of Object.entries(ours)) {
  let agree = 0;
  let sameRule = 0;
  let bothDrop = 0;
  let textSame = 0;
  let bothKeep = 0;
  let n = 0;
  for (const d of docs) {
    const theirs = dt.get(d.id)?.[name];
    if (!theirs || theirs.keep === null) continue;
    n++;
    const metrics: Record<string, number> = {};
    let cached: [string, readonly string[]] | undefined;
    const ctx: FilterContext = {
      words: (t) => (cached?.[0] === t ? cached[1] : (cached = [t, wordTokenize(t)])[1]),
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
      details.push(`  ${name} DISAGREE ${d.id}: ours ${o.keep ? 'keep' : `drop ${o.rule} (${o.detail})`} ${JSON.stringify(metrics)} / datatrove ${theirs.keep ? 'keep' : `drop ${theirs.reason}`} ${tm}${theirs.lang ? ` ${theirs.lang} ${theirs.score}` : ''}`);
    }
  }
  table.push(`| ${name} | ${n} | ${agree} | ${((100 * agree) / n).toFixed(2)}% | ${bothDrop} | ${sameRule} |${name === 'c4_quality' ? ` kept text identical ${textSame}/${bothKeep}` : ''}`);
}
console.log('\n## Agreement with datatrove 0.2.0 (each filter on every document)\n');
console.log('| filter | docs | same verdict | agreement | both drop | same rule |');
console.log('|---|---|---|---|---|---|');
for (const l of table) console.log(l);
console.log(`\n## Differences (${details.length})\n`);
for (const l of details) console.log(l);

// Speed: chained FineWeb filters, one core, best of 2 (datatrove measured the same way).
const pipeline = await createFilterPipeline(cfg);
let best = Infinity;
let kept = 0;
for (let rep = 0; rep < 2; rep++) {
  const stats = createStats();
  kept = 0;
  const t0 = performance.now();
  for (const d of docs) if (pipeline.apply(d, stats).keep) kept++;
  best = Math.min(best, (performance.now() - t0) / 1000);
}
const oursPerS = docs.length / best;
console.log('\n## Speed (one core)\n');
console.log(`chained FineWeb filters: ours ${oursPerS.toFixed(0)} docs/s (${best.toFixed(2)} s, kept ${kept})` + (dtSpeed ? `, datatrove ${dtSpeed.docs_per_s.toFixed(0)} docs/s (${dtSpeed.chain_seconds.toFixed(2)} s, kept ${dtSpeed.kept}) → ${(oursPerS / dtSpeed.docs_per_s).toFixed(1)}×` : ''));

const paras = docs.flatMap((d) => d.text.split('\n')).filter((p) => p.length >= 200).slice(0, 20000);
const avg = paras.reduce((a, p) => a + p.length, 0) / paras.length;
let t0 = performance.now();
for (const p of paras) lid.predict(p);
const lidPerS = paras.length / ((performance.now() - t0) / 1000);
console.log(`language id: ours ${lidPerS.toFixed(0)} predictions/s on ${paras.length} paragraphs (avg ${avg.toFixed(0)} chars)` + (dtSpeed ? `, datatrove (fasttext C++) ${dtSpeed.lid_per_s.toFixed(0)}/s → ${(lidPerS / dtSpeed.lid_per_s).toFixed(2)}×` : ''));

// 10 MB document through every filter (each run on it regardless of earlier verdicts).
let big = '';
for (let i = 0; big.length < 10_000_000; i++) big += docs[i % docs.length]!.text + '\n';
const bigDoc: Document = { ...docs[0]!, text: big.slice(0, 10_000_000) };
const times: string[] = [];
let total = 0;
const ctxBig: FilterContext = { words: (() => { let c: [string, readonly string[]] | undefined; return (t: string) => (c?.[0] === t ? c[1] : (c = [t, wordTokenize(t)])[1]); })(), observe: () => {} };
for (const [name, f] of Object.entries(ours)) {
  t0 = performance.now();
  f(bigDoc, ctxBig);
  const dtMs = performance.now() - t0;
  total += dtMs;
  times.push(`${name} ${dtMs.toFixed(0)} ms`);
}
console.log(`10 MB document, every filter: ${total.toFixed(0)} ms total (${times.join(', ')}; word tokenization counted in the first filter that needs it)`);
