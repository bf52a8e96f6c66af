// The report of the embedded sample run, as a user gets it: `cc-pretrain run examples/sample.yaml`
// (training switched off to keep the test short; the synthetic run in browser.test.ts covers the
// training charts) ends by printing the report's path; the report's numbers match the stats the real
// stages wrote, and the page opens cleanly in Chromium. Guards report/counters.ts against the
// stages' counter names drifting. The run stays in test-output/report/sample-run/ (gitignored).

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TaskStats } from '../../pipeline/index.ts';
import { reportData, SECTIONS, type ReportData } from '../../report/index.ts';
import { chromiumPath, launch, NO_CHROMIUM, openPage } from './browser.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const outDir = join(repoRoot, 'test-output', 'report');
const runDir = join(outDir, 'sample-run');
let stdout = '';
let data: ReportData;

async function stageStats(stage: string): Promise<TaskStats[]> {
  const dir = join(runDir, 'stats', stage);
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as TaskStats));
}

const sum = (list: TaskStats[], name: string, source?: string) =>
  list.filter((s) => source === undefined || s.source === source).reduce((a, s) => a + (s.counters[name] ?? 0), 0);

before(async () => {
  await rm(runDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const config = join(outDir, 'sample-no-train.yaml');
  const sample = await readFile(join(repoRoot, 'examples', 'sample.yaml'), 'utf8');
  assert.match(sample, /^train:$/m);
  await writeFile(config, sample.replace(/^train:$/m, 'train:\n  enabled: false'));
  ({ stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'cli', 'main.ts'), 'run', config, '--out', runDir], { cwd: repoRoot, maxBuffer: 16 << 20 }));
  data = await reportData(runDir);
});

test('the sample run ends by printing the report path, and the report matches the stages\' stats', async () => {
  assert.match(stdout.trimEnd().split('\n').at(-1)!, new RegExp(`^report: ${join(runDir, 'report', 'index.html').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const d = data;
  assert.deepEqual(d.warnings, []);
  assert.deepEqual(d.run.sources, ['web', 'wiki']);
  const extract = await stageStats('extract');
  const tokenize = await stageStats('tokenize');
  const f = d.funnel!;
  const at = (row: { docs: (number | null)[] }, key: string) => row.docs[f.steps.findIndex((s) => s.key === key)]!;
  const web = f.rows.find((r) => r.source === 'web')!;
  assert.ok(at(web, 'warc') > at(web, 'html') && at(web, 'html') >= at(web, 'extracted') && at(web, 'extracted') > 0, JSON.stringify(web.docs));
  assert.equal(at(f.rows.find((r) => r.source === 'wiki')!, 'warc'), null, 'records.jsonl are not WARC records');
  for (const row of f.rows) {
    assert.equal(row.docs[f.steps.length - 2], sum(extract, 'docs.out', row.source), `${row.source}: after the last filter = kept by extract`);
    assert.equal(at(row, 'dedup'), sum(tokenize, 'docs.out', row.source), `${row.source}: after dedup = written by tokenize`);
  }
  const manifest = JSON.parse(await readFile(join(runDir, 'shards', 'manifest.json'), 'utf8'));
  assert.equal(f.total.tokens, manifest.shards.reduce((a: number, s: { tokens: number }) => a + s.tokens, 0));
  assert.deepEqual(d.filters!.map((x) => x.name), ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'fineweb_quality'], 'the FineWeb preset\'s filters in order, also those that dropped nothing');
  const lang = d.filters!.find((x) => x.name === 'language')!;
  assert.ok(lang.dropped > 0 && lang.rules.length > 0 && lang.examples.length > 0);
  assert.ok(d.filters!.some((x) => x.values.some((v) => v.threshold !== null)), 'thresholds read from the real drop reasons');
  assert.equal(d.languages!.top[0]!.name, 'en');
  assert.ok(d.languages!.score && d.lengths.chars && d.lengths.tokens);
  assert.equal(d.lengths.charsOf, 'kept');
  assert.ok(d.dedup && d.dedup.clusterSizes);
  assert.deepEqual(d.dedup.removal.map((r) => [r.source, r.removed]), [['web', sum(tokenize, 'drop.dedup', 'web')], ['wiki', sum(tokenize, 'drop.dedup', 'wiki')]], 'every source, also one that lost nothing');
  assert.equal(d.tokenizer!.vocabSize, manifest.tokenizer.vocab_size);
  assert.deepEqual(d.tokenizer!.bytesPerToken.map((r) => r.source), ['web', 'wiki']);
  assert.ok(d.tokenizer!.bytesPerToken.every((r) => r.bytesPerToken! > 2 && r.bytesPerToken! < 8));
  assert.equal(d.training, null);
  assert.deepEqual(d.failures, []);
});

test('removals in bytes and tokens, by language, and the documents either side of each threshold', async () => {
  const d = data;
  const extract = await stageStats('extract');
  for (const f of d.filters!) {
    assert.equal(f.droppedBytes, sum(extract, `drop_bytes.${f.name}`), `${f.name}: bytes dropped`);
    assert.equal(f.byLanguage.reduce((a, l) => a + l.count, 0), f.dropped, `${f.name}: drops by language add up`);
    for (const n of f.near) {
      for (const list of [n.kept, n.dropped]) {
        const distances = list.map((x) => x.distance!);
        assert.deepEqual(distances, [...distances].sort((a, b) => a - b), `${f.name}.${n.metric}: nearest first`);
      }
      assert.ok(n.kept.every((x) => / kept \(drops when /.test(x.reason)) && n.dropped.every((x) => / dropped \(drops when /.test(x.reason)));
    }
  }
  const lang = d.filters!.find((x) => x.name === 'language')!;
  assert.ok(lang.byLanguage.some((l) => l.name !== 'en'), 'the language filter drops other languages');
  const score = lang.near.find((n) => n.metric === 'score')!;
  assert.ok(score.kept.length > 0 && score.dropped.length > 0, 'language score has documents either side of 0.65');
  assert.ok(d.filters!.every((x) => x.values.every((v) => v.threshold !== null || !x.near.some((n) => n.metric === v.metric))), 'every checked metric has its threshold line');
  const total = d.funnel!.total;
  const bytes = total.bytes.filter((b): b is number => b !== null);
  assert.ok(bytes.length >= d.filters!.length + 1 && bytes.every((b, i) => i === 0 || b <= bytes[i - 1]!), `text shrinks along the funnel: ${bytes}`);
  assert.ok(d.bytesPerToken! > 2 && d.bytesPerToken! < 8);
});

test('report --against compares two runs side by side (md and html)', async () => {
  const run = promisify(execFile);
  const cli = join(repoRoot, 'cli', 'main.ts');
  const { stdout: md } = await run(process.execPath, [cli, 'report', runDir, '--against', runDir, '--format', 'md'], { cwd: repoRoot });
  assert.match(md, /^## Against sample-run$/m);
  assert.match(md, /^\| Extracted \| [\d,]+ \| [\d,]+ \| ×1\.000 \|$/m);
  assert.match(md, /^\| language \| [\d.]+% \| [\d.]+% \| \+0\.0 pp \|$/m);
  const { stdout: html } = await run(process.execPath, [cli, 'report', runDir, '--against', runDir], { cwd: repoRoot });
  assert.equal(html.trim(), `report: ${join(runDir, 'report', 'compare.html')}`);
  await assert.rejects(run(process.execPath, [cli, 'report', runDir, '--against', outDir], { cwd: repoRoot }), /--against needs a run folder/);
});

test('the sample run\'s report opens cleanly in Chromium', { skip: chromiumPath ? false : NO_CHROMIUM }, async () => {
  const browser = await launch();
  try {
    const { tab, problems, requests, loaded } = await openPage(browser, join(runDir, 'report', 'index.html'));
    assert.ok(loaded);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
    assert.deepEqual(await tab.$$eval('main > section', (els) => els.map((e) => e.id)), SECTIONS.map(([id]) => id));
    for (const id of ['funnel', 'filters', 'languages', 'lengths', 'dedup', 'tokenizer', 'shards']) assert.ok((await tab.$$(`#${id} svg[data-chart]`)).length > 0, `${id} has charts`);
    assert.match((await tab.textContent('#training .not-run')) ?? '', /^Not run: /);
    await tab.screenshot({ path: join(outDir, 'sample-top.png') });
    await tab.screenshot({ path: join(outDir, 'sample-full.png'), fullPage: true });
    const compare = await openPage(browser, join(runDir, 'report', 'compare.html'));
    assert.ok(compare.loaded);
    assert.deepEqual(compare.problems, []);
    assert.deepEqual(compare.requests, []);
    assert.equal(await compare.tab.$$eval('main > section', (els) => els[0]?.id), 'comparison');
  } finally {
    await browser.close();
  }
});
