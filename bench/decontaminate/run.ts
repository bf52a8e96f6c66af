// bench/decontaminate: what decontamination costs. (1) The index for a large evaluation set
// synthesised from distinct real text (the gold texts of the html-cleaning benchmarks, cut into
// items of 40 words: ~6 M words, ~150 k items): build CPU seconds, bytes, the worker's RSS after
// loading it. (2) Per-document CPU of the decontamination filter against that index next to the
// whole fineweb filter chain (UT1, language id, Gopher, C4, FineWeb), on real pages that are not
// in the set (WCXB dev gold texts and the scrapinghub articles), in interleaved rounds
// (chain, decontaminate, chain, …), min and median of the per-round ratios.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/decontaminate/run.ts [--rounds 5] [--words 40]
// No anchor: datatrove/dolma decontamination run on other pipelines' document formats; the
// meaningful yardstick is the cost of the filter chain it is added to.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createStats } from '../../pipeline/stats.ts';
import type { Document } from '../../pipeline/document.ts';
import { filtersSchema } from '../../filters/config.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { buildEvalIndex } from '../../filters/decontaminate-index.ts';
import { decontaminate } from '../../filters/decontaminate.ts';
import { DECONTAMINATE_DEFAULTS } from '../../filters/decontaminate-config.ts';
import { sharedDataDir } from '../../test/shared-data.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUNDS = arg('--rounds', 5);
const ITEM_WORDS = arg('--words', 40);
const shared = sharedDataDir();
if (!shared) throw new Error('bench/decontaminate needs ../shared/data (or CC_PRETRAIN_SHARED)');
const repo = resolve(import.meta.dirname, '../..');
const results = join(repo, 'bench/results');
mkdirSync(results, { recursive: true });

// (1) The evaluation set: html-cleaning gold texts, each cut into items of ITEM_WORDS words.
const hc = join(shared, 'extraction', 'html-cleaning');
const items: string[] = [];
for (const set of readdirSync(hc).sort()) {
  const dir = join(hc, set, 'GoldStandard');
  for (const f of readdirSync(dir).sort()) {
    const words = gunzipSync(readFileSync(join(dir, f))).toString('utf8').replace(/^URL: .*$/m, '').replace(/<[hpl]>/g, ' ').split(/\s+/).filter((w) => w !== '');
    for (let i = 0; i + ITEM_WORDS <= words.length; i += ITEM_WORDS) items.push(words.slice(i, i + ITEM_WORDS).join(' '));
  }
}
const evalPath = join(results, 'decontaminate-eval.jsonl');
writeFileSync(evalPath, items.map((q, i) => JSON.stringify({ id: i, question: q })).join('\n') + '\n');
const settings = { ...DECONTAMINATE_DEFAULTS, sets: [{ name: 'synthetic', path: evalPath, fields: ['question'] }] };
const rss0 = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const index = await buildEvalIndex(settings);
const c1 = process.cpuUsage(c0);
const rss1 = process.memoryUsage().rss;
console.log(`evaluation items ${items.length} (${ITEM_WORDS} words each), distinct 13-grams ${index.summary.ngrams}, index ${(index.summary.bytes / 2 ** 20).toFixed(1)} MiB (${(index.summary.bytes / index.summary.ngrams).toFixed(1)} B per n-gram)`);
console.log(`index build ${((c1.user + c1.system) / 1e6).toFixed(2)} CPU-s; RSS after build +${((rss1 - rss0) / 2 ** 20).toFixed(0)} MiB (includes the build's garbage)`);

// (2) Real pages not in the set.
const docs: Document[] = [];
const wcxb = join(shared, 'extraction', 'wcxb-dev', 'ground-truth');
for (const f of readdirSync(wcxb).sort()) {
  const g = JSON.parse(readFileSync(join(wcxb, f), 'utf8')) as { url?: string; ground_truth: { main_content?: string } };
  if (g.ground_truth.main_content) docs.push({ id: f, text: g.ground_truth.main_content, url: g.url ?? `https://example.org/${f}`, source: 'web', file: 'wcxb', meta: {} });
}
const truth = JSON.parse(readFileSync(join(shared, 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
for (const [id, t] of Object.entries(truth).sort()) docs.push({ id, text: t.articleBody, url: t.url, source: 'web', file: 'sh', meta: {} });
const chars = docs.reduce((n, d) => n + d.text.length, 0);

const chain = await createFilterPipeline(filtersSchema.parse({}));
const decon = decontaminate(index, settings);
const cpu = (f: () => void) => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
let removed = 0;
const ratios: number[] = [];
let chainS = Infinity;
let deconS = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  const a = cpu(() => {
    const s = createStats();
    for (const d of docs) chain.apply(d, s);
  });
  const b = cpu(() => {
    const s = createStats();
    removed = 0;
    for (const d of docs) if (!decon(d, s).keep) removed++;
  });
  chainS = Math.min(chainS, a);
  deconS = Math.min(deconS, b);
  ratios.push(b / a);
}
ratios.sort((x, y) => x - y);
const per = (s: number) => `${((s / docs.length) * 1e6).toFixed(0)} µs/doc`;
console.log(`pages ${docs.length} (${(chars / 1e6).toFixed(1)} M chars), removed by decontamination ${removed}`);
console.log(`filter chain ${per(chainS)}, decontamination ${per(deconS)} (best of ${ROUNDS})`);
console.log(`decontamination / chain CPU, ${ROUNDS} interleaved rounds: min ${(ratios[0]! * 100).toFixed(1)} %, median ${(ratios[ratios.length >> 1]! * 100).toFixed(1)} %`);
