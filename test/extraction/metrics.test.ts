// The benchmark metrics of bench/extraction against hand-computed values.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bagOfWordsPRF, macroScore, scrapinghubScore, shinglePR, shingles, tokens } from '../../bench/extraction/metrics.ts';

test('tokens are Unicode \\w+ runs', () => {
  assert.deepEqual(tokens("Don't stop — naïve café_2 東京 3.5"), ['Don', 't', 'stop', 'naïve', 'café_2', '東京', '3', '5']);
});

test('shingles are word 4-grams; 1–3 tokens make one shingle', () => {
  assert.deepEqual(shingles('a b c d e'), ['a b c d', 'b c d e']);
  assert.deepEqual(shingles('a b'), ['a b']);
  assert.deepEqual(shingles(''), []);
});

test('shingle precision and recall count multiset matches', () => {
  // output: a b c d | b c d e | c d e f ; gold: a b c d | b c d e
  assert.deepEqual(shinglePR('a b c d e f', 'a b c d e'), { precision: 2 / 3, recall: 1 });
  assert.deepEqual(shinglePR('', ''), { precision: 1, recall: 1 });
  assert.deepEqual(shinglePR('', 'a b c d'), { precision: 0, recall: 0 });
  // A repeated shingle matches only as often as the gold has it.
  assert.deepEqual(shinglePR('x y z w x y z w', 'x y z w'), { precision: 1 / 5, recall: 1 });
});

test('scrapinghub F1 is the harmonic mean of mean precision and mean recall', () => {
  const s = scrapinghubScore([
    { precision: 1, recall: 0.5 },
    { precision: 0.5, recall: 1 },
  ]);
  assert.equal(s.precision, 0.75);
  assert.equal(s.recall, 0.75);
  assert.equal(s.f1, 0.75);
});

test('WCXB bag of words is lowercase and macro-averaged', () => {
  const a = bagOfWordsPRF('The cat sat', 'the cat sat on the mat');
  assert.deepEqual(a, { precision: 1, recall: 0.5, f1: 2 / 3 });
  const m = macroScore([a, { precision: 0, recall: 0, f1: 0 }]);
  assert.deepEqual(m, { precision: 0.5, recall: 0.25, f1: 1 / 3 });
});
