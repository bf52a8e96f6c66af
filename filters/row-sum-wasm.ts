// fastText's hidden vector, the sum of a document's input rows, added in WebAssembly four floats at
// a time (f32x4): the scalar JS loop was a third of language id's CPU. Each lane adds in float32
// in fastText's row order, as C++ and the Float32Array loop do, so sums are bit-identical. The
// matrix, the hidden vector and the row lists live in one WebAssembly memory the caller fills
// through the views returned; the kernel is assembled for the matrix's column count (unrolled).
//
// Memory layout: hidden (cols floats, 16-byte aligned), a row list area (`listInts` int32), the
// ranges of it to add, then the matrix (rows × cols floats, row-major).

import { BLOCK, END, LOOP, WASM_HEADER, WASM_PAGE, brIf, get, i32c, section, set, str, tee, uleb, wasm } from './wasm-module.ts';

/** A 32-bit memory: matrices past this fall back to the JS loop (no language-id model comes near). */
const MAX_BYTES = 2 ** 31;

const I32_ADD = 0x6a, I32_MUL = 0x6c, I32_SHL = 0x74, I32_LT_U = 0x49, I32_GE_U = 0x4f;
const I32_LOAD = (offset: number) => [0x28, 2, ...uleb(offset)];
const F32_LOAD = (offset: number) => [0x2a, 2, ...uleb(offset)];
const F32_STORE = (offset: number) => [0x38, 2, ...uleb(offset)];
const F32_ADD = 0x92;
const V128_LOAD = (offset: number) => [0xfd, 0x00, 4, ...uleb(offset)];
const V128_STORE = (offset: number) => [0xfd, 0x0b, 4, ...uleb(offset)];
const F32X4_ADD = [0xfd, ...uleb(228)];

/**
 * `sum(n)`: hidden += the matrix rows named by n ranges of the row list, in order; range k is the
 * int32 pair (first list index, row count) at `rangesAt` + 8k. One call per document, not per token.
 */
function moduleFor(cols: number, listAt: number, rangesAt: number, matrixAt: number): Uint8Array {
  const rowBytes = cols * 4;
  const lanes: number[] = [];
  for (let o = 0; o + 16 <= rowBytes; o += 16) lanes.push(...i32c(0), ...i32c(0), ...V128_LOAD(o), ...get(5), ...V128_LOAD(o), ...F32X4_ADD, ...V128_STORE(o));
  for (let o = rowBytes - (rowBytes % 16); o < rowBytes; o += 4) lanes.push(...i32c(0), ...i32c(0), ...F32_LOAD(o), ...get(5), ...F32_LOAD(o), F32_ADD, ...F32_STORE(o));
  // Locals: n=0 (param), p=1 (range), rangesEnd=2, at=3 (row id), end=4, row=5 (address).
  const body = [
    ...[0x01, 0x05, 0x7f],
    ...i32c(rangesAt), ...set(1),
    ...get(0), ...i32c(3), I32_SHL, ...i32c(rangesAt), I32_ADD, ...set(2),
    ...BLOCK,
    ...get(1), ...get(2), I32_GE_U, ...brIf(0),
    ...LOOP,
    ...get(1), ...I32_LOAD(0), ...i32c(2), I32_SHL, ...i32c(listAt), I32_ADD, ...tee(3), // at = first row id
    ...get(1), ...I32_LOAD(4), ...i32c(2), I32_SHL, I32_ADD, ...set(4), // end = at + count·4
    ...BLOCK,
    ...get(3), ...get(4), I32_GE_U, ...brIf(0),
    ...LOOP,
    ...get(3), ...I32_LOAD(0), ...i32c(rowBytes), I32_MUL, ...i32c(matrixAt), I32_ADD, ...set(5),
    ...lanes, // hidden (at 0) += row
    ...get(3), ...i32c(4), I32_ADD, ...tee(3), ...get(4), I32_LT_U, ...brIf(0),
    END, END,
    ...get(1), ...i32c(8), I32_ADD, ...tee(1), ...get(2), I32_LT_U, ...brIf(0),
    END, END,
    END,
  ];
  return new Uint8Array([
    ...WASM_HEADER,
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x00]),
    ...section(2, [0x01, ...str('m'), ...str('mem'), 0x02, 0x00, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...str('sum'), 0x00, 0x00]),
    ...section(10, [0x01, ...uleb(body.length), ...body]),
  ]);
}

export interface RowSummer {
  /** The matrix, row-major: filled by the caller. */
  readonly matrix: Float32Array;
  /** The sum: zeroed by the caller before a document. */
  readonly hidden: Float32Array;
  /** Row id lists the kernel reads (the language-id token cache lives here). */
  readonly list: Int32Array;
  /** Pairs (first index in `list`, row count), `maxRanges` of them. */
  readonly ranges: Int32Array;
  /** hidden += the rows of the first n ranges, in order. */
  sum(n: number): void;
}

/** A summer for a rows × cols matrix, `listInts` row ids and `maxRanges` ranges; null when it cannot fit. */
export function createRowSummer(rows: number, cols: number, listInts: number, maxRanges: number): RowSummer | null {
  const listAt = Math.ceil(cols / 4) * 16;
  const rangesAt = listAt + listInts * 4;
  const matrixAt = rangesAt + maxRanges * 8;
  const bytes = matrixAt + rows * cols * 4;
  if (cols === 0 || bytes > MAX_BYTES) return null;
  const memory = new wasm.Memory({ initial: Math.ceil(bytes / WASM_PAGE) });
  const instance = new wasm.Instance(new wasm.Module(moduleFor(cols, listAt, rangesAt, matrixAt)), { m: { mem: memory } });
  return {
    matrix: new Float32Array(memory.buffer, matrixAt, rows * cols),
    hidden: new Float32Array(memory.buffer, 0, cols),
    list: new Int32Array(memory.buffer, listAt, listInts),
    ranges: new Int32Array(memory.buffer, rangesAt, maxRanges * 2),
    sum: instance.exports.sum as (n: number) => void,
  };
}
