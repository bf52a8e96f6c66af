// The report against the real components: the embedded sample (examples/) read by the real ingest
// and filtered by the real filter pipeline, each input's stats written as the extract stage writes
// them, then aggregated and opened in Chromium. Guards report/counters.ts against the names
// drifting, and shows how a run that has only extracted so far reads. The run and its page stay in
// test-output/report/sample-run/ (gitignored) to be looked at.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { planInputs, readDocuments } from '../../ingest/index.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { configHash, loadRunConfig, createStats, type TaskStats } from '../../pipeline/index.ts';
import { buildReport, createDomainCounter, reportData, SECTIONS, type ReportData } from '../../report/index.ts';
import { chromiumPath, launch, NO_CHROMIUM, openPage } from './browser.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const dir = join(repoRoot, 'test-output', 'report', 'sample-run');
const kept = new Map<string, number>();
let data: ReportData;
let page: string;

before(async () => {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const config = await loadRunConfig(join(repoRoot, 'examples', 'sample.yaml'));
  config.sources = config.sources.map((s) => (s.kind === 'commoncrawl' ? s : { ...s, paths: s.paths.map((p) => join(repoRoot, p)) }));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ config, config_hash: configHash(config) }));
  const inputs = await planInputs(config.sources, config.extract);
  const filters = await createFilterPipeline(config.filters);
  for (const [i, input] of inputs.entries()) {
    const stats = createStats();
    const domains = createDomainCounter(stats);
    const started = performance.now();
    let out = 0;
    for await (const doc of readDocuments(input, config.extract, stats, new AbortController().signal)) {
      const verdict = filters.apply(doc, stats);
      domains.add(verdict.doc, verdict.keep);
      if (verdict.keep) out++;
    }
    domains.flush();
    stats.count('docs.out', out);
    kept.set(input.source, (kept.get(input.source) ?? 0) + out);
    const id = `${input.source}/${String(i).padStart(5, '0')}`;
    const task: TaskStats = { stage: 'extract', task: id, source: input.source, input: input.location, ok: true, seconds: (performance.now() - started) / 1000, ...stats };
    await mkdir(join(dir, 'stats', 'extract', input.source), { recursive: true });
    await writeFile(join(dir, 'stats', 'extract', `${id}.json`), JSON.stringify(task));
  }
  data = await reportData(dir);
  page = await buildReport(dir, { format: 'html' });
});

test('the report reads the real extract and filter stats of the embedded sample', () => {
  const d = data;
  assert.deepEqual(d.warnings, []);
  assert.deepEqual(d.run.sources, ['web', 'wiki']);
  const f = d.funnel!;
  const web = f.rows.find((r) => r.source === 'web')!;
  const at = (row: typeof web, key: string) => row.docs[f.steps.findIndex((s) => s.key === key)]!;
  assert.ok(at(web, 'warc') > at(web, 'html') && at(web, 'html') >= at(web, 'extracted') && at(web, 'extracted') > 0, JSON.stringify(web.docs));
  assert.equal(at(f.rows.find((r) => r.source === 'wiki')!, 'warc'), null, 'records.jsonl are not WARC records');
  for (const row of f.rows) assert.equal(row.docs[f.steps.length - 2], kept.get(row.source), `${row.source}: after the last filter = kept`);
  const names = d.filters!.map((x) => x.name);
  assert.deepEqual(names, ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'fineweb_quality'], 'every filter of the FineWeb preset, in its order, also those that dropped nothing');
  const lang = d.filters!.find((x) => x.name === 'language')!;
  assert.ok(lang.dropped > 0 && lang.rules.length > 0);
  assert.equal(lang.values.find((v) => v.metric === 'score')?.threshold?.value, 0.65, 'threshold read from the real drop reasons');
  assert.equal(d.languages!.top[0]!.name, 'en');
  assert.ok(d.languages!.score && d.lengths.chars);
  assert.equal(d.lengths.charsOf, 'extracted', 'this harness records no kept-length histogram, so ingest\'s is shown');
  assert.ok(d.domains!.kept.length > 0 && d.domains!.tldsKept.length > 0);
});

test('the embedded sample’s report, extract only, opens cleanly in Chromium', { skip: chromiumPath ? false : NO_CHROMIUM }, async () => {
  const browser = await launch();
  try {
    const { tab, problems, requests, loaded } = await openPage(browser, page);
    assert.ok(loaded);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
    assert.deepEqual(await tab.$$eval('main > section', (els) => els.map((e) => e.id)), SECTIONS.map(([id]) => id));
    for (const id of ['funnel', 'filters', 'languages', 'domains']) assert.ok((await tab.$$(`#${id} svg[data-chart]`)).length > 0, `${id} has charts`);
    for (const id of ['dedup', 'tokenizer', 'shards', 'training']) assert.match((await tab.textContent(`#${id} .not-run`)) ?? '', /^Not run: /, `${id} says not run`);
    await tab.screenshot({ path: join(repoRoot, 'test-output', 'report', 'sample-top.png') });
  } finally {
    await browser.close();
  }
});
