// The word tokenizer of this tree against a reference commit's (default: where this branch left
// main), loaded from `git archive` of its filters/: tokens of `wordTokenize` and `treebankTokenize`
// and the counts of `createWordMemo` on the gold texts of the extraction sets (scrapinghub, WCXB
// dev, the html-cleaning sets) and on seeded random strings over the characters the Treebank rules
// treat specially (every Python whitespace, every quote, apostrophes and contractions, periods and
// ellipses, dashes, brackets, U+FDD0/U+FDD1, digits with commas and colons): a third of them
// without quotes and apostrophes (the sentences the plain scan takes instead of the rules), a
// third with apostrophes and clitics but no other quote. Then `wordTokenize`
// CPU time, reference and this tree interleaved, on every fourth gold text.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/words-identical.ts [fuzz=20000] [rounds=5] [ref]

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Words from '../../filters/words.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { HTML_CLEANING_SETS, loadHtmlCleaning, loadScrapinghub, loadWcxb } from '../extraction/datasets.ts';

const fuzzCount = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 5);
const git = (...a: string[]): Buffer => execFileSync('git', a, { cwd: repoRoot, maxBuffer: 1 << 30 });
const refCommit = process.argv[4] ?? git('merge-base', 'HEAD', 'main').toString().trim();
const dir = mkdtempSync(path.join(tmpdir(), 'words-reference-'));
execFileSync('tar', ['-x', '-C', dir], { input: git('archive', refCommit, 'filters') });
const ref = (await import(path.join(dir, 'filters/words.ts'))) as typeof Words;

const data = sharedDataDir();
if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
const gold: string[] = [];
for (const p of await loadScrapinghub(data)) gold.push(p.gold);
for (const p of await loadWcxb(data)) gold.push(p.gold);
for (const s of HTML_CLEANING_SETS) for (const p of await loadHtmlCleaning(data, s)) gold.push(p.gold);

/** Mulberry32: the same strings on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function fuzzString(next: () => number, pieces: readonly string[]): string {
  const n = 1 + Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < n; i++) s += pieces[Math.floor(next() * pieces.length)]!;
  return s;
}

const next = rng(13);
const fuzz = Array.from({ length: fuzzCount }, (_, i) => fuzzString(next, [PIECES, PLAIN, [...PLAIN, ...APOSTROPHES]][i % 3]!));

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
console.log(`reference ${refCommit.slice(0, 7)}: ${gold.length} gold texts, ${fuzz.length} + ${Math.floor(fuzz.length / 8)} fuzz texts, ${differences} differences`);

const timed = gold.filter((_, i) => i % 4 === 0);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const time = (tokenize: (t: string) => string[]): number => {
  const t0 = cpuMs();
  for (const t of timed) tokenize(t);
  return cpuMs() - t0;
};
const ratios: number[] = [];
for (let r = 0; r < rounds; r++) {
  const a = time(ref.wordTokenize);
  const b = time(Words.wordTokenize);
  ratios.push(a / b);
  console.log(`round ${r + 1}: reference ${a.toFixed(0)} ms, this tree ${b.toFixed(0)} ms, ${(a / b).toFixed(2)}x`);
}
ratios.sort((x, y) => x - y);
console.log(`wordTokenize on ${timed.length} gold texts: min ${ratios[0]!.toFixed(2)}x, median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(2)}x less CPU`);
rmSync(dir, { recursive: true });
process.exitCode = differences === 0 ? 0 : 1;
