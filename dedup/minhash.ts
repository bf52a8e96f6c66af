// MinHash signatures of documents: FineWeb's normalisation and word n-gram shingles, then either
// the reference hash family (`fineweb-compat`: SHA-1 64-bit shingles, (a·h+b mod 2^64) mod 2^61−1,
// exact and without BigInt: 64-bit products from 32-bit halves) or a 32-bit family (`fast`).
// A signature is a Uint32Array of `hashWords` words per hash, 64-bit values high word first, so
// comparing words in order compares values.

import type { MinhashConfig } from './config.ts';
import { joinedWords, simplifyText } from './normalize.ts';
import { compatParams, fastParams } from './permutations.ts';
import { sha1Prefix64 } from './sha1.ts';

export interface MinHasher {
  /** u32 words per hash value: 2 (64-bit) or 1. */
  readonly hashWords: number;
  readonly numHashes: number;
  /** The signature of a text, or null when it has fewer words than the n-gram size. Reuses its buffer. */
  signature(text: string): Uint32Array | null;
  /** The signature of already-normalised words joined by single spaces (the spec's test vector). */
  signatureOfWords(joined: string): Uint32Array | null;
}

const TWO_32 = 4294967296;

export function createMinHasher(cfg: Pick<MinhashConfig, 'bands' | 'rows' | 'ngram' | 'seed' | 'hash'>): MinHasher {
  return cfg.hash === 'fineweb-compat' ? createCompat(cfg) : createFast(cfg);
}

function createCompat(cfg: Pick<MinhashConfig, 'bands' | 'rows' | 'ngram' | 'seed'>): MinHasher {
  const numHashes = cfg.bands * cfg.rows;
  const params = compatParams(cfg.seed, numHashes);
  const sig = new Uint32Array(numHashes * 2);
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(1 << 16);
  let wordEnds = new Int32Array(1 << 12);
  let shHi = new Uint32Array(1 << 12);
  let shLo = new Uint32Array(1 << 12);
  const pair = new Uint32Array(2);

  const signatureOfWords = (joined: string): Uint32Array | null => {
    if (joined.length === 0) return null;
    if (bytes.length < joined.length * 3) bytes = new Uint8Array(joined.length * 3);
    const len = encoder.encodeInto(joined, bytes).written;
    // wordEnds[w] = end offset of word w; word w+1 starts at wordEnds[w] + 1.
    let words = 0;
    for (let i = 0; i <= len; i++) {
      if (i === len || bytes[i] === 0x20) {
        if (words === wordEnds.length) wordEnds = grow(wordEnds);
        wordEnds[words++] = i;
      }
    }
    const n = words - cfg.ngram + 1;
    if (n <= 0) return null;
    if (shHi.length < n) {
      shHi = new Uint32Array(n * 2);
      shLo = new Uint32Array(n * 2);
    }
    for (let i = 0; i < n; i++) {
      const start = i === 0 ? 0 : wordEnds[i - 1]! + 1;
      const end = wordEnds[i + cfg.ngram - 1]!;
      sha1Prefix64(bytes, start, end - start, pair, 0);
      shHi[i] = pair[0]!;
      shLo[i] = pair[1]!;
    }
    for (let j = 0; j < numHashes; j++) {
      const aHi = params[j * 4]!;
      const aLo = params[j * 4 + 1]!;
      const bHi = params[j * 4 + 2]!;
      const bLo = params[j * 4 + 3]!;
      const a0 = aLo & 0xffff;
      const a1 = aLo >>> 16;
      let minHi = 0xffffffff;
      let minLo = 0xffffffff;
      for (let i = 0; i < n; i++) {
        const hl = shLo[i]!;
        const hh = shHi[i]!;
        // (h·a) mod 2^64: the low 64 bits of hl·aLo, plus the cross terms shifted by 32 (wrapping).
        const t = hl * a0;
        const u = hl * a1 + Math.floor(t / 65536);
        const lo = Math.imul(hl, aLo) >>> 0;
        const hi = (Math.floor(u / 65536) + Math.imul(hh, aLo) + Math.imul(hl, aHi)) >>> 0;
        // + b, mod 2^64
        let lo2 = lo + bLo;
        let carry = 0;
        if (lo2 >= TWO_32) {
          lo2 -= TWO_32;
          carry = 1;
        }
        const hi2 = (hi + bHi + carry) >>> 0;
        // mod 2^61−1: (x & P) + (x >> 61), then one conditional subtraction.
        let rHi = hi2 & 0x1fffffff;
        let rLo = lo2 + (hi2 >>> 29);
        if (rLo >= TWO_32) {
          rLo -= TWO_32;
          rHi += 1;
        }
        if (rHi === 0x20000000) {
          rHi = 0;
          rLo += 1;
        } else if (rHi === 0x1fffffff && rLo === 0xffffffff) {
          rHi = 0;
          rLo = 0;
        }
        if (rHi < minHi || (rHi === minHi && rLo < minLo)) {
          minHi = rHi;
          minLo = rLo;
        }
      }
      sig[j * 2] = minHi;
      sig[j * 2 + 1] = minLo;
    }
    return sig;
  };
  return {
    hashWords: 2,
    numHashes,
    signatureOfWords,
    signature: (text) => signatureOfWords(joinedWords(simplifyText(text))),
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
    signature: (text) => signatureOfWords(joinedWords(simplifyText(text))),
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
