// Hashes of word n-grams for the Gopher repetition filter, computed from per-word polynomial
// hashes so that no n-gram string is ever built (a 10 MB page has millions of n-grams). Two
// independent 32-bit polynomial hashes of the n-gram's *characters* are combined into one
// 53-bit number: joining with a separator or with none (datatrove's two n-gram spellings) is
// hashed exactly as the joined string would be, so `["ab","c"]` and `["a","bc"]` collide as in
// the reference. Accidental collisions are ~1e-4 per 10 MB page and only ever add a duplicate.

const B1 = 0x01000193;
const B2 = 0x5bd1e995;

export interface WordHashes {
  /** Per token: hash 1, hash 2, B1^len, B2^len (all uint32), and the code-point length. */
  h1: Uint32Array;
  h2: Uint32Array;
  p1: Uint32Array;
  p2: Uint32Array;
  len: Uint32Array;
}

function hashOf(w: string): [number, number, number, number, number] {
  let h1 = 0;
  let h2 = 0;
  let p1 = 1;
  let p2 = 1;
  let cps = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    h1 = (Math.imul(h1, B1) + c) >>> 0;
    h2 = (Math.imul(h2, B2) + c) >>> 0;
    p1 = Math.imul(p1, B1) >>> 0;
    p2 = Math.imul(p2, B2) >>> 0;
    if (c < 0xdc00 || c > 0xdfff) cps++;
  }
  return [h1, h2, p1, p2, cps];
}

export function hashWords(words: readonly string[]): WordHashes {
  const n = words.length;
  const out: WordHashes = { h1: new Uint32Array(n), h2: new Uint32Array(n), p1: new Uint32Array(n), p2: new Uint32Array(n), len: new Uint32Array(n) };
  const cache = new Map<string, [number, number, number, number, number]>();
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    let h = cache.get(w);
    if (!h) {
      h = hashOf(w);
      cache.set(w, h);
    }
    out.h1[i] = h[0];
    out.h2[i] = h[1];
    out.p1[i] = h[2];
    out.p2[i] = h[3];
    out.len[i] = h[4];
  }
  return out;
}

const SPACE = 32;

/** Receives the code-point length of the joined n-gram (avoids allocating a pair per n-gram). */
export interface LengthOut {
  len: number;
}

/** Key of words[i..i+n) joined by a space or by nothing; the joined string's length goes to `out`. */
export function ngramKey(w: WordHashes, i: number, n: number, withSpace: boolean, out: LengthOut): number {
  let h1 = w.h1[i]!;
  let h2 = w.h2[i]!;
  let len = w.len[i]!;
  for (let j = i + 1; j < i + n; j++) {
    if (withSpace) {
      h1 = (Math.imul(h1, B1) + SPACE) >>> 0;
      h2 = (Math.imul(h2, B2) + SPACE) >>> 0;
      len++;
    }
    h1 = (Math.imul(h1, w.p1[j]!) + w.h1[j]!) >>> 0;
    h2 = (Math.imul(h2, w.p2[j]!) + w.h2[j]!) >>> 0;
    len += w.len[j]!;
  }
  out.len = len;
  return h1 * 2097152 + (h2 >>> 11);
}
