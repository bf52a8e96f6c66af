// The reader on real third-party WARCs (../shared/data/warc, skipped where absent), checked
// against warcio.js as an independent oracle: every HTML 200 response yields a document (or is
// counted empty after extraction), and the edge cases end as the issue requires.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { sharedDataDir } from '../shared-data.ts';
import { readAll } from './read-helpers.ts';

const data = sharedDataDir();
const warcDir = data && path.join(data, 'warc');
const skip = warcDir ? false : 'shared data absent (set CC_PRETRAIN_SHARED)';

const isHtml = (t: string | null | undefined) => /^\s*(text\/html|application\/xhtml)/i.test(t ?? '');

/** Record count and ids of HTML 200 responses, as warcio reads them. */
async function oracle(file: string): Promise<{ records: number; htmlIds: string[] }> {
  const htmlIds: string[] = [];
  let records = 0;
  for await (const r of new WARCParser(createReadStream(file))) {
    records++;
    if (r.warcType !== 'response' || !r.httpHeaders) continue;
    const identified = r.warcHeader('WARC-Identified-Payload-Type');
    const html = identified && identified.trim() ? isHtml(identified) : isHtml(r.httpHeaders.headers.get('content-type'));
    if (r.httpHeaders.statusCode === 200 && html) htmlIds.push(r.warcHeader('WARC-Record-ID')!);
  }
  return { records, htmlIds };
}

const recordTotal = (counters: Record<string, number>) =>
  Object.entries(counters)
    .filter(([k]) => k.startsWith('records.'))
    .reduce((s, [, v]) => s + v, 0);

const errorTotal = (counters: Record<string, number>) =>
  Object.entries(counters)
    .filter(([k]) => k.startsWith('errors.'))
    .reduce((s, [, v]) => s + v, 0);

test('every HTML 200 response of the real WARCs yields a document, and nothing else does', { skip }, async (t) => {
  // warcio warns about the trailing bytes of some WARC/0.17 records; the oracle's noise is not ours.
  t.mock.method(console, 'warn', () => undefined);
  const files = readdirSync(warcDir!).filter((f) => /\.warc(\.gz)?$/.test(f));
  assert.ok(files.length >= 8);
  for (const f of files) {
    const file = path.join(warcDir!, f);
    const { docs, stats } = await readAll(file);
    const want = await oracle(file);
    const c = stats.counters;
    assert.equal(recordTotal(c), want.records, `${f}: records`);
    assert.equal(c['html.responses'] ?? 0, want.htmlIds.length, `${f}: HTML 200 responses`);
    assert.equal(docs.length + (c['extract.empty'] ?? 0), want.htmlIds.length, `${f}: documents + empty pages`);
    const ids = new Set(want.htmlIds);
    for (const d of docs) assert.ok(ids.has(d.id), `${f}: ${d.id} is an HTML 200 response`);
    assert.equal(errorTotal(c), 0, `${f}: no errors, got ${JSON.stringify(c)}`);
    assert.ok(docs.every((d) => d.text.length > 0 && d.file === file && d.source === 'test'));
  }
});

test('legacy charsets of the real pages are decoded', { skip }, async () => {
  const { docs, stats } = await readAll(path.join(warcDir!, 'chatnoir-resiliparse__warcfile.warc.gz'));
  assert.ok((stats.counters['charset.gbk'] ?? 0) > 0);
  assert.ok((stats.counters['charset.windows-1251'] ?? 0) > 0);
  const ru = docs.find((d) => d.meta['charset'] === 'windows-1251');
  assert.match(ru!.text, /[а-яА-Я]{4}/);
  const ja = await readAll(path.join(warcDir!, 'chatnoir-resiliparse__clueweb-quirk.warc.gz'));
  assert.equal(ja.stats.counters['charset.euc-jp'], ja.docs.length);
  assert.ok(ja.docs.every((d) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(d.text)));
});

test('WARC/0.17 and WARC/0.18 files read fully', { skip }, async () => {
  const aut = await readAll(path.join(warcDir!, 'archivesunleashed-aut__example.warc.gz'));
  assert.equal(aut.stats.counters['records.response'], 299);
  assert.equal(recordTotal(aut.stats.counters), 822);
  const clue = await readAll(path.join(warcDir!, 'chatnoir-resiliparse__clueweb-quirk.warc.gz'));
  assert.equal(clue.stats.counters['records.response'], 29);
  // ClueWeb's malformed WARC-Date is counted and left out, not fatal.
  assert.equal(clue.stats.counters['warc.bad_date'], 29);
  assert.ok(clue.docs.every((d) => d.date === undefined && d.url?.startsWith('http')));
});

test('the truncated file ends with a counted error instead of hanging', { skip, timeout: 10_000 }, async () => {
  const { docs, stats } = await readAll(path.join(warcDir!, 'edge-cases/chatnoir-resiliparse__clipped.warc.gz'));
  assert.equal(docs.length, 0);
  assert.equal(stats.counters['errors.gzip_truncated'], 1);
});

test('chunked payloads are de-chunked', { skip }, async () => {
  const { docs, stats } = await readAll(path.join(warcDir!, 'edge-cases/webrecorder-warcio__example-iana.org-chunked.warc'));
  assert.equal(stats.counters['html.dechunked'], 1);
  assert.equal(docs.length, 1);
  assert.match(docs[0]!.text, /Management of the DNS Root Zone/);
  assert.doesNotMatch(docs[0]!.text, /^[0-9a-f]{1,6}$/m, 'no chunk-size lines left in the text');
});

test('revisit-only and non-HTML files yield nothing and no error', { skip }, async () => {
  const docsOnly = await readAll(path.join(warcDir!, 'edge-cases/archivesunleashed-aut__example.docs.warc.gz'));
  assert.equal(docsOnly.docs.length, 0);
  assert.equal(docsOnly.stats.counters['skipped.not_html'], 9);
  assert.equal(errorTotal(docsOnly.stats.counters), 0);
  const dupes = await readAll(path.join(warcDir!, 'edge-cases/webrecorder-pywb__dupes.warc.gz'));
  assert.equal(dupes.stats.counters['records.revisit'], 9);
  assert.equal(errorTotal(dupes.stats.counters), 0);
  // its only HTML 200 response is a real page; the revisits add nothing
  assert.equal(dupes.docs.length, 1);
});

test('a WET file yields its conversion records as text, matching the WARC page', { skip }, async () => {
  const wet = await readAll(path.join(warcDir!, 'commoncrawl-whirlwind-python__whirlwind.warc.wet.gz'));
  assert.equal(wet.docs.length, 1);
  assert.equal(wet.docs[0]!.url, 'https://an.wikipedia.org/wiki/Escopete');
  assert.match(wet.docs[0]!.text, /Escopete/);
});
