// The hashed n-gram counts of the Gopher repetition filter against a direct port of datatrove's
// string code (Counter of space-joined n-grams, set of n-grams joined by nothing) on token lists
// made to collide: tiny alphabets where different splits concatenate to the same string, astral
// characters, and hash bases chosen so that every n-gram shares one hash (only the exact checks
// can then tell them apart).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNgramScratch, duplicatedChars, ngramWords, topNgram } from '../../filters/ngram-hash.ts';
import { pyLen } from '../../filters/text.ts';

function refTop(words: string[], n: number): { count: number; length: number } {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const g = words.slice(i, i + n).join(' ');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best = 0;
  let key = '';
  for (const [g, c] of counts) if (c > best) [best, key] = [c, g];
  return { count: best, length: best ? pyLen(key) : 0 };
}

function refDup(words: string[], n: number): number {
  const seen = new Set<string>();
  let repeated = 0;
  let i = 0;
  while (i < words.length - n + 1) {
    const g = words.slice(i, i + n).join('');
    if (seen.has(g)) {
      repeated += pyLen(g);
      i += n;
    } else {
      seen.add(g);
      i++;
    }
  }
  return repeated;
}

/** Deterministic pseudo-random tokens over `alphabet`, 1–3 symbols each. */
function tokens(seed: number, count: number, alphabet: string[]): string[] {
  let s = seed;
  const next = (m: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % m;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(3) }, () => alphabet[next(alphabet.length)]!).join(''));
}

test('top n-gram count and length equal the Counter of joined strings, first seen among ties', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const words = tokens(seed, 50 + seed * 7, ['a', 'b', '😀']);
    for (const n of [1, 2, 3, 4]) assert.deepEqual(topNgram(ngramWords(words), n), refTop(words, n), `seed ${seed} n ${n}`);
  }
  assert.deepEqual(topNgram(ngramWords(['x', 'y', 'y', 'x']), 1), { count: 2, length: 1 });
  assert.deepEqual(topNgram(ngramWords(['ab']), 2), { count: 0, length: 0 });
});

test('duplicated n-gram characters equal the set of strings joined by nothing (["ab","c"] is ["a","bc"])', () => {
  assert.equal(duplicatedChars(ngramWords(['ab', 'c', 'x', 'a', 'bc']), 2), 3);
  for (let seed = 1; seed <= 40; seed++) {
    const words = tokens(seed, 60 + seed * 5, ['a', 'b', '😀']);
    for (const n of [2, 3, 5, 7, 10]) assert.equal(duplicatedChars(ngramWords(words), n), refDup(words, n), `seed ${seed} n ${n}`);
  }
});

test('counts stay exact when every n-gram hashes alike (base 1 and base −1, pair multipliers 0)', () => {
  for (const base of [1, 67108858]) {
    for (let seed = 1; seed <= 10; seed++) {
      const words = tokens(seed, 80, ['a', 'b', 'c']);
      for (const n of [2, 3, 4]) assert.deepEqual(topNgram(ngramWords(words, createNgramScratch(base, [0, 0])), n), refTop(words, n), `base ${base} seed ${seed} n ${n}`);
      for (const n of [5, 8]) assert.equal(duplicatedChars(ngramWords(words, createNgramScratch(base)), n), refDup(words, n), `base ${base} seed ${seed} n ${n}`);
    }
  }
});

test('one scratch reused from document to document, larger and smaller, gives what fresh buffers give', () => {
  const scratch = createNgramScratch();
  for (const [seed, count] of [[1, 400], [2, 30], [3, 900], [4, 5], [5, 250], [6, 1], [7, 600]] as const) {
    const words = tokens(seed, count, ['a', 'b', 'c', '😀']);
    for (const n of [2, 3, 4]) assert.deepEqual(topNgram(ngramWords(words, scratch), n), refTop(words, n), `seed ${seed} n ${n}`);
    for (const n of [5, 7, 10]) assert.equal(duplicatedChars(ngramWords(words, scratch), n), refDup(words, n), `seed ${seed} n ${n}`);
  }
  // A repetitive document leaves a high count at a position that is a repeat in the next one.
  const repetitive = ['x', ...Array.from({ length: 400 }, () => 'a')];
  for (const n of [2, 3, 4]) topNgram(ngramWords(repetitive, scratch), n);
  const next = ['b', 'b', 'b', 'c', 'd', 'e'];
  for (const n of [2, 3]) assert.deepEqual(topNgram(ngramWords(next, scratch), n), refTop(next, n), `after a repetitive document, n ${n}`);
});

test('tokens longer than the power tables hash as the short ones do', () => {
  // A fresh scratch's tables cover max(tokens + 1, 1024) powers: 2,000-unit tokens go past them.
  const long = (c: string): string => c.repeat(2000);
  for (const base of [1, 12345, 67108858]) {
    const words = [long('a'), 'b', long('a'), 'b', `${long('a')}b`, 'x', long('a'), 'b', 'a'.repeat(1999), 'ab'];
    for (const n of [1, 2]) assert.deepEqual(topNgram(ngramWords(words, createNgramScratch(base)), n), refTop(words, n), `base ${base} n ${n}`);
    for (const n of [2, 3]) assert.equal(duplicatedChars(ngramWords(words, createNgramScratch(base)), n), refDup(words, n), `base ${base} n ${n}`);
  }
});

test('top n-grams asked in any order of n, on one NgramWords, equal the Counter', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const words = tokens(seed, 40 + seed * 9, ['a', 'b', 'c']);
    const w = ngramWords(words, createNgramScratch(undefined, seed % 2 ? [0, 0] : undefined));
    for (const n of [4, 2, 3, 3, 1, 5, 2, 6]) assert.deepEqual(topNgram(w, n), refTop(words, n), `seed ${seed} n ${n}`);
  }
});

test('tokens of over 1,024 units inside the power tables hash exactly (their sums reduced every 1,024 units)', () => {
  // A scratch whose tables grew on a long document; then one string split two ways, of tokens
  // past 1,024 units of high characters (each term of the sum near 2^42).
  const scratch = createNgramScratch();
  ngramWords(tokens(1, 30_000, ['a', 'b']), scratch);
  const run = (c: string, n: number): string => c.repeat(n);
  // Past about 4,000 such units an unreduced sum would pass 2^53 and round.
  const [x, y, z] = [run('\uffee', 6000), run('\uff10', 5100), `${run('\ufffd', 9000)}😀`];
  for (const words of [[`${x}${y}`, z, 'q', x, `${y}${z}`], [x, `${y}${z}`, 'q', `${x}${y}`, z], [run('\uffff', 1023), run('\uffff', 8025), 'q', run('\uffff', 9048)]]) {
    for (const n of [1, 2]) assert.equal(duplicatedChars(ngramWords(words, scratch), n), refDup(words, n), `n ${n}`);
  }
});

test('token ids: equal ids iff equal strings, for tokens keyed by their Latin-1 units and the rest', () => {
  // Up to 12 units under 256 are packed into integers (a NUL unit, 11–13 units, 255 against 256,
  // astral characters and the empty token on both sides of that line); pair multipliers 0 put every
  // packed key in one slot, so only the exact key compare tells them apart.
  const alphabet = ['', '\u0000', 'a', 'b', 'ÿ', 'Ā', '😀', 'abcdefghijk', 'abcdefghijkl', 'abcdefghijklm', '\u0000a', 'abcdefghiklm', 'abcdefghi\u0001klm'];
  const scratch = createNgramScratch(undefined, [0, 0]);
  for (let seed = 1; seed <= 30; seed++) {
    const words = tokens(seed, 40 + seed * 11, alphabet);
    for (const w of [ngramWords(words, scratch), ngramWords(words)]) {
      const first = new Map<string, number>();
      words.forEach((x, i) => {
        if (!first.has(x)) first.set(x, i);
        assert.equal(w.id[i], first.get(x), `seed ${seed} token ${i} ${JSON.stringify(x)}`);
      });
    }
  }
});

test("a long document's scratch: the one-pass buffers (short-token table, per-token hashes) live in the later passes' buffers", () => {
  // The filter keeps its scratch at its largest document's size for the worker's life. With 8,192
  // tokens the tables have 2n slots: 88 bytes a token (124 when the short-token table and the
  // per-token hash, power and inverse power had buffers of their own).
  const n = 8192;
  const scratch = createNgramScratch();
  const words = tokens(9, n, ['a', 'b', 'c', '😀']);
  const w = ngramWords(words, scratch);
  // The shared buffers are written before they are read, in either order of the passes.
  for (const m of [5, 7]) assert.equal(duplicatedChars(w, m), refDup(words, m), `n ${m}`);
  for (const m of [2, 3, 4]) assert.deepEqual(topNgram(w, m), refTop(words, m), `n ${m}`);
  const buffers = new Set<ArrayBufferLike>([...scratch.ints, ...scratch.floats].filter((a) => a !== undefined).map((a) => a.buffer));
  let bytes = 0;
  for (const b of buffers) bytes += b.byteLength;
  assert.ok(bytes <= 90 * n, `${bytes} bytes retained, ${(bytes / n).toFixed(1)} a token`);
});
