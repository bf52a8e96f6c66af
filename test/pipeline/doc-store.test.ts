// The Parquet document store: round trip, row groups, empty files, and the files read as-is by
// DuckDB and (where the trainer's virtualenv exists) pyarrow.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDocWriter, readDocs } from '../../pipeline/doc-store.ts';
import type { Document } from '../../pipeline/document.ts';

const docs: Document[] = Array.from({ length: 25 }, (_, i) => ({
  id: `<urn:uuid:${i}>`,
  text: `line one of ${i} — ünïcödé 日本語 🙂\nline two`,
  source: 'web',
  file: 'a.warc.gz',
  ...(i % 2 ? { url: `https://example.com/${i}`, lang: 'en', lang_score: 0.5 + i / 100 } : {}),
  meta: { charset: 'utf-8', n: i, nested: { ok: true } },
}));

async function writeSample(dir: string): Promise<string> {
  const path = join(dir, 'docs.parquet');
  const w = await createDocWriter(path, { rowGroupRows: 10, extraColumns: ['reason'] });
  for (const d of docs) await w.write(d, { reason: `r${d.meta.n}` });
  const { rows } = await w.close();
  assert.equal(rows, 25);
  return path;
}

test('documents round-trip through Parquet across row groups', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'docs-'));
  const path = await writeSample(dir);
  const back = [];
  for await (const d of readDocs(path)) back.push(d);
  assert.equal(back.length, 25);
  for (const [i, d] of back.entries()) {
    const { extra, ...doc } = d;
    assert.deepEqual(doc, docs[i]);
    assert.deepEqual(extra, { reason: `r${i}` });
  }
  await rm(dir, { recursive: true });
});

test('a task with no documents writes a valid empty file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'docs-'));
  const path = join(dir, 'empty.parquet');
  await (await createDocWriter(path)).close();
  let n = 0;
  for await (const _ of readDocs(path)) n++;
  assert.equal(n, 0);
  await rm(dir, { recursive: true });
});

test('an aborted writer leaves no file behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'docs-'));
  const path = join(dir, 'aborted.parquet');
  const w = await createDocWriter(path);
  await w.write(docs[0]!);
  await w.abort();
  await assert.rejects(access(path));
  await rm(dir, { recursive: true });
});

test('DuckDB reads the documents file as-is', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'docs-'));
  const path = await writeSample(dir);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const reader = await conn.runAndReadAll(
    `select count(*)::int as n, count(url)::int as urls, max(json_extract(meta, '$.n')::int) as maxn from read_parquet('${path}')`,
  );
  assert.deepEqual(reader.getRowObjects(), [{ n: 25, urls: 12, maxn: 24 }]);
  conn.closeSync();
  await rm(dir, { recursive: true });
});

const python = resolve(import.meta.dirname, '../../.venv/bin/python');
test('pyarrow reads the documents file as-is (zstd)', { skip: !(await access(python).then(() => true, () => false)) && 'no .venv (run npm run setup)' }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'docs-'));
  const path = await writeSample(dir);
  const out = execFileSync(python, [
    '-c',
    'import sys, pyarrow.parquet as pq; f = pq.ParquetFile(sys.argv[1]); t = f.read(); ' +
      'print(t.num_rows, f.metadata.num_row_groups, f.metadata.row_group(0).column(1).compression, t.column("text")[3].as_py().split(chr(10))[0])',
    path,
  ]).toString();
  assert.equal(out.trim(), '25 3 ZSTD line one of 3 — ünïcödé 日本語 🙂');
  await rm(dir, { recursive: true });
});
