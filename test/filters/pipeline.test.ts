// createFilterPipeline end to end: presets and switches from the config, stats names the report
// reads, language written on kept and dropped documents, PII redaction, and hostile documents
// (10 MB, empty, only punctuation, only emoji, NUL bytes) that must be judged without throwing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import { filtersSchema } from '../../filters/config.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { resolveFilters } from '../../filters/presets.ts';

const doc = (text: string, url = 'https://example.org/article'): Document => ({ id: 'd1', text, source: 'web', file: 'f.warc.gz', url, meta: {} });

const GOOD = [
  'The old harbour town has changed a great deal over the last twenty years, and most of the people who live there say that the changes have been good for them.',
  'New shops opened along the main street, and the fishing boats that used to fill the harbour were replaced by small sailing yachts that visitors rent for the day.',
  'Some of the older residents miss the smell of fish and diesel in the morning, but they agree that the town is cleaner and safer than it was when they were young.',
  'The local school has more pupils than ever, and the library that closed a decade ago has reopened with a small cafe and a room where children can do their homework.',
  'In the summer the beach is crowded with families, and in the winter the town is quiet again, which is what many of the people who moved there wanted in the first place.',
  'A few of the fishermen still go out at night, and they sell what they catch to the restaurants that line the water, where the menus change with the season and the weather.',
].join('\n');

test('fineweb preset keeps a good English page, writes lang and counts it', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({}));
  const stats = createStats();
  const v = p.apply(doc(GOOD), stats);
  assert.equal(v.keep, true, v.keep ? '' : v.reason);
  assert.equal(v.doc.lang, 'en');
  assert.ok(v.doc.lang_score! > 0.65 && v.doc.lang_score! <= 1);
  assert.equal(stats.counters['docs.lang.en'], 1);
  assert.equal(stats.counters['filter.kept'], 1);
  assert.ok(stats.histograms['filter.gopher_quality.mean_word_length']);
  assert.ok(stats.histograms['filter.fineweb_quality.line_punct_ratio']);
});

test('a drop names the filter, the rule and the measured value, and still writes lang', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({}));
  const stats = createStats();
  const v = p.apply(doc(GOOD, 'https://www.example.com/porn/video'), stats);
  assert.equal(v.keep, false);
  assert.ok(!v.keep && v.filter === 'url' && v.reason.includes('hard_blacklisted'), !v.keep ? v.reason : '');
  assert.equal(v.doc.lang, 'en');
  assert.equal(stats.counters['drop.url'], 1);
  assert.equal(stats.counters['filter.url.hard_blacklisted'], 1);
  assert.equal(stats.examples['drop.url']?.[0]?.reason, !v.keep ? v.reason : '');

  const short = p.apply(doc('Our small village library opened again last spring after volunteers repaired its leaking roof, painted every shelf, catalogued donated novels, and organised reading evenings that attract curious neighbours.'), stats);
  assert.ok(!short.keep && short.filter === 'gopher_quality' && /non_symbol_words \d+ < 50/.test(short.reason), !short.keep ? short.reason : '');
});

test('non-English is dropped by language and counted under its code', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({}));
  const stats = createStats();
  const v = p.apply(doc('Dies ist ein ganz normaler deutscher Satz über das Wetter und den Garten hinter dem Haus.'), stats);
  assert.ok(!v.keep && v.filter === 'language');
  assert.equal(v.doc.lang, 'de');
  assert.equal(stats.counters['docs.lang.de'], 1);
});

test('presets resolve to their recipes and config switches override them', () => {
  assert.deepEqual(resolveFilters(filtersSchema.parse({})).order, ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'fineweb_quality']);
  const c4 = resolveFilters(filtersSchema.parse({ preset: 'c4' }));
  assert.deepEqual(c4.order, ['c4_quality', 'language', 'c4_badwords']);
  assert.equal(c4.c4_quality.min_words_per_line, 5);
  assert.equal(c4.c4_quality.min_num_sentences, 3);
  assert.deepEqual(resolveFilters(filtersSchema.parse({ preset: 'gopher' })).order, ['language', 'gopher_quality', 'gopher_repetition']);
  assert.deepEqual(resolveFilters(filtersSchema.parse({ preset: 'none' })).order, []);
  const custom = resolveFilters(filtersSchema.parse({ url: { enabled: false }, c4_badwords: { enabled: true }, gopher_quality: { min_doc_words: 10 } }));
  assert.ok(!custom.order.includes('url') && custom.order.at(-1) === 'c4_badwords');
  assert.equal(custom.gopher_quality.min_doc_words, 10);
  assert.throws(() => filtersSchema.parse({ gopher_quality: { min_doc_wrods: 1 } }));
});

test('c4 preset drops a page with a bad word and rewrites kept text to its clean lines', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({ preset: 'c4' }));
  const stats = createStats();
  const page = `${GOOD}\nshort nav line\nPlease enable javascript to view the comments on this page.`;
  const v = p.apply(doc(page), stats);
  assert.ok(v.keep, !v.keep ? v.reason : '');
  assert.equal(v.doc.text, GOOD);
  const bad = p.apply(doc(`${GOOD}\nThe film was full of bullshit and nobody liked the ending at all.`), stats);
  assert.ok(!bad.keep && bad.filter === 'c4_badwords', !bad.keep ? bad.reason : '');
});

test('redact replaces e-mails and public IPs (FineWeb PII), leaves private IPs and leading zeros', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({}));
  const stats = createStats();
  const out = p.redact(doc('Write to jane.doe@mail.example.net or bob@x.org; server 8.8.8.8, lan 192.168.1.20, odd 01.2.3.4.'), stats);
  assert.equal(out.text, 'Write to email@example.com or firstname.lastname@example.org; server 22.214.171.124, lan 192.168.1.20, odd 01.2.3.4.');
  assert.equal(stats.counters['pii.emails'], 2);
  assert.equal(stats.counters['pii.ips'], 1);
  const none = await createFilterPipeline(filtersSchema.parse({ preset: 'none' }));
  assert.equal(none.redact(doc('a@b.com'), stats).text, 'a@b.com');
});

test('hostile documents are judged, never thrown on: empty, punctuation, emoji, NUL, 10 MB', async () => {
  const p = await createFilterPipeline(filtersSchema.parse({}));
  const stats = createStats();
  const big = (GOOD + '\n').repeat(Math.ceil(10_000_000 / (GOOD.length + 1))).slice(0, 10_000_000);
  for (const text of ['', '!!! ... ??? ,,, ;;;', '😀😀😀 👍🏽👍🏽 🎉', 'The\u0000cat\u0000sat on the mat.\u0000', big]) {
    const v = p.apply(doc(text), stats);
    assert.equal(v.keep, false, `kept ${JSON.stringify(text.slice(0, 30))}`);
    assert.ok(!v.keep && v.reason.length > 0 && typeof v.doc.lang === 'string');
  }
  assert.equal(stats.counters['filter.errors.gopher_repetition'] ?? 0, 0);
  const none = await createFilterPipeline(filtersSchema.parse({ preset: 'none' }));
  assert.equal(none.apply(doc(''), stats).keep, true);
});
