// Fixed-width binary records of u32 words (little-endian on disk), the one format of every dedup
// file: sorted runs written by the extract-time sink, merged k-way by the dedup stages with bounded
// memory (one small read buffer per input file, never the corpus in memory). Records compare word
// by word; a merge orders equal `prefix` words by input file id, then by the remaining words, so
// every output is deterministic whatever the order the files were written in.

import { closeSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';

if (endianness() !== 'LE') throw new Error('dedup record files are little-endian; this host is big-endian');

export interface RecordLayout {
  /** u32 words per record. */
  words: number;
  /** Words compared before the input file id (the rest, e.g. the row, after it). */
  prefix: number;
}

/** A growable list of records, sorted and written as one run. */
export interface RecordBuffer {
  readonly count: number;
  /** Appends one record whose words are `src[off .. off+words-1]` followed by `tail`. */
  push(src: ArrayLike<number>, off: number, len: number, ...tail: number[]): void;
  /** Sorts the records, writes them to `path` and empties the buffer. */
  writeSorted(path: string): number;
}

export function createRecordBuffer(words: number, initialRecords = 1024): RecordBuffer {
  let data = new Uint32Array(words * initialRecords);
  let count = 0;
  return {
    get count() {
      return count;
    },
    push(src, off, len, ...tail) {
      if ((count + 1) * words > data.length) {
        const next = new Uint32Array(data.length * 2);
        next.set(data);
        data = next;
      }
      const base = count * words;
      for (let i = 0; i < len; i++) data[base + i] = src[off + i]!;
      for (let i = 0; i < tail.length; i++) data[base + len + i] = tail[i]!;
      count++;
    },
    writeSorted(path) {
      const order = new Uint32Array(count);
      for (let i = 0; i < count; i++) order[i] = i;
      order.sort((x, y) => {
        const bx = x * words;
        const by = y * words;
        for (let k = 0; k < words; k++) {
          const d = data[bx + k]! - data[by + k]!;
          if (d !== 0) return d;
        }
        return 0;
      });
      const out = new Uint32Array(count * words);
      for (let i = 0; i < count; i++) out.set(data.subarray(order[i]! * words, order[i]! * words + words), i * words);
      writeFileSync(path, new Uint8Array(out.buffer, 0, out.byteLength));
      const written = count;
      count = 0;
      return written;
    },
  };
}

export interface MergeInput {
  fileId: number;
  path: string;
}

/** Records with first word in [lo, hi) (hi up to 2^32). */
export interface WordRange {
  lo: number;
  hi: number;
}

export const FULL_RANGE: WordRange = { lo: 0, hi: 4294967296 };

/** Inputs past this many are reopened at each refill instead of held open: no EMFILE at any fan-in. */
const MAX_OPEN_FILES = 512;

interface Reader {
  fileId: number;
  path: string;
  /** Held open, or -1 when the input is reopened per refill. */
  fd: number;
  buf: Uint32Array;
  /** Word offset of the current record in `buf`. */
  off: number;
  /** Words loaded in `buf`. */
  loaded: number;
  /** Next record index to load, and the end (exclusive). */
  next: number;
  end: number;
}

/**
 * Calls `visit(words, offset, fileId)` for every record of every input in merged order; `words`
 * is only valid during the call. Reads `chunkBytes` per input at a time.
 */
export function mergeRecords(
  inputs: readonly MergeInput[],
  layout: RecordLayout,
  range: WordRange,
  visit: (words: Uint32Array, offset: number, fileId: number) => void,
  chunkBytes = 64 * 1024,
): number {
  const { words, prefix } = layout;
  const recBytes = words * 4;
  const chunkRecords = Math.max(1, Math.floor(chunkBytes / recBytes));
  const readers: Reader[] = [];
  // The heap lives in this call so concurrent merges never share state.
  const heap: Reader[] = [];
  try {
    for (const input of inputs) {
      const fd = openSync(input.path, 'r');
      let next: number;
      let end: number;
      try {
        const size = fstatSync(fd).size;
        if (size % recBytes !== 0) {
          throw new Error(`dedup file ${input.path} is ${size} bytes, not a multiple of its ${recBytes}-byte records: it is truncated or from another config`);
        }
        const total = size / recBytes;
        next = lowerBound(fd, total, recBytes, range.lo);
        end = range.hi >= 4294967296 ? total : lowerBound(fd, total, recBytes, range.hi);
      } catch (err) {
        closeSync(fd);
        throw err;
      }
      // A buffer no larger than this file's share of the range: with many files and many ranges
      // each share is small, and the merge's memory stays ~ the bytes it must hold anyway.
      const bufRecords = Math.max(1, Math.min(chunkRecords, end - next));
      const keep = readers.length < MAX_OPEN_FILES;
      if (!keep) closeSync(fd);
      const r: Reader = { fileId: input.fileId, path: input.path, fd: keep ? fd : -1, buf: new Uint32Array(bufRecords * words), off: 0, loaded: 0, next, end };
      readers.push(r);
      if (refill(r, words, bufRecords)) heapPush(r);
    }
    let visited = 0;
    while (heap.length > 0) {
      const top = heap[0]!;
      visit(top.buf, top.off, top.fileId);
      visited++;
      top.off += words;
      if (top.off >= top.loaded && !refill(top, words, top.buf.length / words)) {
        const last = heap.pop()!;
        if (heap.length > 0) {
          heap[0] = last;
          siftDown(0);
        }
      } else {
        siftDown(0);
      }
    }
    return visited;
  } finally {
    for (const r of readers) if (r.fd >= 0) closeSync(r.fd);
  }

  function less(a: Reader, b: Reader): boolean {
    const ab = a.buf;
    const bb = b.buf;
    for (let k = 0; k < prefix; k++) {
      const x = ab[a.off + k]!;
      const y = bb[b.off + k]!;
      if (x !== y) return x < y;
    }
    if (a.fileId !== b.fileId) return a.fileId < b.fileId;
    for (let k = prefix; k < words; k++) {
      const x = ab[a.off + k]!;
      const y = bb[b.off + k]!;
      if (x !== y) return x < y;
    }
    return false;
  }
  function heapPush(r: Reader) {
    heap.push(r);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  }
  function siftDown(i: number) {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, heap[i]!)) return;
      [heap[i], heap[c]] = [heap[c]!, heap[i]!];
      i = c;
    }
  }
}

function refill(r: Reader, words: number, chunkRecords: number): boolean {
  const n = Math.min(chunkRecords, r.end - r.next);
  if (n <= 0) return false;
  const bytes = new Uint8Array(r.buf.buffer, 0, n * words * 4);
  const fd = r.fd >= 0 ? r.fd : openSync(r.path, 'r');
  try {
    let got = 0;
    while (got < bytes.length) {
      const k = readSync(fd, bytes, got, bytes.length - got, r.next * words * 4 + got);
      if (k === 0) throw new Error(`dedup file ${r.path} ended early while merging`);
      got += k;
    }
  } finally {
    if (r.fd < 0) closeSync(fd);
  }
  r.next += n;
  r.off = 0;
  r.loaded = n * words;
  return true;
}

/** First record index whose first word is >= value. */
function lowerBound(fd: number, total: number, recBytes: number, value: number): number {
  if (value <= 0) return 0;
  const one = new Uint32Array(1);
  const view = new Uint8Array(one.buffer);
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    readSync(fd, view, 0, 4, mid * recBytes);
    if (one[0]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads a whole (small) record file, e.g. a removal list. */
export function readRecordFile(path: string): Uint32Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = new Uint32Array(size >>> 2);
    const bytes = new Uint8Array(out.buffer);
    let got = 0;
    while (got < size) {
      const k = readSync(fd, bytes, got, size - got, got);
      if (k === 0) break;
      got += k;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

/** First words of up to `perFile` evenly spaced records of each file: for hash-range split points. */
export function sampleFirstWords(paths: readonly string[], recBytes: number, perFile: number): number[] {
  const out: number[] = [];
  const one = new Uint32Array(1);
  const view = new Uint8Array(one.buffer);
  for (const path of paths) {
    const fd = openSync(path, 'r');
    try {
      const total = Math.floor(fstatSync(fd).size / recBytes);
      const k = Math.min(perFile, total);
      for (let i = 0; i < k; i++) {
        readSync(fd, view, 0, 4, Math.floor((i * total) / k) * recBytes);
        out.push(one[0]!);
      }
    } finally {
      closeSync(fd);
    }
  }
  return out;
}
