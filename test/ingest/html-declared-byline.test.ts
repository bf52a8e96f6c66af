// ingest/html-declared-byline.ts: a short line over the text naming the JSON-LD's person is the
// byline and is not written; without JSON-LD it is written as before, and a sentence naming the
// person stays.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';

const body = [
  'Knowing the costs of a room remodel, up front, used to be a farfetched dream. Now it is a reality for most homeowners.',
  'Designers told Arricca Elin SanSone what a kitchen, a bath and a living room cost to redo this year, and the answers varied widely.',
  'Online services charge a flat fee per room, and most include a shopping list with links to every piece of furniture they suggest.',
];
const byline = 'By Arricca Elin SanSone Published: Dec 20, 2023';
const ld = '<script type="application/ld+json">{"@type":"Article","author":{"name":"Arricca Elin SanSone","@type":"Person"}}</script>';
// The shape of WCXB 0133 (tuning sub-half A): the byline is a plain paragraph inside the story.
const page = (head: string): string => `<!DOCTYPE html><html><head><title>Online interior design</title>${head}</head><body><article><div class="body">
  <p class="dek">${body[0]}</p><p class="x9">${byline}</p><p>${body[1]}</p><p>${body[2]}</p></div></article></body></html>`;

test("a short line over the text naming the JSON-LD's person is not written", () => {
  const lines = extractMainText(page(ld)).text.split('\n');
  assert.ok(!lines.includes(byline), lines.join('\n'));
  for (const p of body) assert.ok(lines.includes(p), lines.join('\n'));
});

test('without JSON-LD the byline is written', () => {
  assert.ok(extractMainText(page('')).text.split('\n').includes(byline));
});
