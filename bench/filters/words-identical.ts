// The word tokenizer of this tree against a reference commit's (default: where this branch left
// main), loaded from `git archive` of its filters/: tokens of `wordTokenize` and `treebankTokenize`
// and the counts of `createWordMemo` on the gold texts of the extraction sets (scrapinghub, WCXB
// dev, the html-cleaning sets) and on seeded random strings over the characters the Treebank rules
// treat specially (every Python whitespace, every quote, apostrophes and contractions, periods and
// ellipses, dashes, brackets, U+FDD0/U+FDD1, digits with commas and colons): a quarter of them
// without quotes and apostrophes, a quarter with apostrophes and clitics but no other quote, a
// quarter with double, curly and angle quotes and apostrophes inside words (the sentences the plain
// scan takes instead of the rules since x23w), the rest with everything. Then CPU time, reference and this tree
// interleaved finely: `wordTokenize` on every fourth gold text, and, when bench/filters/run.ts has written
// bench/results/filters-docs.jsonl, the filters that count words (Gopher quality, C4 quality, then
// FineWeb quality on C4's text, one word memo per document) on its 3,552 documents, whose
// verdicts must be the same.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/words-identical.ts [fuzz=20000] [rounds=5] [ref]

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as Words from '../../filters/words.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { HTML_CLEANING_SETS, loadHtmlCleaning, loadScrapinghub, loadWcxb } from '../extraction/datasets.ts';
import { seededRandom as rng } from '../../pipeline/seeded-random.ts';
import { referenceTree } from '../reference-tree.ts';

const fuzzCount = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 5);
const { commit: refCommit, dir } = referenceTree(process.argv[4], 'words', ['filters']);
const ref = (await import(path.join(dir, 'filters/words.ts'))) as typeof Words;

const data = sharedDataDir();
if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
const gold: string[] = [];
for (const p of await loadScrapinghub(data)) gold.push(p.gold);
for (const p of await loadWcxb(data)) gold.push(p.gold);
for (const s of HTML_CLEANING_SETS) for (const p of await loadHtmlCleaning(data, s)) gold.push(p.gold);

/** Pieces of the texts the plain-sentence scan takes (no quote but `’`, contractions that need none). */
const PLAIN = [
  ...'\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b',
  '\r\n', ' ', ' ', ' ', ' ',
  '’', '’', '‹', '›', '‚', 'can', 'not', 'Can', 'NOT', 'gim', 'me', 'gon', 'na', 'got', 'ta', 'lem', 'wan', 'more', 'is', 'was', 'd', 'n', 'T',
  'don', 'it', 'I', 'The', 'he', 'Dr', 'Mr', 'U.S', 'e.g', 'etc', 'a', 'b', 'ſ', 'K', 'é', 'Ω', '中文', 'x_y', '٣', '𝟎', '😀', '\ud800',
  '.', '.', '.', '..', '...', '....', '…', '?', '!', ';', ':', ',', '@', '#', '$', '%', '&', '*', '-', '--', '---', '‐', '‒', '–', '—', '―',
  ...'()[]{}<>', '\ufdd0', '\ufdd1', '1', '42', '1,000', '10:30', ',5', ':0', '3.14', '.5',
];
/** Single apostrophes and clitics. */
const APOSTROPHES = ["'", "'", "'", "'s", "'S", "'m", "'M", "'d", "'D", "'ll", "'LL", "'Ll", "'re", "'RE", "'ve", "'VE", "n't", "N'T", "n'T", "'t", "'T", "'n", "'ſ", "ſ", "'em", "'90s"];
const PIECES = [...PLAIN, ...APOSTROPHES, ...'"`«»“”‘„', '``', "''", "d'ye", "'tis", "'Twas", "more'n"];
/** Quotes and in-word apostrophes, which the plain scan takes (no backtick, no loose `'`), and two contractions it must not. */
const QUOTED = [...PLAIN, ...'""""«»“”‘„', "don't", "John's", "I'M", "we'll", "x'd've", "can't's", "a'n't", "O'Neil", "it'S", "xn'T", "d'ye", "More'n"];

function fuzzString(next: () => number, pieces: readonly string[]): string {
  const n = 1 + Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += pieces[Math.floor(next() * pieces.length)]!;
  return s;
}

const next = rng(13);
const fuzz = Array.from({ length: fuzzCount }, (_, i) => fuzzString(next, [PIECES, PLAIN, [...PLAIN, ...APOSTROPHES], QUOTED][i % 4]!));

let differences = 0;
const report = (what: string, text: string): void => {
  if (differences++ < 10) console.log(`DIFF ${what}: ${JSON.stringify(text.slice(0, 200))}`);
};
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The text with every `k`th line dropped, as C4 quality rewrites a document. */
const dropLines = (text: string, k: number): string => text.split('\n').filter((_, i) => i % k !== 0).join('\n');

function compare(text: string): void {
  if (!same(Words.wordTokenize(text), ref.wordTokenize(text))) report('wordTokenize', text);
  if (!same(Words.treebankTokenize(text), ref.treebankTokenize(text))) report('treebankTokenize', text);
  const mine = Words.createWordMemo();
  const theirs = ref.createWordMemo();
  if (!same(mine.words(text), theirs.words(text))) report('memo words', text);
  for (const k of [2, 3]) {
    const t = dropLines(text, k);
    if (mine.count(t) !== ref.wordTokenize(t).length) report(`memo count, every ${k}th line dropped`, text);
  }
}

for (const t of gold) compare(t);
// Several fuzz strings per text, on lines, so that Punkt splits them into sentences of every kind.
for (let i = 0; i < fuzz.length; i++) compare(fuzz[i]!);
for (let i = 0; i + 8 <= fuzz.length; i += 8) compare(fuzz.slice(i, i + 8).join(i % 16 === 0 ? '\n' : ' '));
const timed = gold.filter((_, i) => i % 4 === 0);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * Rounds of the reference's and this tree's `run` on the same items, interleaved finely (40
 * slices a round, the side that goes first alternating) so that a burst of load on the shared
 * machine falls on both: CPU ms of each per round, then the min and median ratio.
 */
function timeRounds<T>(what: string, items: readonly T[], ref: (items: readonly T[]) => unknown, ours: (items: readonly T[]) => unknown): void {
  const slices = Array.from({ length: 40 }, (_, k) => items.slice(Math.floor((k * items.length) / 40), Math.floor(((k + 1) * items.length) / 40)));
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let a = 0;
    let b = 0;
    slices.forEach((slice, k) => {
      for (const side of k % 2 === 0 ? [0, 1] : [1, 0]) {
        const t0 = cpuMs();
        (side === 0 ? ref : ours)(slice);
        if (side === 0) a += cpuMs() - t0;
        else b += cpuMs() - t0;
      }
    });
    ratios.push(a / b);
    console.log(`  round ${r + 1}: reference ${a.toFixed(0)} ms, this tree ${b.toFixed(0)} ms, ${(a / b).toFixed(2)}x`);
  }
  ratios.sort((x, y) => x - y);
  console.log(`${what}: min ${ratios[0]!.toFixed(2)}x, median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}x less CPU`);
}

interface Doc {
  id: string;
  url: string;
  text: string;
}
interface Filter {
  (doc: { id: string; url: string; text: string; source: string; file: string; meta: Record<string, never> }, ctx: object): {
    keep: boolean;
    rule?: string;
    text?: string;
  };
}
/** Gopher quality, C4 quality and FineWeb quality (on C4's text) of `root`'s filters/, as configured by default. */
async function wordFilters(root: string): Promise<(docs: readonly Doc[]) => string> {
  const m = (f: string): Promise<Record<string, unknown>> => import(path.join(root, 'filters', f)) as Promise<Record<string, unknown>>;
  const { filtersSchema } = (await m('config.ts')) as { filtersSchema: { parse(x: object): unknown } };
  const { resolveFilters } = (await m('presets.ts')) as { resolveFilters(c: unknown): Record<string, unknown> };
  const make = async (file: string, name: string, key: string): Promise<Filter> =>
    ((await m(file)) as Record<string, (c: unknown) => Filter>)[name]!(resolveFilters(filtersSchema.parse({}))[key]);
  const gopher = await make('gopher-quality.ts', 'gopherQuality', 'gopher_quality');
  const c4 = await make('c4-quality.ts', 'c4Quality', 'c4_quality');
  const fineweb = await make('fineweb-quality.ts', 'finewebQuality', 'fineweb_quality');
  // Since the thirteenth round the filters take their lines and lengths from the text memo too.
  const memo = existsSync(path.join(root, 'filters/text-memo.ts')) ? ((await m('text-memo.ts')) as { createTextMemo(): object }).createTextMemo : ((await m('words.ts')) as typeof Words).createWordMemo;
  return (docs) =>
    docs
      .map((d) => {
        const doc = { ...d, source: 'bench', file: 'bench', meta: {} };
        const ctx = { ...memo(), observe: (): void => {} };
        const g = gopher(doc, ctx);
        const c = c4(doc, ctx);
        const f = fineweb({ ...doc, text: c.text ?? doc.text }, ctx);
        return `${g.keep} ${g.rule} ${c.keep} ${c.rule} ${f.keep} ${f.rule}`;
      })
      .join('\n');
}

const docsPath = path.join(repoRoot, 'bench/results/filters-docs.jsonl');
const docs = existsSync(docsPath)
  ? readFileSync(docsPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Doc)
  : [];
const refFilters = docs.length > 0 ? await wordFilters(dir) : undefined;
const ourFilters = docs.length > 0 ? await wordFilters(repoRoot) : undefined;
if (refFilters && ourFilters && refFilters(docs) !== ourFilters(docs)) report('word-counting filter verdicts', docsPath);

console.log(`reference ${refCommit.slice(0, 7)}: ${gold.length} gold texts, ${fuzz.length} + ${Math.floor(fuzz.length / 8)} fuzz texts${docs.length > 0 ? `, ${docs.length} filter documents` : ''}, ${differences} differences`);
timeRounds(`wordTokenize on ${timed.length} gold texts`, timed, (t) => t.map((x) => ref.wordTokenize(x)), (t) => t.map((x) => Words.wordTokenize(x)));
if (refFilters && ourFilters) timeRounds(`Gopher, C4 and FineWeb quality on ${docs.length} documents`, docs, refFilters, ourFilters);
process.exitCode = differences === 0 ? 0 : 1;
