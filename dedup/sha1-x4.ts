// SHA-1 of MinHash shingles four at a time: a hand-assembled WebAssembly kernel runs the message
// schedule and the 80 rounds of four shingles at once, one per lane of i32x4 vectors. Shingles are
// a few words, so nearly all fit one 64-byte block: JS packs each one's padded block (big-endian
// words, the four lanes interleaved) into the kernel's memory, and a longer shingle goes through the
// scalar sha1Prefix64 (dedup/sha1.ts). Each lane does SHA-1's own 32-bit operations, so digests
// are SHA-1's bit for bit (test/dedup checks them against node:crypto).
//
// Memory layout: the schedule W[0..80) of the group in hand (80 vectors) at 0; from INPUT_AT, per
// group of four shingles its 16 input vectors; after the inputs, per group the vectors h0 and h1.

import { BLOCK, END, LOOP, WASM_HEADER, WASM_PAGE, br, brIf, get, i32c, section, set, str, tee, uleb, wasm, type WasmMemory } from '../filters/index.ts';
import { bswap, sha1Prefix64 } from './sha1.ts';

const I32_ADD = 0x6a, I32_SUB = 0x6b, I32_SHL = 0x74, I32_GE_U = 0x4f;
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const V128_LOAD = (offset: number): number[] => [...simd(0x00), 4, ...uleb(offset)];
const V128_STORE = (offset: number): number[] => [...simd(0x0b), 4, ...uleb(offset)];
const SPLAT = simd(0x11);
const AND = simd(0x4e), ANDNOT = simd(0x4f), OR = simd(0x50), XOR = simd(0x51);
const SHL = simd(0xab), SHR_U = simd(0xad), ADD = simd(0xae);

const INPUT_AT = 80 * 16;
const GROUP_IN = 16 * 16;
const GROUP_OUT = 2 * 16;
/** The longest message that fits one block: 64 bytes less the 0x80 pad byte and the 8-byte length. */
const ONE_BLOCK = 55;

// Locals: params inAt, outAt, groups; i32 g, i, p (the group's input), q (its output), w; v128 a–e, t.
const [IN, OUT, GROUPS, G, I, P, Q, W, A, B, C, D, E, T] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

const rotl = (local: number, n: number): number[] => [...get(local), ...i32c(n), ...SHL, ...get(local), ...i32c(32 - n), ...SHR_U, ...OR];
const splat = (v: number): number[] => [...i32c(v | 0), ...SPLAT];
const shl4 = (local: number): number[] => [...get(local), ...i32c(4), I32_SHL];

/** for (i = from; i < to; i++) body */
const loop = (from: number, to: number, body: number[]): number[] => [
  ...i32c(from), ...set(I),
  ...BLOCK, ...LOOP,
  ...get(I), ...i32c(to), I32_GE_U, ...brIf(1),
  ...body,
  ...get(I), ...i32c(1), I32_ADD, ...set(I),
  ...br(0), END, END,
];

/** t = rotl(a, 5) + f(b, c, d) + e + k + W[i]; e = d; d = c; c = rotl(b, 30); b = a; a = t */
const round = (f: number[], k: number): number[] => [
  ...rotl(A, 5), ...f, ...ADD, ...get(E), ...ADD, ...splat(k), ...ADD, ...shl4(I), ...V128_LOAD(0), ...ADD, ...set(T),
  ...get(D), ...set(E), ...get(C), ...set(D), ...rotl(B, 30), ...set(C), ...get(A), ...set(B), ...get(T), ...set(A),
];
const CHOOSE = [...get(B), ...get(C), ...AND, ...get(D), ...get(B), ...ANDNOT, ...OR]; // (b & c) | (d & ~b)
const PARITY = [...get(B), ...get(C), ...XOR, ...get(D), ...XOR];
const MAJORITY = [...get(B), ...get(C), ...AND, ...get(B), ...get(D), ...AND, ...OR, ...get(C), ...get(D), ...AND, ...OR];

const H = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];

const BODY = [
  ...[0x02, 0x05, 0x7f, 0x06, 0x7b], // locals: 5 × i32, 6 × v128
  ...get(IN), ...set(P),
  ...get(OUT), ...set(Q),
  ...i32c(0), ...set(G),
  ...BLOCK, ...LOOP,
  ...get(G), ...get(GROUPS), I32_GE_U, ...brIf(1),
  ...loop(0, 16, [...shl4(I), ...get(P), ...shl4(I), I32_ADD, ...V128_LOAD(0), ...V128_STORE(0)]),
  // W[i] = rotl(W[i-3] ^ W[i-8] ^ W[i-14] ^ W[i-16], 1), addressed from w = &W[i-16].
  ...loop(16, 80, [
    ...shl4(I), ...i32c(256), I32_SUB, ...tee(W),
    ...get(W), ...V128_LOAD(13 * 16), ...get(W), ...V128_LOAD(8 * 16), ...XOR, ...get(W), ...V128_LOAD(2 * 16), ...XOR, ...get(W), ...V128_LOAD(0), ...XOR, ...set(T),
    ...rotl(T, 1), ...V128_STORE(16 * 16),
  ]),
  ...splat(H[0]!), ...set(A), ...splat(H[1]!), ...set(B), ...splat(H[2]!), ...set(C), ...splat(H[3]!), ...set(D), ...splat(H[4]!), ...set(E),
  ...loop(0, 20, round(CHOOSE, 0x5a827999)),
  ...loop(20, 40, round(PARITY, 0x6ed9eba1)),
  ...loop(40, 60, round(MAJORITY, 0x8f1bbcdc)),
  ...loop(60, 80, round(PARITY, 0xca62c1d6)),
  // One block: the digest's first two words are the initial ones plus a and b.
  ...get(Q), ...get(A), ...splat(H[0]!), ...ADD, ...V128_STORE(0),
  ...get(Q), ...get(B), ...splat(H[1]!), ...ADD, ...V128_STORE(16),
  ...get(P), ...i32c(GROUP_IN), I32_ADD, ...set(P),
  ...get(Q), ...i32c(GROUP_OUT), I32_ADD, ...set(Q),
  ...get(G), ...i32c(1), I32_ADD, ...set(G),
  ...br(0), END, END,
  END,
];

const MODULE = new Uint8Array([
  ...WASM_HEADER,
  ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00]),
  ...section(3, [0x01, 0x00]),
  ...section(5, [0x01, 0x00, 0x01]),
  ...section(7, [0x02, ...str('mem'), 0x02, 0x00, ...str('sha1x4'), 0x00, 0x00]),
  ...section(10, [0x01, ...uleb(BODY.length), ...BODY]),
]);

export interface ShingleSha1 {
  /**
   * Writes the sha1Prefix64 of shingles 0..n-1 to out[2i] (low word) and out[2i + 1]: shingle i is
   * bytes[start, wordEnds[i + ngram − 1]) with start 0 for i = 0, else wordEnds[i − 1] + 1.
   */
  hash(bytes: Uint8Array, wordEnds: Int32Array, ngram: number, n: number, out: Uint32Array): void;
}

export function createShingleSha1(): ShingleSha1 {
  const instance = new wasm.Instance(new wasm.Module(MODULE));
  const memory = instance.exports['mem'] as WasmMemory;
  const run = instance.exports['sha1x4'] as (inAt: number, outAt: number, groups: number) => void;
  let view = new Int32Array(memory.buffer);
  /** Per packed lane, the shingle it holds. */
  let slots = new Int32Array(1024);

  return {
    hash(bytes, wordEnds, ngram, n, out) {
      const maxGroups = (n + 3) >>> 2;
      const outAt = INPUT_AT + maxGroups * GROUP_IN;
      const need = outAt + maxGroups * GROUP_OUT;
      if (need > memory.buffer.byteLength) {
        memory.grow(Math.ceil((need - memory.buffer.byteLength) / WASM_PAGE));
        view = new Int32Array(memory.buffer);
      }
      if (slots.length < n) slots = new Int32Array(n);
      // Big-endian words in one load each (DataView reads them byte-swapped) instead of four byte loads and shifts.
      const be = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let k = 0;
      for (let i = 0; i < n; i++) {
        const start = i === 0 ? 0 : wordEnds[i - 1]! + 1;
        const len = wordEnds[i + ngram - 1]! - start;
        if (len > ONE_BLOCK) {
          sha1Prefix64(bytes, start, len, out, i * 2);
          continue;
        }
        // Word t of lane k sits at int32 index (INPUT_AT / 4) + group·64 + t·4 + lane.
        const base = (INPUT_AT >>> 2) + ((k >>> 2) << 6) + (k & 3);
        slots[k++] = i;
        const full = len >>> 2;
        let p = start;
        for (let t = 0; t < full; t++, p += 4) view[base + t * 4] = be.getInt32(p);
        // The word holding the message's end and the 0x80 pad byte, zeros, then the length in bits.
        const rest = len & 3;
        // In one load when the buffer goes on past the message: the bytes after it are masked off.
        let word;
        if (rest === 0) word = 0x80000000 | 0;
        else if (p + 4 <= bytes.length) word = (be.getInt32(p) & ~(0xffffffff >>> (8 * rest))) | (0x80 << (24 - 8 * rest));
        else {
          word = 0;
          for (let b = 0; b < 4; b++) word = (word << 8) | (b < rest ? bytes[p + b]! : b === rest ? 0x80 : 0);
        }
        view[base + full * 4] = word;
        for (let t = full + 1; t < 15; t++) view[base + t * 4] = 0;
        view[base + 60] = len * 8;
      }
      const groups = (k + 3) >>> 2;
      run(INPUT_AT, outAt, groups);
      for (let j = 0; j < k; j++) {
        const at = (outAt >>> 2) + ((j >>> 2) << 3) + (j & 3);
        const o = slots[j]! * 2;
        out[o] = bswap(view[at]!);
        out[o + 1] = bswap(view[at + 4]!);
      }
    },
  };
}
