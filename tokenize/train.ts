// Byte-level BPE training. Pre-tokens are counted once; each distinct pre-token ("word") becomes a
// sequence of byte ids with its count. Pair counts and, per pair, the words it occurs in are built
// once; every merge then touches only the words that hold the merged pair and updates the counts
// of the pairs around each occurrence, and a max-heap with lazy re-insertion picks the next pair
// (the scheme of Hugging Face's and nanochat's Rust trainers). Memory grows with the number of
// distinct pre-tokens and their pairs, not with the text.
//
// Merge order (deterministic): the pair with the highest count; ties go to the pair with the
// smaller left id, then the smaller right id (ids: bytes by value, merged tokens numbered in
// creation order). A merge whose bytes equal an existing token reuses that token's id.

import { createSplitter, pretokenizerPattern, type PretokenizerStyle } from './pretokenize.ts';
import { createPairTable } from './pair-table.ts';
import { createHeap } from './heap.ts';
import { byteTokens, END_OF_TEXT, type BpeModel, type SpecialToken } from './bpe-model.ts';

export interface TrainOptions {
  vocab_size: number;
  pretokenizer: PretokenizerStyle;
  digit_group: number;
  special_tokens: readonly string[];
}

export interface TrainProgress {
  phase: 'count' | 'merge';
  /** Bytes of text counted, or merges done. */
  done: number;
}

/** Counts pre-tokens over the texts: the only pass over the text itself. */
export async function countPretokens(
  texts: AsyncIterable<string> | Iterable<string>,
  pattern: string,
  onProgress?: (p: TrainProgress) => void,
): Promise<Map<string, number>> {
  const split = createSplitter(pattern);
  const counts = new Map<string, number>();
  let chars = 0;
  let text = '';
  const add = (start: number, end: number) => {
    const piece = text.slice(start, end);
    counts.set(piece, (counts.get(piece) ?? 0) + 1);
  };
  for await (const t of texts) {
    text = t.isWellFormed() ? t : t.toWellFormed();
    split(text, add);
    chars += text.length;
    onProgress?.({ phase: 'count', done: chars });
  }
  return counts;
}

export async function trainTokenizer(
  texts: AsyncIterable<string> | Iterable<string>,
  opts: TrainOptions,
  onProgress?: (p: TrainProgress) => void,
): Promise<BpeModel> {
  const pattern = pretokenizerPattern(opts.pretokenizer, opts.digit_group);
  const counts = await countPretokens(texts, pattern, onProgress);
  return trainFromCounts(counts, pattern, opts, onProgress);
}

export function specialTokenList(userTokens: readonly string[]): string[] {
  const out = [END_OF_TEXT];
  for (const t of userTokens) if (!out.includes(t)) out.push(t);
  return out;
}

export function trainFromCounts(
  counts: ReadonlyMap<string, number>,
  pattern: string,
  opts: Pick<TrainOptions, 'vocab_size' | 'special_tokens'>,
  onProgress?: (p: TrainProgress) => void,
): BpeModel {
  const specials = specialTokenList(opts.special_tokens);
  const targetTokens = opts.vocab_size - specials.length;
  if (targetTokens < 256) throw new Error(`vocab_size ${opts.vocab_size} leaves no room for the 256 byte tokens and ${specials.length} special tokens`);

  // Words: symbols of all distinct pre-tokens in one array, merged in place.
  const encoder = new TextEncoder();
  const nWords = counts.size;
  const wordStart = new Int32Array(nWords);
  const wordLen = new Int32Array(nWords);
  const wordCount = new Float64Array(nWords);
  let totalBytes = 0;
  const wordBytes: Uint8Array[] = new Array(nWords);
  {
    let w = 0;
    for (const [piece, c] of counts) {
      const bytes = encoder.encode(piece);
      wordBytes[w] = bytes;
      wordStart[w] = totalBytes;
      wordLen[w] = bytes.length;
      wordCount[w] = c;
      totalBytes += bytes.length;
      w++;
    }
  }
  const syms = new Int32Array(totalBytes);
  for (let w = 0; w < nWords; w++) syms.set(wordBytes[w]!, wordStart[w]!);
  wordBytes.length = 0;

  // Pairs: id by (left, right); count; the words that may hold it (may repeat or be stale).
  const pairIds = createPairTable(1 << 16);
  let nPairs = 0;
  let pairCap = 1 << 16;
  let pairA = new Int32Array(pairCap);
  let pairB = new Int32Array(pairCap);
  let pairCount = new Float64Array(pairCap);
  let pairStamp = new Int32Array(pairCap);
  const pairWords: (number[] | null)[] = [];
  const newPair = (): number => {
    if (nPairs === pairCap) {
      pairCap *= 2;
      const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const next = make(pairCap);
        next.set(old);
        return next;
      };
      pairA = grow(pairA, (n) => new Int32Array(n));
      pairB = grow(pairB, (n) => new Int32Array(n));
      pairCount = grow(pairCount, (n) => new Float64Array(n));
      pairStamp = grow(pairStamp, (n) => new Int32Array(n));
    }
    pairWords.push([]);
    return nPairs++;
  };
  const pairOf = (a: number, b: number): number =>
    pairIds.getOrInsert(a, b, () => {
      const p = newPair();
      pairA[p] = a;
      pairB[p] = b;
      return p;
    });

  for (let w = 0; w < nWords; w++) {
    const s = wordStart[w]!;
    const c = wordCount[w]!;
    for (let i = s; i < s + wordLen[w]! - 1; i++) {
      const p = pairOf(syms[i]!, syms[i + 1]!);
      pairCount[p] = pairCount[p]! + c;
      const list = pairWords[p]!;
      if (list[list.length - 1] !== w) list.push(w);
    }
  }

  // Max-heap of (count, pair) with the documented tie-break; entries may be stale and are
  // re-checked when popped.
  const heap = createHeap((countA, pA, countB, pB) => {
    if (countA !== countB) return countA > countB;
    const a = pairA[pA]!;
    const b = pairA[pB]!;
    return a !== b ? a < b : pairB[pA]! < pairB[pB]!;
  }, nPairs);
  const push = heap.push;
  for (let p = 0; p < nPairs; p++) if (pairCount[p]! > 0) push(pairCount[p]!, p);

  // Tokens and merges.
  const tokens = byteTokens();
  const tokenIdByBytes = new Map<string, number>();
  for (let b = 0; b < 256; b++) tokenIdByBytes.set(String.fromCharCode(b), b);
  const merges: number[] = [];

  const wordSeen = new Int32Array(nWords).fill(-1);
  let stamp = 0;
  const touched: number[] = [];
  const addPair = (a: number, b: number, delta: number, w: number) => {
    const p = pairOf(a, b);
    pairCount[p] = pairCount[p]! + delta;
    if (delta > 0) {
      const list = pairWords[p];
      if (list && list[list.length - 1] !== w) list.push(w);
      if (pairStamp[p] !== stamp) {
        pairStamp[p] = stamp;
        touched.push(p);
      }
    }
  };

  while (tokens.length < targetTokens && heap.size > 0) {
    const top = heap.topValue();
    const stored = heap.topKey();
    heap.pop();
    const current = pairCount[top]!;
    if (current <= 0) continue;
    if (current !== stored) {
      push(current, top);
      continue;
    }
    const a = pairA[top]!;
    const b = pairB[top]!;
    const merged = new Uint8Array(tokens[a]!.length + tokens[b]!.length);
    merged.set(tokens[a]!);
    merged.set(tokens[b]!, tokens[a]!.length);
    const key = Buffer.from(merged.buffer, merged.byteOffset, merged.length).toString('latin1');
    let id = tokenIdByBytes.get(key);
    if (id === undefined) {
      id = tokens.length;
      tokens.push(merged);
      tokenIdByBytes.set(key, id);
    }
    merges.push(a, b, id);

    stamp++;
    touched.length = 0;
    const words = pairWords[top]!;
    pairWords[top] = null;
    for (const w of words) {
      if (wordSeen[w] === stamp) continue;
      wordSeen[w] = stamp;
      const start = wordStart[w]!;
      const end = start + wordLen[w]!;
      const f = wordCount[w]!;
      let i = start;
      let j = start;
      while (i < end) {
        if (i + 1 < end && syms[i] === a && syms[i + 1] === b) {
          if (j > start) {
            const prev = syms[j - 1]!;
            addPair(prev, a, -f, w);
            addPair(prev, id, f, w);
          }
          if (i + 2 < end) {
            const next = syms[i + 2]!;
            addPair(b, next, -f, w);
            addPair(id, next, f, w);
          }
          syms[j++] = id;
          i += 2;
        } else {
          syms[j++] = syms[i++]!;
        }
      }
      wordLen[w] = j - start;
    }
    pairCount[top] = 0;
    for (const p of touched) if (pairCount[p]! > 0) push(pairCount[p]!, p);
    onProgress?.({ phase: 'merge', done: merges.length / 3 });
  }

  const special: SpecialToken[] = specials.map((content, k) => ({ id: tokens.length + k, content }));
  return { pattern, tokens, merges: Int32Array.from(merges), special };
}
