// The reader on generated bad input: each fault is counted by kind and the rest of the file is
// read; nothing hangs or throws. Fixtures are written with test/warc-writer.ts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { buildWarc, encodeRecord, pageRecords } from '../warc-writer.ts';
import type { PageInput } from '../warc-writer.ts';
import { createStats } from '../../pipeline/stats.ts';
import { readDocuments } from '../../ingest/index.ts';
import { crawlRecords, extractConfig, readAll, samplePages } from './read-helpers.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cc-ingest-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, bytes);
  return p;
}

const pages = samplePages();

function assertAllPages(docs: { text: string; url?: string }[], expected: readonly { url: string; marker: string }[]) {
  assert.deepEqual(
    docs.map((d) => d.url),
    expected.map((p) => p.url),
  );
  docs.forEach((d, i) => assert.ok(d.text.includes(expected[i]!.marker), `${d.url} contains "${expected[i]!.marker}": ${d.text.slice(0, 200)}`));
}

test('gzip-per-record and plain WARC read the same pages, legacy charsets decoded', async () => {
  const gz = await readAll(await file('ok.warc.gz', buildWarc(crawlRecords(pages))));
  const plain = await readAll(await file('ok.warc', buildWarc(crawlRecords(pages), { gzip: false })));
  assertAllPages(gz.docs, pages);
  assert.deepEqual(plain.docs, gz.docs.map((d) => ({ ...d, file: path.join(dir, 'ok.warc') })));
  const c = gz.stats.counters;
  assert.equal(c['records.request'], pages.length);
  assert.equal(c['records.metadata'], pages.length);
  assert.equal(c['records.warcinfo'], 1);
  assert.equal(c['charset.windows-1251'], 1);
  assert.equal(c['charset.shift_jis'], 1);
  assert.equal(c['charset_source.meta'], 1);
  assert.equal(c['charset_source.detect'], 1);
  assert.equal(c['docs.in'], pages.length);
  assert.equal(c['bytes.in'], gz.stats.counters['bytes.in']);
  assert.ok(c['bytes.uncompressed']! > c['bytes.in']!);
  const d0 = gz.docs[0]!;
  assert.equal(d0.id, pageRecords(pages[0]!)[1]!.headers!['WARC-Record-ID']);
  assert.equal(d0.date, '2024-02-20T10:00:00Z');
  assert.equal(d0.meta['title'], 'Page 0');
  assert.equal(d0.meta['charset'], 'utf-8');
});

test('a corrupt gzip member in the middle is skipped to the next member', async () => {
  const records = crawlRecords(pages);
  const members = records.map((r) => gzipSync(encodeRecord(r)));
  // the response of page 2 is record 1 + 2*3 + 1 = 8; damage its deflate data
  const bad = Buffer.from(members[8]!);
  for (let i = 20; i < bad.length - 20; i += 7) bad[i]! ^= 0x5a;
  members[8] = bad;
  const { docs, stats } = await readAll(await file('corrupt.warc.gz', Buffer.concat(members)));
  assertAllPages(docs, pages.filter((_, i) => i !== 2));
  assert.equal(stats.counters['errors.gzip_corrupt'], 1);
});

test('garbage between members and a CRC mismatch are counted, the rest is read', async () => {
  const members = crawlRecords(pages).map((r) => gzipSync(encodeRecord(r)));
  const crcBad = Buffer.from(members[5]!); // response of page 1
  crcBad[crcBad.length - 6]! ^= 0xff;
  members[5] = crcBad;
  members.splice(9, 0, Buffer.from('this is not gzip at all'));
  const { docs, stats } = await readAll(await file('garbage.warc.gz', Buffer.concat(members)));
  assertAllPages(docs, pages.filter((_, i) => i !== 1));
  assert.equal(stats.counters['errors.gzip_corrupt'], 1);
  assert.equal(stats.counters['errors.gzip_garbage'], 1);
});

test('a gzip magic inside compressed bytes or a lying ISIZE costs nothing but speed', async () => {
  // The reader sizes its inflate buffer from the ISIZE before the next member header; stored
  // (level 0) deflate copies bytes verbatim, so these blocks put false headers inside members,
  // after a small size (5) and after a size larger than the output but within deflate's bound.
  const fake = (size: number, at: number) => {
    const b = Buffer.alloc(at + 64, 0x61);
    b.writeUInt32LE(size, at - 4);
    b.set([0x1f, 0x8b, 8], at);
    return b;
  };
  const resource = (block: Buffer) => gzipSync(encodeRecord({ type: 'resource', headers: { 'WARC-Target-URI': 'http://example.com/r' }, block }), { level: 0 });
  const members = crawlRecords(pages).map((r) => gzipSync(encodeRecord(r)));
  members.splice(4, 0, resource(fake(5, 3000)), resource(fake(100_000, 3000)));
  const { docs, stats } = await readAll(await file('false-magic.warc.gz', Buffer.concat(members)));
  assertAllPages(docs, pages);
  assert.equal(stats.counters['records.resource'], 2);
  assert.equal(stats.counters['errors.gzip_corrupt'], undefined);
  // A trailer whose ISIZE lies, smaller or larger than the output: that member is corrupt, as before.
  for (const lie of [(size: number) => size >> 2, (size: number) => size + 100_000]) {
    const lying = crawlRecords(pages).map((r) => gzipSync(encodeRecord(r)));
    const bad = Buffer.from(lying[5]!); // response of page 1
    bad.writeUInt32LE(lie(bad.readUInt32LE(bad.length - 4)), bad.length - 4);
    lying[5] = bad;
    const read = await readAll(await file('isize.warc.gz', Buffer.concat(lying)));
    assertAllPages(read.docs, pages.filter((_, i) => i !== 1));
    assert.equal(read.stats.counters['errors.gzip_corrupt'], 1);
  }
});

test('malformed WARC headers are counted and the next record is read', async () => {
  for (const gzip of [true, false]) {
    const parts = crawlRecords(pages).map(encodeRecord);
    // page 1's response without a Content-Length, page 3's with a non-numeric one, then a junk line
    parts[5] = Buffer.from(Buffer.from(parts[5]!).toString('latin1').replace(/Content-Length: \d+\r\n/, ''), 'latin1');
    parts[11] = Buffer.from(Buffer.from(parts[11]!).toString('latin1').replace(/Content-Length: \d+/, 'Content-Length: lots'), 'latin1');
    parts.splice(13, 0, Buffer.from('WARC/1.0\r\nthis line has no colon\r\n\r\n'));
    const bytes = gzip ? Buffer.concat(parts.map((p) => gzipSync(p))) : Buffer.concat(parts);
    const { docs, stats } = await readAll(await file(`headers.warc${gzip ? '.gz' : ''}`, bytes));
    assertAllPages(docs, pages.filter((_, i) => i !== 1 && i !== 3));
    assert.ok(stats.counters['errors.warc_header']! >= 3, JSON.stringify(stats.counters));
  }
});

test('a Content-Length that lies (too small, too large) costs that record only', async () => {
  for (const gzip of [true, false]) {
    const records = crawlRecords(pages);
    const small = records[5]!; // page 1 response
    records[5] = { ...small, contentLength: Buffer.byteLength(small.block as Uint8Array) - 100 };
    const large = records[11]!; // page 3 response
    records[11] = { ...large, contentLength: Buffer.byteLength(large.block as Uint8Array) + 300 };
    const { docs, stats } = await readAll(await file(`lying.warc${gzip ? '.gz' : ''}`, buildWarc(records, { gzip })));
    assertAllPages(docs, pages.filter((_, i) => i !== 1 && i !== 3));
    const c = stats.counters;
    assert.equal((c['errors.warc_length'] ?? 0) + (c['errors.warc_truncated'] ?? 0), 2, JSON.stringify(c));
  }
});

test('invalid UTF-8 is replaced and counted, never fatal', async () => {
  const html = Buffer.concat([Buffer.from('<html><body><p>valid text then bad bytes '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(' and more text</p></body></html>')]);
  const { docs, stats } = await readAll(await file('utf8.warc.gz', buildWarc(crawlRecords([{ url: 'https://example.org/bad', html }]))));
  assert.equal(docs.length, 1);
  assert.match(docs[0]!.text, /bad bytes \uFFFD+\(? and more text|bad bytes \uFFFD.*and more text/);
  assert.equal(stats.counters['decode.replaced_pages'], 1);
  assert.ok(stats.counters['decode.replaced_chars']! >= 3);
});

test('a 50 MB page is over the default cap: skipped and counted; the cap is configurable', async () => {
  const big = `<html><body>${'<p>filler text of a huge page</p>\n'.repeat(1_600_000)}</body></html>`;
  assert.ok(big.length > 50 * 1024 * 1024);
  const all = [pages[0]!, { url: 'https://example.org/huge', html: big }, pages[1]!];
  const p = await file('huge.warc.gz', buildWarc(crawlRecords(all)));
  const { docs, stats } = await readAll(p);
  assertAllPages(docs, [pages[0]!, pages[1]!]);
  assert.equal(stats.counters['errors.too_large'], 1);
  // a smaller cap also stops the ordinary pages
  const capped = await readAll(p, extractConfig({ max_page_bytes: 1000 }));
  assert.equal(capped.docs.length, 0);
  assert.equal(capped.stats.counters['errors.too_large'], 3);
});

test('10,000-deep nesting is read without a crash', async () => {
  const html = `<html><body>${'<div>'.repeat(10_000)}<p>deep text here</p>${'</div>'.repeat(10_000)}<p>after the nest</p></body></html>`;
  const { docs } = await readAll(await file('deep.warc.gz', buildWarc(crawlRecords([{ url: 'https://example.org/deep', html }]))));
  assert.equal(docs.length, 1);
  assert.match(docs[0]!.text, /deep text here/);
});

test('an empty file, an empty gzip member and a file of blank lines yield nothing and no error', async () => {
  for (const [name, bytes] of [
    ['empty.warc.gz', Buffer.alloc(0)],
    ['empty2.warc.gz', gzipSync(Buffer.alloc(0))],
    ['blank.warc', Buffer.from('\r\n\r\n\n')],
  ] as const) {
    const { docs, stats } = await readAll(await file(name, bytes));
    assert.equal(docs.length, 0, name);
    assert.deepEqual(
      Object.keys(stats.counters).filter((k) => k.startsWith('errors.')),
      [],
      name,
    );
  }
});

test('chunked transfer coding and gzip, deflate and br content codings are undone', async () => {
  const body = `<html><body><p>${'Encoded body text. '.repeat(30)}</p></body></html>`;
  const chunked = (b: Buffer) => {
    const half = b.length >> 1;
    return Buffer.concat([Buffer.from(`${half.toString(16)}\r\n`), b.subarray(0, half), Buffer.from(`\r\n${(b.length - half).toString(16)};ext=1\r\n`), b.subarray(half), Buffer.from('\r\n0\r\n\r\n')]);
  };
  const variants: PageInput[] = [
    { url: 'https://e.org/gzip', html: gzipSync(body), httpHeaders: { 'Content-Encoding': 'gzip' } },
    { url: 'https://e.org/br', html: brotliCompressSync(Buffer.from(body)), httpHeaders: { 'Content-Encoding': 'br' } },
    { url: 'https://e.org/deflate', html: deflateSync(body), httpHeaders: { 'Content-Encoding': 'deflate' } },
    { url: 'https://e.org/raw-deflate', html: deflateRawSync(body), httpHeaders: { 'Content-Encoding': 'deflate' } },
    // the HTTP header says text/plain, Common Crawl's sniffing says HTML: HTML wins
    { url: 'https://e.org/sniffed', html: body, contentType: 'text/plain' },
    { url: 'https://e.org/chunked-gzip', html: chunked(gzipSync(body)), httpHeaders: { 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' } },
    // an archive that stored the body decoded but kept the header
    { url: 'https://e.org/stale-header', html: body, httpHeaders: { 'Content-Encoding': 'gzip' } },
  ];
  const { docs, stats } = await readAll(await file('codings.warc.gz', buildWarc(crawlRecords(variants))));
  assert.equal(docs.length, variants.length);
  for (const d of docs) assert.match(d.text, /^Encoded body text\./, d.url);
  assert.equal(stats.counters['html.dechunked'], 1);
});

test('non-200, non-HTML, revisit and request records are skipped and counted by kind', async () => {
  const records = crawlRecords([
    pages[0]!,
    { url: 'https://e.org/missing', html: '<p>gone</p>', status: 404 },
    { url: 'https://e.org/img.png', html: 'PNG', contentType: 'image/png' },
  ]);
  records[8] = { ...records[8]!, headers: { ...records[8]!.headers, 'WARC-Identified-Payload-Type': 'image/png' } };
  records.push({ type: 'revisit', headers: { 'WARC-Target-URI': 'https://e.org/', 'WARC-Record-ID': '<urn:uuid:r>' }, block: '' });
  const { docs, stats } = await readAll(await file('skips.warc.gz', buildWarc(records)));
  assert.equal(docs.length, 1);
  const c = stats.counters;
  assert.equal(c['skipped.status_not_200'], 1);
  assert.equal(c['skipped.not_html'], 1);
  assert.equal(c['records.revisit'], 1);
  assert.equal(c['records.request'], 3);
});

test('JSONL, plain and gzipped: text and id fields, bad lines counted', async () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'first document', url: 'https://w.org/a', lang_hint: 'en' }),
    '{not json',
    JSON.stringify({ id: 'b', body: 'no text field' }),
    JSON.stringify({ text: 'no id here' }),
    '',
    JSON.stringify({ id: 7, text: 'numeric id' }),
  ].join('\n');
  for (const [name, bytes] of [
    ['c.jsonl', Buffer.from(lines)],
    ['c.jsonl.gz', gzipSync(lines)],
  ] as const) {
    const p = await file(name, bytes);
    const { docs, stats } = await readAll(p, extractConfig(), { kind: 'jsonl', textField: 'text', idField: 'id' });
    assert.deepEqual(
      docs.map((d) => [d.id, d.text]),
      [
        ['a', 'first document'],
        [`${p}#4`, 'no id here'],
        ['7', 'numeric id'],
      ],
    );
    assert.equal(docs[0]!.url, 'https://w.org/a');
    assert.equal(docs[0]!.meta['lang_hint'], 'en');
    assert.equal(stats.counters['errors.jsonl_parse'], 1);
    assert.equal(stats.counters['errors.jsonl_text'], 1);
  }
});

test('a missing file fails naming it', async () => {
  await assert.rejects(readAll(path.join(dir, 'nope.warc.gz')), (err: Error) => err.message.includes('nope.warc.gz') && /ENOENT|no such file/.test(err.message));
});

test('a whole file compressed as one gzip member is streamed past the in-memory limit', async () => {
  const small = Array.from({ length: 300 }, (_, i) => ({ url: `https://e.org/s${i}`, html: `<p>small page number ${i} with a little text.</p>`.repeat(8) }));
  const whole = gzipSync(buildWarc(crawlRecords(small), { gzip: false }));
  const cfg = extractConfig({ max_page_bytes: 2000 });
  const { docs, stats } = await readAll(await file('one-member.warc.gz', whole), cfg);
  assert.equal(docs.length, 300);
  assert.equal(docs[299]!.url, 'https://e.org/s299');
  assert.ok(stats.counters['bytes.uncompressed']! > 2000 + 128 * 1024, 'larger than the synchronous limit');
  assert.deepEqual(
    Object.keys(stats.counters).filter((k) => k.startsWith('errors.')),
    [],
  );
  // cut it short: the records before the cut are read, the cut is counted
  const cut = await readAll(await file('one-member-cut.warc.gz', whole.subarray(0, whole.length >> 1)), cfg);
  assert.ok(cut.docs.length > 50 && cut.docs.length < 300);
  assert.equal(cut.stats.counters['errors.gzip_truncated'], 1);
});

test('a plain WARC larger than the read chunk splits records across chunks', async () => {
  const many = Array.from({ length: 150 }, (_, k) => samplePages().map((p) => ({ ...p, url: `${p.url}?n=${k}` }))).flat();
  // and one page whose block spans several reads
  many.splice(100, 0, { url: 'https://e.org/three-mb', html: `<p>${'a big page '.repeat(300_000)}</p><p>the end of the big page</p>`, marker: 'the end of the big page' });
  const bytes = buildWarc(crawlRecords(many), { gzip: false });
  assert.ok(bytes.length > 2 * 1024 * 1024, `spans several 1 MB reads: ${bytes.length}`);
  const { docs, stats } = await readAll(await file('big-plain.warc', bytes));
  assertAllPages(docs, many);
  assert.deepEqual(
    Object.keys(stats.counters).filter((k) => k.startsWith('errors.')),
    [],
  );
});

test('bytes after the last member are counted as garbage, not as a truncation', async () => {
  const { docs, stats } = await readAll(await file('trailing.warc.gz', Buffer.concat([buildWarc(crawlRecords(pages.slice(0, 2))), Buffer.from('\n\n')])));
  assert.equal(docs.length, 2);
  assert.equal(stats.counters['errors.gzip_garbage'], 1);
  assert.equal(stats.counters['errors.gzip_truncated'], undefined);
});

test('an aborted read stops with the abort reason', async () => {
  const p = await file('abort.warc.gz', buildWarc(crawlRecords(pages)));
  const ac = new AbortController();
  const seen: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const doc of readDocuments({ source: 'test', kind: 'warc', location: p }, extractConfig(), createStats(), ac.signal)) {
        seen.push(doc.id);
        ac.abort(new Error('stop here'));
      }
    })(),
    /stop here/,
  );
  assert.equal(seen.length, 1);
});
