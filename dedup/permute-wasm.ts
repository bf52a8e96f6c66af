// The `fineweb-compat` permutation kernel in WebAssembly, whose i64 arithmetic wraps modulo 2^64
// exactly like numpy's uint64: for each hash j, min over shingles h of
//   x = h·a_j + b_j (mod 2^64);  x = (x & P) + (x >> 61);  if x >= P: x -= P     (P = 2^61 − 1)
// Hand-assembled (the module is 354 bytes; no toolchain needed at build or run time). The JS
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

/** The loop over the shingles (p from sh to end), `step` on each: x is the permuted hash of the one at p. */
const shingles = (step: number[]): number[] => [
  ...get(0), ...set(6), // p = sh
  ...BLOCK, ...LOOP,
  ...get(6), ...get(7), I32_GE_U, ...brIf(1),
  ...get(6), ...I64_LOAD, ...get(8), I64_MUL, ...get(9), I64_ADD, ...tee(11), // x = h·a + b (wraps)
  ...i64c(P), I64_AND, ...get(11), ...i64c(61n), I64_SHR_U, I64_ADD, ...set(11), // x = (x & P) + (x >> 61), at most P + 7
  ...step,
  ...get(6), ...i32c(8), I32_ADD, ...set(6),
  ...br(0), END, END,
];
const minInto10 = [...get(11), ...get(10), ...get(11), ...get(10), I64_LT_U, SELECT, ...set(10)]; // m = min(m, x)

// The minimum is taken over x − P (mod 2^64) instead of over x reduced mod P: for x < P that is
// x + 2^64 − P, in x's order, and adding P back gives the minimum: one compare and one select per
// shingle fewer than reducing each x. An x of P or more (about 8 in 2^61) lands in [0, 8); then
// the hash's minimum is taken again the exact way (x >= P ? x − P : x).
const body = [
  ...[0x02, 0x03, 0x7f, 0x04, 0x7e], // locals: 3 × i32, 4 × i64
  ...get(0), ...get(1), ...i32c(3), I32_SHL, I32_ADD, ...set(7), // end = sh + n·8
  ...BLOCK, ...LOOP,
  ...get(5), ...get(3), I32_GE_U, ...brIf(1), // j >= k → done
  ...get(2), ...get(5), ...i32c(4), I32_SHL, I32_ADD, ...tee(6), ...I64_LOAD, ...set(8), // a = par[j].a
  ...get(6), ...I64_LOAD8, ...set(9), // b
  ...i64c(-1n), ...set(10), // m = 2^64 − 1
  ...shingles([...get(11), ...i64c(P), I64_SUB, ...set(11), ...minInto10]), // m = min(m, x − P)
  ...get(10), ...i64c(8n), I64_LT_U, ...IF,
  ...i64c(-1n), ...set(10),
  ...shingles([...get(11), ...i64c(P), I64_SUB, ...get(11), ...get(11), ...i64c(P), I64_GE_U, SELECT, ...set(11), ...minInto10]), // x >= P ? x − P : x
  ...get(10), ...i64c(P), I64_SUB, ...set(10), // as the fast path leaves it
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
      const need = shAt + n * 8;
      if (need > memory.buffer.byteLength) {
        memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
        words = new Uint32Array(memory.buffer);
      }
      return words.subarray(shAt / 4, shAt / 4 + n * 2);
    },
    run(n) {
      minhash(shAt, n, 0, k, outAt);
      return words.subarray(outAt / 4, outAt / 4 + k * 2);
    },
  };
}
