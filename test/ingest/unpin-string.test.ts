// Documents must not keep their pages alive: a title or a one-block body is a slice of the page's
// HTML, and V8 keeps a slice's whole parent string. Measured on the V8 heap after a full GC, with
// the documents still held (as the Parquet writer holds them until a row group fills).

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { unpinString } from '../../ingest/unpin-string.ts';
import { buildWarc, pageRecords } from '../warc-writer.ts';
import { readAll } from './read-helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  // Strings over about 1 MB that Node decodes from buffers live outside the heap ("external").
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

test('unpinString: same characters, no view of the larger string', () => {
  const base = heapAfterGc();
  let page: string | undefined = `${'x'.repeat(5_000_000)} a title long enough to be a view ${'y'.repeat(5_000_000)}`;
  const kept = [page.slice(5_000_001, 5_000_033), page.slice(0, 20)].map(unpinString);
  page = undefined;
  assert.ok(heapAfterGc() - base < 1_000_000, 'the 10 MB page is still alive');
  assert.deepEqual(kept, ['a title long enough to be a view', 'x'.repeat(20)]);
  assert.equal(unpinString('short'), 'short');
});

test('documents read from a WARC do not pin their pages', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-unpin-'));
  try {
    // 24 pages of 500 KB each (a big inline script), each with a title and a one-paragraph body.
    const pages = Array.from({ length: 24 }, (_, i) => ({
      url: `https://example.org/big-${i}`,
      html: `<html><head><title>The title of page number ${i}</title><script>${`var v${i} = 1;`.repeat(40_000)}</script></head><body><p>Body of page ${i}: the quick brown fox jumps over the lazy dog, with enough words to be kept as its main text.</p></body></html>`,
    }));
    const file = path.join(dir, 'big.warc.gz');
    await writeFile(file, buildWarc(pages.flatMap(pageRecords)));
    pages.length = 0;
    const base = heapAfterGc();
    const { docs } = await readAll(file);
    const grown = heapAfterGc() - base;
    assert.equal(docs.length, 24);
    assert.ok(docs.every((d) => typeof d.meta?.['title'] === 'string' && d.text.includes('quick brown fox')));
    // Pinned pages would hold 24 × 500 KB.
    assert.ok(grown < 4_000_000, `memory grew by ${(grown / 1e6).toFixed(1)} MB while holding 24 small documents`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
