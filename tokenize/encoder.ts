// Encoding and decoding with a trained byte-level BPE. A text is cut into pre-tokens by the
// model's regex; each pre-token's UTF-8 bytes are merged by rank (lowest rank first, leftmost
// first among equals — Hugging Face's and tiktoken's rule), and the result is cached per
// pre-token. Short pre-tokens use a linear scan, long ones (1 MB of one letter is one pre-token)
// a heap, so the cost stays O(n log n).
//
// Strings: encoding works on the UTF-8 of the well-formed string, so a lone surrogate encodes as
// U+FFFD (EF BF BD), as TextEncoder and Hugging Face tokenizers do. Hence decode(encode(s)) === s
// for every well-formed string and === s.toWellFormed() for any string.

import { createSplitter, type Splitter } from './pretokenize.ts';
import { createPairTable, type PairTable } from './pair-table.ts';
import { createHeap } from './heap.ts';
import { grow } from './grow.ts';
import { createPieceTable } from './piece-table.ts';
import { endOfTextId, vocabSize, type BpeModel, type SpecialToken, type TextRules } from './bpe-model.ts';
import { bytesToByteLevel } from './byte-level.ts';

/** A growable array of token ids that encoders append to. */
export interface TokenBuffer {
  data: Uint32Array;
  length: number;
}

export function createTokenBuffer(capacity = 1 << 16): TokenBuffer {
  return { data: new Uint32Array(capacity), length: 0 };
}

export function pushToken(buf: TokenBuffer, id: number): void {
  if (buf.length === buf.data.length) buf.data = grow(buf.data);
  buf.data[buf.length++] = id;
}

function pushTokens(buf: TokenBuffer, ids: Int32Array): void {
  if (ids.length === 1) {
    pushToken(buf, ids[0]!);
    return;
  }
  const need = buf.length + ids.length;
  if (need > buf.data.length) buf.data = grow(buf.data, need);
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
  /** The token that starts each document in shards, when the tokenizer has that convention. */
  readonly bosId: number | undefined;
  /** Ordinary text: special-token strings inside it are encoded as plain text (documents cannot inject them). */
  encode(text: string): number[];
  /** Same as `encode`, appending to a buffer. */
  encodeInto(text: string, out: TokenBuffer): void;
  /** Text in which special-token strings are the special tokens, as Hugging Face's `encode` treats added tokens. */
  encodeWithSpecial(text: string): number[];
  decode(ids: ArrayLike<number>): string;
  decodeBytes(ids: ArrayLike<number>): Uint8Array;
}

const CACHE_MAX_ENTRIES = 1 << 19;
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
  const input = model.input;
  const split: Splitter = model.pattern ? createSplitter(model.pattern, input?.dropGaps) : (text, piece) => text.length > 0 && piece(0, text.length);
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

  /** First symbols of a piece under an imported tokenizer's rules, in `syms`; returns their count,
   * or -1 when `ignore_merges` found the whole piece as one token (then in syms[0], nothing to merge). */
  const importedSymbols = (piece: string, rules: TextRules): number => {
    const utf8Len = Buffer.byteLength(piece);
    if (utf8Len * 2 > syms.length) {
      syms = new Int32Array(utf8Len * 2);
      pairRank = new Int32Array(utf8Len * 2);
    }
    if (rules.ignoreMerges) {
      const whole = rules.vocab.get(rules.symbols === 'bytes' ? bytesToByteLevel(utf8.encode(piece)) : piece);
      if (whole !== undefined) {
        syms[0] = whole;
        return -1;
      }
    }
    let n = 0;
    if (rules.symbols === 'bytes') {
      for (const b of utf8.encode(piece)) syms[n++] = rules.byteIds[b]!;
      return n;
    }
    for (const ch of piece) {
      const id = rules.vocab.get(ch);
      if (id !== undefined) {
        syms[n++] = id;
        continue;
      }
      const bytes = utf8.encode(ch);
      if (bytes.every((b) => rules.byteIds[b]! >= 0)) for (const b of bytes) syms[n++] = rules.byteIds[b]!;
      else if (rules.unkId >= 0 && !(rules.fuseUnk && n > 0 && syms[n - 1] === rules.unkId)) syms[n++] = rules.unkId;
    }
    return n;
  };

  /** Token ids of one pre-token, in `syms[0..n)`. */
  const bpe = (piece: string): number => {
    if (input) {
      const n = importedSymbols(piece, input);
      if (n < 0) return 1;
      return n <= LINEAR_MAX_SYMBOLS ? mergeLinear(n) : mergeHeap(n);
    }
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

  // Pre-token cache (probed on the text, no slicing on a hit). Value: a single token id (>= 0),
  // or -(offset * 256 + length) - 1 for `length` ids at `offset` in one shared pool.
  const cache = createPieceTable(1 << 12);
  let pool = new Int32Array(1 << 16);
  let poolLength = 0;

  // The id of each one-character ASCII piece (the byte itself for our tokenizers).
  const asciiIds = new Int32Array(128);
  for (let c = 0; c < 128; c++) asciiIds[c] = input ? (bpe(String.fromCharCode(c)) === 1 ? syms[0]! : -1) : c;

  const encodePiece = (text: string, start: number, end: number, out: TokenBuffer) => {
    const len = end - start;
    if (len === 1) {
      const c = text.charCodeAt(start);
      if (c < 0x80 && asciiIds[c]! >= 0) {
        pushToken(out, asciiIds[c]!);
        return;
      }
    }
    const cacheable = len <= CACHE_MAX_PIECE;
    if (cacheable) {
      const slot = cache.lookup(text, start, end);
      if (slot >= 0) {
        const hit = cache.value(slot);
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
    const piece = text.slice(start, end);
    const n = bpe(piece);
    pushTokens(out, syms.subarray(0, n));
    if (!cacheable || n > 0xff) return;
    if (cache.size >= CACHE_MAX_ENTRIES) {
      // Full: start over (output never depends on the cache) and look the piece up again.
      cache.clear();
      poolLength = 0;
      cache.lookup(text, start, end);
    }
    let value = syms[0]!;
    if (n > 1) {
      if (poolLength + n > pool.length) pool = grow(pool, poolLength + n);
      pool.set(syms.subarray(0, n), poolLength);
      value = -(poolLength * 256 + n) - 1;
      poolLength += n;
    }
    cache.insert(text, start, end, value);
  };

  const splitPieces = (t: string, out: TokenBuffer) => split(t, (start, end) => encodePiece(t, start, end, out));

  /** A text between added tokens, under an imported tokenizer's normalizers and pre-tokenizers. */
  const encodeSegment = (text: string, atStart: boolean, rules: TextRules, out: TokenBuffer) => {
    let t = text;
    if (!t) return;
    for (const n of rules.normalizers) {
      if (n.type === 'unicode') t = t.normalize(n.form);
      else if (n.type === 'prepend') t = n.text + t;
      else t = t.replaceAll(n.from, n.to);
    }
    if (rules.prefixSpace && !t.startsWith(' ')) t = ' ' + t;
    const ms = rules.metaspace;
    if (!ms) return splitPieces(t, out);
    t = t.replaceAll(' ', ms.replacement);
    if ((ms.prepend === 'always' || (ms.prepend === 'first' && atStart)) && !t.startsWith(ms.replacement)) t = ms.replacement + t;
    if (!ms.split) return splitPieces(t, out);
    // Split before each replacement character (Hugging Face's MergedWithNext).
    let from = 0;
    for (let i = t.indexOf(ms.replacement, 1); i > 0; i = t.indexOf(ms.replacement, i + 1)) {
      splitPieces(t.slice(from, i), out);
      from = i;
    }
    splitPieces(t.slice(from), out);
  };

  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternation = (tokens: readonly SpecialToken[]) =>
    tokens.length
      ? new RegExp(
          [...tokens]
            .sort((x, y) => y.content.length - x.content.length)
            .map((s) => escape(s.content))
            .join('|'),
          'gu',
        )
      : undefined;
  const specialById = new Map(model.special.map((s) => [s.content, s.id]));
  const specialRe = alternation(model.special);
  // Hugging Face's non-special added tokens are matched in every text, documents included.
  const addedRe = alternation(model.special.filter((s) => s.special === false));

  /** Encodes `text`, cutting out the matches of `re` as their added-token ids. */
  const encodeAround = (text: string, re: RegExp | undefined, out: TokenBuffer) => {
    const t = text.isWellFormed() ? text : text.toWellFormed();
    if (!input) {
      if (!re) return splitPieces(t, out);
      let last = 0;
      for (const m of t.matchAll(re)) {
        if (m.index > last) splitPieces(t.slice(last, m.index), out);
        pushToken(out, specialById.get(m[0])!);
        last = m.index + m[0].length;
      }
      if (last < t.length) splitPieces(t.slice(last), out);
      return;
    }
    let last = 0;
    if (re) {
      for (const m of t.matchAll(re)) {
        if (m.index > last) encodeSegment(t.slice(last, m.index), last === 0, input, out);
        pushToken(out, specialById.get(m[0])!);
        last = m.index + m[0].length;
      }
    }
    encodeSegment(last === 0 ? t : t.slice(last), last === 0, input, out);
  };
  const encodeInto = (text: string, out: TokenBuffer) => encodeAround(text, addedRe, out);

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
    bosId: model.bos,
    encodeInto,
    encode(text) {
      scratch.length = 0;
      encodeInto(text, scratch);
      return toArray(scratch);
    },
    encodeWithSpecial(text) {
      scratch.length = 0;
      encodeAround(text, specialRe, scratch);
      return toArray(scratch);
    },
    decodeBytes,
    decode(ids) {
      const text = utf8Decoder.decode(decodeBytes(ids));
      return input?.stripLeadingSpace && text.startsWith(' ') ? text.slice(1) : text;
    },
  };
}
