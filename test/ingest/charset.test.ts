// Charset detection when a page declares none: the detector must read the text, not the markup;
// the cheap rules of ingest/charset-detect.ts must take only pages whose guess they cannot get
// wrong, and leave every other script and Latin language to chardet. A declared legacy charset
// yields to UTF-8 only when the bytes are valid UTF-8 with non-ASCII in them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { detect } from 'chardet';
import iconv from 'iconv-lite';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import { detectCharset, textBytes } from '../../ingest/charset-detect.ts';
import { createStats } from '../../pipeline/index.ts';
import { decompressed, openBytes } from '../../ingest/byte-stream.ts';
import { decodeContentEncoding, isHtmlType, parseHttpResponse } from '../../ingest/http-payload.ts';
import { splitWarcRecords } from '../../ingest/warc-records.ts';
import { sharedDataDir } from '../shared-data.ts';

const ru = 'Москва — столица России, крупнейший город страны. ';
const markup = '<div class="row"><a href="/news/2024/article-with-a-long-slug.html" class="link link--primary">';
const page = (text: string): string => `<html><head><title>t</title></head><body><p>${text}</p></body></html>`;

test('an undeclared windows-1251 page heavy with markup is detected as windows-1251', () => {
  const style = '<style>body{font-family:sans-serif;margin:0 auto;max-width:40em}</style>';
  const html = `<html><head><title>Новости</title>${style}</head><body>${`${markup}${ru}</a></div>`.repeat(6)}</body></html>`;
  const page = decodePage(iconv.encode(html, 'windows-1251'), 'text/html', createDecoders());
  assert.equal(page.source, 'detect');
  assert.equal(page.charset, 'windows-1251');
  assert.ok(page.text.includes('Москва — столица России'));
  // (Read whole, markup included, chardet guesses windows-1250 for this page.)
});

test('textBytes keeps the bytes outside tags', () => {
  const out = textBytes(new TextEncoder().encode('<p class="x">ab<br/>c</p>'));
  assert.equal(new TextDecoder().decode(out), 'abc');
});

test('an English page with Western symbols and a few accented words takes the cheap rule as windows-1252', () => {
  const text = 'Copyright © 2006 Example Inc. Don’t miss our “special” offers – only £5 this week…then meet us at the café. '.repeat(3);
  const bytes = iconv.encode(page(text), 'windows-1252');
  assert.equal(detectCharset(bytes).rule, 'latin-western');
  const out = decodePage(bytes, undefined, createDecoders());
  assert.equal(out.charset, 'windows-1252');
  assert.ok(out.text.includes('Copyright © 2006 Example Inc. Don’t miss our “special” offers – only £5 this week…then'));
  assert.ok(out.text.includes('café'));
});

test('a row of one repeated symbol is decoration: the page still takes the cheap rule', () => {
  const text = 'Read the rules before you post. <strong>§§§§§</strong> Posts that break them – spam, ads – are removed. '.repeat(3);
  const bytes = iconv.encode(page(text), 'windows-1252');
  assert.equal(detectCharset(bytes).rule, 'latin-western');
  assert.equal(createDecoders().canonical(detect(textBytes(bytes)) ?? ''), 'windows-1252');
  // A pair of two different high bytes is still a letter of another script.
  assert.equal(detectCharset(iconv.encode(page('Read the rules ¡§ before you post.'), 'windows-1252')).rule, 'chardet');
});

test('other scripts and Latin languages that need another charset are left to chardet', () => {
  const cases: [string, string][] = [
    ['Příliš žluťoučký kůň úpěl ďábelské ódy. Česká republika je vnitrozemský stát ve střední Evropě. Hlavním městem je Praha.', 'windows-1250'],
    ['Zażółć gęślą jaźń. Polska jest państwem w Europie Środkowej, położonym między Morzem Bałtyckim a Sudetami.', 'iso-8859-2'],
    ['Magyarország közép-európai ország, a Kárpát-medence közepén. Fővárosa és legnagyobb városa Budapest.', 'windows-1250'],
    ['Türkiye Cumhuriyeti, topraklarının büyük bölümü Anadolu’da yer alan ülke. Başkenti Ankara, en kalabalık şehri İstanbul.', 'windows-1254'],
    // Central European text is mostly ASCII letters; a single ł (³ in windows-1252) inside a word is enough.
    ['The mine in Wałbrzych closed in the nineties, and the town has been looking for work ever since.', 'windows-1250'],
    ['Ελλάδα, επίσημα Ελληνική Δημοκρατία, είναι χώρα της νοτιοανατολικής Ευρώπης.', 'windows-1253'],
    [ru, 'koi8-r'],
    ['日本は東アジアに位置する島国である。首都は東京都。', 'shift_jis'],
    ['中华人民共和国是位于东亚的社会主义国家，首都为北京。', 'gbk'],
    ['대한민국은 동아시아의 한반도 남부에 위치한 민주공화국이다.', 'euc-kr'],
  ];
  for (const [text, charset] of cases) assert.equal(detectCharset(iconv.encode(page(text), charset)).rule, 'chardet', charset);
  const czech = decodePage(iconv.encode(page(cases[0]![0]), 'windows-1250'), undefined, createDecoders());
  assert.equal(czech.charset, 'windows-1250');
  assert.ok(czech.text.includes('Příliš žluťoučký kůň'));
});

test('a UTF-8 page with one stray byte is decoded as UTF-8, the stray byte replaced and counted', () => {
  const bytes = Buffer.concat([Buffer.from(page('Größe — “Zitat” über München. '.repeat(5))), Buffer.from([0xe9])]);
  assert.equal(detectCharset(bytes).rule, 'utf8-mostly');
  const out = decodePage(bytes, undefined, createDecoders());
  assert.deepEqual([out.source, out.charset, out.replaced], ['detect', 'utf-8', 1]);
  assert.ok(out.text.includes('Größe — “Zitat” über München.'));
});

test('UTF-8 bytes under a declared legacy charset are read as UTF-8; legacy bytes keep their declaration', () => {
  const decoders = createDecoders();
  const text = 'Größe — “Zitat” über München, doesn’t it? ';
  const declared = (charset: string, body: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>t</title></head><body><p>${body}</p></body></html>`;
  for (const [bytes, contentType] of [
    [Buffer.from(declared('windows-1252', text)), undefined],
    [Buffer.from(page(text)), 'text/html; charset=ISO-8859-1'],
  ] as const) {
    const out = decodePage(bytes, contentType, decoders);
    assert.deepEqual([out.charset, out.replaced], ['utf-8', 0]);
    assert.ok(out.text.includes(text.trim()));
  }
  // Text really in windows-1252 is not valid UTF-8 (0xFC, `ü`, starts no sequence): the declaration holds.
  const legacy = decodePage(iconv.encode(declared('windows-1252', text), 'windows-1252'), undefined, decoders);
  assert.deepEqual([legacy.source, legacy.charset], ['meta', 'windows-1252']);
  assert.ok(legacy.text.includes(text.trim()));
  // Pure ASCII keeps the declared name.
  assert.equal(decodePage(Buffer.from(declared('iso-8859-1', 'plain')), undefined, decoders).charset, 'windows-1252');
});

const dataDir = sharedDataDir();
/** The raw pages of the shared HTML-cleaning sets (older pages in legacy charsets). */
function htmlCleaningPages(): { id: string; bytes: Uint8Array }[] {
  const root = path.join(dataDir!, 'extraction', 'html-cleaning');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ id: f, bytes: new Uint8Array(gunzipSync(readFileSync(path.join(root, f)))) }));
}

test('real undeclared pages: the same charset as chardet on every page, most without running it', { skip: dataDir === undefined && 'shared data absent' }, () => {
  const decoders = createDecoders();
  const detected = htmlCleaningPages().filter((p) => !isUtf8(p.bytes) && decodePage(p.bytes, undefined, decoders).source === 'detect');
  assert.ok(detected.length >= 100, `${detected.length} pages reach detection`);
  let cheap = 0;
  for (const p of detected) {
    const old = decoders.canonical(detect(textBytes(p.bytes.subarray(0, 64 * 1024))) ?? 'windows-1252');
    const now = detectCharset(p.bytes);
    assert.equal(decoders.canonical(now.label), old, p.id);
    if (now.rule !== 'chardet') cheap++;
  }
  assert.ok(cheap >= 0.9 * detected.length, `${cheap} of ${detected.length} pages took a cheap rule`);
  // A copyright sign that Firefox's chardetng (as chardetng-wasm 1.0.2) reads as Š, ISO-8859-2.
  const copyright = detected.find((p) => p.id === 'cleaneval-final/input/372.html.gz');
  assert.ok(copyright && decodePage(copyright.bytes, undefined, decoders).text.includes('©</acronym> Commonwealth of Australia'));
});

/** The HTML bodies of a shared WARC's 200 responses, with their HTTP Content-Type. */
async function warcBodies(file: string): Promise<{ body: Uint8Array; contentType: string }[]> {
  const stats = createStats();
  const out: { body: Uint8Array; contentType: string }[] = [];
  const events = decompressed(openBytes(path.join(dataDir!, 'warc', file), stats, new AbortController().signal, undefined), stats, 1 << 24);
  for await (const rec of splitWarcRecords(events, stats, 1 << 24)) {
    const http = rec.headers['warc-type'] === 'response' && rec.block ? parseHttpResponse(rec.block) : undefined;
    if (http?.status === 200 && isHtmlType(http.headers['content-type'])) out.push({ body: decodeContentEncoding(http.body, http.headers['content-encoding'], 1 << 24), contentType: http.headers['content-type'] ?? '' });
  }
  return out;
}

test('real pages in CJK and Cyrillic charsets never take a cheap rule when read as if undeclared', { skip: dataDir === undefined && 'shared data absent' }, async () => {
  const pages = [...(await warcBodies('chatnoir-resiliparse__warcfile.warc.gz')), ...(await warcBodies('chatnoir-resiliparse__clueweb-quirk.warc.gz'))];
  const legacy = pages.filter((p) => !isUtf8(p.body) && /charset=(gbk|gb2312|euc-jp|shift_jis|windows-1251|koi8)/i.test(p.contentType));
  assert.ok(legacy.length >= 20, `${legacy.length} legacy pages`);
  for (const p of legacy) assert.equal(detectCharset(p.body).rule, 'chardet', p.contentType);
});

test('a real page declared windows-1252 but written in UTF-8 (Dragnet R441, tuning half) reads without mojibake', { skip: dataDir === undefined && 'shared data absent' }, () => {
  const bytes = new Uint8Array(gunzipSync(readFileSync(path.join(dataDir!, 'extraction', 'html-cleaning', 'dragnet', 'input', 'R441.html.gz'))));
  const out = decodePage(bytes, undefined, createDecoders());
  assert.deepEqual([out.source, out.charset], ['meta', 'utf-8']);
  assert.ok(out.text.includes('Deming’s System of Profound Knowledge</a> by John Hunter'));
  assert.ok(!out.text.includes('â€™'));
});
