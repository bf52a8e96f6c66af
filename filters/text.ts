// Python string semantics for the filters: the reference (datatrove) measures text with Python's
// `len`, `str.split()`, `str.strip()`, `str.splitlines()`, `str.isalpha()` and Unicode `\w`, and
// every ratio and threshold depends on them. JS differs on each (UTF-16 length, `\s` without
// U+001C–U+001F/U+0085 but with U+FEFF, ASCII-only `\w`), so the filters use these helpers only.

/** Characters for which Python's `str.isspace()` is true (bidi WS/B/S or category Zs). */
export const PY_WHITESPACE =
  '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

const WS_CLASS = '[\\t\\n\\u000b\\u000c\\r\\u001c-\\u001f \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Source of a regex character class matching one Python whitespace character. */
export const PY_WS_CLASS = WS_CLASS;
/** Source of a regex character class matching one non-whitespace character (Python `\S`). */
export const PY_NON_WS_CLASS = `[^${WS_CLASS.slice(1, -1)}]`;
/** Source of a class matching one Python `\w` character (letters, numbers, underscore; no marks). */
export const PY_WORD_CLASS = '[\\p{L}\\p{N}_]';

/** 1 for the Python whitespace code points (all in the BMP, none a surrogate): a table read per character. */
const IS_WS = new Uint8Array(0x10000);
for (const c of PY_WHITESPACE) IS_WS[c.charCodeAt(0)] = 1;
const SPLIT_RE = new RegExp(`${PY_NON_WS_CLASS}+`, 'gu');
const LINE_BREAK_RE = /\r\n|[\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029]/;

export function isPySpace(code: number): boolean {
  return IS_WS[code] === 1;
}

const HIGH_SURROGATE_RE = /[\ud800-\udbff]/;

/**
 * Python `len(s)`: the number of code points (an astral character counts once). Most texts have
 * no astral character: one native regex scan finds the first high surrogate, several times faster
 * than a JS loop over every unit, and the loop runs from there only.
 */
export function pyLen(s: string): number {
  const from = s.search(HIGH_SURROGATE_RE);
  if (from < 0) return s.length;
  let n = s.length;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Whether `s` holds no high surrogate: then `pyLen` of `s`, and of any string made of its
 * characters (its words), is the string's length, and a caller measuring many pieces of `s` can
 * skip `pyLen`'s scan per piece.
 */
export function noHighSurrogate(s: string): boolean {
  return s.search(HIGH_SURROGATE_RE) < 0;
}

/** Python `s.split()`: runs of Unicode whitespace separate, no empty strings. */
export function pySplit(s: string): string[] {
  return s.match(SPLIT_RE) ?? [];
}

/**
 * `len(s.split()) >= k` without building the words: counts runs of non-whitespace up to k (runs of
 * units are runs of code points, since no whitespace character is a surrogate).
 */
export function pyHasWords(s: string, k: number): boolean {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < k; i++) {
    const ws = IS_WS[s.charCodeAt(i)] === 1;
    if (!ws && !inWord) n++;
    inWord = !ws;
  }
  return n >= k;
}

/** `s.strip() == ''`, without slicing. */
export function pyIsBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (IS_WS[s.charCodeAt(i)] !== 1) return false;
  return true;
}

export function pyStrip(s: string): string {
  return pyRstrip(pyLstrip(s));
}

export function pyLstrip(s: string): string {
  let i = 0;
  while (i < s.length && IS_WS[s.charCodeAt(i)] === 1) i++;
  return i === 0 ? s : s.slice(i);
}

export function pyRstrip(s: string): string {
  let j = s.length;
  while (j > 0 && IS_WS[s.charCodeAt(j - 1)] === 1) j--;
  return j === s.length ? s : s.slice(0, j);
}

/** Python `s.splitlines()`: breaks on \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029; no trailing empty line. */
export function pySplitlines(s: string): string[] {
  if (s.length === 0) return [];
  const parts = s.split(new RegExp(LINE_BREAK_RE.source, 'g'));
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Python `s.count(sub)`: non-overlapping occurrences from the left. */
export function pyCount(s: string, sub: string): number {
  if (sub.length === 0) return pyLen(s) + 1;
  let n = 0;
  let i = s.indexOf(sub);
  while (i !== -1) {
    n++;
    i = s.indexOf(sub, i + sub.length);
  }
  return n;
}

const ALPHA_RE = /\p{L}/u;
/**
 * Python `any(c.isalpha() for c in s)`. An ASCII letter answers at once and an all-ASCII string
 * has no other: the regex (a call per token in Gopher quality) only sees strings with a non-ASCII unit.
 */
export function hasAlpha(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
    if (s.charCodeAt(i) >= 0x80) return ALPHA_RE.test(s);
  }
  return false;
}

/** Python `str.lower()` for the filters' substring tests (JS full-case mapping agrees for these uses). */
export function pyLower(s: string): string {
  return s.toLowerCase();
}
