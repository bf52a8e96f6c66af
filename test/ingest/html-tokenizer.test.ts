// The HTML tokenizer of extraction: its events on the markup that matters for extraction (agreeing
// with htmlparser2, which extraction was built on, snippet by snippet), where it follows browsers
// instead, and linear time on hostile markup, timed against a plain page of the same size.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEPTH, parseHtml, wantedAttributes } from '../../ingest/html-tokenizer.ts';
import type { Tokenize } from '../../ingest/html-tokenizer.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { htmlparser2Tokenize } from '../../bench/html/htmlparser2-events.ts';

const WANTED = wantedAttributes((v) => ({ class: v[0], id: v[1], href: v[2], hidden: v[3] }));

/** The events as lines: `<name {attrs}`, `>name` for a close, `"text"` (adjacent text merged). */
function events(html: string, tokenize: Tokenize = parseHtml): string[] {
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(JSON.stringify(text));
    text = '';
  };
  tokenize(html, WANTED, {
    open(name, attribs) {
      flush();
      // The attributes given, by name: our records hold every wanted name (undefined when absent).
      const given = Object.entries(attribs).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
      out.push(`<${name}${given.length > 0 ? ' ' + JSON.stringify(Object.fromEntries(given)) : ''}`);
    },
    close(name) {
      flush();
      out.push(`>${name}`);
    },
    text(source, start, end) {
      text += source.slice(start, end);
    },
  });
  flush();
  return out;
}

// Each snippet exercises one rule; both tokenizers must give the same events.
const AGREE: readonly string[] = [
  '<DIV Class="A" ID=x data-q="1">Hi</DIV>',
  '<a href=/x?y=1&amp;z=2 class = "k">link &amp; text</a>',
  "<p class='a b'>one<p>two<div>three</div>",
  '<p>a<span>b<div>c</div>',
  '<ul><li>a<li>b</ul><dl><dt>t<dd>d<dt>u</dl>',
  '<table><tr><td>a<td>b<tr><th>c<td>d</table>',
  '<table><thead><tr><th>h<tbody><tr><td>x<tfoot><tr><td>f</table>',
  '<select><option>a<option>b<optgroup><option>c</select>',
  '<h1>a<h2>b</h2><p>c<h3>d',
  '<a href=1>x<a href=2>y</a>',
  'a<br>b<br/>c<hr class=r>d<img src=x alt="y">e<input value=z>f<wbr>g',
  '<div/>x</div><span/>y',
  '<svg><path d="M0"/><g/><title>t</title></svg>after',
  '<math><mi>x</mi><mo/></math>',
  '<svg><style>a<b{}</style></svg>z',
  '<script>if (a<b && c>d) x = "</div>";</script>after',
  '<SCRIPT type="x">a</ScRiPt >b',
  '<script>a</scripty></script>b',
  '<style>p > a { color: red }</style>t',
  '<title>A &amp; <b>B</b></title><p>x',
  '<textarea><p>not a tag</p></textarea>y',
  '<xmp><b>raw</b></xmp><noembed><i>e</i></noembed><noframes><u>f</u></noframes>',
  '<iframe src=x><p>in</p></iframe>out',
  '<noscript><p>markup inside</p></noscript>',
  '<script/>still script</script>x',
  'a<!-- c -->b<!---->c<!-->d<!--->e<!-- x --!>f<!-- a -- b -->g',
  '<!DOCTYPE html><?xml version="1.0"?><![CDATA[x]]>text<!bogus>t',
  '<svg><![CDATA[in svg]]></svg>',
  'a < b, a<3, a <= b, <<div>x</div> 1<2',
  'x</>y</ z>w</3>v',
  '<div><span><b>text</div>after',
  '</span>a</div>b',
  'a</p>b</br>c</img>d',
  '<div\nclass="x"\n>t</div >u',
  '<a/b c=d/>x</a>',
  'text at the end <',
  'ends in </',
  '<p>a<!-- unterminated',
  '<script>never closed <p>x</p>',
  '<plaintext><p>all text</p></plaintext>',
  '<body><head><link rel=x><script>s</script></head></body>',
  '<image src=x>after',
  '<p>é ü ß 中文 <b>😀</b></p>',
];

test('events agree with htmlparser2 on the markup rules extraction depends on', () => {
  for (const html of AGREE) assert.deepEqual(events(html), events(html, htmlparser2Tokenize), html);
});

test('spot checks: names lower-cased, only wanted attributes, entities left encoded', () => {
  assert.deepEqual(events('<DIV Class="A" ID=x data-q="1">Hi &amp; bye</DIV>'), ['<div {"class":"A","id":"x"}', '"Hi &amp; bye"', '>div']);
  assert.deepEqual(events('<script>a<b>c</b></script>'), ['<script', '"a<b>c</b>"', '>script']);
  assert.deepEqual(events('<p>a<div>b'), ['<p', '"a"', '>p', '<div', '"b"', '>div']);
  assert.deepEqual(events('<noscript><p>x</p></noscript>'), ['<noscript', '<p', '"x"', '>p', '>noscript']);
});

test('where browsers and htmlparser2 differ, browsers are followed', () => {
  // Duplicate attributes: the first one counts (the old driver kept the last).
  assert.deepEqual(events('<div class="a" class="b" id=1 ID=2>'), ['<div {"class":"a","id":"1"}', '>div']);
  // A <form> inside a form is ignored, attributes included (htmlparser2 reports them to the element before).
  assert.deepEqual(events('<form><div class=k><form class=inner id=i>x</form></div></form>'), [
    '<form', '<div {"class":"k"}', '"x"', '>div', '>form',
  ]);
  // `<![CDATA[` outside SVG/MathML is a bogus comment that the first `>` ends, not a section up to `]]>`.
  assert.deepEqual(events('<![CDATA[ x ]>y<div class=a>z</div>]]>w'), ['"y"', '<div {"class":"a"}', '"z"', '>div', '"]]>w"']);
  // A raw-text element left open inside a <noscript> (a tag manager's `<iframe … />`) ends at
  // `</noscript>`, as browsers with scripts on read it, instead of swallowing the rest of the page.
  assert.deepEqual(events('<noscript><iframe src=x /></noscript><p class=a>after</p>'), ['<noscript', '<iframe', '>iframe', '>noscript', '<p {"class":"a"}', '"after"', '>p']);
  // A <title> that no `</title>` ends (a damaged crawl) ends at the next tag, as libxml2 reads it,
  // instead of swallowing the page (browsers would show a blank page).
  assert.deepEqual(events('<title>Gale to drive Nation\'?\' + q + \'"></SCRIPT><div class=a>Cale Gale</div>'), [
    '<title', '"Gale to drive Nation\'?\' + q + \'\\">"', '>title', '<div {"class":"a"}', '"Cale Gale"', '>div',
  ]);
  // A tag cut off by the end of input is dropped.
  assert.deepEqual(events('x<div class="a'), ['"x"']);
  assert.deepEqual(events('x</div'), ['"x"']);
});

test(`elements deeper than MAX_DEPTH (${MAX_DEPTH}) become siblings at the cap`, () => {
  const depth = MAX_DEPTH + 50;
  const html = '<div>'.repeat(depth) + '<p>one<b>bold</p><script>x</script><p>two' + '</div>'.repeat(depth) + '<p>after';
  const opened: string[] = [];
  let open = 0;
  let maxDepth = 0;
  parseHtml(html, WANTED, {
    open(name) {
      open++;
      maxDepth = Math.max(maxDepth, open);
      if (name !== 'div') opened.push(name);
    },
    close() {
      open--;
    },
    text() {},
  });
  assert.equal(open, 0);
  assert.equal(maxDepth, MAX_DEPTH + 1);
  assert.deepEqual(opened, ['p', 'b', 'script', 'p', 'p']);
  // Past the cap the paragraphs still end blocks (and so does the <b> after "one", its sibling now).
  assert.deepEqual(extractMainText(html).text.split('\n').slice(-4), ['one', 'bold', 'two', 'after']);
});

// ---- Linear time on hostile markup ----

/** CPU seconds of `fn`, the least of three runs (robust to other load on the machine). */
function cpuSeconds(fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/** A plain article page of about `bytes` bytes: paragraphs of distinct words, a few links. */
function plainPage(bytes: number): string {
  const parts: string[] = ['<!DOCTYPE html><html><head><title>Plain</title></head><body><article>'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const p = `<p class="c${i % 7}">Sentence ${i} talks about harbor ${i * 7} and boat ${i * 13}, with <a href="/l${i}">link ${i}</a> and more words.</p>\n`;
    parts.push(p);
    size += p.length;
  }
  parts.push('</article></body></html>');
  return parts.join('');
}

const N = 400_000;
/** Hostile pages of about `n` elements or markup units each. */
const HOSTILE: ReadonlyArray<[string, (n: number) => string]> = [
  ['unclosed nested <div>', (n) => '<div>'.repeat(n) + 'x'],
  ['unclosed nested <span>', (n) => '<span>'.repeat(n) + 'x'],
  ['unclosed nested <b> with text', (n) => '<b>a'.repeat(n)],
  ['<div> and unmatched </span> alternating', (n) => '<div></span>'.repeat(n / 2)],
  ['<p> after <p>', (n) => '<p>a'.repeat(n)],
  ['deeply nested tables', (n) => '<table><tr><td>'.repeat(n / 4)],
  ['unterminated comment', (n) => '<p>x<!--' + 'a-b->'.repeat(n)],
  ['many comments', (n) => '<p>x<!-- c -->'.repeat(n / 4)],
  ['unterminated script full of end-tag prefixes', (n) => '<script>' + '</scrip'.repeat(n / 2)],
  ['unterminated iframes in noscripts', (n) => '<noscript><iframe src=x /></noscript><p>a'.repeat(n / 4)],
  ['one block of glued inline elements', (n) => '<p>' + '<span>ab</span>Cd'.repeat(n / 2)],
  ['nested caption-named elements around many paragraphs', (n) => '<div class="caption">'.repeat(1000) + '<p>The harbor was rebuilt, and the town paid for it.</p>'.repeat(n / 16)],
  ['headers of sections nested in one article', (n) => '<article>' + '<section><header>x</header>'.repeat(n / 4)],
  ['headers of many sections in one article', (n) => '<article>' + '<section><header>x</header></section>'.repeat(n / 4)],
  ['headers nested in main', (n) => '<main><p>The harbor was rebuilt, and the town paid for it.</p>' + '<div><header>x'.repeat(n / 2)],
  ['many headers in main', (n) => '<main>' + '<div><header><h3>x</h3><p>y</p></header></div>'.repeat(n / 6)],
  ['a huge attribute', (n) => `<div class="${'a '.repeat(n)}">x</div>`],
  ['a huge class name and id of many parts (nameBits scans their parts)', (n) => `<div class="${'abcdef-'.repeat(n / 2)}x" id="${'wxyz_'.repeat(n / 2)}">x</div>`],
  ['stray < in text', (n) => 'a<'.repeat(n)],
  ['unterminated titles', (n) => '<title>a<p>b'.repeat(n / 2)],
  ['nested sections with chrome ids over one long heading (the heading-anchor test)', (n) => '<section id="nav-a">'.repeat(n / 4) + '<h2>' + 'a '.repeat(n) + '</h2><p>b</p>'],
  ['sibling sections anchored by their chrome-word headings', (n) => '<section id="comments-a"><h2>Comments a</h2><p>The harbor was rebuilt.</p></section>'.repeat(n / 8)],
  ['text hidden or in nav beside link cards (the structural-chrome pick weighed against the rest)', (n) => '<div hidden><p>The harbor was rebuilt, and the town paid for it.</p></div><nav><a href=x>a</a></nav><li><a href=y>b</a></li>'.repeat(n / 8)],
  ['a label ending in a colon over a run of linked paragraphs', (n) => '<div><p>The harbor was rebuilt, and the town paid for it.</p><p>Members:</p>' + '<p><a href=x>Harbor Trust</a></p>'.repeat(n / 4) + '</div>'],
  ['link cards, each a linked heading over a linked sentence (the card pitch scored as prose)', (n) => '<div><a href=x><h3>Harbor</h3><p>The harbor was rebuilt, and the town paid for it.</p></a></div>'.repeat(n / 6)],
  ['a JSON-LD script that is no JSON: a long run of spaces after a type key', (n) => '<script type="application/ld+json">{"@type": ' + ' '.repeat(n) + 'x} "author" Person</script><p>The harbor was rebuilt, and the town paid for it.</p>'],
  ['a JSON-LD article of many authors', (n) => '<script type="application/ld+json">{"@type": "Article", "headline": "The harbor", "author": [' + '{"@type": "Person", "name": "Ann Lee"},'.repeat(n / 40) + '{}]}</script><p>The harbor was rebuilt, and the town paid for it.</p>'],
  ["a title of one long run of separators before the site's name", (n) => '<title>x' + '|'.repeat(n) + 'y Harbor News</title><div><p>Harbor News</p><h1>The harbor is rebuilt</h1><p>The harbor was rebuilt, and the town paid for it.</p></div>'],
  ['headlines over short lines before each paragraph', (n) => '<div><h4>The harbor is rebuilt</h4><p>May 1</p><div><p>The harbor was rebuilt, and the town paid for it.</p></div></div>'.repeat(n / 10)],
  ['a story header with its lead, deep in nested elements, before the body', (n) => '<article>' + '<div>'.repeat(n / 4) + '<header><h1>The harbor is rebuilt</h1><p>The harbor was rebuilt, and the town paid for it in full.</p></header><div class=body><p>The harbor was rebuilt, and the town paid for it.</p></div>'.repeat(n / 40)],
  ['an article body wrapping a post and a sidebar of short lines', (n) => '<div class=entry-content><div class=post>' + '<div><p>The harbor was rebuilt, and the town paid for it in full.</p></div>'.repeat(n / 8) + '</div><div>' + '<p>The harbor trust met, and the town paid it all.</p><p><a href=x>The harbor trust paid it</a></p>'.repeat(n / 8) + '</div></div>'],
  ['a counter of bare numbers, one a block, beside a paragraph (the slideshow pager)', (n) => '<p>The harbor was rebuilt, and the town paid for it.</p>' + Array.from({ length: n / 4 }, (_, i) => `<div>${(i % 999) + 1}</div>`).join('')],
  ['a thread of posts whose comments net them below nothing, beside one long post', (n) => '<div class=answer><div class=text><p>' + 'The harbor was rebuilt, and the town paid for it in full. '.repeat(20) + '</p></div><p><a href=x>Share this answer</a></p></div>' + '<div class=answer><div class=text><p>The harbor was rebuilt, and the town paid for it in full, twice over, as the trust had asked.</p></div><div class=comments><p>The harbor trust met, and the town paid it all in the end, they say, though not everyone agrees.</p></div></div>'.repeat(n / 5)],
  ['a declared thread of posts of one kind nested in one another (each post read once)', (n) => '<main itemscope itemtype="https://schema.org/DiscussionForumPosting">' + '<div class=post><p>The harbor was rebuilt, and the town paid for it in full, twice over.</p><div class=comments>'.repeat(n / 4)],
  ['a declared thread of many posts in containers named as comments, beside one long post', (n) => '<script type="application/ld+json">{"@type": "QAPage"}</script><div class=post><p>' + 'The harbor was rebuilt, and the town paid for it in full. '.repeat(20) + '</p></div>' + '<div class=comments><div class=post><div class=meta><p>The harbor trust met, and the town paid it all in the end, they say.</p></div><p>The harbor was rebuilt, and the town paid for it in full, twice over.</p></div></div>'.repeat(n / 8)],
];

// 400k unclosed <div> took htmlparser2 68 s, 700× a plain page of that size. Pages made of tiny
// elements (400k one-letter paragraphs) hold 25× the blocks of a plain page of the same size, and
// a plain page now costs only ~25 ms, so the bound against it is 20× (quadratic work is far above
// it); doubling the page must not more than double the time. A case over a bound is timed again,
// up to three times in all, each time keeping the fastest run of each page: a GC pause or a busy
// machine slows one run, while quadratic work stays over the bound every time.
test('extraction time is linear in the page size whatever the markup', () => {
  for (const [name, make] of HOSTILE) {
    const html = make(N);
    const plain = plainPage(html.length);
    const halfPage = make(N / 2);
    let base = Infinity;
    let half = Infinity;
    let full = Infinity;
    let vsPlain = Infinity;
    let doubling = Infinity;
    for (let run = 0; run < 3 && !(vsPlain < 20 && doubling < 3); run++) {
      base = Math.min(base, cpuSeconds(() => extractMainText(plain)));
      half = Math.min(half, cpuSeconds(() => extractMainText(halfPage)));
      full = Math.min(full, cpuSeconds(() => extractMainText(html)));
      // A floor of 20 ms keeps the ratios meaningful when a run is very fast.
      vsPlain = full / Math.max(base, 0.02);
      doubling = full / Math.max(half, 0.02);
    }
    const detail = `${name}: ${full.toFixed(3)} s (half size ${half.toFixed(3)} s), plain page of ${html.length} bytes ${base.toFixed(3)} s`;
    assert.ok(vsPlain < 20, `${detail}: ${vsPlain.toFixed(1)}× a plain page`);
    assert.ok(doubling < 3, `${detail}: doubling the page cost ${doubling.toFixed(1)}×`);
  }
});

test('wanted attributes: the names of the literal, any case in the page, each at its index; other literals are refused', () => {
  // The indices out of the literal's key order, so that a record filled by key order would fail.
  const wanted = wantedAttributes((v) => ({ 'aria-hidden': v[2], class: v[0], id: v[1] }));
  assert.deepEqual([...wanted.names], ['aria-hidden', 'class', 'id']);
  const got: string[] = [];
  parseHtml('<p ARIA-Hidden=true class="a" class="b" title=x>t</p><br><p Id=y>u</p>', wanted, {
    open: (name, a) => got.push(`${name} ${a['aria-hidden']} ${a.class} ${a.id}`),
    close: () => {},
    text: () => {},
  });
  // First of duplicates wins, and each element starts with none of the last one's values.
  assert.deepEqual(got, ['p true a undefined', 'br undefined undefined undefined', 'p undefined undefined y']);
  assert.throws(() => wantedAttributes((v) => ({ Class: v[0] })), /wantedAttributes: "Class" is not a lower-case ASCII attribute name/);
  assert.throws(() => wantedAttributes((v) => ({ class: v[0], id: v[0] })), /each once/);
  assert.throws(() => wantedAttributes((v) => ({ class: v[1] })), /each once/);
  assert.throws(() => wantedAttributes(() => ({ class: undefined })), /each once/);
});
