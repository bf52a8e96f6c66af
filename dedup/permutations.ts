// Permutation parameters of the MinHash hash functions, drawn from numpy's legacy
// `RandomState(seed)` (MT19937) exactly as datatrove draws them, so `fineweb-compat` signatures equal
// the reference's for any seed; the seed-1 values are checked against the spec's table in the tests.
// BigInt is fine here: it runs once per process, never per shingle.

const MERSENNE_61 = (1n << 61n) - 1n;

/** numpy's legacy MT19937 (`mt19937_seed` + `genrand_int32`). */
function mt19937(seed: number): () => number {
  const mt = new Uint32Array(624);
  mt[0] = seed >>> 0;
  for (let i = 1; i < 624; i++) {
    const prev = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
  let pos = 624;
  const twist = () => {
    for (let i = 0; i < 624; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % 624]! & 0x7fffffff);
      mt[i] = mt[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    pos = 0;
  };
  return () => {
    if (pos >= 624) twist();
    let y = mt[pos++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

/** numpy legacy `randint(low, high, dtype=uint64)` for ranges wider than 32 bits: masked rejection sampling. */
function randintU64(next32: () => number, low: bigint, high: bigint): bigint {
  const rng = high - 1n - low;
  let mask = rng;
  for (let s = 1n; s <= 32n; s <<= 1n) mask |= mask >> s;
  for (;;) {
    const hi = BigInt(next32());
    const lo = BigInt(next32());
    const v = ((hi << 32n) | lo) & mask;
    if (v <= rng) return low + v;
  }
}

/** `fineweb-compat`: a_i ∈ [1, 2^61−1), b_i ∈ [0, 2^61−1), as 32-bit halves: [aHi, aLo, bHi, bLo] per hash. */
export function compatParams(seed: number, count: number): Uint32Array {
  const next32 = mt19937(seed);
  const a = Array.from({ length: count }, () => randintU64(next32, 1n, MERSENNE_61));
  const b = Array.from({ length: count }, () => randintU64(next32, 0n, MERSENNE_61));
  const out = new Uint32Array(count * 4);
  for (let i = 0; i < count; i++) {
    out[i * 4] = Number(a[i]! >> 32n);
    out[i * 4 + 1] = Number(a[i]! & 0xffffffffn);
    out[i * 4 + 2] = Number(b[i]! >> 32n);
    out[i * 4 + 3] = Number(b[i]! & 0xffffffffn);
  }
  return out;
}

/** `fast`: an odd multiplier and an xor constant per hash: [a, c] per hash. */
export function fastParams(seed: number, count: number): Uint32Array {
  const next32 = mt19937(seed);
  const out = new Uint32Array(count * 2);
  for (let i = 0; i < count; i++) {
    out[i * 2] = next32() | 1;
    out[i * 2 + 1] = next32();
  }
  return out;
}
