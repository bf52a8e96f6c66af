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
const UTF16 = new TextDecoder('utf-16le');

/**
 * `joinedWords(simplifyText(text))` in one pass when every character is ASCII, datatrove's
 * punctuation, Python whitespace, a character that folds on its own (kind 4: accented Latin,
 * Greek but Σ, Cyrillic, CJK …, so German or French text stays on this path) or ‘ (a token of its
 * own: English text with curly quotes stays on it too); any other character (a combining mark, a
 * non-ASCII digit, an emoji, Hangul) sends the text down the general path. Order-sensitive
 * details kept: punctuation is deleted before digit runs merge ("3.14" → "0"), whitespace is not,
 * and ‘ (kept by `simplifyText`) ends a digit run ("1‘2" → "0 ‘ 0").
 */
export function normalisedWords(text: string): string {
  // A character gives at most its unit, and a space before it only for whitespace it follows,
  // except after ‘, which also gives the space after it: twice the length bounds the output then.
  const out = new Uint16Array(text.includes('\u2018') ? 2 * text.length : text.length);
  let n = 0;
  let pendingSpace = false;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const kind = KIND[c]!;
    if (kind === 1) continue;
    if (kind === 2) {
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    if (kind === 3) return joinedWords(simplifyText(text));
    if (kind === 5) {
      if (n > 0) out[n++] = 0x20;
      out[n++] = c;
      pendingSpace = true;
      inDigits = false;
      continue;
    }
    if (kind === 4) {
      if (pendingSpace && n > 0) out[n++] = 0x20;
      pendingSpace = false;
      inDigits = false;
      out[n++] = FOLDED[c]!;
      continue;
    }
    const digit = c <= 0x39;
    if (digit && inDigits) continue;
    if (pendingSpace && n > 0) out[n++] = 0x20;
    pendingSpace = false;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    out[n++] = digit ? 0x30 : c;
    inDigits = digit;
  }
  return splitContractions(UTF16.decode(out.subarray(0, n)));
}
