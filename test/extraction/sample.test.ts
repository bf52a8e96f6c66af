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
import { extractMainText } from '../../ingest/html-extract.ts';

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

test('extraction keeps the articles of the sample and drops their chrome', async () => {
  const warc = gunzipSync(await readFile(path.join(sampleDir, WARC_NAME)));
  const records = warc.toString('latin1').split('WARC/1.0\r\n');
  let checked = 0;
  for (const rec of records) {
    if (!rec.startsWith('WARC-Type: response') || !rec.includes('HTTP/1.1 200') || !rec.includes('Content-Type: text/html; charset=utf-8')) continue;
    const url = /WARC-Target-URI: (\S+)/.exec(rec)?.[1] ?? '';
    if (url.includes('archive/page-') || url.includes('win-big') || !url.includes('/2024/')) continue;
    const http = rec.indexOf('HTTP/1.1');
    const html = Buffer.from(rec.slice(rec.indexOf('\r\n\r\n', http) + 4), 'latin1').toString('utf8');
    const { text, title } = extractMainText(html);
    assert.ok(title, url);
    assert.ok(text.length > 500, `${url}: ${text.length} chars`);
    for (const chrome of ['We use cookies', 'Share on Facebook', 'Subscribe to our newsletter', 'Copyright', 'You may also like', 'Post comment', 'Sponsored:', 'Sign up now'])
      assert.ok(!text.includes(chrome), `${url}: "${chrome}" in\n${text}`);
    checked++;
  }
  assert.ok(checked > 150, `${checked} pages checked`);
});
