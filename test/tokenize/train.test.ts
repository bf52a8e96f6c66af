// BPE training: the incremental trainer equals a naive recount-every-merge reference, the
// tie-break is the documented one, the vocabulary holds all 256 bytes, and training is
// deterministic.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainFromCounts, trainTokenizer, countPretokens, pretokenizerPattern, toHfJson } from '../../tokenize/index.ts';
import { generatedDocs } from './corpus.ts';

/** Reference BPE: recounts all pairs before every merge. Same tie-break and id rules. */
function referenceMerges(counts: ReadonlyMap<string, number>, nTokens: number): number[] {
  const words = [...counts].map(([w, c]) => ({ syms: [...new TextEncoder().encode(w)], c }));
  const tokens: string[] = Array.from({ length: 256 }, (_, b) => String.fromCharCode(b));
  const merges: number[] = [];
  while (tokens.length < nTokens) {
    const pc = new Map<string, number>();
    for (const { syms, c } of words) for (let i = 0; i + 1 < syms.length; i++) pc.set(`${syms[i]},${syms[i + 1]}`, (pc.get(`${syms[i]},${syms[i + 1]}`) ?? 0) + c);
    let best: [number, number, number] | undefined;
    for (const [k, c] of pc) {
      const [a, b] = k.split(',').map(Number) as [number, number];
      if (!best || c > best[2] || (c === best[2] && (a < best[0] || (a === best[0] && b < best[1])))) best = [a, b, c];
    }
    if (!best) break;
    const [a, b] = best;
    const bytes = tokens[a]! + tokens[b]!;
    let id = tokens.indexOf(bytes);
    if (id < 0) id = tokens.push(bytes) - 1;
    merges.push(a, b, id);
    for (const w of words) {
      const out: number[] = [];
      for (let i = 0; i < w.syms.length; i++) {
        if (i + 1 < w.syms.length && w.syms[i] === a && w.syms[i + 1] === b) {
          out.push(id);
          i++;
        } else out.push(w.syms[i]!);
      }
      w.syms = out;
    }
  }
  return merges;
}

const OPTS = { vocab_size: 0, special_tokens: [] as string[] };

test('incremental trainer equals the naive reference on real-shaped text', async () => {
  const pattern = pretokenizerPattern('gpt4', 3);
  const counts = await countPretokens(generatedDocs(60, 3), pattern);
  const model = trainFromCounts(counts, pattern, { ...OPTS, vocab_size: 420 });
  assert.deepEqual([...model.merges], referenceMerges(counts, 419));
});

test('overlapping and repeated pairs (aaaa, abab) merge as the reference does', () => {
  const counts = new Map([
    ['aaaaaaa', 3],
    ['ababab', 2],
    ['aab', 5],
    ['baaab', 1],
    ['x', 9],
  ]);
  const model = trainFromCounts(counts, 'x', { ...OPTS, vocab_size: 275 });
  assert.deepEqual([...model.merges], referenceMerges(counts, 274));
});

test('ties go to the smaller left id, then the smaller right id', () => {
  const model = trainFromCounts(new Map([['cd', 2], ['ab', 2], ['ac', 2]]), 'x', { ...OPTS, vocab_size: 259 });
  // (a,b), (a,c), (c,d) all count 2: a=97 < c=99, and b=98 < c=99.
  assert.deepEqual([...model.merges.slice(0, 6)], [97, 98, 256, 97, 99, 257]);
});

test('token byte strings are unique (a merge that remakes an existing token reuses its id)', async () => {
  const model = await trainTokenizer(generatedDocs(80, 9), { vocab_size: 500, pretokenizer: 'gpt2', digit_group: 0, special_tokens: [] });
  const names = model.tokens.map((t) => Buffer.from(t).toString('latin1'));
  assert.equal(new Set(names).size, names.length);
});

test('vocabulary: 256 bytes even when unseen, exact size, specials last, deterministic', async () => {
  const docs = generatedDocs(80, 5);
  const opts = { vocab_size: 500, pretokenizer: 'gpt4' as const, digit_group: 2, special_tokens: ['<|pad|>', '<|endoftext|>'] };
  const model = await trainTokenizer(docs, opts);
  for (let b = 0; b < 256; b++) assert.deepEqual([...model.tokens[b]!], [b]);
  assert.equal(model.tokens.length + model.special.length, 500);
  assert.deepEqual(model.special, [
    { id: 498, content: '<|endoftext|>' },
    { id: 499, content: '<|pad|>' },
  ]);
  const again = await trainTokenizer(docs.toReversed(), opts);
  assert.equal(toHfJson(again), toHfJson(model), 'document order does not change the tokenizer');
});

test('training on 1 MB of one repeated character finishes', async () => {
  const model = await trainTokenizer(['a'.repeat(1 << 20)], { vocab_size: 300, pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
  assert.ok(model.tokens.length > 256);
});
