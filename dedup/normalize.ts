// datatrove's `simplify_text` in its FineWeb-era (v0.2.0) order, and the word split MinHash uses on
// its result (spec filters.md §1.5, §3.3). Python string semantics are copied on purpose: Python's
// whitespace set (not JS `\s`), Unicode digits, NFD with combining marks (Mn) dropped.

/** Python `str.isspace()` characters. JS `\s` differs: it lacks \x1c–\x1f and \x85 and adds \uFEFF. */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'gu');
const EDGE_SPACE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'gu');

/**
 * datatrove's PUNCTUATION (129 code points): ASCII punctuation, 34 typographic and full-width marks
 * (note U+FF11 "１" is in it and U+2018 is not), and the C0/C1 controls other than TAB and LF.
 */
const PUNCTUATION_CLASS =
  '!-\\/:-@\\[-`{-~' + // all 32 ASCII punctuation characters
  '\\u2014\\u2013\\u201d\\u201c\\u201e\\u2019\\u00b4\\u00ab\\u00bb\\u2026\\u25ba\\u2501\\u2236' +
  '\\u3001\\u3002\\u3008\\u3009\\u300a\\u300b\\u300c\\u300d\\u3010\\u3011' +
  '\\uff05\\uff11\\uff0c\\uff1b\\uff0e\\uff08\\uff09\\uff1f\\uff01\\uff1a\\uff5e' +
  '\\x00-\\x08\\x0b\\x0c\\x0d-\\x1f\\x7f-\\x9f';
const PUNCTUATION = new RegExp(`[${PUNCTUATION_CLASS}]+`, 'gu');
const COMBINING_MARK = /\p{Mn}+/gu;
const DIGITS = /\p{Nd}+/gu;

/** FineWeb-era `simplify_text`: lowercase, whitespace, punctuation deleted, diacritics, digit runs → "0". */
export function simplifyText(text: string): string {
  let t = text.toLowerCase();
  t = t.replace(EDGE_SPACE, '').replace(SPACE_RUN, ' ');
  t = t.replace(PUNCTUATION, '');
  t = t.normalize('NFD').replace(COMBINING_MARK, '');
  t = t.replace(DIGITS, '0');
  return t.replace(EDGE_SPACE, '');
}

const WORD_CHAR = '[\\p{L}\\p{N}_]';
/**
 * The splits NLTK's `word_tokenize` still makes on normalised text (the punctuation its rules look
 * at is gone): the opening quote ‘ (U+2018, not in datatrove's PUNCTUATION) becomes its own token,
 * and six contractions split in two (NLTK's CONTRACTIONS2 whose apostrophes survive normalisation).
 */
const NLTK_CONTRACTIONS: readonly RegExp[] = [
  new RegExp(`(?<!${WORD_CHAR})(can)(not)(?!${WORD_CHAR})`, 'gu'),
  new RegExp(`(?<!${WORD_CHAR})(gim|lem)(me)(?!${WORD_CHAR})`, 'gu'),
  new RegExp(`(?<!${WORD_CHAR})(gon)(na)(?!${WORD_CHAR})`, 'gu'),
  new RegExp(`(?<!${WORD_CHAR})(got)(ta)(?!${WORD_CHAR})`, 'gu'),
  new RegExp(`(?<!${WORD_CHAR})(wan)(na)(?= |$)`, 'gu'),
];
const MAYBE_CONTRACTION = /nnot|mme|nna|tta/;

/**
 * Words of normalised text as FineWeb's NLTK `word_tokenize` splits them, joined by single spaces
 * so every n-gram is one contiguous substring: a whitespace split plus the splits above.
 */
export function joinedWords(normalised: string): string {
  return splitContractions(normalised.replace(/\u2018/g, ' \u2018 ').replace(SPACE_RUN, ' ').replace(EDGE_SPACE, ''));
}

function splitContractions(joined: string): string {
  if (!MAYBE_CONTRACTION.test(joined)) return joined;
  let out = joined;
  for (const re of NLTK_CONTRACTIONS) out = out.replace(re, '$1 $2');
  return out;
}

/**
 * Per UTF-16 code unit: 0 letter/digit (ASCII), 1 deleted (punctuation, control), 2 Python
 * whitespace, 3 anything the one-pass path cannot take, 4 a character that `simplifyText` turns
 * into the one code unit `FOLDED[c]` whatever its neighbours (é → e, Ä → a, ß, CJK, Cyrillic …),
 * 5 the opening quote ‘, which `joinedWords` makes a token of its own.
 */
const KIND = new Uint8Array(0x10000).fill(3);
const FOLDED = new Uint16Array(0x10000);
{
  const space = new RegExp(`^[${PY_SPACE}]$`, 'u');
  const punct = new RegExp(`^[${PUNCTUATION_CLASS}]$`, 'u');
  // Kind 4 needs a per-character fold equal to the whole text's: the input is no mark (NFD's
  // canonical reordering only moves marks, so characters without marks decompose on their own)
  // and no decimal digit (digit runs merge); the result is one code unit that is no mark, digit
  // or space. Σ lowercases by context (final sigma), so it stays kind 3, as do surrogates; ‘ is
  // kind 5.
  const unsafe = /^[\p{M}\p{Nd}\u03a3\u2018]$/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (space.test(ch)) KIND[c] = 2;
    else if (punct.test(ch)) KIND[c] = 1;
    else if (/^[A-Za-z0-9]$/.test(ch)) KIND[c] = 0;
    else if (c >= 0x80 && (c < 0xd800 || c > 0xdfff) && !unsafe.test(ch)) {
      // simplifyText deletes punctuation and spaces after lowercasing, before NFD.
      const lower = ch.toLowerCase();
      const folded = lower.normalize('NFD').replace(COMBINING_MARK, '');
      if (!punct.test(lower) && !space.test(lower) && folded.length === 1 && !unsafe.test(folded) && !space.test(folded)) {
        KIND[c] = 4;
        FOLDED[c] = folded.charCodeAt(0);
      }
    }
  }
  KIND[0x2018] = 5;
}
/** Per code unit of kind 4: 1 when its fold is a word character of the contraction rules (`\p{L}\p{N}_`). */
const FOLDED_WORD = new Uint8Array(0x10000);
{
  const word = new RegExp(`^${WORD_CHAR}$`, 'u');
  for (let c = 0; c < 0x10000; c++) if (KIND[c] === 4 && word.test(String.fromCharCode(FOLDED[c]!))) FOLDED_WORD[c] = 1;
}
const UTF8 = new TextDecoder();

/**
 * `joinedWords(simplifyText(text))`: the one-pass path's UTF-8 bytes decoded, else the general path.
 * The signature reads `normalisedWordsUtf8` directly; this string is for the others.
 */
export function normalisedWords(text: string): string {
  const out = new Uint8Array(utf8Bound(text));
  const n = normalisedWordsUtf8(text, out);
  return n < 0 ? joinedWords(simplifyText(text)) : UTF8.decode(out.subarray(0, n));
}

/**
 * The size `normalisedWordsUtf8` needs: a unit gives at most 3 bytes and a space before it, and
 * only a unit after whitespace or ‘ (a unit giving no more than 4 itself) gets one; a contraction
 * split adds one byte to 5 or 6 units.
 */
export const utf8Bound = (text: string): number => 4 * text.length;

/**
 * The UTF-8 bytes of `joinedWords(simplifyText(text))` written to `out` (at least
 * `utf8Bound(text)` long) in one pass, returning their count, when every character is ASCII,
 * datatrove's punctuation, Python whitespace, a character that folds on its own (kind 4: accented
 * Latin, Greek but Σ, Cyrillic, CJK …, so German or French text stays on this path) or ‘ (a token of
 * its own: English text with curly quotes stays on it too); -1 when a character needs the general
 * path (a combining mark, a non-ASCII digit, an emoji, Hangul). Order-sensitive details kept:
 * punctuation is deleted before digit runs merge ("3.14" → "0"), whitespace is not, and ‘ (kept by
 * `simplifyText`) ends a digit run ("1‘2" → "0 ‘ 0"). The contractions of `splitContractions` are
 * split as each run of word characters ends. With `ends` (its array at least `text.length + 1`
 * long: each space comes before a byte of its own unit), each word's end offset is recorded as its
 * space or the end is written, so the shingles need no scan of the bytes for spaces.
 */
export function normalisedWordsUtf8(text: string, out: Uint8Array, ends?: WordEnds): number {
  let n = 0;
  let pendingSpace = false;
  let inDigits = false;
  // Where the run of word characters being written began, or -1.
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const kind = KIND[c]!;
    if (kind === 1) continue;
    if (kind === 2) {
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    if (kind === 3) return -1;
    const space = pendingSpace && n > 0;
    if (kind === 5) {
      // ‘ always has a space before it, unless it opens the text.
      if (run >= 0) n = splitContraction(out, run, n, true, ends);
      run = -1;
      if (n > 0) {
        if (ends) ends.at[ends.count++] = n;
        out[n++] = 0x20;
      }
      out[n++] = 0xe2;
      out[n++] = 0x80;
      out[n++] = 0x98;
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    if (kind === 4) {
      const f = FOLDED[c]!;
      const word = FOLDED_WORD[c] === 1;
      if (run >= 0 && (space || !word)) {
        n = splitContraction(out, run, n, space, ends);
        run = -1;
      }
      if (space) {
        if (ends) ends.at[ends.count++] = n;
        out[n++] = 0x20;
      }
      pendingSpace = false;
      inDigits = false;
      if (word && run < 0) run = n;
      if (f < 0x80) out[n++] = f;
      else if (f < 0x800) {
        out[n++] = 0xc0 | (f >> 6);
        out[n++] = 0x80 | (f & 0x3f);
      } else {
        out[n++] = 0xe0 | (f >> 12);
        out[n++] = 0x80 | ((f >> 6) & 0x3f);
        out[n++] = 0x80 | (f & 0x3f);
      }
      continue;
    }
    const digit = c <= 0x39;
    if (digit && inDigits) continue;
    if (space) {
      if (run >= 0) n = splitContraction(out, run, n, true, ends);
      run = -1;
      if (ends) ends.at[ends.count++] = n;
      out[n++] = 0x20;
    }
    pendingSpace = false;
    if (run < 0) run = n;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    out[n++] = digit ? 0x30 : c;
    inDigits = digit;
    if (digit) continue;
    // The ASCII letters after a letter are only lowercased and written (no space is pending, no
    // digit run goes on, the word's run goes on): stepped over in a loop of their own. `| 0x20`
    // puts A–Z on a–z, and no other unit in a–z.
    for (; i + 1 < text.length; i++) {
      const d = text.charCodeAt(i + 1) | 0x20;
      if (d < 0x61 || d > 0x7a) break;
      out[n++] = d;
    }
  }
  if (run >= 0) n = splitContraction(out, run, n, true, ends);
  if (ends && n > 0) ends.at[ends.count++] = n;
  return n;
}

/** Word end offsets in bytes, recorded by `normalisedWordsUtf8`: `at[0, count)`. */
export interface WordEnds {
  at: Int32Array;
  count: number;
}

/**
 * `splitContractions` on the run of word characters out[from, to) just ended (`spaceAfter`: by a
 * space or the end, which "wanna" needs): every contraction there splits after its third byte.
 * Returns the new end; the split is recorded in `ends`, if given.
 */
function splitContraction(out: Uint8Array, from: number, to: number, spaceAfter: boolean, ends: WordEnds | undefined): number {
  const len = to - from;
  if (len === 6) {
    if (!isAt(out, from, CANNOT)) return to;
  } else if (len !== 5 || !(isAt(out, from, GIMME) || isAt(out, from, LEMME) || isAt(out, from, GONNA) || isAt(out, from, GOTTA) || (spaceAfter && isAt(out, from, WANNA)))) return to;
  out.copyWithin(from + 4, from + 3, to);
  out[from + 3] = 0x20;
  if (ends) ends.at[ends.count++] = from + 3;
  return to + 1;
}

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const CANNOT = ascii('cannot');
const GIMME = ascii('gimme');
const LEMME = ascii('lemme');
const GONNA = ascii('gonna');
const GOTTA = ascii('gotta');
const WANNA = ascii('wanna');

function isAt(out: Uint8Array, from: number, word: Uint8Array): boolean {
  for (let k = 0; k < word.length; k++) if (out[from + k] !== word[k]) return false;
  return true;
}
