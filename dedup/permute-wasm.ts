// The `fineweb-compat` permutation kernel in WebAssembly, whose i64 arithmetic wraps modulo 2^64
// exactly like numpy's uint64: for each hash j, min over shingles h of
//   x = h·a_j + b_j (mod 2^64);  x = (x & P) + (x >> 61);  if x >= P: x -= P     (P = 2^61 − 1)
// Hand-assembled (the module is 429 bytes; no toolchain needed at build or run time). The JS
// formulation with 32-bit halves runs ~8× slower, BigInt ~60× (bench/dedup/kernel.ts).
//
// Memory layout (little-endian u64): params [a_0, b_0, a_1, b_1, …] at 0, the k minima after them,
// then the n shingle hashes.

import { BLOCK, END, LOOP, WASM_HEADER, br, brIf, get, i32c, i64c, section, set, str, tee, uleb, wasm, type WasmMemory } from '../filters/index.ts';

const P = (1n << 61n) - 1n;

const I32_ADD = 0x6a, I32_SHL = 0x74, I32_GE_U = 0x4f;
const I64_LOAD = [0x29, 3, 0], I64_LOAD8 = [0x29, 3, 8], I64_STORE = [0x37, 3, 0];
const I64_MUL = 0x7e, I64_ADD = 0x7c, I64_SUB = 0x7d, I64_AND = 0x83, I64_SHR_U = 0x88, I64_GE_U = 0x5a, I64_LT_U = 0x54;
const SELECT = 0x1b;
const IF = [0x04, 0x40];

/** x = h·a + b (wraps), folded: (x & P) + (x >> 61), at most P + 7; h is the shingle at p + the load's offset. */
const folded = (load: number[], x: number): number[] => [
  ...get(6), ...load, ...get(8), I64_MUL, ...get(9), I64_ADD, ...tee(x),
  ...i64c(P), I64_AND, ...get(x), ...i64c(61n), I64_SHR_U, I64_ADD, ...set(x),
];
/** m = min(m, x), unsigned. */
const minInto = (m: number, x: number): number[] => [...get(x), ...get(m), ...get(x), ...get(m), I64_LT_U, SELECT, ...set(m)];
/** for (p = sh; p < end; p += step) body */
const overShingles = (step: number, body: number[]): number[] => [
  ...get(0), ...set(6),
  ...BLOCK, ...LOOP,
  ...get(6), ...get(7), I32_GE_U, ...brIf(1),
  ...body,
  ...get(6), ...i32c(step), I32_ADD, ...set(6),
  ...br(0), END, END,
];

// The minimum is taken over x − P (mod 2^64) instead of over x reduced mod P: for x < P that is
// x + 2^64 − P, in x's order, and adding P back gives the minimum: one compare and one select per
// shingle fewer than reducing each x. An x of P or more (about 8 in 2^61) lands in [0, 8); then
// the hash's minimum is taken again the exact way (x >= P ? x − P : x). The fast loop takes two
// shingles a pass, each with its own minimum (n is even: run() repeats the last shingle, which
// changes no minimum). Locals: params sh, n, par, k, out; j, p, end; a, b, m, x, m2, x2.
const FAST = overShingles(16, [
  ...folded(I64_LOAD, 11), ...get(11), ...i64c(P), I64_SUB, ...set(11), ...minInto(10, 11),
  ...folded(I64_LOAD8, 13), ...get(13), ...i64c(P), I64_SUB, ...set(13), ...minInto(12, 13),
]);
const EXACT = overShingles(8, [
  ...folded(I64_LOAD, 11),
  ...get(11), ...i64c(P), I64_SUB, ...get(11), ...get(11), ...i64c(P), I64_GE_U, SELECT, ...set(11), // x >= P ? x − P : x
  ...minInto(10, 11),
]);

const body = [
  ...[0x02, 0x03, 0x7f, 0x06, 0x7e], // locals: 3 × i32, 6 × i64
  ...get(0), ...get(1), ...i32c(3), I32_SHL, I32_ADD, ...set(7), // end = sh + n·8
  ...BLOCK, ...LOOP,
  ...get(5), ...get(3), I32_GE_U, ...brIf(1), // j >= k → done
  ...get(2), ...get(5), ...i32c(4), I32_SHL, I32_ADD, ...tee(6), ...I64_LOAD, ...set(8), // a = par[j].a
  ...get(6), ...I64_LOAD8, ...set(9), // b
  ...i64c(-1n), ...set(10), ...i64c(-1n), ...set(12), // m = m2 = 2^64 − 1
  ...FAST,
  ...minInto(10, 12), // m = min(m, m2): the least x − P
  ...get(10), ...i64c(8n), I64_LT_U, ...IF, // an x past P: the exact loop, m left as FAST leaves it
  ...i64c(-1n), ...set(10), ...EXACT, ...get(10), ...i64c(P), I64_SUB, ...set(10),
  END,
  ...get(4), ...get(5), ...i32c(3), I32_SHL, I32_ADD, ...get(10), ...i64c(P), I64_ADD, ...I64_STORE, // out[j] = m + P
  ...get(5), ...i32c(1), I32_ADD, ...set(5),
  ...br(0), END, END,
  END,
];

const MODULE = new Uint8Array([
  ...WASM_HEADER,
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
  ...section(3, [0x01, 0x00]),
  ...section(5, [0x01, 0x00, 0x01]),
  ...section(7, [0x02, ...str('mem'), 0x02, 0x00, ...str('minhash'), 0x00, 0x00]),
  ...section(10, [0x01, ...uleb(body.length), ...body]),
]);

export interface PermuteKernel {
  /** Space for n shingle hashes as u32 words, low word first; valid until the next `reserve`. */
  reserve(n: number): Uint32Array;
  /** Minima of the permuted hashes of the first n reserved shingles, as u32 words low word first. */
  run(n: number): Uint32Array;
}

/** `params` per hash: [aHi, aLo, bHi, bLo] (permutations.ts). */
export function createPermuteKernel(params: Uint32Array): PermuteKernel {
  const k = params.length / 4;
  const instance = new wasm.Instance(new wasm.Module(MODULE));
  const memory = instance.exports.mem as WasmMemory;
  const minhash = instance.exports.minhash as (sh: number, n: number, par: number, k: number, out: number) => void;
  const outAt = k * 16;
  const shAt = k * 24;
  let words = new Uint32Array(memory.buffer);
  for (let j = 0; j < k; j++) {
    words[j * 4] = params[j * 4 + 1]!;
    words[j * 4 + 1] = params[j * 4]!;
    words[j * 4 + 2] = params[j * 4 + 3]!;
    words[j * 4 + 3] = params[j * 4 + 2]!;
  }
  return {
    reserve(n) {
      // Room for one more: run() repeats the last shingle when n is odd.
      const need = shAt + (n + 1) * 8;
      if (need > memory.buffer.byteLength) {
        memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
        words = new Uint32Array(memory.buffer);
      }
      return words.subarray(shAt / 4, shAt / 4 + n * 2);
    },
    run(n) {
      if (n & 1) {
        const last = shAt / 4 + (n - 1) * 2;
        words[last + 2] = words[last]!;
        words[last + 3] = words[last + 1]!;
      }
      minhash(shAt, (n + 1) & ~1, 0, k, outAt);
      return words.subarray(outAt / 4, outAt / 4 + k * 2);
    },
  };
}
