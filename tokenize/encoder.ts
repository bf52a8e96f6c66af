// Encoding and decoding with a trained byte-level BPE. A text is cut into pre-tokens by the
// model's regex; each pre-token's UTF-8 bytes are merged by rank (lowest rank first, leftmost
// first among equals — Hugging Face's and tiktoken's rule), and the result is cached per
// pre-token. Short pre-tokens use a linear scan, long ones (1 MB of one letter is one pre-token)
// a heap, so the cost stays O(n log n).
//
// Strings: encoding works on the UTF-8 of the well-formed string, so a lone surrogate encodes as
// U+FFFD (EF BF BD), as TextEncoder and Hugging Face tokenizers do. Hence decode(encode(s)) === s
// for every well-formed string and === s.toWellFormed() for any string.

import { createSplitter } from './pretokenize.ts';
import { createPairTable, type PairTable } from './pair-table.ts';
import { createHeap } from './heap.ts';
import { endOfTextId, vocabSize, type BpeModel } from './bpe-model.ts';

/** A growable array of token ids that encoders append to. */
export interface TokenBuffer {
  data: Uint32Array;
  length: number;
}

export function createTokenBuffer(capacity = 1 << 16): TokenBuffer {
  return { data: new Uint32Array(capacity), length: 0 };
}

export function pushToken(buf: TokenBuffer, id: number): void {
  if (buf.length === buf.data.length) {
    const next = new Uint32Array(buf.data.length * 2);
    next.set(buf.data);
    buf.data = next;
  }
  buf.data[buf.length++] = id;
}

function pushTokens(buf: TokenBuffer, ids: Int32Array): void {
  if (ids.length === 1) {
    pushToken(buf, ids[0]!);
    return;
  }
  const need = buf.length + ids.length;
  if (need > buf.data.length) {
    let cap = buf.data.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint32Array(cap);
    next.set(buf.data.subarray(0, buf.length));
    buf.data = next;
  }
  buf.data.set(ids, buf.length);
  buf.length = need;
}

function toArray(buf: TokenBuffer): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf.data[i]!;
  return out;
}

export interface Encoder {
  readonly model: BpeModel;
  readonly vocabSize: number;
  readonly eotId: number;
  /** Ordinary text: special-token strings inside it are encoded as plain text (documents cannot inject them). */
  encode(text: string): number[];
  /** Same as `encode`, appending to a buffer. */
  encodeInto(text: string, out: TokenBuffer): void;
  /** Text in which special-token strings are the special tokens, as Hugging Face's `encode` treats added tokens. */
  encodeWithSpecial(text: string): number[];
  decode(ids: ArrayLike<number>): string;
  decodeBytes(ids: ArrayLike<number>): Uint8Array;
}

const CACHE_SLOTS = 1 << 20;
const CACHE_MAX_ENTRIES = CACHE_SLOTS >> 1;
const CACHE_MAX_PIECE = 64;
const LINEAR_MAX_SYMBOLS = 128;

export function createEncoder(model: BpeModel): Encoder {
  const nMerges = model.merges.length / 3;
  const ranks: PairTable = createPairTable(nMerges);
  const mergedId = new Int32Array(nMerges);
  for (let r = 0; r < nMerges; r++) {
    const a = model.merges[3 * r]!;
    const b = model.merges[3 * r + 1]!;
    if (ranks.get(a, b) === -1) ranks.set(a, b, r);
    mergedId[r] = model.merges[3 * r + 2]!;
  }
  const split = createSplitter(model.pattern);
  const utf8 = new TextEncoder();
  let scratchBytes = new Uint8Array(256);
  let syms = new Int32Array(256);
  let pairRank = new Int32Array(256);

  const rankOf = (a: number, b: number): number => {
    const r = ranks.get(a, b);
    return r === -1 ? 0x7fffffff : r;
  };

  /** Merges syms[0..n) in place; returns the new length. */
  const mergeLinear = (n: number): number => {
    for (let i = 0; i < n - 1; i++) pairRank[i] = rankOf(syms[i]!, syms[i + 1]!);
    while (n > 1) {
      let best = 0x7fffffff;
      let at = -1;
      for (let i = 0; i < n - 1; i++) {
        if (pairRank[i]! < best) {
          best = pairRank[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      syms[at] = mergedId[best]!;
      syms.copyWithin(at + 1, at + 2, n);
      pairRank.copyWithin(at, at + 1, n - 1);
      n--;
      if (at > 0) pairRank[at - 1] = rankOf(syms[at - 1]!, syms[at]!);
      if (at < n - 1) pairRank[at] = rankOf(syms[at]!, syms[at + 1]!);
    }
    return n;
  };

  /** The same merges for long pieces: a linked list of symbols and a heap of (rank, position). */
  const mergeHeap = (n: number): number => {
    const next = new Int32Array(n);
    const prev = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
    }
    const alive = new Uint8Array(n).fill(1);
    const heap = createHeap((rankA, posA, rankB, posB) => (rankA !== rankB ? rankA < rankB : posA < posB), n);
    const push = heap.push;
    for (let i = 0; i < n - 1; i++) {
      const r = rankOf(syms[i]!, syms[i + 1]!);
      if (r !== 0x7fffffff) push(r, i);
    }
    let count = n;
    while (heap.size > 0) {
      const rank = heap.topKey();
      const pos = heap.topValue();
      heap.pop();
      if (!alive[pos]) continue;
      const right = next[pos]!;
      if (right < 0 || rankOf(syms[pos]!, syms[right]!) !== rank) continue;
      syms[pos] = mergedId[rank]!;
      alive[right] = 0;
      const after = next[right]!;
      next[pos] = after;
      if (after >= 0) prev[after] = pos;
      count--;
      const before = prev[pos]!;
      if (before >= 0) {
        const r = rankOf(syms[before]!, syms[pos]!);
        if (r !== 0x7fffffff) push(r, before);
      }
      if (after >= 0) {
        const r = rankOf(syms[pos]!, syms[after]!);
        if (r !== 0x7fffffff) push(r, pos);
      }
    }
    let j = 0;
    for (let i = 0; i >= 0; i = next[i]!) syms[j++] = syms[i]!;
    return count;
  };

  /** Token ids of one pre-token, in `syms[0..n)`. */
  const bpe = (piece: string): number => {
    let n = 0;
    if (piece.length * 3 > scratchBytes.length) scratchBytes = new Uint8Array(piece.length * 3);
    let ascii = true;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      scratchBytes[i] = c;
    }
    n = ascii ? piece.length : utf8.encodeInto(piece, scratchBytes).written;
    if (n > syms.length) {
      syms = new Int32Array(n);
      pairRank = new Int32Array(n);
    }
    for (let i = 0; i < n; i++) syms[i] = scratchBytes[i]!;
    return n <= LINEAR_MAX_SYMBOLS ? mergeLinear(n) : mergeHeap(n);
  };

  // Pre-token cache: open addressing on the piece's UTF-16 content, probed without slicing the
  // text (no string per piece on a hit). Value: a single token id (>= 0), or
  // -(offset * 256 + length) - 1 for `length` ids at `offset` in one shared pool.
  const cacheMask = CACHE_SLOTS - 1;
  const cacheKeys = new Array<string | undefined>(CACHE_SLOTS).fill(undefined);
  const cacheHash = new Int32Array(CACHE_SLOTS);
  const cacheValue = new Int32Array(CACHE_SLOTS);
  let cacheCount = 0;
  let pool = new Int32Array(1 << 16);
  let poolLength = 0;

  const encodePiece = (text: string, start: number, end: number, out: TokenBuffer) => {
    const len = end - start;
    if (len === 1) {
      const c = text.charCodeAt(start);
      if (c < 0x80) {
        pushToken(out, c);
        return;
      }
    }
    const cacheable = len <= CACHE_MAX_PIECE;
    let slot = -1;
    let h = 0;
    if (cacheable) {
      h = 0x811c9dc5;
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      slot = (h ^ (h >>> 16)) & cacheMask;
      for (;;) {
        const key = cacheKeys[slot];
        if (key === undefined) break;
        if (cacheHash[slot] === h && key.length === len) {
          let same = true;
          for (let j = 0; j < len; j++) {
            if (key.charCodeAt(j) !== text.charCodeAt(start + j)) {
              same = false;
              break;
            }
          }
          if (same) {
            const hit = cacheValue[slot]!;
            if (hit >= 0) pushToken(out, hit);
            else {
              const v = -hit - 1;
              const n = v & 0xff;
              const off = (v - n) / 256;
              pushTokens(out, pool.subarray(off, off + n));
            }
            return;
          }
        }
        slot = (slot + 1) & cacheMask;
      }
    }
    const piece = text.slice(start, end);
    const n = bpe(piece);
    pushTokens(out, syms.subarray(0, n));
    if (!cacheable || n > 0xff) return;
    if (cacheCount >= CACHE_MAX_ENTRIES) {
      // Full: start over (output never depends on the cache), and find the new slot.
      cacheKeys.fill(undefined);
      cacheCount = 0;
      poolLength = 0;
      slot = (h ^ (h >>> 16)) & cacheMask;
    }
    let value = syms[0]!;
    if (n > 1) {
      if (poolLength + n > pool.length) {
        const next = new Int32Array(pool.length * 2);
        next.set(pool.subarray(0, poolLength));
        pool = next;
      }
      pool.set(syms.subarray(0, n), poolLength);
      value = -(poolLength * 256 + n) - 1;
      poolLength += n;
    }
    cacheKeys[slot] = piece;
    cacheHash[slot] = h;
    cacheValue[slot] = value;
    cacheCount++;
  };

  const encodeInto = (text: string, out: TokenBuffer) => {
    const t = text.isWellFormed() ? text : text.toWellFormed();
    split(t, (start, end) => encodePiece(t, start, end, out));
  };

  const specialById = new Map(model.special.map((s) => [s.content, s.id]));
  const specialRe = model.special.length
    ? new RegExp(
        [...model.special]
          .sort((x, y) => y.content.length - x.content.length)
          .map((s) => s.content.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|'),
        'gu',
      )
    : undefined;

  const tokenBytes: Uint8Array[] = [...model.tokens];
  for (const s of model.special) tokenBytes[s.id] = utf8.encode(s.content);
  const decodeBytes = (ids: ArrayLike<number>): Uint8Array => {
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const t = tokenBytes[ids[i]!];
      if (!t) throw new RangeError(`token id ${ids[i]} is outside the vocabulary (size ${tokenBytes.length})`);
      total += t.length;
    }
    const out = new Uint8Array(total);
    let pos = 0;
    for (let i = 0; i < ids.length; i++) {
      const t = tokenBytes[ids[i]!]!;
      out.set(t, pos);
      pos += t.length;
    }
    return out;
  };
  const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const scratch = createTokenBuffer();

  return {
    model,
    vocabSize: vocabSize(model),
    eotId: endOfTextId(model),
    encodeInto,
    encode(text) {
      scratch.length = 0;
      encodeInto(text, scratch);
      return toArray(scratch);
    },
    encodeWithSpecial(text) {
      const buf = scratch;
      buf.length = 0;
      if (!specialRe) encodeInto(text, buf);
      else {
        let last = 0;
        for (const m of text.matchAll(specialRe)) {
          if (m.index > last) encodeInto(text.slice(last, m.index), buf);
          pushToken(buf, specialById.get(m[0])!);
          last = m.index + m[0].length;
        }
        if (last < text.length) encodeInto(text.slice(last), buf);
      }
      return toArray(buf);
    },
    decodeBytes,
    decode(ids) {
      return utf8Decoder.decode(decodeBytes(ids));
    },
  };
}
