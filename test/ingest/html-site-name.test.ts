// A blog's name and tagline over the post (its masthead in the post's column) are not written when
// the <title> names the site beside the post's headline; a headline that the title opens is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const post = [
  'Jim Manzi argues that social science should be thought of as a probabilistic enterprise, and that the findings of single studies are rarely definitive.',
  'Randomized trials are the best tool we have, but their results travel poorly from one place to another, which is the heart of the problem for policy.',
  'He closes with a call for humility: most new programmes fail, and the ones that work usually produce modest gains that are hard to replicate.',
].map((p) => `<p>${p}</p>`).join('\n');

test("a blog's name and tagline over the post are not written; the date between them and the headline is", () => {
  // Cut from Dragnet R683 (tuning half): `h1` name, `p` tagline, `h2` date, `h3` headline.
  const html = `<html><head><title>Schneier on Security: Micromorts</title></head><body><div class="indivbody">
<h1>Schneier on Security</h1>
<p>A blog covering security and security technology.</p>
<h2>November 8, 2012</h2>
<h3>Micromorts</h3>
${post}
</div></body></html>`;
  const text = extractMainText(html).text;
  assert.ok(!text.includes('Schneier on Security'), text);
  assert.ok(!text.includes('A blog covering security'), text);
  assert.ok(text.startsWith('November 8, 2012\nMicromorts\nJim Manzi argues'), text);
});

test('a headline that opens the title before a dash stays over the site\'s name, as does one over a heading the title holds', () => {
  // The shape of L3S-GN1 7c877f3c (tuning half): the headline opens the title before a dash, the
  // paper's name follows it on the page; before a dash or a bar the opening part is the page's.
  const story = `<html><head><title>Local biotech researcher dies - Kansas City Business Journal:</title></head><body><div>
<h1 class="headline">Local biotech researcher dies</h1>
<h3>Kansas City Business Journal</h3>
${post}
</div></body></html>`;
  assert.ok(extractMainText(story).text.startsWith('Local biotech researcher dies\nKansas City Business Journal\n'));
  // The same on a Russian company page of the shared WARC sample ("About the company - <site>").
  const about = `<html><head><title>О компании - Стратегия пожарной безопасности</title></head><body><div>
<h1>О компании</h1>
<div>Стратегия пожарной безопасности</div>
<p>ООО «СПБ» - узкоспециализированное предприятие, ориентированное на комплексные услуги пожарной безопасности. Мы проектируем, монтируем и обслуживаем магазины, торговые центры и склады.</p>
<p>В штате инженеры, проектировщики и монтажники с опытом работы на рынке услуг пожарной безопасности; оборудование сертифицировано и прошло контроль качества.</p>
</div></body></html>`;
  assert.ok(extractMainText(about).text.startsWith('О компании\n'), extractMainText(about).text);
  // The shape of Dragnet R108 (tuning half): the headline, then a heading that part of it repeats.
  const talk = `<html><head><title>The Future of C++: Live broadcast this Friday « Sutter's Mill</title></head><body><div>
<h2>The Future of C++: Live broadcast this Friday</h2>
${post}
<h3>The Future of C++</h3>
${post}
</div></body></html>`;
  assert.ok(extractMainText(talk).text.startsWith('The Future of C++: Live broadcast this Friday\n'));
});
