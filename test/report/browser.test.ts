// The report as a person sees it: the page of a realistic run, opened from disk in headless
// Chromium (Debian's `chromium`, driven by playwright-core), loads with no console error and no
// network request, shows every section with its charts, and is saved as a screenshot in
// test-output/report/ for a human look. Skips, saying so, only when no chromium binary exists.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildReport, SECTIONS } from '../../report/index.ts';
import { chromiumPath, launch, NO_CHROMIUM, openPage } from './browser.ts';
import { makeRun } from './make-run.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const outDir = join(repoRoot, 'test-output', 'report');

/** Charts every section of a complete run must show (data-chart attribute of each SVG). */
const CHARTS: Record<string, string[]> = {
  funnel: ['funnel'],
  filters: ['filter-drops', 'filter-value'],
  languages: ['languages', 'lang-score'],
  lengths: ['length-chars', 'length-tokens'],
  domains: ['domains-kept', 'domains-dropped', 'tlds-kept', 'tlds-dropped'],
  dedup: ['cluster-sizes', 'dedup-removal'],
  tokenizer: ['bytes-per-token'],
  shards: ['shard-tokens', 'mixture'],
  training: ['loss', 'tokens-per-s', 'mfu'],
};

test('the report page of a full run renders in Chromium with every section, no errors, no network', { skip: chromiumPath ? false : NO_CHROMIUM }, async () => {
  const runDir = join(outDir, 'run');
  await rm(runDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await makeRun(runDir, { failedTasks: [4] });
  const page = await buildReport(runDir, { format: 'html' });
  const browser = await launch();
  try {
    const { tab, problems, requests, loaded } = await openPage(browser, page);
    assert.ok(loaded, 'the page loads');
    assert.deepEqual(problems, [], 'no console errors or warnings');
    assert.deepEqual(requests, [], 'no request besides the page itself');

    const ids = await tab.$$eval('main > section', (els) => els.map((e) => e.id));
    assert.deepEqual(ids, SECTIONS.map(([id]) => id), 'every section, funnel first');
    for (const [id, charts] of Object.entries(CHARTS)) {
      const present = await tab.$$eval(`#${id} svg[data-chart]`, (els) => els.map((e) => e.getAttribute('data-chart')));
      for (const c of charts) assert.ok(present.includes(c), `section ${id} shows chart ${c} (has ${present.join(', ')})`);
      const notRun = await tab.$$eval(`#${id} .not-run`, (els) => els.map((e) => e.textContent));
      assert.deepEqual(notRun, [], `section ${id} has data`);
    }
    // Every chart actually drew something of a visible size.
    const sizes = await tab.$$eval('svg[data-chart]', (els) => els.map((e) => [e.getAttribute('data-chart'), e.getBoundingClientRect().width, e.getBoundingClientRect().height, e.querySelectorAll('rect,path').length] as const));
    for (const [kind, w, h, marks] of sizes) assert.ok(w > 200 && h > 40 && marks > 0, `chart ${kind} is drawn (${w}×${h}, ${marks} marks)`);
    // Filter histograms mark their thresholds; the failed task shows with its message.
    assert.ok((await tab.$$('#filters line.threshold')).length >= 5, 'thresholds are marked');
    assert.match((await tab.textContent('#throughput')) ?? '', /HTTP 503 Service Unavailable/);
    assert.match((await tab.textContent('#funnel')) ?? '', /WARC records[\s\S]*After dedup[\s\S]*Tokens/);

    await tab.screenshot({ path: join(outDir, 'report-top.png') });
    await tab.screenshot({ path: join(outDir, 'report-full.png'), fullPage: true });
    for (const [id] of SECTIONS) await tab.locator(`#${id}`).screenshot({ path: join(outDir, `section-${id}.png`) });
  } finally {
    await browser.close();
  }
});
