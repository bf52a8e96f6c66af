// English sentence splitter following NLTK's Punkt `sent_tokenize` (the one FineWeb-era datatrove
// used for C4's sentence count and, through `word_tokenize`, for every word count). It applies
// Punkt's decision procedure (candidate contexts, first-pass abbreviation/ellipsis annotation,
// second-pass collocation, orthographic and initial/number heuristics, boundary realignment) with
// NLTK's English model parameters shipped in lists/punkt-english.json. Python regex semantics
// (Unicode `\s`, `\w`, `\d`) are spelled out as explicit classes.

import { readFileSync } from 'node:fs';
import { PY_NON_WS_CLASS, PY_WS_CLASS, pyRstrip, pyStrip } from './text.ts';

interface PunktModel {
  abbrev: Set<string>;
  collocations: Set<string>;
  /** First words of the collocations: a period after any other word cannot be a collocation. */
  collocationFirst: Set<string>;
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

let model: PunktModel | undefined;
function punktModel(): PunktModel {
  if (!model) {
    const raw = JSON.parse(readFileSync(new URL('./lists/punkt-english.json', import.meta.url), 'utf8')) as PunktJson;
    model = {
      abbrev: new Set(raw.abbrev_types),
      collocations: new Set(raw.collocations.map(([a, b]) => `${a}\u0000${b}`)),
      collocationFirst: new Set(raw.collocations.map(([a]) => a)),
      sentStarters: new Set(raw.sent_starters),
      ortho: new Map(Object.entries(raw.ortho_context)),
    };
  }
  return model;
}

const WS = PY_WS_CLASS;
const NWS = PY_NON_WS_CLASS;
const NON_WORD = `[)";}\\]*:@'({\\[\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb!?]`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${WS}){2,}\\.)`;
const WORD_START = `[^("\`{\\[:;&#*@)}\\]\\-,]`;
const PUNKT_WORD_RE = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${NWS}+?(?=${WS}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${WS}|${NON_WORD}|${MULTI_CHAR}))|${NWS}`,
  'gu',
);
const PERIOD_CONTEXT_RE = new RegExp(`[.?!](?=(?<after>${NON_WORD}|${WS}+(?<next>${NWS}+)))`, 'gu');
const REALIGN_RE = new RegExp(`^["')\\]}\\u2018\\u2019\\u201c\\u201d\\u00ab\\u00bb]+?(?:${WS}+|(?=--)|$|(?=\\n))`, 'u');
const NUMERIC_RE = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const INITIAL_RE = /^[\p{L}\p{Nl}\p{No}_]\.$/u;
const ELLIPSIS_RE = /^\.\.+$/;
const FIRST_UPPER_RE = /^\p{Lu}/u;
const FIRST_LOWER_RE = /^\p{Ll}/u;
const ASCII_WS = new Set([' ', '\t', '\n', '\r', '\u000b', '\u000c']);
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

const LETTERS_RE = /^\p{L}{2,}$/u;

/**
 * The common cases decided without tokenizing the context (same answer as containsSentbreak):
 * `?`/`!` always end a token that another token follows; a period after a word of two or more
 * letters is a break unless the word is a known abbreviation or starts a known collocation.
 * Undefined = ask the full procedure.
 */
function isBreakFast(before: string, mark: string, m: PunktModel): boolean | undefined {
  if (mark !== '.') return true;
  if (!LETTERS_RE.test(before)) return undefined;
  const low = before.toLowerCase();
  return m.abbrev.has(low) || m.collocationFirst.has(low) ? undefined : true;
}

function lastAsciiWhitespace(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) if (ASCII_WS.has(s[i]!)) return i;
  return 0;
}

/** NLTK `sent_tokenize(text, 'english')` boundaries as [start, end) UTF-16 offsets. */
export function sentenceSpans(text: string): [number, number][] {
  const m = punktModel();
  const slices: [number, number][] = [];
  let lastBreak = 0;
  let prevStart = 0;
  let prevStop = 0;
  let prev: RegExpExecArray | undefined;
  const consider = (match: RegExpExecArray, wordStart: number): void => {
    const after = match.groups!['after']!;
    const before = text.slice(wordStart, match.index);
    if (isBreakFast(before, match[0], m) ?? containsSentbreak(before + match[0] + after, m)) {
      const end = match.index + match[0].length;
      slices.push([lastBreak, end]);
      const next = match.groups!['next'];
      lastBreak = next === undefined ? end : end + after.length - next.length;
    }
  };
  PERIOD_CONTEXT_RE.lastIndex = 0;
  for (let match = PERIOD_CONTEXT_RE.exec(text); match; match = PERIOD_CONTEXT_RE.exec(text)) {
    const before = text.slice(prevStop, match.index);
    let wordStart = lastAsciiWhitespace(before);
    wordStart = wordStart ? wordStart + prevStop + 1 : prevStart;
    if (prev && prevStop <= wordStart) consider(prev, prevStart);
    prev = match;
    prevStart = wordStart;
    prevStop = match.index;
  }
  if (prev) consider(prev, prevStart);
  slices.push([lastBreak, pyRstrip(text).length]);
  return realign(text, slices);
}

function realign(text: string, slices: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let shift = 0;
  for (let i = 0; i < slices.length; i++) {
    const start = slices[i]![0] + shift;
    const stop = slices[i]![1];
    const next = slices[i + 1];
    if (!next) {
      if (stop > start) out.push([start, stop]);
      continue;
    }
    const mm = REALIGN_RE.exec(text.slice(next[0], next[1]));
    if (mm) {
      out.push([start, next[0] + pyRstrip(mm[0]).length]);
      shift = mm[0].length;
    } else {
      shift = 0;
      if (stop > start) out.push([start, stop]);
    }
  }
  return out;
}

/** NLTK `sent_tokenize(text, 'english')`. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(([s, e]) => text.slice(s, e));
}
