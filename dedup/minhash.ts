// MinHash signatures of documents: FineWeb's normalisation and word n-gram shingles, then either
// the reference hash family (`fineweb-compat`: SHA-1 64-bit shingles, (a·h+b mod 2^64) mod 2^61−1,
// exact and without BigInt, in a small WebAssembly kernel) or a 32-bit family (`fast`).
// A signature is a Uint32Array of `hashWords` words per hash, 64-bit values high word first, so
// comparing words in order compares values.

import type { MinhashConfig } from './config.ts';
import { joinedWords, normalisedWords, normalisedWordsUtf8, simplifyText, utf8Bound, type WordEnds } from './normalize.ts';
import { compatParams, fastParams } from './permutations.ts';
import { createPermuteKernel } from './permute-wasm.ts';
import { createShingleSha1 } from './sha1-x4.ts';

export interface MinHasher {
  /** u32 words per hash value: 2 (64-bit) or 1. */
  readonly hashWords: number;
  readonly numHashes: number;
  /** The signature of a text, or null when it has fewer words than the n-gram size. Reuses its buffer. */
  signature(text: string): Uint32Array | null;
  /** The signature of already-normalised words joined by single spaces (the spec's test vector). */
  signatureOfWords(joined: string): Uint32Array | null;
}

export function createMinHasher(cfg: Pick<MinhashConfig, 'bands' | 'rows' | 'ngram' | 'seed' | 'hash'>): MinHasher {
  return cfg.hash === 'fineweb-compat' ? createCompat(cfg) : createFast(cfg);
}

function createCompat(cfg: Pick<MinhashConfig, 'bands' | 'rows' | 'ngram' | 'seed'>): MinHasher {
  const numHashes = cfg.bands * cfg.rows;
  const kernel = createPermuteKernel(compatParams(cfg.seed, numHashes));
  const sha1 = createShingleSha1();
  const sig = new Uint32Array(numHashes * 2);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(1 << 16);
  let wordEnds = new Int32Array(1 << 12);
  const ends: WordEnds = { at: wordEnds, count: 0 };

  // The shingles of the words whose end offsets are wordEnds[0, words): word w+1 starts at
  // wordEnds[w] + 1, in the bytes.
  const shingles = (words: number): Uint32Array | null => {
    const n = words - cfg.ngram + 1;
    if (n <= 0) return null;
    sha1.hash(bytes, wordEnds, cfg.ngram, n, kernel.reserve(n));
    const minima = kernel.run(n);
    for (let j = 0; j < numHashes; j++) {
      sig[j * 2] = minima[j * 2 + 1]!;
      sig[j * 2 + 1] = minima[j * 2]!;
    }
    return sig;
  };
  // The shingles of the UTF-8 words in bytes[0, len), joined by single spaces.
  const signatureOfBytes = (len: number): Uint32Array | null => {
    if (len === 0) return null;
    // Sized once for the most words the bytes can hold (one more than their spaces), so the
    // loop below is a compare and a store per byte.
    if (wordEnds.length <= len) wordEnds = new Int32Array(len + 1);
    let words = 0;
    for (let i = 0; i < len; i++) if (bytes[i] === 0x20) wordEnds[words++] = i;
    wordEnds[words++] = len;
    return shingles(words);
  };
  const signatureOfWords = (joined: string): Uint32Array | null => {
    if (bytes.length < joined.length * 3) bytes = new Uint8Array(joined.length * 3);
    return signatureOfBytes(encoder.encodeInto(joined, bytes).written);
  };
  return {
    hashWords: 2,
    numHashes,
    signatureOfWords,
    // The normalised words straight into the bytes the shingles are hashed from, their ends
    // recorded as they are written, when the one-pass path takes the text.
    signature: (text) => {
      const bound = utf8Bound(text);
      if (bytes.length < bound) bytes = new Uint8Array(bound);
      // One end per word, and a word per unit at most.
      if (wordEnds.length <= text.length) wordEnds = new Int32Array(text.length + 1);
      ends.at = wordEnds;
      ends.count = 0;
      const len = normalisedWordsUtf8(text, bytes, ends);
      if (len < 0) return signatureOfWords(joinedWords(simplifyText(text)));
      return len === 0 ? null : shingles(ends.count);
    },
  };
}

function createFast(cfg: Pick<MinhashConfig, 'bands' | 'rows' | 'ngram' | 'seed'>): MinHasher {
  const numHashes = cfg.bands * cfg.rows;
  const params = fastParams(cfg.seed, numHashes);
  const sig = new Uint32Array(numHashes);
  let wordHashes = new Int32Array(1 << 12);
  let shingles = new Int32Array(1 << 12);

  const signatureOfWords = (joined: string): Uint32Array | null => {
    let words = 0;
    let h = 0x811c9dc5 | 0;
    const len = joined.length;
    for (let i = 0; i <= len; i++) {
      const c = i === len ? 0x20 : joined.charCodeAt(i);
      if (c === 0x20) {
        if (i === 0) continue;
        if (words === wordHashes.length) wordHashes = grow(wordHashes);
        wordHashes[words++] = fmix32(h);
        h = 0x811c9dc5 | 0;
      } else {
        h = Math.imul(h ^ c, 0x01000193);
      }
    }
    const n = words - cfg.ngram + 1;
    if (n <= 0) return null;
    if (shingles.length < n) shingles = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let k = 0; k < cfg.ngram; k++) {
        x = Math.imul(x ^ wordHashes[i + k]!, 0x9e3779b1);
        x = (x << 13) | (x >>> 19);
      }
      shingles[i] = fmix32(x);
    }
    for (let j = 0; j < numHashes; j++) {
      const a = params[j * 2]! | 0;
      const c = params[j * 2 + 1]! | 0;
      let min = 0xffffffff;
      for (let i = 0; i < n; i++) {
        let v = Math.imul(shingles[i]! ^ c, a);
        v = (v ^ (v >>> 16)) >>> 0;
        if (v < min) min = v;
      }
      sig[j] = min;
    }
    return sig;
  };
  return {
    hashWords: 1,
    numHashes,
    signatureOfWords,
    signature: (text) => signatureOfWords(normalisedWords(text)),
  };
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function grow<T extends Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
