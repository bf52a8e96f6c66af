// ingest/html-author-bio.ts: a closing bio of a person the page's JSON-LD names is not written; a
// paragraph naming them earlier, a page without JSON-LD and a one-word "person" are left as they were.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';
import { addJsonLd } from '../../ingest/html-json-ld.ts';

const body = [
  'It is a year for bold color, organic florals, progressive dining, and curated storytelling with a sense of ease.',
  'Rebecca Norris asked three planners what they expect to see at parties and weddings this year, and all three said the same thing.',
  'When all is said and done, not everything is said and done. After parties are no longer an afterthought, as one planner put it.',
];
const bio = 'Rebecca Norris is a full-time freelance writer living in the Washington, D.C. metro area. Over the past 10+ years, she has covered travel, home and style.';
const ld = (type: string, name: string): string =>
  `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hosting trends","author":{"name":"${name}","url":"/author/215462/","@type":"${type}"}}</script>`;
// Cut down from WCXB 0050 (tuning sub-half A): the author box after the story has hashed class
// names only, so nothing but the JSON-LD says whose bio it is.
const page = (head: string): string => `<!DOCTYPE html><html><head><title>The Top 25 Hosting Trends of 2025</title>${head}</head><body><main><div class="css-1 e1">
  <p class="css-6wxqfj">${body[0]}</p><p class="css-6wxqfj">${body[1]}</p><p class="css-6wxqfj">${body[2]}</p>
  <div class="css-19m4yzp e1jy25xv0"><div class="css-sfzxfp"><span><img src="a.jpg" alt="Headshot of Rebecca Norris"></span><div><span><a href="/author/215462/rebecca-norris/"><span>Rebecca Norris</span></a></span><div class="css-1ao13hx">Photographer</div></div>
  <div class="css-1dsojn8"><div class="css-11jqkrn"><p>${bio}</p></div></div></div></div>
</div></main></body></html>`;

test("a closing bio of the JSON-LD's author is not written; the text naming them earlier is", () => {
  const lines = extractMainText(page(ld('Person', 'Rebecca Norris'))).text.split('\n');
  for (const p of body) assert.ok(lines.includes(p), lines.join('\n'));
  assert.ok(!lines.includes(bio), lines.join('\n'));
});

test('without a JSON-LD Person (no JSON-LD, or an organization) the bio stays', () => {
  for (const head of ['', ld('Organization', 'Rebecca Norris')]) {
    const lines = extractMainText(page(head)).text.split('\n');
    assert.ok(lines.includes(bio), lines.join('\n'));
  }
});

test("addJsonLd reads the full names of the people named as an object's author or creator, in place or by @id", () => {
  const into = { people: [] as string[], bios: [] as string[], headlines: [] as string[] };
  // An SEO plugin's graph: the article names its author by @id; the Person is elsewhere in the graph.
  addJsonLd('{"@graph":[{"@type":"Article","author":[{"@id":"#joe"},{"@id":"#staff"}]},{"@type":"Organization","name":"Veranda Mag"},{"@type":"Person","@id":"#joe","name":"Joe Kindness"},{"@type":["Person"],"@id":"#staff","name":"Staff"}]}', into);
  addJsonLd('{"author":{"name":"Arricca Elin SanSone","@type":"Person"}}', into);
  // Not an author: a person the article is about, or one it mentions.
  addJsonLd('{"@type":"NewsArticle","about":{"@type":"Person","name":"Taylor Swift"},"mentions":[{"@type":"Person","name":"Ann Lee"}]}', into);
  // Not JSON (a template's leftovers): nothing is read.
  addJsonLd('{"author":{"@type":"Person","name":"Jo Bloggs",}', into);
  assert.deepEqual(into.people, ['Joe Kindness', 'Arricca Elin SanSone']);
});

test("the article's own description is not its author's bio, and a person it is about keeps the lines that name them", () => {
  const lead = 'Taylor Swift will play twelve stadiums across Europe next summer, her label said on Monday in a statement.';
  const rest = [
    'The tour opens in Lisbon in May and ends in London in August, with two nights in most of the cities on the way.',
    'Tickets go on sale next week, and the label expects the shows to sell out within hours, as the last tour did.',
  ];
  const article = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Stadium tour announced',
    description: lead,
    about: { '@type': 'Person', name: 'Taylor Swift' },
    author: { '@type': 'Person', name: 'Ann Lee' },
  });
  const html = `<!DOCTYPE html><html><head><title>Stadium tour announced</title><script type="application/ld+json">${article}</script></head><body><main><div class="story">
    <h2>Taylor Swift in Europe</h2><p>${lead}</p><p>${rest[0]}</p><p>${rest[1]}</p></div></main></body></html>`;
  const lines = extractMainText(html).text.split('\n');
  for (const p of ['Taylor Swift in Europe', lead, ...rest]) assert.ok(lines.includes(p), lines.join('\n'));
});

test("a closing paragraph that opens as the JSON-LD person's description does is the bio, whatever its first word", () => {
  // The shape of WCXB 0155 (tuning sub-half A): the bio opens with the first name only, and the
  // declared description holds a template where the page has a number.
  const person = '{"@type":"BlogPosting","headline":"The Only 19 SEO Tutorials","author":{"@type":"Person","name":"Joe Kindness","url":"/blog/contributors/joe-kindness","description":"Joe is the co-founder and CEO of AgencyAnalytics, a marketing reporting platform used by more than {{customer-count}} agencies."}}';
  const shown = 'Joe is the co-founder and CEO of AgencyAnalytics, a marketing reporting platform used by more than 7,000 agencies.';
  const html = `<!DOCTYPE html><html><head><title>SEO tutorials</title><script type="application/ld+json">${person}</script></head><body><main><div class="post">
    <p>${body[0]}</p><p>${body[1]}</p><p>${body[2]}</p><div class="x1"><p class="x2">Written by</p><p class="x3">Joe Kindness</p><p class="x4">${shown}</p></div></div></main></body></html>`;
  const lines = extractMainText(html).text.split('\n');
  for (const p of body) assert.ok(lines.includes(p), lines.join('\n'));
  assert.ok(!lines.includes(shown) && !lines.includes('Joe Kindness'), lines.join('\n'));
});
