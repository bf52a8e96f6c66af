// The words and word n-grams decontamination compares, normalised as lm-evaluation-harness's
// Janitor (GPT-3's recipe) does: lowercase, punctuation deleted (not replaced by a space, so
// "state-of-the-art" is one word), split on whitespace. Punctuation here is every Unicode P* and S*
// character, a superset of Python's ASCII `string.punctuation`. Each word keeps its character span
// in the original text so that `cut` can remove the overlap from the text as written.

import { fmix32, hash64 } from './hash64.ts';

export interface NormWords {
  count: number;
  /** 64-bit hash of each normalised word. */
  lo: Uint32Array;
  hi: Uint32Array;
  /** UTF-16 span of each word in the original text. */
  start: Uint32Array;
  end: Uint32Array;
}

const TOKEN = /\S+/gu;
const PUNCT = /[\p{P}\p{S}]/gu;

export function normaliseWord(token: string): string {
  return token.toLowerCase().replace(PUNCT, '');
}

export function normalisedWords(text: string): NormWords {
  const tokens: { w: string; s: number; e: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const w = normaliseWord(m[0]);
    if (w !== '') tokens.push({ w, s: m.index, e: m.index + m[0].length });
  }
  const n = tokens.length;
  const out: NormWords = { count: n, lo: new Uint32Array(n), hi: new Uint32Array(n), start: new Uint32Array(n), end: new Uint32Array(n) };
  const h = new Uint32Array(2);
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    hash64(t.w, h);
    out.lo[i] = h[0]!;
    out.hi[i] = h[1]!;
    out.start[i] = t.s;
    out.end[i] = t.e;
  }
  return out;
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
