// The `fineweb-compat` permutation kernel in WebAssembly, whose i64 arithmetic wraps modulo 2^64
// exactly like numpy's uint64: for each hash j, min over shingles h of
//   x = h·a_j + b_j (mod 2^64);  x = (x & P) + (x >> 61);  if x >= P: x -= P     (P = 2^61 − 1)
// Hand-assembled (the module is 231 bytes; no toolchain needed at build or run time). The JS
// formulation with 32-bit halves runs ~8× slower, BigInt ~60× (bench/dedup/kernel.ts).
//
// Memory layout (little-endian u64): params [a_0, b_0, a_1, b_1, …] at 0, the k minima after them,
// then the n shingle hashes.

const P = (1n << 61n) - 1n;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const str = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Locals: params sh=0 n=1 par=2 k=3 out=4; i32 j=5 p=6 end=7; i64 a=8 b=9 m=10 x=11.
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const i32c = (v: number) => [0x41, ...sleb(BigInt(v))];
const i64c = (v: bigint) => [0x42, ...sleb(v)];
const I32_ADD = 0x6a, I32_SHL = 0x74, I32_GE_U = 0x4f;
const I64_LOAD = [0x29, 3, 0], I64_LOAD8 = [0x29, 3, 8], I64_STORE = [0x37, 3, 0];
const I64_MUL = 0x7e, I64_ADD = 0x7c, I64_SUB = 0x7d, I64_AND = 0x83, I64_SHR_U = 0x88, I64_GE_U = 0x5a, I64_LT_U = 0x54;
const SELECT = 0x1b, BLOCK = [0x02, 0x40], LOOP = [0x03, 0x40], END = 0x0b;
const br = (d: number) => [0x0c, d];
const brIf = (d: number) => [0x0d, d];

const body = [
  ...[0x02, 0x03, 0x7f, 0x04, 0x7e], // locals: 3 × i32, 4 × i64
  ...get(0), ...get(1), ...i32c(3), I32_SHL, I32_ADD, ...set(7), // end = sh + n·8
  ...BLOCK, ...LOOP,
  ...get(5), ...get(3), I32_GE_U, ...brIf(1), // j >= k → done
  ...get(2), ...get(5), ...i32c(4), I32_SHL, I32_ADD, ...tee(6), ...I64_LOAD, ...set(8), // a = par[j].a
  ...get(6), ...I64_LOAD8, ...set(9), // b
  ...i64c(-1n), ...set(10), // m = 2^64 − 1
  ...get(0), ...set(6), // p = sh
  ...BLOCK, ...LOOP,
  ...get(6), ...get(7), I32_GE_U, ...brIf(1),
  ...get(6), ...I64_LOAD, ...get(8), I64_MUL, ...get(9), I64_ADD, ...tee(11), // x = h·a + b (wraps)
  ...i64c(P), I64_AND, ...get(11), ...i64c(61n), I64_SHR_U, I64_ADD, ...set(11), // x = (x & P) + (x >> 61)
  ...get(11), ...i64c(P), I64_SUB, ...get(11), ...get(11), ...i64c(P), I64_GE_U, SELECT, ...set(11), // x >= P ? x − P : x
  ...get(11), ...get(10), ...get(11), ...get(10), I64_LT_U, SELECT, ...set(10), // m = min(m, x)
  ...get(6), ...i32c(8), I32_ADD, ...set(6),
  ...br(0), END, END,
  ...get(4), ...get(5), ...i32c(3), I32_SHL, I32_ADD, ...get(10), ...I64_STORE, // out[j] = m
  ...get(5), ...i32c(1), I32_ADD, ...set(5),
  ...br(0), END, END,
  END,
];

const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
  ...section(3, [0x01, 0x00]),
  ...section(5, [0x01, 0x00, 0x01]),
  ...section(7, [0x02, ...str('mem'), 0x02, 0x00, ...str('minhash'), 0x00, 0x00]),
  ...section(10, [0x01, ...uleb(body.length), ...body]),
]);

/** The slice of the WebAssembly JS API used here (the project's TS lib has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

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
