// Writes the embedded sample input: examples/sample/web.warc.gz (a Common-Crawl-shaped WARC of a
// few hundred generated pages: varied layouts and chrome, several languages and charsets,
// near-duplicates, spam and boilerplate-only pages, non-HTML and non-200 records) and
// examples/sample/wiki.jsonl.gz (an encyclopedia-like JSONL source). Deterministic: the same
// bytes every run, which test/extraction/sample.test.ts checks against the committed files.
// Usage: node examples/make-sample.ts [OUT_DIR]

import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildWarc, pageRecords, recordId, warcinfoRecord } from '../test/warc-writer.ts';
import type { PageInput, WarcRecordInput } from '../test/warc-writer.ts';
import { createRng } from './sample-prng.ts';
import type { Rng } from './sample-prng.ts';
import { createProse, encyclopediaArticle, TOPICS } from './sample-prose.ts';
import type { Prose } from './sample-prose.ts';
import { LANGUAGES, foreignParagraph } from './sample-languages.ts';
import type { Language } from './sample-languages.ts';
import { LAYOUTS, boilerplateOnlyPage, renderPage, slug, spamPage } from './sample-pages.ts';
import type { Block, Chrome, Layout, PageContent } from './sample-pages.ts';

export const SAMPLE_SEED = 20240220;
export const WARC_NAME = 'web.warc.gz';
export const WIKI_NAME = 'wiki.jsonl.gz';

const ENGLISH_SITES: readonly { site: string; layout: Layout }[] = [
  { site: 'gardenpath.example', layout: 'semantic' },
  { site: 'dailyharbor.example', layout: 'divs' },
  { site: 'oldtownhistory.example', layout: 'table' },
  { site: 'talkboard.example', layout: 'forum' },
  { site: 'docs.toolshed.example', layout: 'docs' },
  { site: 'homemade.example', layout: 'sloppy' },
  { site: 'northernnotes.example', layout: 'semantic' },
  { site: 'citybeat.example', layout: 'divs' },
  { site: 'weekendtrips.example', layout: 'semantic' },
  { site: 'kitchenlog.example', layout: 'divs' },
  { site: 'quietscience.example', layout: 'docs' },
  { site: 'moneymatters.example', layout: 'sloppy' },
];

const ENGLISH_CHROME = {
  menu: ['Home', 'About', 'Blog', 'Archive', 'Contact'],
  footer: 'All rights reserved. Privacy Policy. Terms of Use.',
  cookie: 'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
};

interface SamplePage {
  page: PageInput;
  /** Overrides WARC-Identified-Payload-Type for non-HTML payloads. */
  payloadType?: string;
}

function englishArticle(rng: Rng, prose: Prose): PageContent {
  const blocks: Block[] = [{ kind: 'p', text: prose.paragraph(3, 5) }];
  const sections = rng.int(2, 5);
  for (let s = 0; s < sections; s++) {
    blocks.push({ kind: 'h2', text: prose.heading() });
    const paras = rng.int(1, 3);
    for (let i = 0; i < paras; i++) blocks.push({ kind: 'p', text: prose.paragraph() });
    if (rng.chance(0.3)) blocks.push({ kind: 'ul', items: Array.from({ length: rng.int(3, 5) }, () => prose.listItem()) });
    if (rng.chance(0.12)) blocks.push({ kind: 'quote', text: prose.sentence() });
    if (rng.chance(0.08))
      blocks.push({ kind: 'table', rows: Array.from({ length: rng.int(2, 4) }, () => [prose.noun(), String(rng.int(1, 500)), prose.place()]) });
  }
  return {
    title: prose.title(),
    blocks,
    comments: Array.from({ length: rng.chance(0.6) ? rng.int(1, 6) : 0 }, () => ({ author: prose.person(), text: prose.comment() })),
    related: Array.from({ length: rng.int(3, 6) }, () => prose.title()),
  };
}

function foreignArticle(rng: Rng, lang: Language): PageContent {
  const blocks: Block[] = [];
  const paras = rng.int(3, 6);
  for (let i = 0; i < paras; i++) {
    if (i > 0 && rng.chance(0.3)) blocks.push({ kind: 'h2', text: rng.pick(lang.titles) });
    blocks.push({ kind: 'p', text: foreignParagraph(rng, lang, rng.int(3, 6)) });
  }
  return {
    title: rng.pick(lang.titles),
    blocks,
    comments: rng.chance(0.4) ? [{ author: 'Gast', text: foreignParagraph(rng, lang, 1) }] : [],
    related: rng.sample(lang.titles, 3),
  };
}

/** The same article with small edits: a sentence changed, one added, a new title prefix. */
function nearDuplicate(rng: Rng, prose: Prose, content: PageContent): PageContent {
  const blocks = content.blocks.map((b) => ({ ...b }));
  const paraIdx = blocks.map((b, i) => (b.kind === 'p' ? i : -1)).filter((i) => i >= 0);
  const target = rng.pick(paraIdx);
  const para = blocks[target];
  if (para && para.kind === 'p') {
    const sentences = para.text.split(/(?<=[.?!]) /);
    sentences[rng.int(0, sentences.length - 1)] = prose.sentence();
    blocks[target] = { kind: 'p', text: sentences.join(' ') };
  }
  const last = blocks[blocks.length - 1];
  if (rng.chance(0.5) && last?.kind === 'p') blocks[blocks.length - 1] = { kind: 'p', text: `${last.text} ${prose.sentence()}` };
  const title = rng.chance(0.5) ? `Updated: ${content.title}` : content.title;
  return { ...content, title, blocks, comments: content.comments.slice(0, rng.int(0, content.comments.length)) };
}

function date(rng: Rng): string {
  return `2024-02-${String(rng.int(20, 29))}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}Z`;
}

function htmlPages(rng: Rng): SamplePage[] {
  const pages: SamplePage[] = [];
  const english: { content: PageContent; prose: Prose }[] = [];
  const used = new Set<string>();
  const url = (site: string, title: string): string => {
    let u = `https://${site}/2024/0${rng.int(1, 2)}/${slug(title)}.html`;
    for (let n = 2; used.has(u); n++) u = u.replace(/(-\d+)?\.html$/, `-${n}.html`);
    used.add(u);
    return u;
  };

  for (let i = 0; i < 300; i++) {
    const { site, layout } = ENGLISH_SITES[i % ENGLISH_SITES.length] as { site: string; layout: Layout };
    const prose = createProse(rng, rng.pick(TOPICS));
    const content = englishArticle(rng, prose);
    english.push({ content, prose });
    // Charset declared in the header (most), only in a meta tag, or nowhere (ASCII text).
    const where = rng.int(0, 9);
    const chrome: Chrome = { site, lang: 'en', ...ENGLISH_CHROME, ...(where >= 7 && where < 9 ? { metaCharset: 'utf-8', httpEquiv: where === 8 } : {}) };
    const charset = where === 6 ? 'iso-8859-1' : 'utf-8';
    const contentType = where < 7 ? `text/html; charset=${charset}` : 'text/html';
    pages.push({ page: { url: url(site, content.title), html: iconv.encode(renderPage(layout, chrome, content, rng), charset), contentType, date: date(rng) } });
  }

  // Near-duplicates: the same article with small edits on other sites and URLs, and one exact copy.
  for (let i = 0; i < 24; i++) {
    const orig = english[i * 7] as { content: PageContent; prose: Prose };
    const variants = i % 3 === 0 ? 2 : 1;
    for (let v = 0; v < variants; v++) {
      const content = i === 0 && v === 0 ? orig.content : nearDuplicate(rng, orig.prose, orig.content);
      const { site } = rng.pick(ENGLISH_SITES);
      const chrome: Chrome = { site, lang: 'en', ...ENGLISH_CHROME };
      const u = `${url(site, content.title).replace(/\.html$/, '')}${rng.chance(0.5) ? '.html?utm_source=rss' : '/amp/'}`;
      pages.push({ page: { url: u, html: renderPage(rng.pick(LAYOUTS), chrome, content, rng), date: date(rng) } });
    }
  }

  for (const lang of LANGUAGES) {
    const count = lang.code === 'de' || lang.code === 'fr' ? 12 : 8;
    for (let i = 0; i < count; i++) {
      const content = foreignArticle(rng, lang);
      const charset = rng.pick(lang.charsets);
      const where = rng.int(0, 9); // 0-4 header, 5-8 meta, 9 undeclared
      const chrome: Chrome = {
        site: `${lang.code}-site${i % 3}.example`,
        lang: lang.code,
        menu: lang.menu,
        footer: lang.footer,
        cookie: lang.cookie,
        ...(where >= 5 && where <= 8 ? { metaCharset: charset, httpEquiv: where >= 7 } : {}),
      };
      const html = iconv.encode(renderPage(rng.pick(LAYOUTS), chrome, content, rng), charset);
      const contentType = where <= 4 ? `text/html; charset=${charset}` : 'text/html';
      pages.push({ page: { url: `https://${chrome.site}/${lang.code}/artikel-${i + 1}.html`, html, contentType, date: date(rng) } });
    }
  }

  const titles = english.slice(0, 40).map((e) => e.content.title);
  for (let i = 0; i < 14; i++) {
    const { site } = rng.pick(ENGLISH_SITES);
    const chrome: Chrome = { site, lang: 'en', ...ENGLISH_CHROME };
    pages.push({ page: { url: `https://${site}/archive/page-${i + 1}/`, html: boilerplateOnlyPage(chrome, rng.sample(titles, rng.int(8, 20)), rng), date: date(rng) } });
    pages.push({ page: { url: `https://win-big-${i + 1}.example/offer.html`, html: spamPage(chrome, rng), date: date(rng) } });
  }
  return pages;
}

/**
 * Notes that quote a sentence in German, French or Russian after a few English ones: language id
 * reads them as English with less confidence than FineWeb's 0.65, or as the other language, so the
 * language filter has documents on both sides of its threshold for the report to show. They come
 * from their own generator and go last in the file, so the pages before them do not change.
 */
function mixedLanguagePages(rng: Rng): SamplePage[] {
  const quoted = LANGUAGES.filter((l) => l.code === 'de' || l.code === 'fr' || l.code === 'ru');
  const pages: SamplePage[] = [];
  for (let i = 0; i < 9; i++) {
    const lang = quoted[i % quoted.length] as Language;
    const { site, layout } = ENGLISH_SITES[(i * 5) % ENGLISH_SITES.length] as { site: string; layout: Layout };
    const prose = createProse(rng, rng.pick(TOPICS));
    const english = Array.from({ length: 2 + (i % 2) }, () => prose.sentence()).join(' ');
    const content: PageContent = { title: prose.title(), blocks: [{ kind: 'p', text: `${english} ${foreignParagraph(rng, lang, 1)}` }], comments: [], related: [] };
    const chrome: Chrome = { site, lang: 'en', ...ENGLISH_CHROME };
    pages.push({ page: { url: `https://${site}/notes/quote-${i + 1}.html`, html: renderPage(layout, chrome, content, rng), date: date(rng) } });
  }
  return pages;
}

function otherRecords(rng: Rng): SamplePage[] {
  const nonHtml: SamplePage[] = [
    { page: { url: 'https://gardenpath.example/files/guide.pdf', html: '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', contentType: 'application/pdf' }, payloadType: 'application/pdf' },
    { page: { url: 'https://dailyharbor.example/logo.png', html: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), contentType: 'image/png' }, payloadType: 'image/png' },
    { page: { url: 'https://citybeat.example/api/items.json', html: '{"items":[{"id":1,"name":"lamp"},{"id":2,"name":"chair"}]}', contentType: 'application/json' }, payloadType: 'application/json' },
    { page: { url: 'https://kitchenlog.example/style.css', html: 'body{margin:0}h1{font-size:2em}', contentType: 'text/css' }, payloadType: 'text/css' },
    { page: { url: 'https://homemade.example/robots.txt', html: 'User-agent: *\nDisallow: /admin/\n', contentType: 'text/plain' }, payloadType: 'text/plain' },
    { page: { url: 'https://weekendtrips.example/feed.xml', html: '<?xml version="1.0"?><rss version="2.0"><channel><title>Trips</title></channel></rss>', contentType: 'application/rss+xml' }, payloadType: 'application/rss+xml' },
  ];
  const errors: SamplePage[] = [
    { page: { url: 'https://gardenpath.example/missing-page.html', status: 404, html: '<html><head><title>Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>' } },
    { page: { url: 'https://dailyharbor.example/old-story', status: 301, html: '', httpHeaders: { Location: 'https://dailyharbor.example/2024/01/old-story.html' } } },
    { page: { url: 'https://citybeat.example/private/', status: 403, html: '<html><body><h1>Forbidden</h1></body></html>' } },
    { page: { url: 'https://talkboard.example/thread?id=0', status: 500, html: '<html><body><h1>Internal Server Error</h1><p>Something went wrong while we were loading the thread.</p></body></html>' } },
    { page: { url: 'https://moneymatters.example/login', status: 302, html: '', httpHeaders: { Location: '/login/' } } },
  ];
  for (const p of [...nonHtml, ...errors]) p.page.date = date(rng);
  return [...nonHtml, ...errors];
}

function toRecords(p: SamplePage): WarcRecordInput[] {
  const records = pageRecords(p.page);
  if (!p.payloadType) return records;
  return records.map((r) => (r.type === 'response' ? { ...r, headers: { ...r.headers, 'WARC-Identified-Payload-Type': p.payloadType as string } } : r));
}

function revisitRecord(url: string): WarcRecordInput {
  const d = '2024-02-29T12:00:00Z';
  return {
    type: 'revisit',
    headers: {
      'WARC-Target-URI': url,
      'WARC-Date': d,
      'WARC-Record-ID': recordId(`revisit ${url} ${d}`),
      'WARC-Profile': 'http://netpreserve.org/warc/1.0/revisit/identical-payload-digest',
      'WARC-Refers-To-Target-URI': url,
      'Content-Type': 'application/http; msgtype=response',
    },
    block: 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n',
  };
}

export function makeWarc(seed = SAMPLE_SEED): Buffer {
  const rng = createRng(seed);
  const pages = [...htmlPages(rng), ...otherRecords(rng)];
  const ordered = [...rng.sample(pages, pages.length), ...mixedLanguagePages(createRng(seed + 2))];
  const records: WarcRecordInput[] = [warcinfoRecord('CC-MAIN-20240220000000-20240220030000-00000.warc.gz')];
  ordered.forEach((p, i) => {
    records.push(...toRecords(p));
    if (i % 100 === 50) records.push(revisitRecord(p.page.url));
  });
  return buildWarc(records);
}

export function makeWiki(seed = SAMPLE_SEED + 1): Buffer {
  const rng = createRng(seed);
  const lines: string[] = [];
  for (let i = 0; i < 420; i++) {
    const { title, text } = encyclopediaArticle(rng);
    lines.push(JSON.stringify({ id: `wiki-${String(i).padStart(5, '0')}`, title, text }));
  }
  return gzipSync(`${lines.join('\n')}\n`, { level: 9 });
}

export async function writeSample(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, WARC_NAME), makeWarc());
  await writeFile(path.join(outDir, WIKI_NAME), makeWiki());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample');
  await writeSample(out);
  console.log(`wrote ${path.join(out, WARC_NAME)} and ${path.join(out, WIKI_NAME)}`);
}
