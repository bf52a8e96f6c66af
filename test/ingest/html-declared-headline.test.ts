// ingest/html-declared-headline.ts: a result opening with the headline the page's JSON-LD declares is
// written without it; without JSON-LD (or with another headline) the headline stays as before.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const headline = 'Meditation Is Not Just for the Soul – It Helps Heal the Brain';
const body = [
  'Meditation has been practiced for thousands of years, but only recently has science begun to measure what it does to the brain.',
  'Researchers found that eight weeks of daily practice changed the density of grey matter in regions tied to memory and stress.',
  'The effects were visible on scans even in people who had never meditated before the study began, the authors wrote.',
];
const ld = (h: string): string => `<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"${h}","datePublished":"2024-05-02"}</script>`;
// The shape of WCXB 0119 (tuning sub-half A): the headline is the article's own <h1>, inside the pick.
const page = (head: string): string => `<!DOCTYPE html><html><head><title>${headline} | Example Clinic</title>${head}</head><body><article class="post">
  <h1 class="entry-title">${headline}</h1><div class="entry-content"><p>${body[0]}</p><p>${body[1]}</p><p>${body[2]}</p></div></article></body></html>`;

test('the headline the JSON-LD declares is not written at the top of the text', () => {
  const lines = extractMainText(page(ld(headline.replace('–', '-')))).text.split('\n');
  assert.ok(!lines.includes(headline), lines.join('\n'));
  for (const p of body) assert.ok(lines.includes(p), lines.join('\n'));
});

test('without a declared headline, or with another one, the headline is written', () => {
  for (const head of ['', ld('Another Story Entirely')]) {
    const lines = extractMainText(page(head)).text.split('\n');
    assert.ok(lines.includes(headline), lines.join('\n'));
  }
});

test('the declared headline after a line above it is not written either; that line is', () => {
  // The shape of WCXB 0098 (tuning sub-half A): a disclosure paragraph above the headline, in the pick.
  const above = 'Our reviewers research, test, and recommend the best subscriptions and products independently; we may earn a commission.';
  const html = page(ld(headline)).replace('<h1 class="entry-title">', `<p class="disclosure">${above}</p><h1 class="entry-title">`);
  const lines = extractMainText(html).text.split('\n');
  assert.ok(lines.includes(above) && !lines.includes(headline), lines.join('\n'));
});
