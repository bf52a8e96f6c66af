// Charset detection when a page declares none: the detector must read the text, not the markup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import { textBytes } from '../../ingest/charset-detect.ts';

const ru = 'Москва — столица России, крупнейший город страны. ';
const markup = '<div class="row"><a href="/news/2024/article-with-a-long-slug.html" class="link link--primary">';

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
