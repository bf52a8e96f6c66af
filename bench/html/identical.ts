// Byte-identity check for speed work on the extraction path: charset decoding, parseBlocks and
// extractMainText of this tree against the same files of a reference commit (by default where this
// branch left main), over every distinct page of the shared extraction sets and a seeded fuzz of
// small pages built from the markup and whitespace that the fast paths special-case (every `\s`
// character, entities that decode to spaces, pre, links, titles, hidden and chrome elements).
// Prints each difference; exits 1 if there is any.
// Usage: node bench/html/identical.ts [--ref COMMIT] [--fuzz N] [--show N]

import { parseArgs } from 'node:util';
import * as blocksHere from '../../ingest/html-blocks.ts';
import * as charsetHere from '../../ingest/charset.ts';
import * as extractHere from '../../ingest/html-extract.ts';
import { sharedDataDir } from '../../test/shared-data.ts';
import { firstDifference } from './difference.ts';
import { pageBytes } from './pages.ts';
import { loadReference } from './reference.ts';
import { seededRandom } from '../../pipeline/seeded-random.ts';

const { values: args } = parseArgs({
  options: { ref: { type: 'string' }, fuzz: { type: 'string', default: '20000' }, show: { type: 'string', default: '20' } },
});

const dataDir = sharedDataDir();
if (!dataDir) {
  console.error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/extraction/');
  process.exit(2);
}
const reference = await loadReference(args.ref);
const { blocks: blocksRef, charset: charsetRef, extract: extractRef } = reference;

const show = Number(args.show);
let differ = 0;
const report = (id: string, what: string): void => {
  differ++;
  if (differ <= show) console.log(`${id}: ${what}`);
};

/** Compares the parse and the extraction of one decoded page. */
function comparePage(id: string, html: string): void {
  const a = blocksHere.parseBlocks(html);
  const b = blocksRef.parseBlocks(html);
  if (JSON.stringify(a) !== JSON.stringify(b)) report(id, `parseBlocks ${firstDifference(a, b)}`);
  const x = extractHere.extractMainText(html);
  const y = extractRef.extractMainText(html);
  if (x.text !== y.text || x.title !== y.title) report(id, `extractMainText differs (${x.text.length} vs ${y.text.length} chars)`);
}

const decodersHere = charsetHere.createDecoders();
const decodersRef = charsetRef.createDecoders();
let pages = 0;
for await (const { id, bytes } of pageBytes(dataDir)) {
  pages++;
  let html = '';
  // Undeclared (sniffed) and declared UTF-8 (valid or not): the three ways real pages reach decoding.
  for (const contentType of [undefined, 'text/html; charset=utf-8']) {
    const a = charsetHere.decodePage(bytes, contentType, decodersHere);
    const b = charsetRef.decodePage(bytes, contentType, decodersRef);
    if (JSON.stringify(a) !== JSON.stringify(b)) report(id, `decodePage(${contentType}) ${a.charset}/${a.source}/${a.replaced} vs ${b.charset}/${b.source}/${b.replaced}`);
    html ||= b.text;
  }
  comparePage(id, html);
}

// Fuzz: pages of random fragments from a seeded generator (the same pages every run).
const FRAGMENTS = [
  '<p>', '</p>', '<div>', '</div>', '<div class="nav-menu">', '<div class="article-body">', '<div class="post content">',
  '<section id="comments">', '</section>', '<div role="navigation">', '<main>', '</main>', '<article>', '</article>',
  '<a href="x">', '<a>', '</a>', '<pre>', '</pre>', '<ul>', '<li>', '</li>', '</ul>', '<table>', '<tr>', '<td>', '<th>', '</td>',
  '</tr>', '</table>', '<h1>', '<h3>', '</h3>', '<title>', '</title>', '<span hidden>', '<span style="display: none">',
  '<span class="sr-only">', '</span>', '<nav>', '</nav>', '<br>', '<hr>', '<script>x()</script>', '<svg><title>s</title></svg>',
  '<my-widget>', '</my-widget>', '<b>', '</b>', '<footer class="article-text">', '</footer>', '<dl><dt>', '<dd>',
  'word', 'Hello, world.', 'Kommentare sind geschlossen', 'copyright', 'a long sentence of plain prose, with commas. ',
  ' ', '  ', '\n', '\t', '\r', '\f', '\v', '\r\n', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u2029',
  '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085', '\u180e', '\u0000', '\u001f', 'ß', '日本語', '😀',
  '&amp;', '&nbsp;', '&#32;', '&#x2028;', '&#xA0;', '&#9;', '&lt;p&gt;', '&copy;', '&notanentity;', '&', '&#',
];
const random = seededRandom(0x9e3779b9);
const fuzz = Number(args.fuzz);
for (let k = 0; k < fuzz; k++) {
  const parts: string[] = [];
  const len = 1 + Math.floor(random() * 120);
  for (let j = 0; j < len; j++) parts.push(FRAGMENTS[Math.floor(random() * FRAGMENTS.length)] as string);
  comparePage(`fuzz ${k}`, parts.join(''));
}

console.log(`reference ${reference.commit.slice(0, 12)}: ${pages} distinct pages and ${fuzz} fuzz pages, ${differ} differences`);
process.exit(differ > 0 ? 1 : 0);
