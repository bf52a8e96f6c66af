// pipeline/arrow.ts: the one-file build of apache-arrow writes and reads the same IPC bytes as the
// package's entry for the columns doc-store.ts writes, and is a file of its own, not the entry's
// module graph loaded again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as entry from 'apache-arrow';
import { arrow } from '../../pipeline/arrow.ts';

test('document columns give the IPC bytes of the package entry, and read back in either', () => {
  const texts = ['plain', 'ünïcödé 日本語 🙂', '', 'line one\nline two'];
  const scores = [0.5, 1, 0, 0.25];
  const build = (a: typeof entry) =>
    a.tableToIPC(new a.Table({ text: a.vectorFromArray(texts, new a.Utf8()), lang_score: a.vectorFromArray(scores, new a.Float64()) }), 'stream');
  const ours = build(arrow);
  assert.deepEqual(ours, build(entry));
  for (const t of [arrow.tableFromIPC(ours), entry.tableFromIPC(ours)]) {
    assert.deepEqual([...t].map((r) => r['text'] as string), texts);
    assert.deepEqual([...t].map((r) => r['lang_score'] as number), scores);
  }
});

test('the one-file build is loaded, not the entry', () => {
  assert.notEqual(arrow.Table, entry.Table);
  assert.match(createRequire(import.meta.url).resolve('apache-arrow/Arrow.esnext.min'), /apache-arrow\/Arrow\.esnext\.min\.js$/);
});
