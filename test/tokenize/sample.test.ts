// The training sample's budget split: by weight, and a source with less text than its share
// gives the rest to the others.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBudget } from '../../tokenize/sample.ts';

test('splitBudget shares by weight and hands a small source\'s surplus to the others', () => {
  const out = splitBudget({ a: 10, b: 100, c: 100 }, { b: 2 }, 110);
  assert.equal(out['a'], 10);
  assert.ok(Math.abs(out['b']! - 200 / 3) < 1e-9);
  assert.ok(Math.abs(out['c']! - 100 / 3) < 1e-9);
  assert.deepEqual(splitBudget({ a: 5, b: 7 }, {}, 1000), { a: 5, b: 7 });
  assert.deepEqual(splitBudget({ a: 50, b: 70 }, { a: 0 }, 60), { a: 0, b: 60 });
});
