// The k-way merge under the dedup stages: global order (prefix words, file id, rest), hash-range
// splits that partition the records exactly, and more inputs than it holds open at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecordBuffer, FULL_RANGE, mergeRecords, type MergeInput } from '../../dedup/records.ts';
import { planRanges } from '../../dedup/ranges.ts';
import { rng } from './corpus.ts';

test('merges 600 sorted files in order, and hash ranges partition them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dedup-records-'));
  try {
    const layout = { words: 3, prefix: 2 };
    const next = rng(1);
    const inputs: MergeInput[] = [];
    let total = 0;
    for (let f = 0; f < 600; f++) {
      const buf = createRecordBuffer(layout.words);
      const n = Math.floor(next() * 8);
      // Few distinct first words, so ties across files are common and the file id must order them.
      for (let i = 0; i < n; i++) buf.push([Math.floor(next() * 50) * 1e7, Math.floor(next() * 3)], 0, 2, i);
      const path = join(dir, `${f}.rec`);
      total += buf.writeSorted(path);
      inputs.push({ fileId: f, path });
    }
    const seen: number[][] = [];
    const count = mergeRecords(inputs, layout, FULL_RANGE, (w, o, fileId) => seen.push([w[o]!, w[o + 1]!, fileId, w[o + 2]!]));
    assert.equal(count, total);
    for (let i = 1; i < seen.length; i++) {
      const a = seen[i - 1]!;
      const b = seen[i]!;
      const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || a[3]! - b[3]!;
      assert.ok(cmp < 0, `records ${i - 1} and ${i} out of order: ${a} then ${b}`);
    }
    const ranges = planRanges(inputs.map((i) => i.path), layout.words * 4, 4);
    assert.ok(ranges.length > 1);
    const split: number[][] = [];
    for (const r of ranges) mergeRecords(inputs, layout, r, (w, o, fileId) => split.push([w[o]!, w[o + 1]!, fileId, w[o + 2]!]));
    assert.deepEqual(split, seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
