// Quality floor on real benchmark pages (skipped without the shared data): the first pages of
// scrapinghub and WCXB dev, scored with the bench metrics. Floors sit well below the measured
// figures (see docs/extraction.md) so that a regression in the heuristics fails here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMainText } from '../../ingest/html-extract.ts';
import { loadScrapinghub, loadWcxb } from '../../bench/extraction/datasets.ts';
import { bagOfWordsPRF, macroScore, scrapinghubScore, shinglePR } from '../../bench/extraction/metrics.ts';
import { sharedDataDir } from '../shared-data.ts';

const dataDir = sharedDataDir();

test('scrapinghub: first 40 articles', { skip: dataDir ? false : 'shared data absent' }, async () => {
  const pages = await loadScrapinghub(dataDir as string, 40);
  assert.equal(pages.length, 40);
  const s = scrapinghubScore(pages.map((p) => shinglePR(extractMainText(p.html).text, p.gold)));
  assert.ok(s.f1 >= 0.9, `F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)})`);
});

test('WCXB dev: first 150 pages', { skip: dataDir ? false : 'shared data absent' }, async () => {
  const pages = await loadWcxb(dataDir as string, 150);
  assert.equal(pages.length, 150);
  const s = macroScore(pages.map((p) => bagOfWordsPRF(extractMainText(p.html).text, p.gold)));
  assert.ok(s.f1 >= 0.82, `F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)})`);
});
