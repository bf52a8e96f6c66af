// 64-bit string hashes and a compact set of them, for the two large read-only sets the filters
// look things up in: UT1's 4.5 M block-listed domains and the evaluation n-grams of
// decontamination. A `Set<string>` of 4.5 M domains costs ~400 MB and seconds to build in every
// worker; a sorted array of 64-bit hashes costs 8 bytes an entry, is built once (at set-up or
// planning) and loads as one file read. At 64 bits an accidental collision among 10^8 entries is
// ~3·10^-4 likely over the whole set, and a lookup's false-positive rate is entries / 2^64
// (10^8 entries: one false hit per ~2·10^11 lookups).

/** Two independent 32-bit FNV-1a hashes of the UTF-16 units, each finished with murmur3's fmix32. */
export function hash64(s: string, out: Uint32Array, at = 0): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  out[at] = fmix32(b ^ s.length);
  out[at + 1] = fmix32(a);
}

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A set of 64-bit hashes stored as sorted (lo, hi) u32 pairs, lo at even indices: the memory
 * layout of a little-endian BigUint64Array, so it is written and read as raw bytes.
 */
export interface HashSet64 {
  readonly size: number;
  readonly words: Uint32Array;
  /** Position of the hash in sorted order, -1 when absent. */
  indexOf(lo: number, hi: number): number;
  has(lo: number, hi: number): boolean;
}

/**
 * A lookup first narrows to the entries sharing the hash's top `bits` bits through an offsets
 * table (about one table word per four entries, so a slice is a cache line or two), then bisects.
 */
export function hashSet64(words: Uint32Array): HashSet64 {
  const size = words.length >>> 1;
  const bits = Math.max(8, Math.min(24, Math.floor(Math.log2(Math.max(size, 1))) - 2));
  const shift = 32 - bits;
  const top = new Uint32Array((1 << bits) + 1);
  for (let i = 0; i < size; i++) top[(words[2 * i + 1]! >>> shift) + 1]!++;
  for (let b = 0; b < 1 << bits; b++) top[b + 1]! += top[b]!;
  const indexOf = (lo: number, hi: number): number => {
    let l = top[hi >>> shift]!;
    let h = top[(hi >>> shift) + 1]!;
    while (l < h) {
      const m = (l + h) >>> 1;
      const mh = words[2 * m + 1]!;
      if (mh < hi || (mh === hi && words[2 * m]! < lo)) l = m + 1;
      else h = m;
    }
    return l < size && words[2 * l + 1] === hi && words[2 * l] === lo ? l : -1;
  };
  return { size, words, indexOf, has: (lo, hi) => indexOf(lo, hi) >= 0 };
}

/** Sorts and deduplicates (lo, hi) pairs in place; returns the distinct prefix. */
export function sortUniquePairs(pairs: Uint32Array): Uint32Array {
  const n = pairs.length >>> 1;
  const big = new BigUint64Array(pairs.buffer, pairs.byteOffset, n);
  big.sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (k === 0 || big[i] !== big[k - 1]) big[k++] = big[i]!;
  return pairs.subarray(0, 2 * k);
}

/** A set read from a file written by `sortUniquePairs` (raw little-endian u64s). */
export function hashSetFromBytes(bytes: Uint8Array, origin: string): HashSet64 {
  if (bytes.byteLength % 8 !== 0) throw new Error(`${origin}: ${bytes.byteLength} bytes, not a multiple of 8: truncated`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return hashSet64(new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4));
}
