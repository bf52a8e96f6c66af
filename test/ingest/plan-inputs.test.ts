// planInputs: Common Crawl path lists (served by a local node:http server standing in for
// data.commoncrawl.org), local globs and URLs, in a deterministic order; and inspectInput.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sourceSchema } from '../../ingest/config.ts';
import { inspectInput, planInputs, selectPaths } from '../../ingest/index.ts';
import { buildWarc } from '../warc-writer.ts';
import { crawlRecords, extractConfig, samplePages } from './read-helpers.ts';

const paths = Array.from({ length: 20 }, (_, i) => `crawl-data/CC-MAIN-2024-10/segments/1/warc/CC-MAIN-${String(i).padStart(5, '0')}.warc.gz`);
let base = '';
let dir = '';
const server = createServer((req, res) => {
  if (req.url === '/crawl-data/CC-MAIN-2024-10/warc.paths.gz') {
    res.writeHead(200);
    res.end(gzipSync(paths.join('\n') + '\n'));
    return;
  }
  res.writeHead(404);
  res.end();
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  dir = await mkdtemp(path.join(tmpdir(), 'cc-ingest-plan-'));
  await mkdir(path.join(dir, 'w'));
  for (const n of ['b.warc.gz', 'a.warc.gz', 'c.wet.gz', 'notes.txt']) await writeFile(path.join(dir, 'w', n), buildWarc(crawlRecords(samplePages().slice(0, 2))));
  await writeFile(path.join(dir, 'wiki.jsonl'), '{"id":"1","text":"hello"}\n');
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const src = (raw: unknown) => sourceSchema.parse(raw);

test('a crawl id resolves its path list; first, sample and range select deterministically', async () => {
  const cfg = extractConfig();
  const first = await planInputs([src({ name: 'web', kind: 'commoncrawl', crawl: 'CC-MAIN-2024-10', base_url: base, files: { first: 3 } })], cfg);
  assert.deepEqual(
    first.map((i) => i.location),
    paths.slice(0, 3).map((p) => base + p),
  );
  assert.deepEqual(first[0], { source: 'web', kind: 'warc', location: base + paths[0], crawl: 'CC-MAIN-2024-10' });
  const range = await planInputs([src({ name: 'web', kind: 'commoncrawl', crawl: 'CC-MAIN-2024-10', base_url: base, files: { range: [5, 8] } })], cfg);
  assert.deepEqual(
    range.map((i) => i.location),
    paths.slice(5, 8).map((p) => base + p),
  );
  const sample = () => planInputs([src({ name: 'web', kind: 'commoncrawl', crawl: 'CC-MAIN-2024-10', base_url: base, files: { sample: 5, seed: 7 } })], cfg);
  const s1 = await sample();
  assert.deepEqual(s1, await sample());
  assert.equal(new Set(s1.map((i) => i.location)).size, 5);
  const order = s1.map((i) => paths.indexOf(i.location.slice(base.length)));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'path-list order');
  assert.notDeepEqual(selectPaths(paths, { sample: 5, seed: 7 }), selectPaths(paths, { sample: 5, seed: 8 }));
});

test('a missing path list fails naming the source and the URL', async () => {
  await assert.rejects(planInputs([src({ name: 'web', kind: 'commoncrawl', crawl: 'CC-MAIN-2023-50', base_url: base, format: 'wet' })], extractConfig({ download: { retries: 0 } })), (err: Error) => err.message.includes('"web"') && err.message.includes('CC-MAIN-2023-50/wet.paths.gz') && err.message.includes('404'));
});

test('local globs are sorted, kinds follow the file names, URLs are kept as given', async () => {
  const inputs = await planInputs(
    [
      src({ name: 'web', kind: 'warc', paths: [path.join(dir, 'w/*.gz'), 'https://example.org/x.warc.gz'] }),
      src({ name: 'wiki', kind: 'jsonl', paths: [path.join(dir, 'wiki.jsonl')], text_field: 'body' }),
    ],
    extractConfig(),
  );
  assert.deepEqual(
    inputs.map((i) => [i.source, i.kind, path.basename(i.location)]),
    [
      ['web', 'warc', 'a.warc.gz'],
      ['web', 'warc', 'b.warc.gz'],
      ['web', 'wet', 'c.wet.gz'],
      ['web', 'warc', 'x.warc.gz'],
      ['wiki', 'jsonl', 'wiki.jsonl'],
    ],
  );
  assert.ok(inputs[0]!.bytes! > 0);
  assert.equal(inputs[4]!.textField, 'body');
  assert.equal(inputs[4]!.idField, 'id');
});

test('files given on the command line as one warc source: JSONL is recognised by its name', async () => {
  const inputs = await planInputs([src({ name: 'input', kind: 'warc', paths: [path.join(dir, 'wiki.jsonl'), path.join(dir, 'w/a.warc.gz')] })], extractConfig());
  assert.deepEqual(
    inputs.map((i) => i.kind),
    ['jsonl', 'warc'],
  );
});

test('a path or glob that names nothing fails before any work', async () => {
  await assert.rejects(planInputs([src({ name: 'web', kind: 'warc', paths: [path.join(dir, 'nothing-*.warc.gz')] })], extractConfig()), /matches no file/);
  await assert.rejects(planInputs([src({ name: 'web', kind: 'warc', paths: [path.join(dir, 'absent.warc.gz')] })], extractConfig()), /absent\.warc\.gz does not exist/);
});

test('inspectInput gives the counters and the first documents', async () => {
  const { counts, docs } = await inspectInput(path.join(dir, 'w/a.warc.gz'), { limit: 1 });
  assert.equal(docs.length, 1);
  assert.equal(counts['docs.in'], 2);
  assert.equal(counts['records.response'], 2);
  assert.deepEqual(Object.keys(counts), Object.keys(counts).sort());
});
