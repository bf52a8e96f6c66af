// The quality classifier end to end on the bundled sample: a fastText model trained by
// `cc-pretrain train-classifier` (wiki-like positives against the sample's extracted web pages)
// separates a held-out split, is byte-identical when retrained, scores every kept document in a
// run, keeps exactly the run's top fraction whatever the worker count, shows up in the report,
// and a bad model file or label stops a run before any work with a message naming the file.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { computeCutoff } from '../../filters/classifier-cutoff.ts';
import { createFilterPipeline, fastTextLine, filtersSchema, loadQualityModel, openQualityCut } from '../../filters/index.ts';
import { createStats, parseRunConfig, readDocs, type Document } from '../../pipeline/index.ts';
import { repoRoot } from '../shared-data.ts';

const cli = join(repoRoot, 'bin', 'cc-pretrain');
const web = join(repoRoot, 'examples', 'sample', 'web.warc.gz');
const wiki = join(repoRoot, 'examples', 'sample', 'wiki.jsonl.gz');
const hasFastTextTrainer =
  existsSync(join(repoRoot, '.venv', 'bin', 'python')) &&
  spawnSync(join(repoRoot, '.venv', 'bin', 'python'), ['-c', 'import fasttext'], { stdio: 'ignore' }).status === 0;
const skip = !hasFastTextTrainer && 'no fastText in .venv (fasttext-wheel): run `npm run setup`';

function cc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cli, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function filesUnder(dir: string, tops: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const top of tops) {
    const root = join(dir, top);
    if (!existsSync(root)) continue;
    for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
    }
  }
  return out;
}

async function collect(path: string): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const d of readDocs(path)) docs.push(d);
  return docs;
}

let base = '';
let model = '';
let trained: { train: { positives: number; negatives: number }; held_out: { docs: number; precision: number; recall: number; auc: number } };

function runConfig(extra: Record<string, unknown>): string {
  return [
    'name: classifier-test',
    'sources:',
    `  - { name: web, kind: warc, paths: [${JSON.stringify(web)}] }`,
    `  - { name: wiki, kind: jsonl, paths: [${JSON.stringify(wiki)}] }`,
    `filters: ${JSON.stringify({ preset: 'none', ...extra })}`,
    'dedup: { minhash: { enabled: false } }',
    'tokenizer: { vocab_size: 300, train_bytes: 200000 }',
    'train: { enabled: false }',
  ].join('\n');
}

before(async () => {
  if (skip) return;
  base = await mkdtemp(join(tmpdir(), 'classifier-'));
  // Negatives: the sample's web pages as the extract stage writes them.
  const neg = cc(['extract', web, '--out', join(base, 'negatives'), '--workers', '1']);
  assert.equal(neg.status, 0, neg.stderr);
  const negDocs = join(base, 'negatives', 'docs', 'input', '00000.parquet');
  model = join(base, 'quality.bin');
  const args = ['train-classifier', '--positive', wiki, '--negative', negDocs, '--dim', '16', '--bucket', '20000', '--json'];
  const first = cc([...args, '--out', model]);
  assert.equal(first.status, 0, first.stderr);
  trained = JSON.parse(first.stdout.trim().split('\n').at(-1)!);
  const again = cc([...args, '--out', join(base, 'again.bin')]);
  assert.equal(again.status, 0, again.stderr);
  assert.ok((await readFile(model)).equals(await readFile(join(base, 'again.bin'))), 'retraining writes the same bytes');
});

test('train-classifier: a held-out split it separates, precision and recall printed', { skip }, () => {
  assert.ok(trained.train.positives > 200 && trained.train.negatives > 200, JSON.stringify(trained.train));
  assert.ok(trained.held_out.docs > 40, `held out ${trained.held_out.docs}`);
  assert.ok(trained.held_out.auc >= 0.95, `AUC ${trained.held_out.auc}`);
  assert.ok(trained.held_out.precision >= 0.9 && trained.held_out.recall >= 0.9, JSON.stringify(trained.held_out));
});

test('threshold mode: every kept document carries its score and label; drops say why', { skip }, async () => {
  const p = await createFilterPipeline(filtersSchema.parse({ preset: 'none', classifier: { enabled: true, model, threshold: 0.5 } }));
  const stats = createStats();
  const webDocs = (await collect(join(base, 'negatives', 'docs', 'input', '00000.parquet'))).slice(0, 20);
  const verdicts = webDocs.map((d) => p.apply(d, stats));
  const dropped = verdicts.filter((v) => !v.keep);
  assert.ok(dropped.length >= 15, `web pages mostly dropped (${dropped.length}/20)`);
  for (const v of dropped) assert.match((v as { reason: string }).reason, /^classifier: quality_score [\d.e-]+ < 0\.5 \(below_threshold\)$/);
  for (const v of verdicts.filter((x) => x.keep)) {
    assert.equal(typeof v.doc.meta['quality_score'], 'number');
    assert.equal(v.doc.meta['quality_label'], 'hq');
  }
  assert.equal(stats.counters['drop.classifier'], dropped.length);
  const h = stats.histograms['filter.classifier.quality_score']!;
  assert.equal(h.counts.reduce((a, b) => a + b, 0), 20);
  assert.equal(stats.examples['drop.classifier']?.length, Math.min(5, dropped.length));
});

test('top fraction: exact, the same with 1 and 2 workers, applied at tokenize, in the report', { skip, timeout: 300_000 }, async () => {
  const cfgPath = join(base, 'top.yaml');
  await writeFile(cfgPath, runConfig({ classifier: { enabled: true, model, keep: 'top_fraction', top_fraction: 0.3 } }));
  const two = join(base, 'two');
  const one = join(base, 'one');
  const full = cc(['run', cfgPath, '--out', two, '--workers', '2']);
  assert.equal(full.status, 0, full.stderr);
  assert.equal(cc(['extract', cfgPath, '--out', one, '--workers', '1']).status, 0);
  const cutOne = cc(['dedup', one, '--workers', '1']);
  assert.equal(cutOne.status, 0, cutOne.stderr);
  const a = await filesUnder(two, ['docs', 'classifier']);
  const b = await filesUnder(one, ['docs', 'classifier']);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [k, v] of a) assert.ok(v.equals(b.get(k)!), `${k} differs between 1 and 2 workers`);

  const cut = JSON.parse(await readFile(join(two, 'classifier', 'cutoff.json'), 'utf8'));
  const docs = [...(await collect(join(two, 'docs', 'web', '00000.parquet'))), ...(await collect(join(two, 'docs', 'wiki', '00000.parquet')))];
  assert.equal(cut.docs, docs.length);
  assert.equal(cut.kept, Math.ceil(0.3 * docs.length - 1e-9));
  for (const d of docs) assert.ok(d.meta['quality_score'] as number >= 0 && d.meta['quality_label'] !== undefined, d.id);

  // The tokenize stage kept exactly the cut (no dedup in this run).
  const manifest = JSON.parse(await readFile(join(two, 'shards', 'manifest.json'), 'utf8'));
  const rows = Object.values(manifest.sources as Record<string, { rows: number }>).reduce((n, s) => n + s.rows, 0);
  assert.equal(rows, cut.kept);

  const report = JSON.parse(await readFile(join(two, 'report', 'stats.json'), 'utf8'));
  const section = report.filters.find((f: { name: string }) => f.name === 'classifier');
  assert.ok(section, 'the report has a classifier section');
  assert.equal(section.dropped, cut.docs - cut.kept);
  assert.ok(section.values.some((v: { metric: string }) => v.metric === 'quality_score'), 'score histogram');
  assert.ok(section.examples.length > 0 && /top 0\.3 of the run/.test(section.examples[0].reason), JSON.stringify(section.examples[0]));
  assert.match(await readFile(join(two, 'report', 'index.html'), 'utf8'), /id="filter-classifier"/);
  assert.equal(report.funnel.steps.at(-1).label, 'After dedup and the classifier cut');
});

test('a model that is not fastText, or lacks the label, stops the run before any work', { skip }, async () => {
  const notModel = join(base, 'bad-config.yaml');
  await writeFile(notModel, runConfig({ classifier: { enabled: true, model: wiki } }));
  const r = cc(['extract', notModel, '--out', join(base, 'bad1')]);
  assert.equal(r.status, 2, r.stderr);
  assert.ok(r.stderr.includes(`classifier model ${wiki}: not a fastText model`), r.stderr);
  assert.ok(!existsSync(join(base, 'bad1', 'docs')), 'no documents written');

  const badLabel = join(base, 'bad-label.yaml');
  await writeFile(badLabel, runConfig({ classifier: { enabled: true, model, label: 'educational' } }));
  const l = cc(['extract', badLabel, '--out', join(base, 'bad2')]);
  assert.equal(l.status, 2, l.stderr);
  assert.ok(l.stderr.includes(`classifier model ${model} has labels [`), l.stderr);
  assert.match(l.stderr, /__label__hq/);
  assert.match(l.stderr, /__label__cc/);
  assert.match(l.stderr, /not __label__educational/);
  await assert.rejects(loadQualityModel({ kind: 'fasttext', model: join(base, 'missing.bin'), label: 'hq', newlines: 'space', max_chars: null, keep: 'threshold', threshold: 0.5, top_fraction: 0.1 }), /classifier model .*missing\.bin: cannot read fastText model \(ENOENT\)/);
});

test('the cut-off ranks ties by position and keeps exactly ceil(fraction × N)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cutoff-'));
  await assert.rejects(computeCutoff(dir, 0.5), /no document scores in .*: run the extract stage first/);
  const write = async (id: string, scores: number[]) => {
    await mkdir(join(dir, 'docs', id.split('/')[0]!), { recursive: true });
    await writeFile(join(dir, 'docs', `${id}.parquet`), '');
    const buf = Buffer.alloc(scores.length * 8);
    scores.forEach((s, i) => buf.writeDoubleLE(s, i * 8));
    await mkdir(join(dir, 'classifier', 'scores', id.split('/')[0]!), { recursive: true });
    await writeFile(join(dir, 'classifier', 'scores', `${id}.f64`), buf);
  };
  await write('a/00000', [0.9, 0.5, 0.5, 0.1]);
  await write('a/00001', [0.5, 0.7]);
  await write('a-b/00000', [0.5, 0.95, 0.5, 0.2]);
  const cut = await computeCutoff(dir, 0.5);
  // Ranked: 0.95, 0.9, 0.7, then the 0.5s by (source, number, row): a/00000:1, a/00000:2 | a/00001:0, a-b/00000:0, a-b/00000:2
  // (source `a` before `a-b`, though the id `a-b/00000` sorts before `a/00000` as a whole string).
  assert.deepEqual(cut, { top_fraction: 0.5, docs: 10, kept: 5, score: 0.5, file: 'a/00000', row: 2 });
  await writeFile(join(dir, 'classifier', 'cutoff.json'), JSON.stringify(cut));
  const config = parseRunConfig({ sources: [{ name: 'a', kind: 'jsonl', paths: ['x.jsonl'] }], filters: { classifier: { enabled: true, model: 'm.bin', keep: 'top_fraction', top_fraction: 0.5 } } }, 'test');
  let kept = 0;
  for (const [id, scores] of [['a/00000', [0.9, 0.5, 0.5, 0.1]], ['a/00001', [0.5, 0.7]], ['a-b/00000', [0.5, 0.95, 0.5, 0.2]]] as const) {
    const keep = (await openQualityCut(dir, config, id))!;
    scores.forEach((s, row) => (kept += keep({ id: `${id}:${row}`, text: '', source: '', file: '', meta: { quality_score: s } }, row) ? 1 : 0));
  }
  assert.equal(kept, 5);
});

test('the fastText line: newlines as spaces (DCLM, datatrove) or whitespace runs collapsed', () => {
  assert.equal(fastTextLine('a\nb\r\nc\u2028d', 'space', null), 'a b c d');
  assert.equal(fastTextLine(' a \u00a0\n\n b ', 'collapse', null), 'a b');
  assert.equal(fastTextLine('abcdef', 'space', 3), 'abc');
});
