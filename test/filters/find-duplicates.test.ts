// Gopher's and FineWeb's duplicate lines and paragraphs (findDuplicates) against datatrove's
// `find_duplicates` ported directly (a set of every element): the lengths-first pre-test must never
// skip an element that repeats, including elements of different lengths that share the last length
// slot, equal-length elements that differ, and astral characters counted in code points.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDuplicates } from '../../filters/gopher-repetition.ts';
import { pyLen } from '../../filters/text.ts';

function refDuplicates(items: readonly string[]): [number, number] {
  const seen = new Set<string>();
  let dups = 0;
  let chars = 0;
  for (const x of items) {
    if (seen.has(x)) {
      dups++;
      chars += pyLen(x);
    } else seen.add(x);
  }
  return [dups, chars];
}

test('findDuplicates: the same counts as a set of every element', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const alphabet = ['a', 'b', ' ', 'é', '😀'];
  const long = (len: number, c: string): string => c.repeat(len);
  for (let t = 0; t < 2000; t++) {
    const items: string[] = [];
    const count = rand(40);
    for (let i = 0; i < count; i++) {
      const kind = rand(10);
      if (kind === 0 && items.length > 0) items.push(items[rand(items.length)]!);
      else if (kind === 1) items.push(long(1000 + rand(3000), 'x'));
      else if (kind === 2) items.push(long(1023 + rand(3), alphabet[rand(alphabet.length)]!));
      else {
        let s = '';
        for (let k = rand(4); k > 0; k--) s += alphabet[rand(alphabet.length)];
        items.push(s);
      }
    }
    const plain = items.every((x) => !/[\ud800-\udbff]/.test(x));
    assert.deepEqual(findDuplicates(items, plain), refDuplicates(items), JSON.stringify(items.map((x) => (x.length > 20 ? `${x[0]}×${x.length}` : x))));
  }
});

test('findDuplicates: long elements of different lengths share a length slot but are not duplicates', () => {
  assert.deepEqual(findDuplicates(['x'.repeat(1500), 'x'.repeat(2000), 'x'.repeat(1500), 'ab', 'ba'], true), [1, 1500]);
  assert.deepEqual(findDuplicates(['😀😀', 'ab', '😀😀'], false), [1, 2]);
});
