// The extract stage's per-document work after extraction (the filter pipeline with language id,
// the MinHash signature of each kept document, PII redaction) of a reference commit against this
// tree's, in one process, on the documents of the N-page bench WARC (profile.ts's benchInput,
// default config). The whole stage (task-vs-reference.ts) cannot resolve a few per cent of it on
// a shared machine; this can. First every output must be the same: each document's verdict,
// reason, language and score, signature and redacted text, and the stats (counters, histograms,
// examples). Then interleaved rounds: the sides alternate every CHUNK documents (the first side
// alternating by round), each chunk timed by the process's CPU clock (GC threads included), so a slow spell hits both.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/docs-vs-reference.ts
//   --ref COMMIT   reference (default: where this branch left main)
//   --pages N      the bench WARC's pages (default 1000)
//   --rounds N     timed rounds (default 5)
//   --only STEP    time only `filters`, `minhash`, `redact` or `language` (language id alone, as the
//                  language filter calls it; default: filters, minhash and redact)
//   --pressure     before each document, on each side, extract a bench page's HTML (untimed), as the
//                  stage does between documents: what that leaves in the caches, not an empty
//                  machine, is what the document's work meets; the sides then alternate every document
//   --cold         fresh sides (empty caches: language id's token cache) every round, as a task starts
// The documents are cached in bench/results/ingest/docs-N.json (delete it to rebuild).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as Filters from '../../filters/index.ts';
import type * as LangId from '../../filters/lang-id.ts';
import type * as Minhash from '../../dedup/minhash.ts';
import type * as Pipeline from '../../pipeline/index.ts';
import type { Document } from '../../pipeline/index.ts';
import { loadRunConfig, createStats } from '../../pipeline/index.ts';
import { readDocuments, planInputs } from '../../ingest/index.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { referenceTree } from '../reference-tree.ts';
import { loadPages } from '../html/pages.ts';
import { benchInput, out, root } from './profile.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, pages: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' }, pressure: { type: 'boolean' }, cold: { type: 'boolean' } } });
const CHUNK = args.pressure ? 1 : 25;
const { commit: ref, dir: refTree } = referenceTree(args.ref, 'docs', [], ['node_modules', '.cache']);

const { config: configFile } = await benchInput(Number(args.pages));
const config = await loadRunConfig(configFile);
const cacheFile = path.join(out, `docs-${args.pages}.json`);
let docs: Document[];
if (existsSync(cacheFile)) docs = JSON.parse(readFileSync(cacheFile, 'utf8')) as Document[];
else {
  docs = [];
  const stats = createStats();
  for (const input of await planInputs(config.sources, config.extract)) {
    for await (const d of readDocuments(input, config.extract, stats, new AbortController().signal)) docs.push(d);
  }
  writeFileSync(cacheFile, JSON.stringify(docs));
}
console.log(`${docs.length} documents of the ${args.pages}-page WARC, reference ${ref.slice(0, 12)}`);

interface Side {
  name: string;
  filters: Filters.FilterPipeline;
  hasher: Minhash.MinHasher;
  lid: LangId.LanguageId;
  stats: Pipeline.StatsCollector;
}

async function side(name: string, tree: string): Promise<Side> {
  const f = (await import(path.join(tree, 'filters/index.ts'))) as typeof Filters;
  const m = (await import(path.join(tree, 'dedup/minhash.ts'))) as typeof Minhash;
  const p = (await import(path.join(tree, 'pipeline/index.ts'))) as typeof Pipeline;
  const l = (await import(path.join(tree, 'filters/lang-id.ts'))) as typeof LangId;
  const lang = f.resolveFilters(config.filters).language;
  return {
    name,
    filters: await f.createFilterPipeline(config.filters),
    hasher: m.createMinHasher(config.dedup.minhash),
    lid: l.loadLanguageId(lang.newlines, lang.max_chars, lang.model),
    stats: p.createStats(),
  };
}

/** One document through a side, as the extract stage runs it; the outputs as a string to compare. */
function run(s: Side, doc: Document, step: string | undefined): string {
  if (step === 'language') {
    const { lang, score } = s.lid.predict(doc.text);
    return `${lang} ${score}`;
  }
  const v = s.filters.apply(doc, s.stats);
  if (step === 'filters') return '';
  if (!v.keep) return `drop ${v.filter} ${v.reason} ${v.doc.lang} ${v.doc.lang_score}`;
  let sig = '';
  if (step !== 'redact') {
    const words = s.hasher.signature(v.doc.text);
    sig = words ? createHash('sha1').update(words).digest('hex') : 'none';
  }
  const text = step === 'minhash' ? '' : s.filters.redact(v.doc, s.stats).text;
  return `keep ${v.doc.lang} ${v.doc.lang_score} ${sig} ${text}`;
}

const trees = [refTree, root];
let sides = [await side('reference', refTree), await side('this tree', root)];
let differ = 0;
for (const doc of docs) {
  const [a, b] = sides.map((s) => run(s, doc, undefined));
  if (a !== b && differ++ < 5) console.log(`differs: ${doc.id}\n  reference: ${a!.slice(0, 200)}\n  this tree: ${b!.slice(0, 200)}`);
}
const statsOf = (s: Side) => JSON.stringify([s.stats.counters, s.stats.histograms, s.stats.examples]);
const sameStats = statsOf(sides[0]!) === statsOf(sides[1]!);
console.log(`outputs: ${differ} of ${docs.length} documents differ; stats ${sameStats ? 'identical' : 'DIFFER'}`);
if (differ > 0 || !sameStats) process.exit(1);

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const step = args.only;
// The bench pages, decoded by our charset code as the stage decodes them; one is extracted before
// each document when --pressure is given.
const pages = args.pressure ? (await loadPages(sharedDataDir()!)).map((p) => p.html) : [];
const ratios: number[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  if (args.cold) sides = await Promise.all(sides.map((s, k) => side(s.name, trees[k]!)));
  const ms = [0, 0];
  const order = r % 2 === 0 ? [0, 1] : [1, 0];
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    for (const k of order) {
      const s = sides[k]!;
      if (args.pressure) extractMainText(pages[i % pages.length]!);
      const t0 = cpuMs();
      for (const doc of chunk) run(s, doc, step);
      ms[k]! += cpuMs() - t0;
    }
  }
  ratios.push(ms[0]! / ms[1]!);
  console.log(`round ${r + 1}: reference ${ms[0]!.toFixed(0)} CPU-ms, this tree ${ms[1]!.toFixed(0)} CPU-ms, ${(ms[0]! / ms[1]!).toFixed(3)}x`);
}
const sorted = [...ratios].sort((a, b) => a - b);
console.log(`${step ?? 'filters + minhash + redact'}: reference / this tree CPU, min ${sorted[0]!.toFixed(3)}x, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}x`);
