// Guesses the charset of a page that declares none and is not valid UTF-8. chardet's statistical
// guess costs 7–9 ms a page (every recogniser's n-gram pass over up to 64 KB), yet most such pages
// are one of two cases that a pass over the bytes settles: UTF-8 spoiled by a few stray bytes,
// and Western pages whose non-ASCII bytes are windows-1252 punctuation and symbols (© ’ “ – £)
// or letters inside Latin words, where the Latin charsets chardet could name differ in no letter
// or in too few for the text to be in a language that needs another one. Only the rest (Cyrillic,
// Greek, CJK, Central European text, mixed pages) goes to chardet, whose guess is kept as it was.

import { detect } from 'chardet';

/** How much of the page the statistical detector reads. */
const DETECT_BYTES = 64 * 1024;
/**
 * A page is taken as UTF-8 when its valid multi-byte sequences outnumber its invalid bytes by at
 * least this much. Legacy text forms valid sequences only by chance: the shared WARCs' EUC-JP and
 * GB2312 pages have at most 0.31 per invalid byte, their windows-1251 page none.
 */
const UTF8_VALID_PER_INVALID = 8;

/** The Latin single-byte charsets chardet can name (ISO-8859-1 is decoded as windows-1252). */
const LATIN = ['windows-1252', 'windows-1250', 'iso-8859-2', 'windows-1254', 'windows-1257', 'windows-1258'];

/**
 * How each byte reads in windows-1252: a letter, a letter that every charset of LATIN reads alike,
 * a symbol, or unassigned (0, also ASCII, which the scans handle apart).
 */
const KIND = new Uint8Array(256);
const LETTER = 1;
const SHARED_LETTER = 2;
const SYMBOL = 3;
/**
 * Symbols that may stand between two letters (don’t, well–known, fans…was): those no charset of
 * LATIN reads as a letter. Any other symbol between letters may be a letter of another charset (ą
 * is ¹ in windows-1252, ł is ³, Ł is £), so the page goes to chardet.
 */
const INSIDE_WORD = new Uint8Array(256);
{
  const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
  const decoders = LATIN.map((l) => new TextDecoder(l));
  for (let b = 0x80; b <= 0xff; b++) {
    const [w, ...others] = decoders.map((d) => d.decode(Uint8Array.of(b)));
    if (isLetter(w!)) KIND[b] = others.every((o) => o === w) ? SHARED_LETTER : LETTER;
    else if (!/\p{Cc}/u.test(w!)) {
      KIND[b] = SYMBOL;
      if (!others.some(isLetter)) INSIDE_WORD[b] = 1;
    }
  }
}
/**
 * Letters whose reading depends on the Latin charset (è in windows-1252 is č in windows-1250, ñ is
 * ń) may be at most this share of the ASCII letters. Running text in a language that needs
 * another Latin charset has several percent (č ř ě ů in Czech, ą ę ł ś ż in Polish; even ő and ű
 * alone in Hungarian are near 1 %); a page below this is ASCII-language text with a few foreign
 * words, which chardet's n-grams also read as Western.
 */
const MAX_LETTERS_PER_ASCII_LETTER = 0.005;

const isAsciiLetter = (b: number | undefined): boolean => b !== undefined && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;

/** Valid UTF-8 multi-byte sequences and invalid bytes in `b`. */
function utf8Tally(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Length and the allowed range of the second byte (RFC 3629's table: no overlongs, no surrogates).
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && i + len <= n;
    if (ok) {
      const c1 = b[i + 1]!;
      ok = c1 >= lo && c1 <= hi;
      for (let k = 2; ok && k < len; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    }
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * Whether the text outside tags is Western Latin in windows-1252, or at least reads the same in
 * every Latin charset but for a few letters: each non-ASCII byte is a symbol (not between two
 * letters, but for those written there), or a letter; letters whose reading depends on the charset
 * are rare (MAX_LETTERS_PER_ASCII_LETTER); and no run of non-ASCII bytes holds two bytes of
 * 0xA1 or above, as every letter of Cyrillic, Greek, Arabic, Hebrew, Thai and CJK text does, but for
 * one symbol repeated that no Latin charset reads as a letter (a row of §§§§§ or °°°°).
 * Markup is skipped as chardet's sample skips it: attribute values do not count.
 */
function latinWestern(b: Uint8Array): boolean {
  let inTag = false;
  let asciiLetters = 0;
  let letters = 0;
  let highInRun = 0;
  const n = b.length;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x80) {
      highInRun = 0;
      if (inTag) {
        if (c === 0x3e) inTag = false;
      } else if (c === 0x3c) inTag = true;
      else if (isAsciiLetter(c)) asciiLetters++;
      continue;
    }
    if (inTag || c === 0xa0) continue;
    // A row of one symbol (§§§§§, °°°°) is decoration; any other pair is a letter of another script.
    if (c >= 0xa1 && ++highInRun > 1 && !(c === b[i - 1] && INSIDE_WORD[c])) return false;
    const kind = KIND[c];
    if (kind === LETTER) letters++;
    else if (kind === SYMBOL) {
      if (isAsciiLetter(b[i - 1]) && isAsciiLetter(b[i + 1]) && !INSIDE_WORD[c]) return false;
    } else if (kind !== SHARED_LETTER) return false;
  }
  return letters <= asciiLetters * MAX_LETTERS_PER_ASCII_LETTER;
}

/**
 * The bytes outside markup: the statistical detector reads letter frequencies, and a page's ASCII
 * tags and attributes drown them (undeclared windows-1251 Russian pages were guessed ISO-8859-2).
 */
export function textBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let inTag = false;
  for (const b of bytes) {
    if (inTag) {
      if (b === 0x3e) inTag = false;
    } else if (b === 0x3c) inTag = true;
    else out[n++] = b;
  }
  return n > 0 ? out.subarray(0, n) : bytes;
}

export type DetectRule = 'utf8-mostly' | 'latin-western' | 'chardet' | 'default';

/** The charset label of a page that declares none and is not valid UTF-8, and which rule chose it. */
export function detectCharset(bytes: Uint8Array): { label: string; rule: DetectRule } {
  const { valid, invalid } = utf8Tally(bytes);
  if (valid > 0 && invalid * UTF8_VALID_PER_INVALID <= valid) return { label: 'utf-8', rule: 'utf8-mostly' };
  // A page holding both valid UTF-8 sequences and stray bytes is mixed; chardet weighs the two.
  if (valid === 0 && latinWestern(bytes)) return { label: 'windows-1252', rule: 'latin-western' };
  const guess = detect(textBytes(bytes.subarray(0, DETECT_BYTES)));
  return guess ? { label: guess, rule: 'chardet' } : { label: 'windows-1252', rule: 'default' };
}
