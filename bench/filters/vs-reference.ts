// The text filters (Gopher repetition and quality, C4 quality and bad words, FineWeb quality) of a
// reference commit against this tree's: every outcome (keep/drop, rule, detail, rewritten text) and
// every measured value must be the same on real texts (gold texts and our extraction of the shared
// extraction sets) and on seeded generated texts made to hit the edge cases (duplicated lines and
// paragraphs, repeated n-grams whose concatenations coincide, astral and lone surrogates, Python-only
// whitespace and line breaks, bullets, ellipses, policy lines, bad words in several languages).
// Then both sides are timed in interleaved rounds (CPU seconds per filter, words tokenized once
// outside the timed part since tokenization is words.ts's cost, not the filters').
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/vs-reference.ts
//   --ref COMMIT     reference (default: where this branch left main)
//   --rounds N       timed rounds (default 5; 0 = exactness only)
//   --time-docs N    real texts in the timed set, evenly spaced (default 1500)
//   --fuzz N         generated texts (default 3000)
//   --only a,b       these filter runs only (names as printed)
//   --sample K       compare every K-th real text only (default 1: all), for quick checks while working
// The real texts are cached in bench/results/filters-vs-reference-texts.json (delete it to rebuild).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as BadWords from '../../filters/c4-badwords.ts';
import type * as C4 from '../../filters/c4-quality.ts';
import type * as Fineweb from '../../filters/fineweb-quality.ts';
import type * as GopherQ from '../../filters/gopher-quality.ts';
import type * as GopherR from '../../filters/gopher-repetition.ts';
import type { FilterContext, Outcome } from '../../filters/types.ts';
import { createTextMemo } from '../../filters/text-memo.ts';
import { createWordMemo } from '../../filters/words.ts';
import type { Document } from '../../pipeline/index.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { HTML_CLEANING_SETS, loadHtmlCleaning, loadScrapinghub, loadWcxb } from '../extraction/datasets.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { seededRandom as rng } from '../../pipeline/seeded-random.ts';
import { referenceTree } from '../reference-tree.ts';

const { values: args } = parseArgs({
  options: { ref: { type: 'string' }, rounds: { type: 'string', default: '5' }, 'time-docs': { type: 'string', default: '1500' }, fuzz: { type: 'string', default: '3000' }, sample: { type: 'string', default: '1' }, only: { type: 'string' } },
});

interface Filters {
  gr: typeof GopherR;
  gq: typeof GopherQ;
  c4: typeof C4;
  fw: typeof Fineweb;
  bw: typeof BadWords;
}

async function load(dir: string): Promise<Filters> {
  const m = async <T>(f: string): Promise<T> => (await import(path.join(dir, 'filters', f))) as T;
  return { gr: await m('gopher-repetition.ts'), gq: await m('gopher-quality.ts'), c4: await m('c4-quality.ts'), fw: await m('fineweb-quality.ts'), bw: await m('c4-badwords.ts') };
}

const { commit: refCommit, dir: refDir } = referenceTree(args.ref, 'filters', ['filters', 'pipeline']);
const ref = await load(refDir);
const cur = await load(repoRoot);

// ---- texts ----
interface Text {
  id: string;
  text: string;
  lang: string;
}
const cache = path.join(repoRoot, 'bench/results/filters-vs-reference-texts.json');
let real: Text[] = [];
if (existsSync(cache)) real = JSON.parse(readFileSync(cache, 'utf8')) as Text[];
else {
  const data = sharedDataDir();
  if (data === undefined) throw new Error('no shared data: set CC_PRETRAIN_SHARED');
  const pages = [...(await loadScrapinghub(data)), ...(await loadWcxb(data))];
  for (const s of HTML_CLEANING_SETS) pages.push(...(await loadHtmlCleaning(data, s)));
  for (const p of pages) {
    if (p.gold.trim() !== '') real.push({ id: `${p.set}/${p.id}/gold`, text: p.gold, lang: 'en' });
    const t = extractMainText(p.html).text;
    if (t.trim() !== '') real.push({ id: `${p.set}/${p.id}/extracted`, text: t, lang: 'en' });
  }
  mkdirSync(path.dirname(cache), { recursive: true });
  writeFileSync(cache, JSON.stringify(real));
}

const VOCAB = [
  'the', 'be', 'to', 'of', 'and', 'that', 'have', 'with', 'The', 'a', 'ab', 'abc', 'b', 'bc', 'c', 'cab', 'ca', 'word', 'words', 'x',
  'Wörter', 'straße', 'ΣΑΣ', 'σας', 'İstanbul', 'K', '日本語', '性', 'sm', 'グロ', 'ass', 'Ass', 'class', 'sex', 'sexy', 'fuck', 'Scheiße', 'merde',
  '😀', '𝒳y', '\ud800', '\udc00z', '#', '##', '...', '…', '-', '•', '—', '“quoted”', '"', "'", '!', '?', '.', ',', ';', '[1]', '[12]', '[edit]',
  '[citation needed]', '{', '}', 'javascript', 'JavaScript', 'lorem', 'ipsum', 'terms', 'of use', 'privacy policy', 'cookie policy', 'uses cookies',
  'use of cookies', 'use cookies', 'Privacy Policy', 'can\'t', 'cannot', 'U.S.', 'Mr.', 'e.g.', '1,000', '3.14', 'http://x.y/z', 'a@b.c',
  'x'.repeat(40), 'y'.repeat(1001), '\u00a0', '\u3000', '\u2009', '\u0085', '\u000b', '\u000c', '\u001c', '\u001f', '\ufeff',
];
const SEPS = [' ', ' ', ' ', ' ', '  ', '\t', '\u00a0', '\u2003'];
const BREAKS = ['\n', '\n', '\n', '\n\n', '\n\n\n', '\r\n', '\r', '\u2028', '\u0085', '\u000b', '\n \n', '\n\t\n'];
const LANGS = ['en', 'en', 'en', 'de', 'fr', 'ja', 'zh', 'th', 'es', 'xx', 'en-US'];

function fuzzText(seed: number): Text {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const vocab = VOCAB.filter(() => r() < 0.5);
  if (vocab.length === 0) vocab.push('the');
  const lines: string[] = [];
  const nLines = 1 + Math.floor(r() * (r() < 0.1 ? 400 : 40));
  for (let i = 0; i < nLines; i++) {
    const u = r();
    if (u < 0.15 && lines.length > 0) lines.push(pick(lines)); // duplicated line
    else if (u < 0.2 && lines.length > 3) {
      const at = Math.floor(r() * (lines.length - 2));
      lines.push(...lines.slice(at, at + 1 + Math.floor(r() * 3))); // duplicated paragraph-ish run
    } else if (u < 0.25) lines.push('');
    else {
      const nWords = Math.floor(r() * (r() < 0.2 ? 60 : 12));
      const ws: string[] = [];
      // Repeated n-grams: a small sub-vocabulary makes the top and duplicated n-grams large.
      const small = r() < 0.3 ? vocab.slice(0, 1 + Math.floor(r() * 3)) : vocab;
      for (let k = 0; k < nWords; k++) ws.push(pick(small));
      let line = ws.join(pick(SEPS));
      if (r() < 0.3) line += pick(['.', '!', '?', '"', "'", '...', '…', ' .', ':']);
      if (r() < 0.1) line = pick(['- ', '• ', '  -', '\u2003•']) + line;
      if (r() < 0.05) line = ' ' + line + ' ';
      lines.push(line);
    }
  }
  let text = '';
  for (let i = 0; i < lines.length; i++) text += (i > 0 ? pick(BREAKS) : '') + lines[i];
  if (r() < 0.2) text = pick(BREAKS) + text + pick(BREAKS);
  return { id: `fuzz/${seed}`, text, lang: pick(LANGS) };
}

const fuzz = Array.from({ length: Number(args.fuzz) }, (_, i) => fuzzText(i + 1));
const sample = Number(args.sample);
const texts = [...real.filter((_, i) => i % sample === 0), ...fuzz];

// ---- words, once per text, shared by both sides ----
const memos = new Map<string, ReturnType<typeof createWordMemo>>();
const wordsOf = new Map<string, readonly string[]>();
const countOf = new Map<string, number>();
function context(t: Text, observe: FilterContext['observe']): FilterContext {
  return {
    words(text) {
      let w = wordsOf.get(text);
      if (w === undefined) {
        let m = memos.get(t.id);
        if (m === undefined) memos.set(t.id, (m = createWordMemo()));
        wordsOf.set(text, (w = [...m.words(text)]));
      }
      return w;
    },
    count(text) {
      let n = countOf.get(text);
      if (n === undefined) countOf.set(text, (n = wordsOf.get(text)?.length ?? createWordMemo().count(text)));
      return n;
    },
    ...measures(),
    observe,
  };
}

/**
 * The text memo's lines, lengths and sentence counts, fresh: each filter call, timed alone, pays
 * for its text's lines, length and sentences once, as in the pipeline (the reference's filters
 * compute them themselves).
 */
function measures(): Pick<FilterContext, 'lines' | 'plain' | 'pyLength' | 'sentenceCount'> {
  const { lines, plain, pyLength, sentenceCount } = createTextMemo();
  return { lines, plain, pyLength, sentenceCount };
}

// ---- the filters, each with the parameter sets the presets and variants use ----
type Run = (doc: Document, ctx: FilterContext) => Outcome;
function build(f: Filters): Record<string, Run> {
  const grd = f.gr.GOPHER_REPETITION_DEFAULTS;
  const gqd = f.gq.GOPHER_QUALITY_DEFAULTS;
  const c4d = f.c4.C4_QUALITY_DEFAULTS;
  const fwd = f.fw.FINEWEB_QUALITY_DEFAULTS;
  const c4fw = f.c4.c4Quality({ ...c4d, filter_no_terminal_punct: false });
  const bw = f.bw.c4BadWords({ keep_fraction: 0, default_language: 'en' });
  const bwSoft = f.bw.c4BadWords({ keep_fraction: 0.5, default_language: 'en' });
  const fw = f.fw.finewebQuality(fwd);
  return {
    gopher_repetition: f.gr.gopherRepetition(grd),
    gopher_repetition_newline_runs: f.gr.gopherRepetition({ ...grd, lines: 'newline_runs' }),
    gopher_quality: f.gq.gopherQuality(gqd),
    gopher_quality_distinct: f.gq.gopherQuality({ ...gqd, stop_word_count: 'distinct' }),
    c4_quality_fineweb: c4fw,
    c4_quality_tfds: f.c4.c4Quality({ ...c4d, end_marks: ['.', '?', '!', '"'], min_words_per_line: 5, min_num_sentences: 3, count_words: 'after_citations', max_page_chars: 190_000 }),
    c4_quality_sentences: f.c4.c4Quality({ ...c4d, split_paragraph: false }),
    fineweb_quality: fw,
    fineweb_quality_head: f.fw.finewebQuality({ ...fwd, variant: 'head', line_punct_exclude_zero: true }),
    // FineWeb's order: FineWeb quality sees C4's rewritten text.
    fineweb_after_c4: (doc, ctx) => {
      const o = c4fw(doc, ctx);
      return fw(o.keep && o.text !== undefined ? { ...doc, text: o.text } : doc, ctx);
    },
    c4_badwords: (doc) => bw(doc, () => {}),
    c4_badwords_soft: (doc) => bwSoft(doc, () => {}),
  };
}
const refRuns = build(ref);
const curRuns = build(cur);
const names = Object.keys(refRuns).filter((n) => args.only === undefined || args.only.split(',').includes(n));
const docOf = (t: Text): Document => ({ id: t.id, url: `https://example.com/${t.id}`, text: t.text, lang: t.lang, source: 'bench', file: 'vs-reference', meta: {} });

/** Everything a filter run produced, as one string: outcome and each observed value with its bounds. */
function record(run: Run, t: Text): string {
  const seen: string[] = [];
  let out: Outcome;
  try {
    out = run(docOf(t), context(t, (m, v, ...b) => seen.push(`${m}=${Object.is(v, -0) ? '-0' : String(v)} ${JSON.stringify(b)}`)));
  } catch (err) {
    return `threw ${(err as Error).message}`;
  }
  return `${JSON.stringify(out)}\n${seen.join('\n')}`;
}

let differences = 0;
for (const name of names) {
  let n = 0;
  for (const t of texts) {
    const a = record(refRuns[name]!, t);
    const b = record(curRuns[name]!, t);
    n++;
    if (a !== b) {
      differences++;
      if (differences <= 20) console.log(`DIFF ${name} ${t.id}\n  reference: ${a.replaceAll('\n', ' | ').slice(0, 400)}\n  this tree: ${b.replaceAll('\n', ' | ').slice(0, 400)}`);
    }
  }
  console.log(`${name}: ${n} texts compared`);
}
console.log(`reference ${refCommit.slice(0, 7)}: ${differences} differences over ${texts.length} texts (${texts.length - fuzz.length} real, ${fuzz.length} generated) × ${names.length} filter runs`);
if (differences > 0) process.exitCode = 1;

// ---- timing: interleaved rounds, CPU seconds per filter and side ----
const rounds = Number(args.rounds);
if (rounds > 0 && differences === 0) {
  const step = Math.max(1, Math.floor(real.length / Number(args['time-docs'])));
  const timed = real.filter((_, i) => i % step === 0);
  const chars = timed.reduce((s, t) => s + t.text.length, 0);
  const noop = (): void => {};
  const ctxs = timed.map((t) => context(t, noop));
  const docs = timed.map(docOf);
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const time = (run: Run, from: number, to: number): number => {
    const t0 = cpu();
    for (let i = from; i < to; i++) run(docs[i]!, { ...ctxs[i]!, ...measures() });
    return cpu() - t0;
  };
  // Warm-up, untimed: the words of every timed text are computed and both sides are compiled.
  for (const name of names) for (const side of [refRuns, curRuns]) time(side[name]!, 0, docs.length);
  const ratios = new Map<string, number[]>(names.map((n) => [n, []]));
  const secs = new Map<string, [number, number]>(names.map((n) => [n, [0, 0]]));
  // The machine may be shared: the sides alternate every CHUNK texts, so a slow spell hits both.
  const CHUNK = 25;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const s: [number, number] = [0, 0];
      for (let from = 0, k = r; from < docs.length; from += CHUNK, k++) {
        const to = Math.min(docs.length, from + CHUNK);
        for (const side of k % 2 === 0 ? [0, 1] : [1, 0]) s[side]! += time(side === 0 ? refRuns[name]! : curRuns[name]!, from, to);
      }
      ratios.get(name)!.push(s[0] / s[1]);
      const tot = secs.get(name)!;
      tot[0] += s[0];
      tot[1] += s[1];
    }
  }
  console.log(`\ntimed: ${timed.length} real texts (${(chars / 1e6).toFixed(1)} M chars), ${rounds} interleaved rounds; ratio = reference CPU / this tree's CPU`);
  console.log('filter'.padEnd(32), 'ref s/round'.padStart(11), 'this s/round'.padStart(12), 'min'.padStart(6), 'median'.padStart(7));
  for (const name of names) {
    const rs = ratios.get(name)!.sort((a, b) => a - b);
    const [a, b] = secs.get(name)!;
    console.log(name.padEnd(32), (a / rounds).toFixed(3).padStart(11), (b / rounds).toFixed(3).padStart(12), rs[0]!.toFixed(2).padStart(6), rs[Math.floor(rs.length / 2)]!.toFixed(2).padStart(7));
  }
}
