// Word tokenizer of the filters: NLTK's `word_tokenize(text, 'english')` (Punkt sentence split,
// then the improved Treebank rules of NLTK 3.10 `NLTKWordTokenizer` on each sentence), the
// tokenizer FineWeb-era datatrove used for every "number of words". Tokens include punctuation
// tokens (`,` `.` `''` `` ` `` …). Python `re` semantics are kept: `\w`, `\d`, `\s` and `\b` are
// Unicode-aware there, so they are written as explicit Unicode classes and lookarounds here.

import { sentenceBounds, sentenceCount, sliceSentences, splitSentences, type BreakMemo } from './sentences.ts';
import { isPySpace, PY_WS_CLASS } from './text.ts';
import { createUnitCopy, type UnitCopy } from './units.ts';

const W = '[\\p{L}\\p{N}_]';
const NOT_W_AHEAD = `(?!${W})`;
const NOT_W_BEHIND = `(?<!${W})`;
/** Python `\b` next to a word character on the given side. */
const B_BEFORE_WORD = NOT_W_BEHIND;
const B_AFTER_WORD = NOT_W_AHEAD;
const WS = PY_WS_CLASS;
/**
 * Sentences are tokenized together, joined by SEP (U+FDD0, a Unicode noncharacter reserved for
 * internal use): one regex pass per rule over the whole text instead of one per sentence. Rules
 * anchored at a sentence's start or end treat SEP as that edge; SEP is a token boundary like
 * whitespace. A text that itself contains U+FDD0 has it read as U+FDD1 (same length and class).
 */
const SEP = '\uFDD0';
/** Python `$` without MULTILINE (end, or before a final newline) at the end of a sentence. */
const END = `(?=\\n?(?:$|${SEP}))`;

/**
 * Where NLTK writes `([^x])(…)` and puts `\1` back unchanged, the character is a lookbehind here
 * (`(?<=[^x])`): irregexp then starts match attempts only at the literal that follows, several
 * times faster. The matches are the same because each such rule's match ends where the class
 * cannot match (a space the class excludes, or a sentence edge), so a lookbehind never sees a
 * character an earlier match consumed. A rule's third element, when present, is a string every
 * match contains: a text without it skips the rule's pass (an includes, not a regex scan).
 */
type Rule = readonly [RegExp, string, string?];
const r = (src: string, flags = ''): RegExp => new RegExp(src, `gu${flags}`);

const STARTING_QUOTES: readonly Rule[] = [
  [r('([«“‘„]|[`]+)'), ' $1 '],
  [r(`(?<=^|${SEP})"`), '``', '"'],
  [r('(``)'), ' $1 ', '``'],
  [r('([ (\\[{<])("|\'{2})'), '$1 `` '],
  [r(`${NOT_W_BEHIND}(')(?!(?:re|ve|ll|m|t|s|d|n)${B_AFTER_WORD})(?=${W})`, 'i'), '$1 ', "'"],
];

const PUNCTUATION: readonly Rule[] = [
  [r(`(?<=[^.])(\\.)([\\])}>"'»”’ ]*)${WS}*${END}`), ' $1 $2 '],
  [r('([:,])([^\\p{Nd}])'), ' $1 $2'],
  [r(`([:,])${END}`), ' $1 '],
  [r('\\.{2,}|[;@#$%&\\u2012-\\u2015]'), ' $& '],
  [r(`(?<=[^.])(\\.)([\\])}>"']*)${WS}*${END}`), ' $1$2 '],
  [r('[?!]'), ' $& '],
  [r("([^'])' "), "$1 ' ", "' "],
  // NLTK's `[*]`, then its PARENS_BRACKETS and DOUBLE_DASHES rules: disjoint paddings, one pass.
  [r('[*\\][(){}<>]|--'), ' $& '],
];

const ENDING_QUOTES: readonly Rule[] = [
  [r('([»”’])'), ' $1 '],
  [r(`''|"`), " '' "],
  [r(`${WS}{2,}|[${WS.slice(1, -1).replace(' ', '')}]`), ' '],
  [r("(?<=[^' ])('[sS]|'[mM]|'[dD]|') "), ' $1 ', "'"],
  [r("(?<=[^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), ' $1 ', "'"],
];

const CONTRACTIONS: readonly Rule[] = [
  [r(`${B_BEFORE_WORD}(can)(not)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(d)('ye)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(gim)(me)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(gon)(na)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(got)(ta)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(lem)(me)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(more)('n)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(wan)(na)(?=${WS})`, 'i'), ' $1 $2 '],
  [r(` ('t)(is)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(` ('t)(was)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
];

/** Every contraction rule needs one of these strings: most chunks skip all ten passes. */
const CONTRACTION_HINT = /cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna|'tis|'twas/iu;

function applyRules(text: string, rules: readonly Rule[]): string {
  let t = text;
  for (const [re, sub, needs] of rules) if (needs === undefined || t.includes(needs)) t = t.replace(re, sub);
  return t;
}

const CHUNK_CHARS = 32_768;
const SEP_RE = new RegExp(SEP, 'g');

/** The Treebank rule passes over SEP-joined sentences; every SEP survives them, once. */
function treebankRules(joined: string): string {
  let t = applyRules(joined, STARTING_QUOTES);
  t = applyRules(t, PUNCTUATION);
  t = applyRules(` ${t.replace(SEP_RE, ` ${SEP} `)} `, ENDING_QUOTES);
  if (CONTRACTION_HINT.test(t)) t = applyRules(t, CONTRACTIONS);
  return t;
}

/**
 * Treebank tokens of each sentence by the rules, appended to `out`; each sentence's token count
 * is pushed to `counts`. Whole sentences go in chunks of ~32K characters: the rule passes then work
 * on cache- and young-generation-sized strings instead of re-allocating one huge string per rule.
 */
function treebankByRules(sentences: readonly string[], out: string[], counts: number[]): void {
  let from = 0;
  let size = 0;
  const flush = (to: number): void => {
    let n = 0;
    // The rules leave every whitespace character a single space (ENDING_QUOTES' third rule makes
    // them so; later rules add only spaces) and SEP between spaces, so tokens and SEPs are what
    // split(' ') gives, empty strings aside: a string split, not a regex match over the text.
    const parts = treebankRules(sentences.slice(from, to).join(SEP)).split(' ');
    for (let p = 0; p < parts.length; p++) {
      const m = parts[p]!;
      if (m === '') continue;
      if (m === SEP) {
        counts.push(n);
        n = 0;
      } else {
        out.push(m);
        n++;
      }
    }
    counts.push(n);
    from = to;
    size = 0;
  };
  for (let i = 0; i < sentences.length; i++) {
    size += sentences[i]!.length + 1;
    if (size >= CHUNK_CHARS) flush(i + 1);
  }
  if (from < sentences.length) flush(sentences.length);
}

// Plain sentences. On a sentence without backticks, loose apostrophes or contractions the rules
// above only insert spaces, turn `"` into `` or '' and split a clitic off the end of a token, so
// its tokens can be read in one pass over it instead of some twenty regex passes and a split. A
// sentence without any quote but `’` was plain first (about 76 % of the characters of the bench
// WARC's documents); apostrophes between two ASCII letters (don't, John's: `pushWord`) add about
// a tenth, double quotes and the curly and angle quotes most of the rest.

/** How `scanPlain` treats each ASCII character. */
const ORDINARY = 0;
const SPACE = 1;
/** Padded on both sides wherever it is (PUNCTUATION's `[;@#$%&]`, `[?!]`, `[*\][(){}<>]`). */
const PADDED = 2;
const PERIOD = 3;
const HYPHEN = 4;
/** `,` or `:`. */
const COMMA = 5;
/** `"`: the token `` where it opens a quote (`isOpening`), '' elsewhere. */
const DOUBLE_QUOTE = 6;
const ASCII_KIND = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) if (isPySpace(c)) ASCII_KIND[c] = SPACE;
for (const ch of ';@#$%&?!*[](){}<>') ASCII_KIND[ch.charCodeAt(0)] = PADDED;
ASCII_KIND[0x2e] = PERIOD;
ASCII_KIND[0x2d] = HYPHEN;
ASCII_KIND[0x2c] = COMMA;
ASCII_KIND[0x3a] = COMMA;
ASCII_KIND[0x22] = DOUBLE_QUOTE;

/**
 * Beyond ASCII (in a plain sentence): whitespace; the dashes U+2012–U+2015 (PUNCTUATION) and the
 * quotes `«“‘„` (STARTING_QUOTES) and `»”’` (ENDING_QUOTES) are padded.
 */
function kindOf(c: number): number {
  if (c < 0x80) return ASCII_KIND[c]!;
  if ((c >= 0x2012 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201e && c !== 0x201a && c !== 0x201b) || c === 0xab || c === 0xbb) return PADDED;
  return isPySpace(c) ? SPACE : ORDINARY;
}

/** Before these STARTING_QUOTES makes `"` an opening quote: `([ (\[{<])"`, and the quotes `«“‘„` that its first rule pads. */
const isBeforeOpening = (c: number): boolean =>
  c === 0x20 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x3c || c === 0xab || c === 0x201c || c === 0x2018 || c === 0x201e;

/**
 * Whether the `"` at i of the sentence starting at `from` becomes `` (else ''): at the sentence's
 * start (`^"`), after `isBeforeOpening`, or after the start's `"` (which `(``)` pads before
 * `([ (\[{<])"` looks).
 */
const isOpening = (u: Uint16Array, from: number, i: number): boolean =>
  i === from || isBeforeOpening(u[i - 1]!) || (i === from + 1 && u[from] === 0x22);

/** STARTING_QUOTES pads runs of backticks, then cuts `` out of them: such sentences go to the rules. */
const BACKTICK_RE = /`/;
/**
 * An apostrophe not between two ASCII letters (`''` among them): STARTING_QUOTES' `'` rules and
 * PUNCTUATION's `' ` and final-period rules look at those only.
 */
const LOOSE_APOSTROPHE = /(?<![A-Za-z])'|'(?![A-Za-z])/;
/** The contractions with an apostrophe between letters (CONTRACTIONS' `d'ye` and `more'n`). */
const CONTRACTION_APOSTROPHE = /d'ye|more'n/iu;
/** The contractions without an apostrophe (those with one have a quote). */
const CONTRACTION_NO_QUOTE = /cannot|gimme|gonna|gotta|lemme|wanna/iu;
/**
 * Every contraction without an apostrophe has `nn`, `mm` or `tt` in ASCII letters, any case (no
 * other character case-folds to n, m or t): a cheaper scan than CONTRACTION_NO_QUOTE's.
 */
const LETTER_PAIR = /[Nn][Nn]|[Mm][Mm]|[Tt][Tt]/;

/**
 * Which of `isPlain`'s character tests can find anything in the sentences: a text without a
 * backtick (or an apostrophe) has no sentence with one, and the test is skipped for all of them
 * (one scan of the text instead of one per sentence). The contractions are still looked for per
 * sentence: one regex scan of a whole text for them cost more than the per-sentence letter pairs.
 */
interface PlainTests {
  backtick: boolean;
  apostrophe: boolean;
}
const ALL_TESTS: PlainTests = { backtick: true, apostrophe: true };
const testsFor = (text: string): PlainTests => ({ backtick: text.includes('`'), apostrophe: text.includes("'") });

/**
 * Whether the rules only pad the sentence, make its `"` `` or '' and split clitics off its tokens
 * (then `scanPlain` gives its tokens): no backtick, apostrophes only between ASCII letters, and no
 * contraction.
 */
const isPlain = (s: string, t: PlainTests): boolean =>
  !(t.backtick && BACKTICK_RE.test(s)) &&
  !(t.apostrophe && s.includes("'") && (LOOSE_APOSTROPHE.test(s) || CONTRACTION_APOSTROPHE.test(s))) &&
  !(LETTER_PAIR.test(s) && CONTRACTION_NO_QUOTE.test(s));

/** Python `\d` (Unicode Nd) on a code point. */
const DIGIT_RE = /^\p{Nd}/u;

/** Characters NLTK's final-period rule lets follow the period, `'` aside (a plain sentence has none there). */
const isAfterFinalPeriod = (c: number): boolean =>
  c === 0x5d || c === 0x29 || c === 0x7d || c === 0x3e || c === 0x20 || c === 0x22 || c === 0xbb || c === 0x201d || c === 0x2019;

/**
 * Where NLTK's final-period rule `([^.])(\.)([\]\)}>"\'»”’ ]*)\s*$` pads the period: the last
 * period before only closing brackets, closing quotes and spaces, then whitespace; -1 if none. A
 * `"` there that opens a quote is `` by then, which the rule does not pass. A period after another
 * one belongs to an ellipsis, padded by its own rule.
 */
function finalPeriod(u: Uint16Array, from: number, to: number): number {
  let i = to - 1;
  while (i >= from && isPySpace(u[i]!)) i--;
  for (; i >= from; i--) {
    const c = u[i]!;
    if (!isAfterFinalPeriod(c) || (c === 0x22 && isOpening(u, from, i))) break;
  }
  return i >= from && u[i] === 0x2e && (i === from || u[i - 1] !== 0x2e) ? i : -1;
}

/**
 * The Treebank tokens of a plain sentence (`isPlain`), s[from, to), appended to `out`, in one
 * pass; returns how many. A document's sentences are read in the document's text, not in their
 * own strings: those are slices of it, and each character read through a slice costs more (the
 * words of the bench documents take about 17 % less CPU so); the characters are read from `u`,
 * the text's units copied into a typed array (units.ts), and only the tokens are sliced from `s`.
 * On such a sentence the rules only
 * insert spaces (and rewrite `"`), so its tokens are its non-whitespace runs cut where a rule
 * pads, their clitics split off (`pushWord`):
 * - PADDED characters, `"` (as `` or ''), every run of two or more periods, and `--` (pairs
 *   from the left);
 * - the final period (`finalPeriod`);
 * - `,` and `:` unless a digit follows (at the sentence's end `([:,])$` pads them): the rule
 *   `([:,])([^\d])` consumes the character after the one it pads, so a `,` or `:` right after a
 *   padded one is not padded (`a,,b` → `a` `,` `,b`).
 */
function scanPlain(s: string, u: Uint16Array, from: number, to: number, apostrophe: boolean, out: string[]): number {
  const before = out.length;
  const push = apostrophe ? pushWord : pushSlice;
  const last = finalPeriod(u, from, to);
  let start = -1;
  let consumed = -1;
  for (let i = from; i < to; ) {
    const c = u[i]!;
    const kind = i === last ? PADDED : kindOf(c);
    if (kind === ORDINARY) {
      // Most characters are ordinary ASCII inside a word: the run is stepped over with one table
      // read each, none of the other kinds' tests (non-ASCII goes round again; the final period,
      // a `.`, is not ORDINARY in the table, so the run stops there too).
      if (start < 0) start = i;
      for (i++; i < to; i++) {
        const d = u[i]!;
        if (d >= 0x80 || ASCII_KIND[d] !== ORDINARY) break;
      }
      continue;
    }
    let len = 0;
    if (kind === SPACE) {
      if (start >= 0) push(s, start, i, out);
      start = -1;
      i++;
      continue;
    }
    if (kind === PADDED || kind === DOUBLE_QUOTE) len = 1;
    else if (kind === PERIOD) {
      let j = i + 1;
      while (j < to && u[j] === 0x2e) j++;
      if (j - i >= 2) len = j - i;
    } else if (kind === HYPHEN) {
      if (i + 1 < to && u[i + 1] === 0x2d) len = 2;
    } else if (kind === COMMA && i !== consumed) {
      // The code point after, as the sentence's own string has it (a pair cut by its end is a unit).
      const d = i + 1 >= to ? undefined : i + 2 < to ? s.codePointAt(i + 1) : s.charCodeAt(i + 1);
      if (d === undefined || (d < 0x80 ? d < 0x30 || d > 0x39 : !DIGIT_RE.test(String.fromCodePoint(d)))) {
        len = 1;
        consumed = i + 1;
      }
    }
    if (len > 0) {
      if (start >= 0) push(s, start, i, out);
      start = -1;
      out.push(kind === DOUBLE_QUOTE ? (isOpening(u, from, i) ? '``' : "''") : s.slice(i, i + len));
      i += len;
    } else {
      if (start < 0) start = i;
      i++;
    }
  }
  if (start >= 0) push(s, start, to, out);
  return out.length - before;
}

const pushSlice = (s: string, from: number, to: number, out: string[]): void => {
  out.push(s.slice(from, to));
};

/** ENDING_QUOTES' first clitic rule: `'s`, `'m`, `'d` in either case. */
const isClitic1 = (c: number): boolean => c === 0x73 || c === 0x53 || c === 0x6d || c === 0x4d || c === 0x64 || c === 0x44;
/** ENDING_QUOTES' second clitic rule, as written (case-sensitive); `n't` and `N'T` apart. */
const CLITICS_2 = new Set(["'ll", "'LL", "'re", "'RE", "'ve", "'VE"]);

/**
 * The token s[from, to) of a plain sentence whose apostrophes are between ASCII letters: the rules
 * end every token with a space, so ENDING_QUOTES' clitic rules (`(?<=[^' ])('[sS]|'[mM]|'[dD]) `,
 * then `(?<=[^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) `) split off the token's last clitic of the
 * first kind, then the last of the second kind of what is left. The character before an
 * apostrophe is a letter of the token; the one before `n't` must be in the token and no `'`.
 */
function pushWord(s: string, from: number, to: number, out: string[]): void {
  const end = to - from >= 3 && s.charCodeAt(to - 2) === 0x27 && isClitic1(s.charCodeAt(to - 1)) ? to - 2 : to;
  let cut = end;
  if (end - from >= 4) {
    const tail = s.slice(end - 3, end);
    if (CLITICS_2.has(tail) || ((tail === "n't" || tail === "N'T") && s.charCodeAt(end - 4) !== 0x27)) cut = end - 3;
  }
  out.push(s.slice(from, cut));
  if (cut < end) out.push(s.slice(cut, end));
  if (end < to) out.push(s.slice(end, to));
}

/**
 * Treebank tokens of each sentence, appended to `out`, each sentence's count to `counts` if given:
 * plain sentences by `scanPlain`, the others by the rules, together, their tokens then put in
 * sentence order. `source` and `bounds`, if given: the text the sentences are slices of, and the
 * slices' offsets in it (start, end, start, end …), which scanPlain then reads. `units` copies the
 * string scanPlain reads (the source once, or each plain sentence) into a typed array.
 */
function treebankSentences(sentences: readonly string[], out: string[], units: UnitCopy, counts?: number[], source?: string, bounds?: readonly number[]): void {
  const tests = source !== undefined ? testsFor(source) : ALL_TESTS;
  const plain = sentences.map((s) => isPlain(s, tests));
  const special = sentences.filter((_, i) => !plain[i]);
  const specialTokens: string[] = [];
  const specialCounts: number[] = [];
  if (special.length > 0) treebankByRules(special, specialTokens, specialCounts);
  const inSource = source !== undefined && bounds !== undefined;
  const sourceUnits = inSource && special.length < sentences.length ? units(source) : undefined;
  let j = 0;
  let k = 0;
  for (let i = 0; i < sentences.length; i++) {
    let n: number;
    const s = sentences[i]!;
    if (plain[i]) {
      const apostrophe = tests.apostrophe && s.includes("'");
      n = inSource ? scanPlain(source, sourceUnits!, bounds[2 * i]!, bounds[2 * i + 1]!, apostrophe, out) : scanPlain(s, units(s), 0, s.length, apostrophe, out);
    } else {
      n = specialCounts[j++]!;
      for (let e = k + n; k < e; k++) out.push(specialTokens[k]!);
    }
    counts?.push(n);
  }
}

/** NLTK `NLTKWordTokenizer().tokenize(sentence)`. */
export function treebankTokenize(sentence: string): string[] {
  const out: string[] = [];
  treebankSentences([sentence.replace(SEP_RE, '\uFDD1')], out, createUnitCopy());
  return out;
}

/** The text as Punkt and the rules read it: U+FDD0 read as U+FDD1. */
const withoutSep = (text: string): string => (text.includes(SEP) ? text.replace(SEP_RE, '\uFDD1') : text);

/** Punkt sentences of the text, U+FDD0 read as U+FDD1. */
const sentencesOf = (text: string, memo?: BreakMemo): string[] => splitSentences(withoutSep(text), memo);

/**
 * NLTK `word_tokenize(text, 'english')` appended to `out` (each sentence's token count to `counts`
 * if given): Punkt sentences, then Treebank tokens of each. Returns the sentences.
 */
function tokenizeText(text: string, out: string[], units: UnitCopy, counts?: number[], memo?: BreakMemo): string[] {
  const source = withoutSep(text);
  const bounds = sentenceBounds(source, memo);
  const sentences = sliceSentences(source, bounds);
  treebankSentences(sentences, out, units, counts, source, bounds);
  return sentences;
}

/** NLTK `word_tokenize(text, 'english')`: Punkt sentences, then Treebank tokens of each. */
export function wordTokenize(text: string): string[] {
  const out: string[] = [];
  tokenizeText(text, out, createUnitCopy());
  return out;
}

export interface WordMemo {
  /** `wordTokenize(text)`, computed once for the last text asked. */
  words(text: string): readonly string[];
  /** `wordTokenize(text).length`; sentences already tokenized for `words` are not tokenized again. */
  count(text: string): number;
  /** Punkt's sentence count of `text`, with Punkt's slow answers shared with `words` and `count`. */
  sentenceCount(text: string): number;
}

/**
 * How far past the last sentence matched `count` looks for the next one among the document's:
 * C4's dropped lines lie between, each usually a sentence or part of one. A sentence not found
 * within it is tokenized again, so the bound only bounds the work of a miss.
 */
const LOOKAHEAD = 256;

/**
 * One document's word tokenization shared by the filters. Treebank rules see one sentence at a
 * time, so when a filter rewrites the text (C4 drops lines) and a later one counts its words,
 * only sentences that Punkt now splits differently go through the rules again. The rewritten
 * text's sentences come in the document's order (C4 keeps lines in order), so each is looked for
 * by a walk over the document's sentences from the last one found, compared by length and then
 * by value, instead of by a map that would hash every sentence of every document.
 */
export function createWordMemo(units: UnitCopy = createUnitCopy()): WordMemo {
  let wordsOf: string | undefined;
  let words: string[] = [];
  let sentences: readonly string[] = [];
  let counts: number[] = [];
  const breaks: BreakMemo = new Map();
  /** The index of a sentence equal to `s` among `sentences` [from, from + LOOKAHEAD), or -1. */
  const find = (s: string, from: number): number => {
    const to = Math.min(sentences.length, from + LOOKAHEAD);
    for (let k = from; k < to; k++) if (sentences[k]!.length === s.length && sentences[k] === s) return k;
    return -1;
  };
  return {
    words(text) {
      if (text !== wordsOf) {
        words = [];
        counts = [];
        sentences = tokenizeText(text, words, units, counts, breaks);
        wordsOf = text;
      }
      return words;
    },
    count(text) {
      if (text === wordsOf) return words.length;
      let total = 0;
      let next = 0;
      const missing: string[] = [];
      for (const s of sentencesOf(text, breaks)) {
        const k = find(s, next);
        if (k < 0) missing.push(s);
        else {
          total += counts[k]!;
          next = k + 1;
        }
      }
      if (missing.length > 0) {
        const more: string[] = [];
        treebankSentences(missing, more, units);
        total += more.length;
      }
      return total;
    },
    sentenceCount: (text) => sentenceCount(text, breaks),
  };
}
