// The committed embedded sample is exactly what examples/make-sample.ts generates, and the sample
// configs parse with the run-config schema.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeWarc, makeWiki, WARC_NAME, WIKI_NAME } from '../../examples/make-sample.ts';
import { loadRunConfig } from '../../pipeline/config.ts';
import { repoRoot } from '../shared-data.ts';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const sampleDir = path.join(repoRoot, 'examples', 'sample');

test('the generator reproduces the committed web WARC byte for byte', async () => {
  const committed = await readFile(path.join(sampleDir, WARC_NAME));
  assert.equal(sha(makeWarc()), sha(committed));
});

test('the generator reproduces the committed wiki JSONL byte for byte', async () => {
  const committed = await readFile(path.join(sampleDir, WIKI_NAME));
  assert.equal(sha(makeWiki()), sha(committed));
});

test('the sample has what the pipeline must meet: languages, charsets, non-HTML and non-200 records', async () => {
  const warc = gunzipSync(await readFile(path.join(sampleDir, WARC_NAME))).toString('latin1');
  const responses = warc.match(/WARC-Type: response/g)?.length ?? 0;
  assert.ok(responses >= 300 && responses <= 600, `${responses} responses`);
  for (const charset of ['windows-1251', 'shift_jis', 'gb18030', 'iso-8859-1'])
    assert.ok(warc.toLowerCase().includes(`charset=${charset}`) || warc.toLowerCase().includes(`charset="${charset}"`), charset);
  for (const status of ['404 Not Found', '301 OK', '500 OK']) assert.ok(warc.includes(`HTTP/1.1 ${status}`), status);
  assert.ok(warc.includes('WARC-Identified-Payload-Type: application/pdf'));
  assert.ok(warc.includes('WARC-Type: revisit'));
  const wiki = gunzipSync(await readFile(path.join(sampleDir, WIKI_NAME))).toString('utf8').trim().split('\n');
  const first = JSON.parse(wiki[0] ?? '{}') as { id?: unknown; text?: unknown };
  assert.equal(typeof first.id, 'string');
  assert.equal(typeof first.text, 'string');
});

test('the sample configs are valid run configs', async () => {
  const sample = await loadRunConfig(path.join(repoRoot, 'examples', 'sample.yaml'));
  assert.deepEqual(sample.sources.map((s) => s.name), ['web', 'wiki']);
  assert.equal(sample.executor.kind, 'local');
  const cc = await loadRunConfig(path.join(repoRoot, 'examples', 'commoncrawl.yaml'));
  assert.equal(cc.sources[0]?.kind, 'commoncrawl');
});
