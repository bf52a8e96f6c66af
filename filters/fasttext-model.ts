// fastText supervised-model inference in plain TypeScript: loads a `.bin` (dense) or `.ftz`
// (product-quantized, pruned dictionary) model file as fastText 0.9.x writes it, and predicts the
// labels and scores Python's `fasttext` returns (scores within 1e-6). Own code rather than fastText's
// WASM build because the model's own arithmetic is the cost: fastText hashes every char n-gram of
// every token (~10 per word) to find its rows, while here each distinct token's rows are found once
// and kept in a bounded cache (one per loaded model), looked up by the token's UTF-16 units without
// making a string. The rows are still added one by one in fastText's float32 order, so scores match
// fastText's to the last bit but for expf/logf (summing a cached per-token vector instead was
// measured: about 10 % faster on warm texts, scores off by up to 5e-6 and tied labels reordered, so
// not kept). Results never depend on what the model saw before.
//
// API (stable; used for language id and for quality classifiers with any labels):
//   const model = loadFastText('/path/model.bin' or '/path/model.ftz');   // throws one clear line
//   model.predict(text, k = 1, threshold = 0) → [{ label: '__label__en', prob: 0.93 }, …] best first
//     as Python's `model.predict(text, k, threshold)`: text up to its first '\n' is classified
//     (callers replace newlines first, as Python requires), tokens split on ASCII whitespace, `</s>`
//     appended; `prob` is what Python returns (fastText adds 1e-5 before its log, so a certain
//     label scores 1.00001). k < 1 means every label. Empty input still predicts (from `</s>`).
//   model.labels — every label in model order; model.args — the training arguments that matter.
// Any loss (softmax, hierarchical softmax, one-vs-all, negative sampling), any label names, word
// n-grams (`wordNgrams` > 1) and char n-grams (`minn`..`maxn`). Word-vector models are refused.

import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRowSummer, type RowSummer } from './row-sum-wasm.ts';
import { createUnitCopy } from './units.ts';

export interface FastTextPrediction {
  label: string;
  prob: number;
}

export interface FastTextArgs {
  dim: number;
  wordNgrams: number;
  loss: 'hs' | 'ns' | 'softmax' | 'ova';
  bucket: number;
  minn: number;
  maxn: number;
}

export interface FastTextModel {
  readonly args: FastTextArgs;
  readonly labels: readonly string[];
  predict(text: string, k?: number, threshold?: number): FastTextPrediction[];
}

/**
 * Rows of a matrix, dense or product-quantized: add row `i` into `x`, or dot row `i` with `x`. Both in
 * float32 steps as fastText's C++ does them (a Float32Array store rounds each sum, `Math.fround` each
 * product), so sums over a long document drift exactly as fastText's do.
 */
interface Rows {
  readonly rows: number;
  readonly cols: number;
  /** Row-major floats when the matrix is held dense (the hot path adds rows from it directly). */
  readonly data: Float32Array | null;
  addRow(x: Float32Array, i: number): void;
  dotRow(x: Float32Array, i: number): number;
}

const MAGIC = 793712314;
const LOSSES = [null, 'hs', 'ns', 'softmax', 'ova'] as const;
const SUPERVISED = 3;
const EOS = '</s>';
const LABEL_PREFIX = '__label__';
const KSUB = 256;
/** Quantized input matrices up to this many floats are expanded to dense at load. */
const DENSE_LIMIT = 1 << 25;
/** Distinct tokens whose input rows are kept (cleared whole when full), and their pools' sizes. */
const CACHE_TOKENS = 1 << 18;
const CACHE_SLOTS = CACHE_TOKENS * 2;
/** Int32s of token records (kind, hash, length, row count, rows, two UTF-16 units per int32). */
const CACHE_POOL = CACHE_TOKENS * 16;
/** Row ids of an uncached token are copied here for the row summer, this many at a time. */
const STAGING = 4096;
/** Ranges of rows queued for the row summer before it is called. */
const RANGES = 4096;
/** Longer tokens are not cached (rare, and they would crowd the pools). */
const CACHE_MAX_CHARS = 64;
/** Tokens looked up together (their table slots and records touched first). */
const BATCH = 128;

/** Bits 0, 9–13 (and 32, tested apart): the characters fastText's reader splits tokens on. */
const SEPARATOR_BITS = (1 << 0) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13);
/** One comparison for the characters above the space (nearly all): then the bits. */
const isSeparator = (c: number): boolean => c <= 32 && (c === 32 || ((SEPARATOR_BITS >>> c) & 1) === 1);

const WORD = 0;
const LABEL = 1;
const END = 2;
const SIGMOID_TABLE = 512;
const MAX_SIGMOID = 8;

type ByteReader = ReturnType<typeof byteReader>;

function byteReader(buf: Buffer, file: string) {
  let pos = 0;
  const need = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0 || pos + n > buf.length) throw new Error(`${file}: not a fastText model (truncated or corrupt at byte ${pos})`);
  };
  return {
    i32(): number {
      need(4);
      pos += 4;
      return buf.readInt32LE(pos - 4);
    },
    i64(): number {
      need(8);
      pos += 8;
      return Number(buf.readBigInt64LE(pos - 8));
    },
    u8(): number {
      need(1);
      return buf[pos++]!;
    },
    f64(): number {
      need(8);
      pos += 8;
      return buf.readDoubleLE(pos - 8);
    },
    /** n floats, into `out` when given (a view of the row summer's memory). */
    f32s(n: number, out: Float32Array = new Float32Array(n)): Float32Array {
      need(n * 4);
      new Uint8Array(out.buffer, out.byteOffset, n * 4).set(buf.subarray(pos, pos + n * 4));
      pos += n * 4;
      return out;
    },
    bytes(n: number): Uint8Array {
      need(n);
      pos += n;
      return buf.subarray(pos - n, pos);
    },
    cstring(): Uint8Array {
      const end = buf.indexOf(0, pos);
      if (end < 0) throw new Error(`${file}: not a fastText model (unterminated word at byte ${pos})`);
      const out = buf.subarray(pos, end);
      pos = end + 1;
      return out;
    },
    get pos() {
      return pos;
    },
  };
}

/** Where a matrix's floats go: a plain array, or the row summer's memory for the input matrix. */
type Alloc = (rows: number, cols: number) => Float32Array;
const plainAlloc: Alloc = (rows, cols) => new Float32Array(rows * cols);

function denseRows(r: ByteReader, alloc: Alloc): Rows {
  const rows = r.i64();
  const cols = r.i64();
  return denseFrom(rows, cols, r.f32s(rows * cols, alloc(rows, cols)));
}

function denseFrom(rows: number, cols: number, data: Float32Array): Rows {
  return {
    rows,
    cols,
    data,
    addRow(x, i) {
      const base = i * cols;
      for (let j = 0; j < cols; j++) x[j]! += data[base + j]!;
    },
    dotRow(x, i) {
      const base = i * cols;
      let d = 0;
      for (let j = 0; j < cols; j++) d = Math.fround(d + Math.fround(data[base + j]! * x[j]!));
      return d;
    },
  };
}

interface ProductQuantizer {
  nsubq: number;
  dsub: number;
  lastdsub: number;
  centroids: Float32Array;
}

function productQuantizer(r: ByteReader): ProductQuantizer {
  const dim = r.i32();
  const nsubq = r.i32();
  const dsub = r.i32();
  const lastdsub = r.i32();
  return { nsubq, dsub, lastdsub, centroids: r.f32s(dim * KSUB) };
}

/** Offset of centroid `code` of sub-quantizer `m` (the last one may be narrower), as fastText lays them. */
function centroidAt(pq: ProductQuantizer, m: number, code: number): number {
  return m === pq.nsubq - 1 ? m * KSUB * pq.dsub + code * pq.lastdsub : (m * KSUB + code) * pq.dsub;
}

/** A product-quantized matrix; expanded to dense float rows when that stays small (lid.176.ftz: 3 MB). */
function quantizedRows(r: ByteReader, alloc: Alloc): Rows {
  const qnorm = r.u8() !== 0;
  const rows = r.i64();
  const cols = r.i64();
  const codes = r.bytes(r.i32());
  const pq = productQuantizer(r);
  const normCodes = qnorm ? r.bytes(rows) : null;
  const npq = qnorm ? productQuantizer(r) : null;
  const { nsubq, dsub, lastdsub, centroids } = pq;
  const norm = (i: number) => (normCodes && npq ? npq.centroids[centroidAt(npq, 0, normCodes[i]!)]! : 1);
  const addRow = (x: Float32Array, i: number): void => {
    const alpha = norm(i);
    const base = nsubq * i;
    for (let m = 0; m < nsubq; m++) {
      const c = centroidAt(pq, m, codes[base + m]!);
      const d = m === nsubq - 1 ? lastdsub : dsub;
      const o = m * dsub;
      for (let n = 0; n < d; n++) x[o + n]! += Math.fround(alpha * centroids[c + n]!);
    }
  };
  if (rows * cols <= DENSE_LIMIT) {
    // Each dense value is the float product fastText adds, so sums stay bit-identical.
    const data = alloc(rows, cols);
    for (let i = 0; i < rows; i++) addRow(data.subarray(i * cols, (i + 1) * cols), i);
    return denseFrom(rows, cols, data);
  }
  return {
    rows,
    cols,
    data: null,
    addRow,
    dotRow(x, i) {
      const base = nsubq * i;
      let res = 0;
      for (let m = 0; m < nsubq; m++) {
        const c = centroidAt(pq, m, codes[base + m]!);
        const d = m === nsubq - 1 ? lastdsub : dsub;
        const o = m * dsub;
        for (let n = 0; n < d; n++) res = Math.fround(res + Math.fround(x[o + n]! * centroids[c + n]!));
      }
      return Math.fround(res * norm(i));
    },
  };
}

/** Whether `word` equals b[from..from+n). */
function sameBytes(word: Uint8Array, b: Uint8Array, from: number, n: number): boolean {
  if (word.length !== n) return false;
  for (let k = 0; k < n; k++) if (word[k] !== b[from + k]) return false;
  return true;
}

/** Whether the units u[start..] begin with `s`'s. */
function startsWithUnits(u: Uint16Array, start: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (u[start + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** One step of FNV-1a over a byte taken as a signed char, as fastText's `Dictionary::hash` (int32 state). */
function fnvStep(h: number, byte: number): number {
  return Math.imul(h ^ ((byte << 24) >> 24), 16777619);
}

/** fastText's hash of the bytes b[from..to): a dictionary word's, or a token's between `<` and `>`. */
function wordHash(b: Uint8Array, from: number, to: number): number {
  let h = -2128831035;
  for (let i = from; i < to; i++) h = fnvStep(h, b[i]!);
  return h;
}

/**
 * (h·c + x) mod 2^64 for a 64-bit h = h64[0]·2^32 + h64[1], c < 2^27, x an int32 sign-extended
 * (word n-gram hashing), written back to h64: no pair made per n-gram of every document.
 */
function mulAdd64(h64: Float64Array, c: number, x: number): void {
  const hi = h64[0]!;
  const lo = h64[1]!;
  const u = (lo >>> 16) * c;
  const t = (lo & 0xffff) * c + (u % 65536) * 65536;
  const uh = Math.floor(u / 65536);
  let nlo = t % 4294967296;
  const nhi = (Math.imul(hi, c) + uh + Math.floor(t / 4294967296)) >>> 0;
  const sum = nlo + (x >>> 0);
  nlo = sum % 4294967296;
  h64[0] = (nhi + (x < 0 ? 0xffffffff : 0) + (sum >= 4294967296 ? 1 : 0)) >>> 0;
  h64[1] = nlo;
}

function mod64(hi: number, lo: number, b: number): number {
  let r = ((hi % b) * 65536) % b;
  r = (r * 65536) % b;
  return (r + (lo % b)) % b;
}

/** A (score, label) pair; fastText's `Predictions` heap holds them with `a.score > b.score` as "less". */
type Scored = [number, number];

// libstdc++'s push_heap / pop_heap / sort_heap with fastText's comparator, step for step, so that
// labels with equal scores come out in the order Python's fastText gives them.
function siftUp(heap: Scored[], hole: number, top: number, value: Scored): void {
  let parent = (hole - 1) >> 1;
  while (hole > top && heap[parent]![0] > value[0]) {
    heap[hole] = heap[parent]!;
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  heap[hole] = value;
}

function adjustHeap(heap: Scored[], hole: number, len: number, value: Scored): void {
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (heap[child]![0] > heap[child - 1]![0]) child--;
    heap[hole] = heap[child]!;
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    heap[hole] = heap[child - 1]!;
    hole = child - 1;
  }
  siftUp(heap, hole, top, value);
}

/** pop_heap on heap[0..len): the front moves to len-1. */
function popHeap(heap: Scored[], len: number): void {
  if (len <= 1) return;
  const value = heap[len - 1]!;
  heap[len - 1] = heap[0]!;
  adjustHeap(heap, 0, len - 1, value);
}

/** fastText's push-then-trim: keeps the k best pairs, worst at the front. */
function pushBounded(heap: Scored[], k: number, pair: Scored): void {
  heap.push(pair);
  siftUp(heap, heap.length - 1, 0, pair);
  if (heap.length > k) {
    popHeap(heap, heap.length);
    heap.pop();
  }
}

function sortHeap(heap: Scored[]): void {
  for (let len = heap.length; len > 1; len--) popHeap(heap, len);
}

/**
 * Reads a model file; throws one line naming the file and what is wrong with it. `rowSummer:
 * false` adds input rows in JS, as a model too large for WebAssembly's 32-bit memory does (tests
 * compare both paths).
 */
export function loadFastText(file: string, options: { rowSummer?: boolean } = {}): FastTextModel {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    throw new Error(`${file}: cannot read fastText model (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const r = byteReader(buf, file);
  if (buf.length < 8 || r.i32() !== MAGIC) throw new Error(`${file}: not a fastText model (bad magic number)`);
  const version = r.i32();
  if (version > 12) throw new Error(`${file}: fastText model version ${version} is newer than this reader (12)`);
  const dim = r.i32();
  r.i32(); // ws
  r.i32(); // epoch
  r.i32(); // minCount
  r.i32(); // neg
  const wordNgrams = r.i32();
  const loss = LOSSES[r.i32()];
  const model = r.i32();
  const bucket = r.i32();
  const minn = r.i32();
  let maxn = r.i32();
  r.i32(); // lrUpdateRate
  r.f64(); // t
  if (model !== SUPERVISED) throw new Error(`${file}: a word-vector fastText model, not a classifier`);
  if (!loss) throw new Error(`${file}: unknown fastText loss`);
  if (version === 11) maxn = 0; // fastText reads old supervised models without char n-grams

  const size = r.i32();
  const nwords = r.i32();
  const nlabels = r.i32();
  r.i64(); // ntokens
  const pruneSize = r.i64();
  const wordBytes: Uint8Array[] = [];
  // The words by fastText's hash of their bytes (open addressing; id -1 marks an empty slot), each
  // hit confirmed byte for byte: a token is looked up from its UTF-8 bytes, with no string made.
  const wordBits = Math.max(4, Math.ceil(Math.log2(Math.max(nwords, 1) * 2)));
  const wordMask = (1 << wordBits) - 1;
  const wordKey = new Int32Array(wordMask + 1);
  const wordId = new Int32Array(wordMask + 1).fill(-1);
  const wordAt: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(wordMask + 1);
  /** A word hash's first slot (Fibonacci hashing: the multiply's high bits). */
  const wordSlot = (h: number): number => Math.imul(h, -1640531535) >>> (32 - wordBits);
  const labels: string[] = [];
  const labelCounts: number[] = [];
  for (let i = 0; i < size; i++) {
    const bytes = r.cstring();
    const count = r.i64();
    const type = r.u8();
    if (type === 1) {
      labels.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
      labelCounts.push(count);
      continue;
    }
    wordBytes.push(bytes);
    // A word that is not valid UTF-8 can never equal a token of a JS string: leave it out of the
    // table rather than let a replacement character match it.
    if (!isUtf8(bytes)) continue;
    const h = wordHash(bytes, 0, bytes.length);
    let at = wordSlot(h);
    while (wordId[at] !== -1 && !(wordKey[at] === h && sameBytes(wordAt[at]!, bytes, 0, bytes.length))) at = (at + 1) & wordMask;
    // A repeated word keeps its last id, as a map of the words would.
    wordKey[at] = h;
    wordId[at] = i;
    wordAt[at] = bytes;
  }
  if (labels.length !== nlabels || wordBytes.length !== nwords) throw new Error(`${file}: not a fastText model (dictionary counts disagree)`);
  // A `.ftz` keeps only some n-gram buckets: bucket → its row among the kept ones, in a small
  // open-addressing table (keys and values interleaved) that stays in cache, unlike a bucket-sized array.
  const pruneBits = pruneSize > 0 ? Math.max(4, Math.ceil(Math.log2(pruneSize * 2))) : 0;
  const pruneMask = (1 << pruneBits) - 1;
  const pruned = pruneSize > 0 ? new Int32Array(2 << pruneBits).fill(-1) : null;
  // Most char n-grams of a new token fall in dropped buckets (nine in ten on real text): one bit per
  // bucket (256 KB for lid.176's 2 M) answers those without a probe of the larger table.
  const kept = pruned ? new Int32Array((bucket + 31) >>> 5) : null;
  for (let i = 0; i < pruneSize; i++) {
    const from = r.i32();
    const to = r.i32();
    if (!pruned || !kept || from < 0) continue;
    if (from < bucket) kept[from >>> 5]! |= 1 << (from & 31);
    let at = Math.imul(from, -1640531535) >>> (32 - pruneBits);
    while (pruned[2 * at] !== -1 && pruned[2 * at] !== from) at = (at + 1) & pruneMask;
    pruned[2 * at] = from;
    pruned[2 * at + 1] = to;
  }
  const quantInput = r.u8() !== 0;
  // A dense input matrix is read into the row summer's memory, where the kernel adds its rows.
  const held: { summer: RowSummer | null } = { summer: null };
  const inputAlloc: Alloc = (rows, cols) => {
    held.summer = options.rowSummer === false ? null : createRowSummer(rows, cols, CACHE_POOL + STAGING, RANGES);
    return held.summer ? held.summer.matrix : plainAlloc(rows, cols);
  };
  const input = quantInput ? quantizedRows(r, inputAlloc) : denseRows(r, inputAlloc);
  const quantOutput = r.u8() !== 0;
  const output = quantOutput ? quantizedRows(r, plainAlloc) : denseRows(r, plainAlloc);
  if (output.rows !== nlabels) throw new Error(`${file}: not a fastText model (output rows ${output.rows} ≠ labels ${nlabels})`);

  /** fastText's `pushHash`: a bucket id, through the pruning map of a `.ftz`, or -1 when dropped. */
  const bucketRow = (id: number): number => {
    if (pruneSize === 0 || id < 0) return -1;
    if (pruned && kept) {
      // Every id here is below `bucket` (reduced modulo it).
      if ((kept[id >>> 5]! & (1 << (id & 31))) === 0) return -1;
      for (let at = Math.imul(id, -1640531535) >>> (32 - pruneBits); ; at = (at + 1) & pruneMask) {
        const key = pruned[2 * at]!;
        if (key === id) return nwords + pruned[2 * at + 1]!;
        if (key === -1) return -1;
      }
    }
    return nwords + id;
  };

  /** Growable scratch: the UTF-8 bytes of `<token>`, and the input rows of the token being computed. */
  let bytes = new Uint8Array(256);
  let rowScratch = new Int32Array(256);
  let rowCount = 0;
  const pushRow = (row: number): void => {
    if (rowCount === rowScratch.length) {
      const grown = new Int32Array(rowCount * 2);
      grown.set(rowScratch);
      rowScratch = grown;
    }
    rowScratch[rowCount++] = row;
  };

  const bucketInv = 1 / bucket;
  /** Bucket ids of the token's char n-grams, before any is looked up. */
  let gramIds = new Int32Array(256);
  /** fastText's `computeSubwords` on `<token>` (bytes[0..len)): rows of its char n-grams, in order. */
  const pushSubwords = (len: number): void => {
    const b = bytes;
    if (gramIds.length < len * maxn) gramIds = new Int32Array(len * maxn);
    const ids = gramIds;
    let count = 0;
    for (let i = 0; i < len; i++) {
      if ((b[i]! & 0xc0) === 0x80) continue;
      let h = -2128831035;
      for (let j = i, n = 1; j < len && n <= maxn; n++) {
        h = fnvStep(h, b[j++]!);
        while (j < len && (b[j]! & 0xc0) === 0x80) h = fnvStep(h, b[j++]!);
        if (n >= minn && !(n === 1 && (i === 0 || j === len))) {
          // h mod bucket by the reciprocal: the quotient is off by at most one, and corrected.
          const u = h >>> 0;
          let m = u - Math.floor(u * bucketInv) * bucket;
          if (m < 0) m += bucket;
          else if (m >= bucket) m -= bucket;
          ids[count++] = m;
        }
      }
    }
    // The kept-bucket bits of all n-grams first, without a branch: their cache misses overlap.
    if (kept) {
      let live = 0;
      for (let k = 0; k < count; k++) {
        const id = ids[k]!;
        ids[live] = id;
        live += (kept[id >>> 5]! >>> (id & 31)) & 1;
      }
      count = live;
    }
    for (let k = 0; k < count; k++) {
      const row = bucketRow(ids[k]!);
      if (row >= 0) pushRow(row);
    }
  };

  /**
   * Rows of the token u[start..end) into rowScratch (fastText's `addSubwords`); returns its fastText
   * hash. The units are encoded to UTF-8 here as TextEncoder does (a lone surrogate as U+FFFD).
   */
  const computeRows = (u: Uint16Array, start: number, end: number, eos: boolean): number => {
    rowCount = 0;
    if (bytes.length < (end - start) * 3 + 2) bytes = new Uint8Array((end - start) * 3 + 2);
    const b = bytes;
    b[0] = 0x3c;
    let o = 1;
    /** A lone surrogate: no word can match (a dictionary word, valid UTF-8, decodes to none). */
    let lone = false;
    for (let j = start; j < end; j++) {
      let c = u[j]!;
      if (c < 0x80) {
        b[o++] = c;
      } else if (c < 0x800) {
        b[o++] = 0xc0 | (c >> 6);
        b[o++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = j + 1 < end ? u[j + 1]! : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            b[o++] = 0xf0 | (cp >> 18);
            b[o++] = 0x80 | ((cp >> 12) & 63);
            b[o++] = 0x80 | ((cp >> 6) & 63);
            b[o++] = 0x80 | (cp & 63);
            j++;
            continue;
          }
          lone = true;
          c = 0xfffd;
        }
        b[o++] = 0xe0 | (c >> 12);
        b[o++] = 0x80 | ((c >> 6) & 63);
        b[o++] = 0x80 | (c & 63);
      }
    }
    const len = o + 1;
    b[o] = 0x3e;
    const h = wordHash(b, 1, o);
    if (!lone) {
      for (let at = wordSlot(h); wordId[at] !== -1; at = (at + 1) & wordMask) {
        if (wordKey[at] === h && sameBytes(wordAt[at]!, b, 1, o - 1)) {
          pushRow(wordId[at]!);
          break;
        }
      }
    }
    if (!eos) pushSubwords(len);
    return h;
  };

  // Token cache: an open-addressing table of (table hash, record offset) pairs keyed by the token's
  // UTF-16 units (no string is made on a hit); each record sits in one pool, contiguous, so a hit
  // touches the table, one record and the rows it names.
  const table = new Int32Array(CACHE_SLOTS * 2);
  const { summer } = held;
  const pool = summer ? summer.list.subarray(0, CACHE_POOL) : new Int32Array(CACHE_POOL);
  let tokens = 0;
  let poolTop = 0;

  const hidden = summer ? summer.hidden : new Float32Array(dim);
  let total = 0;
  let hashes = new Int32Array(256);
  let ntok = 0;
  /** The word n-gram hash being extended (mulAdd64's state). */
  const ngram = new Float64Array(2);

  // With the row summer, rows are queued as ranges of the cache pool (a token seen before) or of
  // the staging area (a token just computed) and summed by the kernel in one call: before the
  // pool is cleared, before word n-grams are added, and at the end of the document.
  const list = summer?.list;
  const ranges = summer ? summer.ranges : new Int32Array(0);
  let queued = 0;
  let stagingTop = 0;
  const sumQueued = (): void => {
    if (queued > 0) summer?.sum(queued);
    queued = 0;
    stagingTop = 0;
  };
  const queue = (first: number, count: number): void => {
    ranges[2 * queued] = first;
    ranges[2 * queued + 1] = count;
    queued++;
  };
  /** hidden += rows[from .. from + count), in fastText's order. */
  const addRows = (rows: Int32Array, from: number, count: number): void => {
    total += count;
    if (list === undefined) {
      for (let r = from; r < from + count; r++) input.addRow(hidden, rows[r]!);
      return;
    }
    if (rows === pool) {
      if (queued === RANGES) sumQueued();
      queue(from, count);
      return;
    }
    for (let done = 0; done < count; ) {
      if (queued === RANGES || stagingTop === STAGING) sumQueued();
      const n = Math.min(STAGING - stagingTop, count - done);
      // A copy loop, not set(subarray): the rows are few and a view per token is garbage.
      for (let k = 0; k < n; k++) list[CACHE_POOL + stagingTop + k] = rows[from + done + k]!;
      queue(CACHE_POOL + stagingTop, n);
      stagingTop += n;
      done += n;
    }
  };
  const pushHash = (h: number): void => {
    if (ntok === hashes.length) {
      const grown = new Int32Array(ntok * 2);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[ntok++] = h;
  };

  /** Adds the token u[start..end) (table hash `h`) to the hidden sum; returns its kind. */
  const addToken = (u: Uint16Array, start: number, end: number, h: number): number => {
    const len = end - start;
    let idx = h & (CACHE_SLOTS - 1);
    for (let e = table[2 * idx + 1]!; e !== 0; e = table[2 * idx + 1]!) {
      if (table[2 * idx] === h && pool[e + 1] === len) {
        const nrows = pool[e + 3]!;
        // Two UTF-16 units per comparison, packed as the record holds them (a last odd unit with 0).
        let w = e + 4 + nrows;
        let j = start;
        const pairs = start + (len & ~1);
        while (j < pairs && pool[w] === (u[j]! | (u[j + 1]! << 16))) {
          j += 2;
          w++;
        }
        if (j === pairs && ((len & 1) === 0 || pool[w] === u[j]!)) {
          const kind = pool[e]!;
          if (kind !== LABEL) {
            addRows(pool, e + 4, nrows);
            if (wordNgrams > 1) pushHash(pool[e + 2]!);
          }
          return kind;
        }
      }
      idx = (idx + 1) & (CACHE_SLOTS - 1);
    }
    const kind = len === EOS.length && startsWithUnits(u, start, EOS) ? END : len >= LABEL_PREFIX.length && startsWithUnits(u, start, LABEL_PREFIX) ? LABEL : WORD;
    const fh = kind === LABEL ? 0 : computeRows(u, start, end, kind === END);
    if (kind === LABEL) rowCount = 0;
    const size = 4 + rowCount + ((len + 1) >> 1);
    if (len <= CACHE_MAX_CHARS && size < CACHE_POOL) {
      if (tokens === CACHE_TOKENS || poolTop + size >= CACHE_POOL) {
        // Queued ranges name rows in the pool about to be overwritten.
        sumQueued();
        table.fill(0);
        tokens = 0;
        poolTop = 0;
        idx = h & (CACHE_SLOTS - 1);
      }
      // Offset 0 marks an empty table slot, so records start at 1.
      const e = poolTop + 1;
      tokens++;
      table[2 * idx] = h;
      table[2 * idx + 1] = e;
      pool[e] = kind;
      pool[e + 1] = len;
      pool[e + 2] = fh;
      pool[e + 3] = rowCount;
      for (let k = 0; k < rowCount; k++) pool[e + 4 + k] = rowScratch[k]!;
      const cs = e + 4 + rowCount;
      for (let j = 0; j < len; j += 2) pool[cs + (j >> 1)] = u[start + j]! | (j + 1 < len ? u[start + j + 1]! << 16 : 0);
      poolTop += size;
    }
    if (kind !== LABEL) {
      addRows(rowScratch, 0, rowCount);
      if (wordNgrams > 1) pushHash(fh);
    }
    return kind;
  };

  const tokenHash = (token: string): number => {
    let h = 2166136261;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 16777619);
    return h;
  };
  const eosHash = tokenHash(EOS);
  const eosUnits = Uint16Array.from(EOS, (ch) => ch.charCodeAt(0));

  // The document's UTF-16 units are copied into a typed array (units.ts), ending with a line break:
  // the scan and the cache's comparisons read them from there.
  const copyUnits = createUnitCopy();
  const unitsOf = (text: string): Uint16Array => {
    const view = copyUnits(text, 1);
    view[text.length] = 10;
    return view;
  };

  // Tokens are probed in batches: each token's table slot and record are read first, in a loop
  // whose loads do not depend on each other, so their cache misses overlap; the probes then find
  // them in cache. Between documents the rest of the stage evicts the table and pool.
  const batchStart = new Int32Array(BATCH);
  const batchEnd = new Int32Array(BATCH);
  const batchHash = new Int32Array(BATCH);
  /** The touching loads' sum, stored so that the compiler keeps the loads. */
  let touched = 0;
  /** Adds the batch's tokens in order; true when one of them is `</s>` (the line ends there). */
  const addBatch = (u: Uint16Array, count: number): boolean => {
    let sink = 0;
    for (let k = 0; k < count; k++) sink += pool[table[2 * (batchHash[k]! & (CACHE_SLOTS - 1)) + 1]! + 1]!;
    touched ^= sink;
    for (let k = 0; k < count; k++) if (addToken(u, batchStart[k]!, batchEnd[k]!, batchHash[k]!) === END) return true;
    return false;
  };

  /** fastText's `getLine` + `computeHidden` on the first line of `text`; false when no row was found. */
  const computeHidden = (text: string): boolean => {
    hidden.fill(0);
    total = 0;
    ntok = 0;
    let ended = false;
    let count = 0;
    const n = text.length;
    const u = unitsOf(text);
    for (let i = 0; i <= n; i++) {
      let c = u[i]!;
      if (!isSeparator(c)) {
        // A token: its characters hashed in a loop of their own, to the separator after it.
        const start = i;
        let h = 2166136261;
        do {
          h = Math.imul(h ^ c, 16777619);
          c = u[++i]!;
        } while (!isSeparator(c));
        batchStart[count] = start;
        batchEnd[count] = i;
        batchHash[count++] = h;
        if (count === BATCH) {
          ended = addBatch(u, count);
          count = 0;
          if (ended) break;
        }
      }
      if (c === 10) break;
    }
    if (!ended && count > 0) ended = addBatch(u, count);
    if (!ended) addToken(eosUnits, 0, EOS.length, eosHash);
    sumQueued();
    for (let i = 0; i < ntok; i++) {
      ngram[0] = hashes[i]! < 0 ? 0xffffffff : 0;
      ngram[1] = hashes[i]! >>> 0;
      for (let j = i + 1; j < ntok && j < i + wordNgrams; j++) {
        mulAdd64(ngram, 116049371, hashes[j]!);
        const row = bucketRow(mod64(ngram[0]!, ngram[1]!, bucket));
        if (row >= 0) {
          input.addRow(hidden, row);
          total++;
        }
      }
    }
    if (total === 0) return false;
    const scale = Math.fround(1 / total);
    for (let j = 0; j < dim; j++) hidden[j]! *= scale;
    return true;
  };

  // Scores in fastText's float steps: std_log(x) = log(x + 1e-5) rounded to float, and so on.
  const stdLog = (x: number) => Math.fround(Math.log(Math.fround(x) + 1e-5));
  const sigmoidTable = Float32Array.from({ length: SIGMOID_TABLE + 1 }, (_, i) => 1 / (1 + Math.exp(-Math.fround(Math.fround((i * 2 * MAX_SIGMOID) / SIGMOID_TABLE) - MAX_SIGMOID))));
  const tableSigmoid = (x: number) => (x < -MAX_SIGMOID ? 0 : x > MAX_SIGMOID ? 1 : sigmoidTable[Math.trunc(((x + MAX_SIGMOID) * SIGMOID_TABLE) / MAX_SIGMOID / 2)]!);
  const out = new Float32Array(nlabels);

  // Hierarchical softmax: fastText's Huffman tree over label counts (labels sorted by count).
  const treeLeft = new Int32Array(Math.max(2 * nlabels - 1, 0)).fill(-1);
  const treeRight = new Int32Array(Math.max(2 * nlabels - 1, 0)).fill(-1);
  if (loss === 'hs') {
    const count = new Float64Array(2 * nlabels - 1).fill(1e15);
    for (let i = 0; i < nlabels; i++) count[i] = labelCounts[i]!;
    let leaf = nlabels - 1;
    let node = nlabels;
    for (let i = nlabels; i < 2 * nlabels - 1; i++) {
      const mini = [0, 0];
      for (let j = 0; j < 2; j++) mini[j] = leaf >= 0 && count[leaf]! < count[node]! ? leaf-- : node++;
      treeLeft[i] = mini[0]!;
      treeRight[i] = mini[1]!;
      count[i] = count[mini[0]!]! + count[mini[1]!]!;
    }
  }

  const dfs = (best: Scored[], k: number, logThreshold: number, node: number, score: number): void => {
    if (score < logThreshold) return;
    if (best.length === k && score < best[0]![0]) return;
    if (treeLeft[node] === -1 && treeRight[node] === -1) {
      pushBounded(best, k, [score, node]);
      return;
    }
    const f = Math.fround(1 / (1 + Math.fround(Math.exp(-output.dotRow(hidden, node - nlabels)))));
    dfs(best, k, logThreshold, treeLeft[node]!, Math.fround(score + stdLog(1 - f)));
    dfs(best, k, logThreshold, treeRight[node]!, Math.fround(score + stdLog(f)));
  };

  return {
    args: { dim, wordNgrams, loss, bucket, minn, maxn },
    labels,
    predict(text, k = 1, threshold = 0) {
      const want = k < 1 || k > nlabels ? nlabels : k;
      if (nlabels === 0 || !computeHidden(text)) return [];
      const best: Scored[] = [];
      if (loss === 'hs') {
        dfs(best, want, stdLog(threshold), 2 * nlabels - 2, 0);
      } else {
        for (let i = 0; i < nlabels; i++) out[i] = output.dotRow(hidden, i);
        if (loss === 'softmax') {
          let max = out[0]!;
          for (let i = 1; i < nlabels; i++) if (out[i]! > max) max = out[i]!;
          let z = 0;
          for (let i = 0; i < nlabels; i++) {
            out[i] = Math.exp(Math.fround(out[i]! - max));
            z = Math.fround(z + out[i]!);
          }
          for (let i = 0; i < nlabels; i++) out[i]! /= z;
        } else {
          for (let i = 0; i < nlabels; i++) out[i] = tableSigmoid(out[i]!);
        }
        for (let i = 0; i < nlabels; i++) {
          if (out[i]! < Math.fround(threshold)) continue;
          const score = stdLog(out[i]!);
          if (best.length === want && score < best[0]![0]) continue;
          pushBounded(best, want, [score, i]);
        }
      }
      sortHeap(best);
      return best.map(([score, label]) => ({ label: labels[label]!, prob: Math.fround(Math.exp(Math.fround(score))) }));
    },
  };
}
