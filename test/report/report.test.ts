// The report's numbers and its robustness: a full synthetic run aggregates to the sums of its
// stats files, builds byte-identically twice, and runs that stopped early, hold nothing, or hold
// damaged files still build, with "not run" notes and warnings instead of crashes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStats, createTaskMemo, type TaskStats, type RunConfig } from '../../pipeline/index.ts';
import { buildReport, createClusterSampler, createDomainCounter, domainOf, reportData, reportStage, type ReportData } from '../../report/index.ts';
import { makeRun } from './make-run.ts';

async function tempRun(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-report-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function readAllStats(dir: string, stage: string): Promise<TaskStats[]> {
  const files = (await readdir(join(dir, 'stats', stage), { recursive: true })).filter((f) => f.endsWith('.json'));
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, 'stats', stage, f), 'utf8')) as TaskStats));
}

const sum = (list: TaskStats[], name: string, source?: string) =>
  list.filter((s) => source === undefined || s.source === source).reduce((a, s) => a + (s.counters[name] ?? 0), 0);

test('a full run aggregates to the sums of its task stats', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir, { failedTasks: [4] });
  const d: ReportData = await reportData(dir);
  const extract = await readAllStats(dir, 'extract');
  const tokenize = await readAllStats(dir, 'tokenize');

  assert.deepEqual(d.run.sources, ['web', 'news', 'wiki']);
  assert.deepEqual(d.run.stages, ['extract', 'dedup-buckets', 'dedup-clusters', 'tokenizer', 'tokenize', 'manifest', 'train']);
  assert.deepEqual(d.warnings, []);

  const f = d.funnel!;
  assert.deepEqual(
    f.steps.map((s) => s.key),
    ['warc', 'html', 'extracted', 'filter:url', 'filter:language', 'filter:gopher_repetition', 'filter:gopher_quality', 'filter:c4_quality', 'filter:fineweb_quality', 'dedup'],
  );
  const web = f.rows.find((r) => r.source === 'web')!;
  const records = ['records.warcinfo', 'records.request', 'records.response', 'records.metadata'].reduce((a, k) => a + sum(extract, k, 'web'), 0);
  assert.equal(web.docs[0], records);
  assert.equal(web.docs[1], sum(extract, 'html.responses', 'web'));
  assert.equal(web.docs[2], sum(extract, 'docs.in', 'web'));
  assert.equal(web.docs[8], sum(extract, 'docs.out', 'web'), 'after the last filter = kept by the extract stage');
  assert.equal(web.docs[9], sum(tokenize, 'docs.out', 'web'));
  const wiki = f.rows.find((r) => r.source === 'wiki')!;
  assert.equal(wiki.docs[0], null, 'a JSONL source has no WARC records');
  assert.equal(f.total.docs[2], sum(extract, 'docs.in'));
  assert.equal(f.total.ofPrevious[2], null, 'the total is not compared across steps that count different sources');
  assert.ok(Math.abs(f.total.ofPrevious[3]! - f.total.docs[3]! / f.total.docs[2]!) < 1e-12);
  const manifest = JSON.parse(await readFile(join(dir, 'shards', 'manifest.json'), 'utf8'));
  assert.equal(f.total.tokens, Object.values(manifest.sources as Record<string, { tokens: number }>).reduce((a, s) => a + s.tokens, 0));

  const filters = d.filters!;
  assert.equal(filters[0]!.input, sum(extract, 'docs.in'));
  for (let i = 1; i < filters.length; i++) assert.equal(filters[i]!.input, filters[i - 1]!.input! - filters[i - 1]!.dropped);
  const gq = filters.find((x) => x.name === 'gopher_quality')!;
  assert.equal(gq.dropped, sum(extract, 'drop.gopher_quality'));
  assert.deepEqual(gq.values.map((v) => [v.metric, v.threshold]), [['mean_word_length', { op: '<', value: 3 }]]);
  assert.equal(gq.values[0]!.histogram.counts.reduce((a, b) => a + b, 0), gq.input, 'every document reaching the filter was measured');
  assert.equal(gq.examples.length, 3, 'examples as many as the config asks');
  assert.match(gq.examples[0]!.reason, /^gopher_quality: mean_word_length [\d.]+ < 3 \(gopher_below_avg_threshold\)$/);
  assert.deepEqual(gq.rules, [{ name: 'gopher_below_avg_threshold', count: gq.dropped }]);
  assert.deepEqual(filters.find((x) => x.name === 'c4_badwords'), undefined, 'a no_list counter is not a filter that ran');
  const lang = filters.find((x) => x.name === 'language')!;
  assert.deepEqual(lang.values.map((v) => [v.metric, v.threshold]), [['score', { op: '<', value: 0.65 }]]);

  assert.equal(d.languages!.top[0]!.name, 'en');
  assert.equal(d.languages!.top.length, 12);
  assert.equal(d.languages!.total, d.languages!.top.reduce((a, b) => a + b.count, 0) + d.languages!.others);
  assert.ok(d.lengths.chars && d.lengths.tokens && d.languages!.score);
  assert.equal(d.lengths.charsOf, 'kept');
  assert.equal(d.lengths.chars.counts.reduce((a, b) => a + b, 0), sum(extract, 'docs.out'));
  assert.ok(d.domains!.kept.length > 0 && d.domains!.tldsDropped.length > 0);
  assert.ok(d.domains!.kept.every((x, i, a) => i === 0 || a[i - 1]!.count >= x.count), 'domains sorted by count');

  const dd = d.dedup!;
  assert.deepEqual(dd.stages, ['dedup-buckets', 'dedup-clusters']);
  assert.ok(dd.clusterSizes);
  assert.ok(dd.clusters.length === 12 && dd.clusters.every((c, i, a) => i === 0 || a[i - 1]!.size >= c.size), 'largest clusters first');
  assert.match(dd.clusters[0]!.cluster, /^(web|news|wiki)\/\d{5}:\d+$/);
  assert.match(dd.clusters[0]!.examples[0]!.url!, /^https:\/\/mirror/);
  const allSizes = tokenize.flatMap((s) => (s.examples['dedup.cluster'] ?? []).map((x) => Number(/size (\d+)$/.exec(x.reason)![1])));
  assert.equal(dd.clusters[0]!.size, Math.max(...allSizes), 'the largest cluster of any task, not of the first ones merged');
  const webRemoval = dd.removal.find((r) => r.source === 'web')!;
  assert.equal(webRemoval.removed, sum(tokenize, 'drop.dedup', 'web'));
  assert.equal(webRemoval.share, webRemoval.removed / sum(tokenize, 'docs.in', 'web'));

  assert.equal(d.tokenizer!.vocabSize, 32768);
  const bpt = Object.fromEntries(d.tokenizer!.bytesPerToken.map((r) => [r.source, r.bytesPerToken]));
  assert.ok(Math.abs(bpt['web']! - 4.3) < 0.01 && Math.abs(bpt['wiki']! - 4.9) < 0.01, JSON.stringify(bpt));
  assert.equal(d.shards!.total.shards, manifest.shards.length);
  assert.deepEqual(d.mixture!.rows.map((r) => [r.source, r.weight]), [['web', 0.6], ['news', 0.3], ['wiki', 0.1]]);
  assert.ok(d.mixture!.rows.every((r) => r.valTokens! > 0 && r.epochs! > 0));
  assert.ok(d.mixture!.facts.some(([k]) => k === 'chinchilla_tokens'));

  const ex = d.throughput.find((s) => s.stage === 'extract')!;
  assert.equal(ex.planned, 9);
  assert.equal(ex.tasks, 9);
  assert.equal(ex.failed, 1);
  assert.ok(ex.docsPerS! > 0 && ex.mbPerS! > 0);
  assert.equal(d.failures.length, 1);
  assert.match(d.failures[0]!.error, /HTTP 503/);
  assert.equal(d.failures[0]!.task, 'news/00001');

  const tr = d.training!;
  assert.equal(tr.steps, 400);
  assert.deepEqual(Object.keys(tr.val), ['news', 'web', 'wiki']);
  assert.equal(tr.val['web']!.length, 8);
  assert.equal(tr.val['wiki']!.length, 7, 'a NaN validation loss is left out, the line kept');
  assert.ok(tr.meanMfu! > 0.3 && tr.meanMfu! < 0.34, 'MFU mean leaves out warm-up steps');
});

test('the report is byte-identical when built twice, and stats.json holds its data', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir);
  const path = await buildReport(dir, { format: 'html' });
  const first = [await readFile(path, 'utf8'), await readFile(join(dir, 'report', 'stats.json'), 'utf8')];
  await buildReport(dir, { format: 'html' });
  assert.deepEqual([await readFile(path, 'utf8'), await readFile(join(dir, 'report', 'stats.json'), 'utf8')], first);
  assert.deepEqual(JSON.parse(first[1]!), JSON.parse(JSON.stringify(await reportData(dir))));
  assert.doesNotMatch(first[0]!, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)[^"<\s]*"|<link|@import|url\(/, 'nothing loads from outside the page');
});

test('a run that stopped after extract renders every later part as "not run"', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir, { stages: { dedup: false, tokenize: false, train: false } });
  await writeFile(join(dir, 'tasks', 'dedup-buckets.json'), JSON.stringify([{ id: '00000', label: 'band 0' }, { id: '00001', label: 'band 1' }]));
  const d = await reportData(dir);
  assert.deepEqual(d.throughput.map((s) => [s.stage, s.planned, s.tasks]), [['extract', 9, 9], ['dedup-buckets', 2, 0]], 'a planned stage without stats shows with nothing done');
  assert.ok(d.funnel && d.filters && d.languages);
  assert.equal(d.funnel.total.docs.at(-1), null);
  assert.equal(d.funnel.total.tokens, null);
  for (const part of ['dedup', 'tokenizer', 'shards', 'mixture', 'training'] as const) assert.equal(d[part], null, part);
  const html = await readFile(await buildReport(dir, { format: 'html' }), 'utf8');
  for (const id of ['dedup', 'tokenizer', 'shards', 'training']) {
    const body = html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
    assert.match(body, /class="not-run">Not run: /, `section ${id} says not run`);
  }
  const md = await buildReport(dir, { format: 'md' });
  assert.match(md, /## Funnel\n\n\| Step \| web \| news \| wiki \| Total \|/);
  assert.match(md, /## Training\n\n_Not run: no training log._/);
  assert.equal(await readFile(join(dir, 'report', 'report.md'), 'utf8'), md);
});

test('an empty run folder builds a report of "not run" notes', async (t) => {
  const dir = await tempRun(t);
  const d = await reportData(dir);
  assert.equal(d.funnel, null);
  assert.equal(d.filters, null);
  assert.deepEqual(d.throughput, []);
  const html = await readFile(await buildReport(dir, { format: 'html' }), 'utf8');
  const sections = html.split('<section id="').slice(1);
  assert.equal(sections.length, 10);
  for (const body of sections) assert.match(body, /class="not-run">Not run: /, body.slice(0, body.indexOf('"')));
});

test('damaged inputs become warnings, never a failed report', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir, { tasksPerSource: 2, docsPerTask: 50 });
  await writeFile(join(dir, 'stats', 'extract', 'web', '00007.json'), '{"stage": "extract", "task": ');
  await writeFile(join(dir, 'stats', 'extract', 'web', '00008.json'), JSON.stringify({ stage: 'extract', task: 'web/00008', ok: true }));
  const odd = createStats();
  odd.count('docs.in', 5);
  odd.observe('extract.text_chars', 10, [1, 2, 3]);
  await writeFile(join(dir, 'stats', 'extract', 'web', '00009.json'), JSON.stringify({ stage: 'extract', task: 'web/00009', source: 'web', ok: true, seconds: 1, ...odd }));
  await writeFile(join(dir, 'stats', 'extract', 'web', '00010.json.tmp-123-ab'), 'partial');
  await writeFile(join(dir, 'train', 'log.jsonl'), '{"step": 1, "loss": 9.5}\nnot json\n{"loss": 3}\n{"step": 2, "loss": 9.1, "val_loss/web": 9.3}\n');
  await mkdir(join(dir, 'shards'), { recursive: true });
  await writeFile(join(dir, 'shards', 'manifest.json'), JSON.stringify({ version: 1, shards: [{ source: 'web', rows: -1 }] }));
  const d = await reportData(dir);
  const w = d.warnings.join('\n');
  assert.match(w, /00007\.json left out: .*JSON/);
  assert.match(w, /00008\.json left out: seconds: /);
  assert.match(w, /histogram "extract\.text_chars" of stage extract has different bin edges in task web\/00009/);
  assert.match(w, /log\.jsonl: 2 line\(s\) are not log records/);
  assert.match(w, /manifest\.json left out: shards\.0\./);
  assert.equal(d.warnings.length, 5);
  assert.equal(d.throughput.find((s) => s.stage === 'extract')!.tasks, 7, 'six good tasks and the one with odd bins; the unreadable ones left out');
  assert.equal(d.shards, null);
  assert.deepEqual({ ...d.training!.val }, { web: [[2, 9.3]] });
  const html = await readFile(await buildReport(dir, { format: 'html' }), 'utf8');
  assert.match(html, /5 warnings while building this report/);
});

test('the report stage plans one task when enabled and writes the page when run', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir, { tasksPerSource: 1, docsPerTask: 30 });
  const config = { report: { enabled: true, top_n: 15, examples: 5 } } as RunConfig;
  assert.deepEqual(await reportStage.plan({ runDir: dir, config }), [{ id: 'report', label: 'report/index.html' }]);
  assert.deepEqual(await reportStage.plan({ runDir: dir, config: { report: { enabled: false } } as RunConfig }), []);
  const stats = createStats();
  const logs: string[] = [];
  await reportStage.run({ runDir: dir, config, task: { id: 'report', label: '' }, index: 0, stats, progress: () => {}, signal: new AbortController().signal, log: (m) => logs.push(m), keep: createTaskMemo() });
  assert.match(await readFile(join(dir, 'report', 'index.html'), 'utf8'), /<section id="funnel">/);
  assert.ok(stats.counters['report.tasks']! > 0);
  assert.match(logs.at(-1)!, /report written to .*index\.html/);
});

test('the domain counter flushes only the top domains and TLDs of a task', () => {
  const stats = createStats();
  const domains = createDomainCounter(stats, 2);
  const urls = ['https://www.a.com/x', 'https://a.com/y', 'http://WWW2.A.com:8080/z', 'https://b.org/', 'https://c.de/', 'https://10.0.0.1/p', 'not a url'];
  urls.forEach((url, i) => domains.add({ url }, i !== 3));
  domains.add({ url: 'https://b.org/2' }, false);
  assert.deepEqual(Object.keys(stats.counters), [], 'nothing before the flush');
  domains.flush();
  const under = (p: string) => Object.keys(stats.counters).filter((k) => k.startsWith(p)).sort();
  assert.deepEqual(under('domain.kept.'), ['domain.kept.10.0.0.1', 'domain.kept.a.com'], 'the top 2, ties by name');
  assert.equal(stats.counters['domain.kept.a.com'], 3);
  assert.deepEqual(under('domain.dropped.'), ['domain.dropped.b.org']);
  assert.equal(stats.counters['domain.dropped.b.org'], 2);
  assert.deepEqual(under('tld.kept.'), ['tld.kept.(ip)', 'tld.kept.com']);
  assert.deepEqual(domainOf('https://www.example.co.uk./a'), { domain: 'example.co.uk', tld: 'uk' });
  assert.equal(domainOf('mailto:x@y'), undefined);
  assert.equal(domainOf(undefined), undefined);
});

test('the cluster sampler keeps the largest clusters of a task as examples', () => {
  const stats = createStats();
  const clusters = createClusterSampler(stats, 3);
  const sizes = [5, 2, 9, 5, 1, 40, 5];
  sizes.forEach((size, row) => clusters.add({ id: `d${row}`, url: `https://x.com/${row}`, text: `text ${row}`, meta: { dedup_cluster_id: `web/00000:${row}`, dedup_cluster_size: size } }));
  clusters.add({ id: 'plain', text: 'not in a cluster', meta: {} });
  assert.deepEqual(Object.keys(stats.examples), [], 'nothing before the flush');
  clusters.flush();
  assert.deepEqual(
    stats.examples['dedup.cluster']!.map((x) => [x.id, x.reason]),
    [['d5', 'cluster web/00000:5 size 40'], ['d2', 'cluster web/00000:2 size 9'], ['d0', 'cluster web/00000:0 size 5']],
  );
});

test('filters are shown in the order the run resolved from its filters config', async (t) => {
  const dir = await tempRun(t);
  await makeRun(dir, { tasksPerSource: 1, docsPerTask: 50, stages: { dedup: false, tokenize: false } });
  const run = JSON.parse(await readFile(join(dir, 'run.json'), 'utf8'));
  run.config.filters = { preset: 'gopher' };
  await writeFile(join(dir, 'run.json'), JSON.stringify(run));
  const d = await reportData(dir);
  assert.deepEqual(d.filters!.map((f) => f.name), ['language', 'gopher_quality', 'gopher_repetition', 'url', 'c4_quality', 'fineweb_quality']);
  const after = d.funnel!.total.docs;
  assert.equal(after[3]! - after[4]!, d.filters![1]!.dropped, 'each step subtracts the drops of its own filter');
  run.config.filters = { preset: 'no-such-preset' };
  await writeFile(join(dir, 'run.json'), JSON.stringify(run));
  assert.match((await reportData(dir)).warnings.join(), /filters section is invalid/);
});
