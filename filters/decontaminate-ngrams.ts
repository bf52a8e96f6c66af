// The words and word n-grams decontamination compares, normalised as lm-evaluation-harness's
// Janitor (GPT-3's recipe) does: lowercase, punctuation deleted (not replaced by a space, so
// "state-of-the-art" is one word), split on whitespace. Punctuation here is every Unicode P* and S*
// character, a superset of Python's ASCII `string.punctuation`; whitespace is Python's `str.split()`'s.
// Each word keeps its character span
// in the original text so that `cut` can remove the overlap from the text as written.

import { fmix32 } from './hash64.ts';
import { isPySpace } from './text.ts';

export interface NormWords {
  count: number;
  /** 64-bit hash of each normalised word. */
  lo: Uint32Array;
  hi: Uint32Array;
  /** UTF-16 span of each word in the original text. */
  start: Uint32Array;
  end: Uint32Array;
}

const PUNCT = /[\p{P}\p{S}]/u;
const PUNCT_ALL = /[\p{P}\p{S}]/gu;

/** The normalised form of one whitespace-free token ('' when it is all punctuation). */
export function normaliseWord(token: string): string {
  return token.toLowerCase().replace(PUNCT_ALL, '');
}

/** ASCII: 0 = part of a word, 1 = punctuation or symbol (deleted), 2 = Python whitespace. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = isPySpace(c) ? 2 : PUNCT.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * One scan of the text: words split on Python whitespace, their kept characters lowercased and
 * hashed as they are read (no string per word), punctuation skipped. A token with a non-ASCII
 * letter is lowercased as a whole (`toLowerCase` may change its length) and hashed from that.
 */
export function normalisedWords(text: string): NormWords {
  let cap = 256;
  let lo = new Uint32Array(cap);
  let hi = new Uint32Array(cap);
  let start = new Uint32Array(cap);
  let end = new Uint32Array(cap);
  let count = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII[c] === 2 : isPySpace(c)) {
      i++;
      continue;
    }
    const s = i;
    let ascii = true;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII[c] === 2) break;
      } else {
        if (isPySpace(c)) break;
        ascii = false;
      }
      i++;
    }
    // Hash the kept characters: FNV-1a twice (two primes), finished with murmur3's fmix32.
    let a = 0x811c9dc5;
    let b = 0x9e3779b9;
    let kept = 0;
    if (ascii) {
      for (let k = s; k < i; k++) {
        let ch = text.charCodeAt(k);
        if (ASCII[ch] === 1) continue;
        if (ch >= 65 && ch <= 90) ch += 32;
        a = Math.imul(a ^ ch, 0x01000193);
        b = Math.imul(b ^ ch, 0x5bd1e995);
        kept++;
      }
    } else {
      const w = normaliseWord(text.slice(s, i));
      for (let k = 0; k < w.length; k++) {
        const ch = w.charCodeAt(k);
        a = Math.imul(a ^ ch, 0x01000193);
        b = Math.imul(b ^ ch, 0x5bd1e995);
      }
      kept = w.length;
    }
    if (kept === 0) continue;
    if (count === cap) {
      cap *= 2;
      const grow = (x: Uint32Array) => {
        const y = new Uint32Array(cap);
        y.set(x);
        return y;
      };
      lo = grow(lo);
      hi = grow(hi);
      start = grow(start);
      end = grow(end);
    }
    lo[count] = fmix32((b ^ kept) >>> 0);
    hi[count] = fmix32(a >>> 0);
    start[count] = s;
    end[count] = i;
    count++;
  }
  return { count, lo, hi, start, end };
}

/** 64-bit hash of words[i..i+n) for every i, as (lo, hi) pairs: `count - n + 1` of them (none when shorter). */
export function ngramHashes(w: NormWords, n: number): Uint32Array {
  const m = Math.max(0, w.count - n + 1);
  const out = new Uint32Array(2 * m);
  for (let i = 0; i < m; i++) {
    let a = 0x811c9dc5 ^ n;
    let b = 0x9e3779b9;
    for (let j = i; j < i + n; j++) {
      a = Math.imul(((a << 5) | (a >>> 27)) ^ w.lo[j]!, 0x9e3779b1);
      b = Math.imul(((b << 7) | (b >>> 25)) ^ w.hi[j]!, 0x85ebca77);
    }
    out[2 * i] = fmix32(a);
    out[2 * i + 1] = fmix32((b + a) | 0);
  }
  return out;
}
