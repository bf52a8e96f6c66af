// English sentence splitter following NLTK's Punkt `sent_tokenize` (the one FineWeb-era datatrove
// used for C4's sentence count and, through `word_tokenize`, for every word count). It applies
// Punkt's decision procedure (candidate contexts, first-pass abbreviation/ellipsis annotation,
// second-pass collocation, orthographic and initial/number heuristics, boundary realignment) with
// NLTK's English model parameters shipped in lists/punkt-english.json. Python regex semantics
// (Unicode `\s`, `\w`, `\d`) are spelled out as explicit classes.

import { readFileSync } from 'node:fs';
import { PY_NON_WS_CLASS, PY_WS_CLASS, isPySpace, pyIsBlank, pyRstrip, pyStrip } from './text.ts';

interface PunktModel {
  abbrev: Set<string>;
  collocations: Set<string>;
  /** First words of the collocations: a period after any other word cannot be a collocation. */
  collocationFirst: Set<string>;
  /** `listedShapes(abbrev ∪ collocationFirst)`: which ASCII words may be one of them. */
  listed: ListedShapes;
  sentStarters: Set<string>;
  ortho: Map<string, number>;
}

interface PunktJson {
  abbrev_types: string[];
  collocations: [string, string][];
  sent_starters: string[];
  ortho_context: Record<string, number>;
}

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

/**
 * The lengths, first and last units of a set of words, for telling without lowercasing or hashing
 * that an ASCII word's lowercase is none of them (most words before a period): `table` has a 1 at
 * (length, first unit, last unit), the units reduced by `c & 31`, which maps an ASCII
 * letter and its lowercase alike.
 */
interface ListedShapes {
  longest: number;
  table: Uint8Array;
}

const shapeAt = (length: number, first: number, last: number): number => (length * 32 + (first & 31)) * 32 + (last & 31);

function listedShapes(words: Iterable<string>): ListedShapes {
  const all = [...words].filter((w) => w.length > 0);
  const longest = Math.max(0, ...all.map((w) => w.length));
  const table = new Uint8Array((longest + 1) * 32 * 32);
  for (const w of all) table[shapeAt(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))] = 1;
  return { longest, table };
}

/** Whether the lowercase of `word`, ASCII letters only, may be in the set `shapes` was made of. */
function mayBeListed(word: string, shapes: ListedShapes): boolean {
  return word.length <= shapes.longest && shapes.table[shapeAt(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1))] === 1;
}

function loadPunktModel(): PunktModel {
  const raw = JSON.parse(readFileSync(new URL('./lists/punkt-english.json', import.meta.url), 'utf8')) as PunktJson;
  const collocationFirst = new Set(raw.collocations.map(([a]) => a));
  return {
    abbrev: new Set(raw.abbrev_types),
    collocations: new Set(raw.collocations.map(([a, b]) => `${a}\u0000${b}`)),
    collocationFirst,
    listed: listedShapes([...raw.abbrev_types, ...collocationFirst]),
    sentStarters: new Set(raw.sent_starters),
    ortho: new Map(Object.entries(raw.ortho_context)),
  };
}

/** Read once at import; never modified. */
const MODEL: PunktModel = loadPunktModel();

const WS = PY_WS_CLASS;
const NWS = PY_NON_WS_CLASS;
const NON_WORD = `[)";}\\]*:@'({\\[\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb!?]`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${WS}){2,}\\.)`;
const WORD_START = `[^("\`{\\[:;&#*@)}\\]\\-,]`;
const PUNKT_WORD_RE = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${NWS}+?(?=${WS}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${WS}|${NON_WORD}|${MULTI_CHAR}))|${NWS}`,
  'gu',
);
const REALIGN_RE = new RegExp(`^["')\\]}\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb]+?(?:${WS}+|(?=--)|$|(?=\\n))`, 'u');
/** The first character of every REALIGN_RE match: `"')]}‘’“”«»`. */
const isClosing = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb;
const NUMERIC_RE = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const INITIAL_RE = /^[\p{L}\p{Nl}\p{No}_]\.$/u;
const ELLIPSIS_RE = /^\.\.+$/;
const FIRST_UPPER_RE = /^\p{Lu}/u;
const FIRST_LOWER_RE = /^\p{Ll}/u;
const PUNKT_PUNCT = new Set([';', ':', ',', '.', '!', '?']);

interface Token {
  tok: string;
  type: string;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

function typeNoPeriod(t: Token): string {
  return t.type.length > 1 && t.type.endsWith('.') ? t.type.slice(0, -1) : t.type;
}

function typeNoSentperiod(t: Token): string {
  return t.sentbreak ? typeNoPeriod(t) : t.type;
}

function makeToken(tok: string, m: PunktModel): Token {
  const type = tok.toLowerCase().replace(NUMERIC_RE, '##number##');
  const t: Token = { tok, type, sentbreak: false, abbr: false, ellipsis: false };
  if (tok === '.' || tok === '?' || tok === '!') t.sentbreak = true;
  else if (ELLIPSIS_RE.test(tok)) t.ellipsis = true;
  else if (tok.endsWith('.') && !tok.endsWith('..')) {
    const low = tok.slice(0, -1).toLowerCase();
    const parts = low.split('-');
    if (m.abbrev.has(low) || m.abbrev.has(parts[parts.length - 1]!)) t.abbr = true;
    else t.sentbreak = true;
  }
  return t;
}

function orthoHeuristic(t: Token, m: PunktModel): boolean | 'unknown' {
  if (PUNKT_PUNCT.has(t.tok)) return false;
  const ctx = m.ortho.get(typeNoSentperiod(t)) ?? 0;
  if (FIRST_UPPER_RE.test(t.tok) && ctx & ORTHO_LC && !(ctx & ORTHO_MID_UC)) return true;
  if (FIRST_LOWER_RE.test(t.tok) && (ctx & ORTHO_UC || !(ctx & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

function secondPass(t1: Token, t2: Token, m: PunktModel): void {
  if (!t1.tok.endsWith('.')) return;
  const typ = typeNoPeriod(t1);
  const nextTyp = typeNoSentperiod(t2);
  const isInitial = INITIAL_RE.test(t1.tok);
  if (m.collocations.has(`${typ}\u0000${nextTyp}`)) {
    t1.sentbreak = false;
    t1.abbr = true;
    return;
  }
  if ((t1.abbr || t1.ellipsis) && !isInitial) {
    const starter = orthoHeuristic(t2, m);
    if (starter === true) {
      t1.sentbreak = true;
      return;
    }
    if (FIRST_UPPER_RE.test(t2.tok) && m.sentStarters.has(nextTyp)) {
      t1.sentbreak = true;
      return;
    }
  }
  if (isInitial || typ === '##number##') {
    const starter = orthoHeuristic(t2, m);
    if (starter === false) {
      t1.sentbreak = false;
      t1.abbr = true;
      return;
    }
    if (starter === 'unknown' && isInitial && FIRST_UPPER_RE.test(t2.tok) && !((m.ortho.get(nextTyp) ?? 0) & ORTHO_LC)) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/** Punkt's `text_contains_sentbreak`: a token marked as a break that is followed by another token. */
function containsSentbreak(context: string, m: PunktModel): boolean {
  const toks: Token[] = [];
  for (const line of context.split('\n')) {
    if (pyStrip(line) === '') continue;
    for (const w of line.match(PUNKT_WORD_RE) ?? []) toks.push(makeToken(w, m));
  }
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const next = toks[i + 1];
    if (next) secondPass(t, next, m);
    if (t.sentbreak) return i + 1 < toks.length;
  }
  return false;
}

/** An ASCII letter of either case (`| 0x20` folds upper onto lower). */
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * A printable ASCII character that ends no word token inside a word: not NON_WORD. A `,` ends one
 * only before whitespace, a NON_WORD character, a multi-character token or the end, none of which
 * can follow it inside `before` (isWordBeforePeriod) or before its period.
 */
const IN_WORD = new Uint8Array(0x80);
for (let c = 0x21; c < 0x7f; c++) IN_WORD[c] = ')";}]*:@\'({[!?'.includes(String.fromCharCode(c)) ? 0 : 1;
/** Characters no word token starts with (Punkt's `[^(\"\`{\[:;&#*@)}\]\-,]`). */
const NOT_WORD_START = '("`{[:;&#*@)}]-,';

/**
 * Whether `before` followed by a period and whitespace is one word token of Punkt's word regex,
 * `before.`: printable ASCII (no whitespace) of IN_WORD characters, a word-starting first one, no
 * `--` or `..` (multi-character tokens), and no `.` last (the period would make `..`). Then no
 * lookahead of the lazy word match holds before the period, and whitespace holds after it.
 */
function isWordBeforePeriod(before: string): boolean {
  if (before.length === 0 || NOT_WORD_START.includes(before[0]!)) return false;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c >= 0x80 || IN_WORD[c] === 0) return false;
    if ((c === 0x2d || c === 0x2e) && before.charCodeAt(i + 1) === c) return false;
  }
  return before.charCodeAt(before.length - 1) !== 0x2e;
}

/**
 * containsSentbreak of the context `before` `.` whitespace `next` without the word regex, when
 * its tokens are known: `before.` one token (isWordBeforePeriod), then `next`: ASCII letters, one
 * token that ends no sentence; ASCII letters and `,`, the letters and `,` (the comma ends the
 * line), neither a break; ASCII letters and `.`, one token, last, so its break is not followed by
 * another (letters, `.` and `,` would be two tokens, the first a possible break: not taken). The
 * answer is then the first token's break after the second pass with the next token (numbers such
 * as `2019.`, `$2,400.`, `cu.ft.` before a word). Undefined otherwise.
 */
function twoTokenBreak(before: string, next: string, m: PunktModel): boolean | undefined {
  const tail = next.charCodeAt(next.length - 1);
  const letters = tail === 0x2c ? next.length - 1 : next.length;
  if (letters === 0 || !isWordBeforePeriod(before)) return undefined;
  for (let i = 0; i < letters; i++) {
    if (!isAsciiLetter(next.charCodeAt(i))) {
      if (i === next.length - 1 && i > 0 && next.charCodeAt(i) === 0x2e) break;
      return undefined;
    }
  }
  const t1 = makeToken(`${before}.`, m);
  secondPass(t1, makeToken(letters === next.length ? next : next.slice(0, letters), m), m);
  return t1.sentbreak;
}

const LETTERS_RE = /^\p{L}{2,}$/u;
/** Not two letters or more (LETTERS_RE). */
const NOT_LETTERS = 0;
/** Two ASCII letters or more. */
const ASCII_LETTERS = 1;
/** Two letters or more, some beyond ASCII. */
const LETTERS = 2;
/** Which of the three `s` is: LETTERS_RE run only on a word with a unit beyond ASCII. */
function letterKind(s: string): number {
  if (s.length < 2) return NOT_LETTERS;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return LETTERS_RE.test(s) ? LETTERS : NOT_LETTERS;
    if (!isAsciiLetter(c)) return NOT_LETTERS;
  }
  return ASCII_LETTERS;
}

/**
 * The common cases decided without tokenizing the context (same answer as containsSentbreak):
 * `?`/`!` always end a token that another token follows; a period after a word of two or more
 * letters is a break unless the word is a known abbreviation or starts a known collocation (an
 * ASCII word whose shape no such entry has is neither, and is not lowercased and looked up); so is
 * a period after a closing bracket or quote (`afterNonWord`). Undefined = ask the full procedure.
 */
function isBreakFast(before: string, mark: string, m: PunktModel): boolean | undefined {
  if (mark !== '.') return true;
  if (before.length > 0 && isNonWord(before.charCodeAt(before.length - 1))) return afterNonWord(before, m);
  const kind = letterKind(before);
  if (kind === NOT_LETTERS) return afterHyphenated(before, m);
  // An ASCII word's lowercase has its length, and its first and last units in the shape's terms.
  if (kind === ASCII_LETTERS && !mayBeListed(before, m.listed)) return true;
  return isListed(before.toLowerCase(), m) ? undefined : true;
}

/** Whether lowercase `low` is a known abbreviation or the first word of a known collocation. */
function isListed(low: string, m: PunktModel): boolean {
  return m.abbrev.has(low) || m.collocationFirst.has(low);
}

/**
 * The last `-` of an ASCII word of letters joined by single hyphens (`mission-driven`), or -1.
 * Such a word is one word token with the period (no NON_WORD character, `--`, `,` or `..` in it,
 * a letter first), neither an initial nor a number (no digit), so its period is a break unless
 * the token is an abbreviation (its lowercase, or the lowercase after its last hyphen, listed)
 * or the word starts a collocation, as for a word of letters.
 */
function lastHyphen(word: string): number {
  let at = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2d) {
      if (i === 0 || i === at + 1 || i === word.length - 1) return -1;
      at = i;
    } else if (!isAsciiLetter(c)) return -1;
  }
  return at;
}

/** A period after a hyphenated word (lastHyphen) decided as after a word of letters; undefined otherwise or when listed. */
function afterHyphenated(before: string, m: PunktModel): boolean | undefined {
  const h = lastHyphen(before);
  if (h < 0) return undefined;
  const last = before.slice(h + 1);
  if (!mayBeListed(before, m.listed) && !mayBeListed(last, m.listed)) return true;
  return isListed(before.toLowerCase(), m) || m.abbrev.has(last.toLowerCase()) ? undefined : true;
}

/**
 * A period after a NON_WORD character c: every word token stops before c, so the period's token is
 * `.` (c a token of its own) or `c.` (c can start a word: `'‘’“”«»!?`). That token is a break,
 * and the context's next word is another token; the break stays unless `c.` is an abbreviation or
 * `.` or c starts a collocation (the types second-pass reads; no initial or number has c in it).
 * A break before it, if any, also answers true. Undefined when the model has such an entry.
 */
function afterNonWord(before: string, m: PunktModel): boolean | undefined {
  const c = before[before.length - 1]!;
  return m.abbrev.has(c) || m.collocationFirst.has(c) || m.collocationFirst.has('.') ? undefined : true;
}

/** The last of ` \t\n\r\v\f` in text[from, to), or -1. */
function lastAsciiWhitespace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return i;
  }
  return -1;
}

/** Punkt's NON_WORD characters: `)";}]*:@'({[‘’“”«»!?`. */
function isNonWord(c: number): boolean {
  switch (c) {
    case 0x29: case 0x22: case 0x3b: case 0x7d: case 0x5d: case 0x2a: case 0x3a: case 0x40: case 0x27: case 0x28: case 0x7b: case 0x5b:
    case 0x2018: case 0x2019: case 0x201c: case 0x201d: case 0xab: case 0xbb: case 0x21: case 0x3f:
      return true;
  }
  return false;
}

/** The first offset from `i` that is not Python whitespace. */
function skipSpace(text: string, i: number): number {
  while (i < text.length && isPySpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether Punkt's period context follows the mark at `at` (the lookahead `(?<after>NON_WORD|
 * \s+(?<next>\S+))`): read by char codes instead of a regex match with named groups, an object
 * per mark. Python whitespace is all in the BMP and no surrogate, so runs of units are runs of
 * code points.
 */
function hasContext(text: string, at: number): boolean {
  const c = text.charCodeAt(at + 1);
  if (isNonWord(c)) return true;
  return isPySpace(c) && skipSpace(text, at + 2) < text.length;
}

/** The end of the context after the mark at `at` (hasContext): one NON_WORD character, or the whitespace and the next word. */
function contextEnd(text: string, at: number): number {
  if (isNonWord(text.charCodeAt(at + 1))) return at + 2;
  let i = skipSpace(text, at + 2);
  while (i < text.length && !isPySpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The next `.`, `?` or `!` from `from`, or -1: three indexOf scans (memchr-fast) instead of a
 * regex call per mark; each scan is repeated only once its mark has been passed.
 */
function markFinder(text: string): (from: number) => number {
  // Per mark, its next offset: -1 none left, -2 not looked for yet.
  const next = [-2, -2, -2];
  const marks = ['.', '?', '!'];
  return (from) => {
    let best = -1;
    for (let k = 0; k < 3; k++) {
      let at = next[k]!;
      if (at !== -1 && at < from) next[k] = at = text.indexOf(marks[k]!, from);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    return best;
  };
}

/**
 * containsSentbreak's answers by context, kept by a caller whose texts share contexts: a document,
 * then C4's lines of it and C4's rewrite of it, which FineWeb splits again (59 % of the calls on
 * the bench documents repeat a context of the same document). The answer depends on the context
 * and the model alone.
 */
export type BreakMemo = Map<string, boolean>;

/**
 * NLTK `sent_tokenize(text, 'english')` boundaries as UTF-16 offsets, flat: start, end, start, end
 * … One array of numbers per text rather than a pair per sentence (twice: before and after
 * realignment): Punkt runs on every document, then on each line C4 keeps, and callers mostly want
 * the sentences' strings or their count.
 */
export function sentenceBounds(text: string, memo?: BreakMemo): number[] {
  const m = MODEL;
  const bounds: number[] = [];
  let lastBreak = 0;
  let prevStart = 0;
  let prevStop = 0;
  /** The previous candidate's mark (-1: none). */
  let prev = -1;
  const slowBreak = (before: string, at: number): boolean => {
    const end = contextEnd(text, at);
    const context = before + text.slice(at, end);
    let b = memo?.get(context);
    if (b === undefined) {
      b = (isPySpace(text.charCodeAt(at + 1)) ? twoTokenBreak(before, text.slice(skipSpace(text, at + 1), end), m) : undefined) ?? containsSentbreak(context, m);
      memo?.set(context, b);
    }
    return b;
  };
  const consider = (at: number, wordStart: number): void => {
    const before = text.slice(wordStart, at);
    if (isBreakFast(before, text[at]!, m) ?? slowBreak(before, at)) {
      bounds.push(lastBreak, at + 1);
      // The next sentence starts at the context's next word, if it has one (a space follows the mark).
      lastBreak = isPySpace(text.charCodeAt(at + 1)) ? skipSpace(text, at + 1) : at + 1;
    }
  };
  const nextMark = markFinder(text);
  for (let at = nextMark(0); at >= 0; at = nextMark(at + 1)) {
    if (!hasContext(text, at)) continue;
    const space = lastAsciiWhitespace(text, prevStop, at);
    // As the regex version read it: offset 0 of the text between the candidates counts as none.
    const wordStart = space > prevStop ? space + 1 : prevStart;
    if (prev >= 0 && prevStop <= wordStart) consider(prev, prevStart);
    prev = at;
    prevStart = wordStart;
    prevStop = at;
  }
  if (prev >= 0) consider(prev, prevStart);
  bounds.push(lastBreak, pyRstrip(text).length);
  return realign(text, bounds);
}

/**
 * Punkt's boundary realignment (a sentence's leading closing quotes and brackets go to the one
 * before), done in place: the sentence written at `kept` is never one not yet read.
 */
function realign(text: string, b: number[]): number[] {
  let kept = 0;
  let shift = 0;
  for (let i = 0; i < b.length; i += 2) {
    const start = b[i]! + shift;
    const stop = b[i + 1]!;
    if (i + 2 === b.length) {
      if (stop > start) {
        b[kept++] = start;
        b[kept++] = stop;
      }
      continue;
    }
    const nextStart = b[i + 2]!;
    // Most sentences open with no closing quote or bracket, which every realignment needs first.
    const mm = isClosing(text.charCodeAt(nextStart)) ? REALIGN_RE.exec(text.slice(nextStart, b[i + 3]!)) : null;
    if (mm) {
      b[kept++] = start;
      b[kept++] = nextStart + pyRstrip(mm[0]).length;
      shift = mm[0].length;
    } else {
      shift = 0;
      if (stop > start) {
        b[kept++] = start;
        b[kept++] = stop;
      }
    }
  }
  b.length = kept;
  return b;
}

/**
 * How many sentences NLTK `sent_tokenize(text, 'english')` gives. A text whose only mark (`.` `?`
 * `!`), if any, is its last character has no candidate (nothing follows that mark, so it has no
 * context): its one slice is the text up to its trailing whitespace, a sentence unless the text is
 * blank. About half of the lines C4 counts are such, and skip the scan and its arrays.
 */
export function sentenceCount(text: string, memo?: BreakMemo): number {
  const last = text.length - 1;
  const dot = text.indexOf('.');
  if ((dot < 0 || dot === last) && !hasMarkBefore(text, '?', last) && !hasMarkBefore(text, '!', last)) return pyIsBlank(text) ? 0 : 1;
  return sentenceBounds(text, memo).length / 2;
}

/** Whether `mark` occurs in text before offset `last`. */
function hasMarkBefore(text: string, mark: string, last: number): boolean {
  const at = text.indexOf(mark);
  return at >= 0 && at < last;
}

/** NLTK `sent_tokenize(text, 'english')`. */
export const splitSentences = (text: string, memo?: BreakMemo): string[] => sliceSentences(text, sentenceBounds(text, memo));

/** The sentences of `text` at `sentenceBounds`' offsets. */
export function sliceSentences(text: string, b: readonly number[]): string[] {
  const sentences: string[] = [];
  for (let i = 0; i < b.length; i += 2) sentences.push(text.slice(b[i]!, b[i + 1]!));
  return sentences;
}
