// Script and style bodies cut from the bytes before decoding (ingest/code-bodies.ts): wherever the
// tokenizer vouches for the cuts, the blocks, tree and title are those of the whole page; on
// seeded hostile pages built from the markup where a byte scan could misread the tokenizer
// (comments, attribute values, other raw-text elements, SVG and MathML, noscript, unclosed title
// and textarea, end tags followed by anything, case) and on the real pages of the shared sets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { createCodeCutter } from '../../ingest/code-bodies.ts';
import { utf8Text } from '../../ingest/charset.ts';
import { parseBlocks, parseCutBlocks } from '../../ingest/html-blocks.ts';
import type { ParsedPage } from '../../ingest/html-blocks.ts';
import { seededRandom } from '../../pipeline/seeded-random.ts';
import { sharedDataDir } from '../shared-data.ts';
import { pageBytes } from '../../bench/html/pages.ts';

/** The cut page's blocks, or undefined when the tokenizer did not vouch for the cuts (or none were made). */
function cutBlocks(cut: (page: Buffer) => { bytes: Buffer; length: number; markers: number }, page: Buffer): ParsedPage | undefined {
  const c = cut(page);
  return c.markers === 0 ? undefined : parseCutBlocks(utf8Text(c.bytes, c.length), c.markers);
}

const FRAGMENTS = [
  '<script>var a = "x";</script>', '<script type="text/javascript">if (a < b && c > d) f("</div>");</script>', '<style>p { color: red }</style>',
  '<SCRIPT>x()</SCRIPT>', '<Style>a{}</style >', '<script>a</script/>', '<script>a</scripty>b</script>', '<script>a</script\t>',
  '<script>', '</script>', '<style>', '</style>', '<script src="a.js"></script>', '<script>document.write("<script>x<\\/script>")</script>',
  '<!--', '-->', '--!>', '<!-- <script>c()</script> -->', '<!---->', '<!-->', '<!--->', '<!doctype html>', '<?xml x?>', '</ x>', '</>',
  '<div title="<script>x()</script>">', '<a href=x<script>y</script>', '<a data-x=\'<style>b{}</style>\'>', '<p class="a>b">', '"', "'", '=',
  '<title>', '</title>', '<title>t</title>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<iframe>', '</iframe>', '<noembed>',
  '<noframes>', '<noscript>', '</noscript>', '<noscript><iframe src=x /></noscript>', '<plaintext>',
  '<svg>', '</svg>', '<svg><style>.a{}</style></svg>', '<svg/>', '<foreignObject>', '</foreignObject>', '<math>', '</math>',
  '<math><title><script>m()</script></title></math>', '<mi>', '<desc>', '<![CDATA[', ']]>',
  '<div>', '</div>', '<p>', '</p>', '<button>', '</button>', '<h2>', '</h2>', '<span hidden>', '</span>', '<li>', '<a href="y">', '</a>',
  'word', 'Hello, world.', ' ', '\n', '\t', 'ß', '日本語', '😀', '&amp;', '<', '>', '/', '</', '<s', '-', '--',
];

test('a cut page read by the tokenizer gives the whole page blocks, tree and title (50,000 seeded hostile pages)', () => {
  const random = seededRandom(0x5c121b7);
  const cut = createCodeCutter();
  let vouched = 0;
  for (let k = 0; k < 50_000; k++) {
    const parts: string[] = [];
    const len = 1 + Math.floor(random() * 60);
    for (let j = 0; j < len; j++) parts.push(FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] as string);
    const html = parts.join('');
    const got = cutBlocks(cut, Buffer.from(html, 'utf8'));
    if (got === undefined) continue;
    vouched++;
    assert.deepEqual(got, parseBlocks(html), html);
  }
  // The check must not be vacuous: most pages with a body worth cutting keep their cuts.
  assert.ok(vouched > 4_000, `${vouched} pages vouched for`);
});

test('cuts the tokenizer cannot vouch for send the page back whole', () => {
  const cut = createCodeCutter();
  const plain = '<p>Text</p><script>var a = 1;</script><p>More</p>';
  assert.deepEqual(cutBlocks(cut, Buffer.from(plain)), parseBlocks(plain));
  // A script in MathML's <title> is raw text whose body is the page's title.
  assert.equal(cutBlocks(cut, Buffer.from('<math><title><script>var a = 1;</script></title></math><p>x</p>')), undefined);
  // An attribute value that holds a script: the scan's guess is no body.
  assert.equal(cutBlocks(cut, Buffer.from('<div title="<script>var a = 1;</script>"><p>x</p></div>')), undefined);
  // An unclosed <textarea> ends nowhere in the cut page, but might have ended in a cut body.
  assert.equal(cutBlocks(cut, Buffer.from('<textarea><script>"</textarea>"</script><p>x</p>')), undefined);
});

test('the real pages of the shared sets read alike cut', { skip: sharedDataDir() === undefined && 'shared data not found' }, async () => {
  const cut = createCodeCutter();
  let vouched = 0;
  for await (const { id, bytes } of pageBytes(sharedDataDir()!)) {
    if (!isUtf8(bytes)) continue;
    const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const got = cutBlocks(cut, page);
    if (got === undefined) continue;
    vouched++;
    assert.deepEqual(got, parseBlocks(utf8Text(page, page.length)), id);
  }
  assert.ok(vouched > 1_000, `${vouched} pages vouched for`);
});
