// Word n-gram counting for the Gopher repetition filter without building an n-gram string or a
// string-keyed map (a 10 MB page has millions of n-grams). Each token gets an id (equal ids iff
// equal strings) and a polynomial hash of its characters; n-grams go into an open-addressing
// table of typed arrays keyed by a hash, and every hash hit is confirmed exactly, so counts and
// lengths are those of datatrove's `Counter`/`set` of joined strings, never off by a collision.
// Joined by a space (top n-grams) two n-grams are equal iff their ids are; joined by nothing
// (duplicated n-grams) `["ab","c"]` equals `["a","bc"]`, so those hash and compare characters.
// Hashes are polynomials modulo a prime below 2^26 in a base drawn at random per scratch (one per
// filter, so per worker process): outputs never depend on it, and a page cannot be built offline
// to make its n-grams collide (a fixed base, or any base modulo 2^32, can be beaten that way,
// turning probes quadratic). A base kept from document to document lets its powers be tabled once.

import { randomInt } from 'node:crypto';
import { pyLen } from './text.ts';

const P = 67108859;
const INV_P = 1 / P;

/**
 * x mod P for an integer 0 <= x < 2P² (< 2^53, so x is exact in a double): the quotient's
 * rounding is off by at most one, and corrected.
 */
function reduce(x: number): number {
  const r = x - Math.floor(x * INV_P) * P;
  return r < 0 ? r + P : r >= P ? r - P : r;
}

/** a·b mod P for a, b < P. */
const mulmod = (a: number, b: number): number => reduce(a * b);

/** a + b mod P for a, b < P. */
const addmod = (a: number, b: number): number => (a + b >= P ? a + b - P : a + b);

export interface NgramWords {
  words: readonly string[];
  /** Per token: its id (the index of its first occurrence). */
  id: Int32Array;
  /**
   * Prefix sums over tokens, n + 1 entries: code points before token k; Σ (char + 1)·B^position
   * over the characters before token k and B^-(characters before k). Any n-gram's concatenation
   * then hashes in one subtraction and one product. Doubles, not Int32Arrays: a span's hash is then
   * one product of loaded doubles and one reduction (`spanHash`), no conversions and no addmod.
   */
  cps: Float64Array;
  charSum: Float64Array;
  charInv: Float64Array;
  /**
   * Per start: the id of the `gramN`-gram there (the start of its first occurrence), exact. The
   * (n+1)-gram at i is the pair (n-gram id at i, token id at i + n), so each top n-gram pass keys
   * a table by two integers from the previous pass: no hash of n tokens and no n-token compare.
   */
  gram: Int32Array;
  gramN: number;
  /** Random odd multipliers of the pair hash (multiply-shift: a page cannot aim its pairs at one slot). */
  mulA: number;
  mulB: number;
  /**
   * Open-addressing table reused for every n. Top n-grams: three words a slot, the n-gram start
   * (start + 1; 0 = empty), its m-gram id and the next token's id, in one array so that a probe
   * reads one cache line. Duplicated n-grams: one word a slot, the start + 1 (its hash is in `spans`).
   */
  mask: number;
  slots: Int32Array;
  /** Per start: the hash of its n-gram joined by nothing (duplicated n-grams). */
  spans: Int32Array;
  /** Per n-gram start: how many times the n-gram first seen there occurs (top n-grams). */
  counts: Int32Array;
  /** The n whose n-grams `counts` counts (0: none yet). */
  countsN: number;
}

function powmod(b: number, e: number): number {
  let r = 1;
  for (let x = b, k = e; k > 0; k = Math.floor(k / 2), x = mulmod(x, x)) if (k % 2) r = mulmod(r, x);
  return r;
}

/**
 * The typed arrays of ngramWords, kept from one document to the next and grown when a document
 * needs more: a filter makes one and reuses it, so a document costs no new buffers (a dozen per
 * document were a large share of the filter's time, in allocation and GC). With them the hash
 * base and its powers B^k and B^-k, so a document multiplies by table entries instead of
 * carrying powers along (two products fewer per token, and no exponentiation per distinct token).
 */
export interface NgramScratch {
  base: number;
  inv: number;
  pow: Int32Array;
  invPow: Int32Array;
  mulA: number;
  mulB: number;
  ints: Int32Array[];
  floats: Float64Array[];
}

/** `base` and `mul` only for tests (1 or P − 1 make hashes collide); otherwise random. */
export function createNgramScratch(base = randomInt(256, P - 1), mul?: readonly [number, number]): NgramScratch {
  const [mulA, mulB] = mul ?? [randomInt(0, 2 ** 32) | 1, randomInt(0, 2 ** 32) | 1];
  return { base, inv: powmod(base, P - 2), pow: new Int32Array(0), invPow: new Int32Array(0), mulA, mulB, ints: [], floats: [] };
}

/** Extends the scratch's power tables to at least `size` entries. */
function powers(scratch: NgramScratch, size: number): void {
  const have = scratch.pow.length;
  if (have >= size) return;
  const len = Math.max(size, 2 * have, 1024);
  const pow = new Int32Array(len);
  const invPow = new Int32Array(len);
  pow.set(scratch.pow);
  invPow.set(scratch.invPow);
  for (let k = have; k < len; k++) {
    pow[k] = k === 0 ? 1 : mulmod(pow[k - 1]!, scratch.base);
    invPow[k] = k === 0 ? 1 : mulmod(invPow[k - 1]!, scratch.inv);
  }
  scratch.pow = pow;
  scratch.invPow = invPow;
}

/** Buffer k of the scratch's Int32 (or Float64) arrays, at least `size` long, as a view of exactly `size`. */
function ints(scratch: NgramScratch, k: number, size: number): Int32Array {
  let a = scratch.ints[k];
  if (a === undefined || a.length < size) scratch.ints[k] = a = new Int32Array(Math.max(size, 2 * (a?.length ?? 0)));
  return a.subarray(0, size);
}
function floats(scratch: NgramScratch, k: number, size: number): Float64Array {
  let a = scratch.floats[k];
  if (a === undefined || a.length < size) scratch.floats[k] = a = new Float64Array(Math.max(size, 2 * (a?.length ?? 0)));
  return a.subarray(0, size);
}

/**
 * Ids and hash prefixes of the tokens, each distinct token's characters hashed once. The result's
 * arrays are views of `scratch`: valid until the next call with the same scratch.
 */
export function ngramWords(words: readonly string[], scratch = createNgramScratch()): NgramWords {
  const n = words.length;
  powers(scratch, n + 1);
  const { base, pow, invPow } = scratch;
  let size = 16;
  while (size < 2 * n) size *= 2;
  // The scratch is kept at its largest document's size for the filter's life, so buffers used only
  // here share those the later passes fill before they read: the short-token table (5 words a slot)
  // is the slot table's buffer (3 words a slot, first filled by extendGrams / duplicatedChars), and
  // the per-token hash, power and inverse power are `gram`, `counts` and `spans` (first written by
  // topNgram, topNgram and duplicatedChars). Retained bytes per token of the largest document:
  // 88-128 (were 124-188 with buffers of their own).
  const table = ints(scratch, 2, 5 * size);
  const out: NgramWords = {
    words,
    id: ints(scratch, 0, n),
    cps: floats(scratch, 0, n + 1),
    charSum: floats(scratch, 2, n + 1),
    charInv: floats(scratch, 3, n + 1),
    gram: ints(scratch, 1, n),
    gramN: 0,
    mulA: scratch.mulA,
    mulB: scratch.mulB,
    mask: size - 1,
    slots: table.subarray(0, 3 * size),
    spans: ints(scratch, 7, n),
    counts: ints(scratch, 3, n),
    countsN: 0,
  };
  const { id, cps, charSum, charInv, mask, mulA } = out;
  cps[0] = 0;
  charSum[0] = 0;
  charInv[0] = 1;
  // Per distinct token (at its first index): code points, Σ (char + 1)·B^k, B^len, B^-len.
  const firstAt = new Map<string, number>();
  // Tokens of up to 12 Latin-1 units (98 % of them on the bench pages) are their own integer key:
  // four int32s of three 8-bit units each below a leading 1, so equal keys are equal strings. Their
  // first indices are found in an open-addressing table of (key, index) slots without hashing a
  // string; the other tokens go through the Map.
  const shift = 32 - Math.log2(mask + 1);
  const { mulB } = out;
  const short = table;
  short.fill(0);
  const len = floats(scratch, 1, n);
  const wHash = out.gram;
  const wPow = out.counts;
  const wInv = out.spans;
  let charPow = 1;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const L = w.length;
    let k: number | undefined;
    let k0 = 1;
    let k1 = 1;
    let k2 = 1;
    let k3 = 1;
    let latin1 = L <= 12;
    for (let c = 0; c < L && latin1; c++) {
      const u = w.charCodeAt(c);
      if (u >= 256) latin1 = false;
      else if (c < 3) k0 = (k0 << 8) | u;
      else if (c < 6) k1 = (k1 << 8) | u;
      else if (c < 9) k2 = (k2 << 8) | u;
      else k3 = (k3 << 8) | u;
    }
    if (latin1) {
      for (let s = Math.imul(Math.imul(Math.imul(Math.imul(k0, mulA) ^ k1, mulB) ^ k2, mulA) ^ k3, mulB) >>> shift; ; s = (s + 1) & mask) {
        const at = 5 * s;
        const a = short[at]!;
        if (a === k0 && short[at + 1] === k1 && short[at + 2] === k2 && short[at + 3] === k3) {
          k = short[at + 4]!;
          break;
        }
        if (a === 0) {
          short[at] = k0;
          short[at + 1] = k1;
          short[at + 2] = k2;
          short[at + 3] = k3;
          short[at + 4] = i;
          break;
        }
      }
    } else {
      k = firstAt.get(w);
      if (k === undefined) firstAt.set(w, i);
    }
    if (k === undefined) {
      k = i;
      let h = 0;
      // Code points (Python's len): the units less the surrogate pairs, counted in the hash loop.
      let cp = L;
      if (L < pow.length) {
        // Each term (u + 1)·B^c is below 2^16 · 2^26, so 1,024 of them sum exactly in a double
        // (below 2^52 < 2P²): one reduction per 1,024 units instead of one per unit, and by
        // `reduce`, not `%` (a call into the runtime's fmod).
        let sum = 0;
        for (let c = 0; c < L; c++) {
          const u = w.charCodeAt(c);
          sum += (u + 1) * pow[c]!;
          if ((c & 1023) === 1023) sum = reduce(sum);
          if (u >= 0xd800 && u <= 0xdbff && c + 1 < L) {
            const d = w.charCodeAt(c + 1);
            if (d >= 0xdc00 && d <= 0xdfff) cp--;
          }
        }
        h = reduce(sum);
        wPow[i] = pow[L]!;
        wInv[i] = invPow[L]!;
      } else {
        let p = 1;
        for (let c = 0; c < L; c++) {
          h = addmod(h, mulmod(w.charCodeAt(c) + 1, p));
          p = mulmod(p, base);
        }
        cp = pyLen(w);
        wPow[i] = p;
        wInv[i] = powmod(scratch.inv, L);
      }
      len[i] = cp;
      wHash[i] = h;
    }
    id[i] = k;
    cps[i + 1] = cps[i]! + len[k]!;
    charSum[i + 1] = reduce(charSum[i]! + wHash[k]! * charPow);
    charPow = mulmod(charPow, wPow[k]!);
    charInv[i + 1] = mulmod(charInv[i]!, wInv[k]!);
  }
  return out;
}

/** The hash of the span [i, i + n) from prefix sums: (sum[i+n] − sum[i])·B^-offset(i). */
const spanHash = (sum: Float64Array, inv: Float64Array, i: number, n: number): number => reduce((sum[i + n]! - sum[i]! + P) * inv[i]!);

/** A hash in a random base is already uniform: its low bits pick the slot. */
const slotOf = (h: number, mask: number): number => h & mask;

/**
 * Turns `w.gram` from m-gram ids into (m+1)-gram ids: positions with equal (m-gram id, next token
 * id) pairs get the first such position. In place: position i is read before it is written, and
 * the table keeps each first occurrence's pair. When `counts` holds the m-grams' counts (Gopher
 * asks for 2, 3, 4 in turn), an m-gram seen once starts an (m+1)-gram seen once: its own id,
 * without the table (which then holds only the repeated ones, all that can match).
 */
function extendGrams(w: NgramWords): void {
  const m = w.gramN;
  const N = w.id.length - m;
  const { gram, id, slots, mask, mulA, mulB, counts } = w;
  const counted = w.countsN === m;
  const shift = 32 - Math.log2(mask + 1);
  slots.fill(0);
  for (let i = 0; i < N; i++) {
    const a = gram[i]!;
    if (counted && counts[a] === 1) {
      gram[i] = i;
      continue;
    }
    const b = id[i + m]!;
    // Multiply-shift: the slot is the product's top bits (its low bits would depend on the keys' low bits only).
    let s = (Math.imul(a, mulA) + Math.imul(b, mulB)) >>> shift;
    for (;;) {
      const at = slots[3 * s]! - 1;
      if (at < 0) {
        slots[3 * s] = i + 1;
        slots[3 * s + 1] = a;
        slots[3 * s + 2] = b;
        gram[i] = i;
        break;
      }
      if (slots[3 * s + 1] === a && slots[3 * s + 2] === b) {
        gram[i] = at;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  w.gramN = m + 1;
}

/**
 * The most frequent n-gram of tokens joined by a space (the first one seen among equals, as
 * Python's `Counter.most_common(1)`): its count and its length in code points. Count 0 when
 * there are fewer than n tokens. Asked for n after n − 1 (Gopher's 2, 3, 4), one pass over the tokens.
 */
export function topNgram(w: NgramWords, n: number): { count: number; length: number } {
  const N = w.id.length - n + 1;
  if (N <= 0) return { count: 0, length: 0 };
  if (w.gramN < 1 || w.gramN > n) {
    w.gram.set(w.id);
    w.gramN = 1;
  }
  while (w.gramN < n) extendGrams(w);
  const { gram, counts } = w;
  // Counts of a scratch buffer's earlier document (or n) are stale: only first occurrences are counted below.
  counts.fill(0, 0, N);
  for (let i = 0; i < N; i++) counts[gram[i]!]!++;
  w.countsN = n;
  // First occurrences come in increasing start order, which is the Counter's insertion order.
  let best = 0;
  let bestAt = 0;
  for (let i = 0; i < N; i++) {
    if (counts[i]! > best) {
      best = counts[i]!;
      bestAt = i;
    }
  }
  return { count: best, length: w.cps[bestAt + n]! - w.cps[bestAt]! + n - 1 };
}

function sameIds(id: Int32Array, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (id[a + k] !== id[b + k]) return false;
  return true;
}

/** Whether words[a..a+n) and words[b..b+n), each joined by nothing, are the same string. */
function sameConcat(w: NgramWords, a: number, b: number, n: number): boolean {
  if (sameIds(w.id, a, b, n)) return true;
  let units = 0;
  for (let k = 0; k < n; k++) units += w.words[a + k]!.length - w.words[b + k]!.length;
  if (units !== 0) return false;
  let wa = a;
  let wb = b;
  let ia = 0;
  let ib = 0;
  const end = a + n;
  while (wa < end) {
    const sa = w.words[wa]!;
    const sb = w.words[wb]!;
    if (sa.charCodeAt(ia) !== sb.charCodeAt(ib)) return false;
    if (++ia === sa.length) {
      wa++;
      ia = 0;
    }
    if (++ib === sb.length) {
      wb++;
      ib = 0;
    }
  }
  return true;
}

/**
 * datatrove's `find_all_duplicate`: characters (code points) of the n-grams, joined by nothing,
 * that equal an earlier one, skipping past each repeat.
 */
export function duplicatedChars(w: NgramWords, n: number): number {
  const N = w.id.length - n + 1;
  if (N <= 0) return 0;
  // Locals, not `w.…` in the loop: reading the fields at every position cost about 10 %.
  const { slots, charSum, charInv, cps, spans } = w;
  // One word a slot, the start (+ 1): the start's hash is spans[start], so the table is a third
  // of the size and stays in cache on long documents. It takes twice the slots of the pair tables
  // (of the three words a slot they have): a quarter full at most, a probe nearly always meets an
  // empty slot at once, a branch the processor predicts.
  const mask = 2 * w.mask + 1;
  slots.fill(0, 0, mask + 1);
  // Every start's hash first, in a loop without branches on the table, so the products of
  // consecutive starts overlap (a few starts inside repeats are hashed for nothing).
  for (let i = 0; i < N; i++) spans[i] = spanHash(charSum, charInv, i, n);
  let repeated = 0;
  let i = 0;
  while (i < N) {
    const h = spans[i]!;
    let s = slotOf(h, mask);
    let seen = false;
    for (;;) {
      const at = slots[s]! - 1;
      if (at < 0) break;
      if (spans[at] === h && sameConcat(w, at, i, n)) {
        seen = true;
        break;
      }
      s = (s + 1) & mask;
    }
    if (seen) {
      repeated += cps[i + n]! - cps[i]!;
      i += n;
    } else {
      slots[s] = i + 1;
      i++;
    }
  }
  return repeated;
}
