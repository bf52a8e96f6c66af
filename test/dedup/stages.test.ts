// The dedup stages end to end on small docs files written with the real Parquet doc store: the
// sink fed from the docs as extract feeds it, the stages run through their plans, and the editor
// applied to every row as tokenize applies it. Covers MinHash clusters across files, exact-text
// and URL dedup (latest capture kept), C4 line dedup (owner page by URL MD5, repeats within a page),
// determinism across hash-range splits, the refusal to edit before the stages ran, and
// `dedup.scope` (per crawl, non-crawl sources apart, or the whole run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignatureSink, dedupStages, openDocEditor } from '../../dedup/index.ts';
import type { RunConfig } from '../../pipeline/config.ts';
import { createDocWriter, readDocs } from '../../pipeline/doc-store.ts';
import type { Document } from '../../pipeline/document.ts';
import { randomWords, rng } from './corpus.ts';
import { counter, runStages, testConfig } from './stage-harness.ts';

const next = rng(5);
const X = randomWords(next, 60).join(' ');
const Y = randomWords(next, 60);
const Y2 = [...Y.slice(0, 57), 'changed', 'ending', 'words'].join(' ');
const URL_A = 'http://a.example/lines';
const URL_B = 'http://b.example/lines';
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const ownerIsA = md5(URL_A) < md5(URL_B);

const doc = (id: string, text: string, url: string, date = '2024-01-01T00:00:00Z'): Document => ({
  id,
  text,
  url,
  date,
  source: 'web',
  file: 'test.warc.gz',
  meta: {},
});

const TASKS: Record<string, Document[]> = {
  'web/00000': [
    doc('x1', X, 'http://x.example/1'),
    doc('y1', Y.join(' '), 'http://y.example/1'),
    doc('la', 'line one is here.\nShared boilerplate line\nline one is here.\nunique zeta ' + randomWords(next, 3).join(' '), URL_A),
  ],
  'web/00001': [
    doc('x2', X, 'http://x.example/2'),
    doc('p-old', randomWords(next, 30).join(' '), 'http://www.site.org/page?utm_source=feed', '2023-05-01T00:00:00Z'),
    doc('p-new', randomWords(next, 30).join(' '), 'https://site.org/page/', '2024-05-01T00:00:00Z'),
    doc('lb', '  shared boilerplate LINE  \nanother unique ' + randomWords(next, 3).join(' '), URL_B),
    doc('y2', Y2, 'http://y.example/2'),
  ],
};

async function extract(runDir: string, config: RunConfig): Promise<void> {
  for (const [id, docs] of Object.entries(TASKS)) {
    const w = await createDocWriter(join(runDir, 'docs', `${id}.parquet`));
    for (const d of docs) await w.write(d);
    await w.close();
    const sink = await createSignatureSink(runDir, config.dedup, { id, source: 'web' });
    let row = 0;
    for await (const d of readDocs(join(runDir, 'docs', `${id}.parquet`))) sink.add(d, row++);
    await sink.close();
  }
}

async function tokenizeView(runDir: string, config: RunConfig): Promise<Map<string, Document>> {
  const kept = new Map<string, Document>();
  for (const id of Object.keys(TASKS)) {
    const edit = await openDocEditor(runDir, config, { id, source: 'web' });
    let row = 0;
    for await (const d of readDocs(join(runDir, 'docs', `${id}.parquet`))) {
      const out = edit(d, row++);
      if (out) kept.set(out.id, out);
    }
  }
  return kept;
}

const ALL_ON = { exact: { enabled: true }, url: { enabled: true }, c4_lines: { enabled: true } };

test('minhash, exact, url and C4 line dedup through the stages', async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'dedup-stages-'));
  try {
    const config = testConfig(ALL_ON);
    await extract(runDir, config);
    await assert.rejects(openDocEditor(runDir, config, { id: 'web/00000', source: 'web' }), /run the dedup stages/);
    const stats = await runStages(dedupStages, runDir, config);
    const kept = await tokenizeView(runDir, config);

    // Exact copy in the later file removed; the kept one represents a cluster of 2 (exact + MinHash).
    assert.ok(!kept.has('x2'));
    assert.equal(kept.get('x1')?.meta.dedup_cluster_size, 2);
    assert.equal(kept.get('x1')?.meta.dedup_cluster_id, 'web/00000:0');
    // Near-duplicate (57 of 60 words shared, J ≈ 0.9): removed by MinHash alone.
    assert.ok(kept.has('y1') && !kept.has('y2'));
    // URL dedup: same normalised URL, the latest capture wins even though it comes later.
    assert.ok(kept.has('p-new') && !kept.has('p-old'));
    // C4 lines: the repeat inside a page goes; the shared line stays only in the owner page.
    const la = kept.get('la')!.text.split('\n');
    const lb = kept.get('lb')!.text.split('\n');
    assert.equal(la.filter((l) => l === 'line one is here.').length, 1);
    assert.equal(la.some((l) => /boilerplate/i.test(l)), ownerIsA);
    assert.equal(lb.some((l) => /boilerplate/i.test(l)), !ownerIsA);
    assert.equal(kept.size, 5);

    assert.equal(counter(stats, 'dedup-exact', 'dedup.exact_duplicates'), 1);
    assert.equal(counter(stats, 'dedup-exact', 'dedup.url_duplicates'), 1);
    assert.equal(counter(stats, 'dedup-exact', 'dedup.lines_removed'), 3); // + x2's single line, a copy of x1's
    assert.equal(counter(stats, 'dedup-clusters', 'dedup.clusters'), 2);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
});

test('outputs do not depend on how the hash ranges are split', async () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'dedup-det-a-')), mkdtempSync(join(tmpdir(), 'dedup-det-b-'))];
  try {
    const configs = [
      testConfig(ALL_ON),
      testConfig({
        minhash: { bucket_workers: 3 },
        exact: { enabled: true, workers: 2 },
        url: { enabled: true, workers: 3 },
        c4_lines: { enabled: true, workers: 2 },
      }),
    ];
    const views: string[] = [];
    for (const [i, dir] of dirs.entries()) {
      await extract(dir, configs[i]!);
      await runStages(dedupStages, dir, configs[i]!);
      const removeDir = join(dir, 'dedup', 'remove', 'web');
      const files = readdirSync(removeDir).sort();
      views.push(JSON.stringify([files, files.map((f) => readFileSync(join(removeDir, f)).toString('hex'))]));
      views.push(JSON.stringify([...(await tokenizeView(dir, configs[i]!)).values()]));
    }
    assert.equal(views[0], views[2]);
    assert.equal(views[1], views[3]);
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});

test('every stage plans nothing when dedup is off, and the editor passes documents through', async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'dedup-off-'));
  try {
    const config = testConfig({ minhash: { enabled: false } });
    await extract(runDir, config);
    for (const stage of dedupStages) {
      assert.match(stage.name, /^dedup-/);
      assert.deepEqual(await stage.plan({ runDir, config }), []);
    }
    assert.equal((await tokenizeView(runDir, config)).size, 8);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
});

test('buckets refuse signatures written with other settings', async () => {
  const runDir = mkdtempSync(join(tmpdir(), 'dedup-mismatch-'));
  try {
    await extract(runDir, testConfig({ minhash: { hash: 'fast' } }));
    await assert.rejects(runStages(dedupStages, runDir, testConfig({})), /rerun extract/);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
});

test('scope crawl compares documents within their crawl (non-crawl sources apart); scope run across all', async () => {
  const Z = randomWords(next, 60).join(' ');
  const tasks: [string, string | undefined, Document[]][] = [
    ['web/00000', 'CC-MAIN-2024-10', [doc('x1', X, 'http://x.example/1'), doc('z1', Z, 'http://z.example/1')]],
    ['web/00001', 'CC-MAIN-2024-10', [doc('x2', X, 'http://x.example/2')]],
    ['web/00002', 'CC-MAIN-2024-18', [doc('x3', X, 'http://x.example/3'), doc('z2', Z, 'http://z.example/2')]],
    ['wiki/00000', undefined, [{ ...doc('x4', X, 'http://x.example/4'), source: 'wiki' }, { ...doc('x5', X, 'http://x.example/5'), source: 'wiki' }]],
  ];
  const keptWith = async (scope: string, workers: number) => {
    const runDir = mkdtempSync(join(tmpdir(), `dedup-scope-${scope}-`));
    try {
      const config = testConfig({ scope, minhash: { bucket_workers: workers }, exact: { enabled: true, workers } });
      for (const [id, crawl, docs] of tasks) {
        const w = await createDocWriter(join(runDir, 'docs', `${id}.parquet`));
        for (const d of docs) await w.write(d);
        await w.close();
        const sink = await createSignatureSink(runDir, config.dedup, { id, source: id.split('/')[0]!, crawl });
        docs.forEach((d, row) => sink.add(d, row));
        await sink.close();
      }
      const plans = await Promise.all(dedupStages.map((s) => s.plan({ runDir, config })));
      const stats = await runStages(dedupStages, runDir, config);
      const kept: string[] = [];
      for (const [id] of tasks) {
        const edit = await openDocEditor(runDir, config, { id, source: id.split('/')[0]! });
        let row = 0;
        for await (const d of readDocs(join(runDir, 'docs', `${id}.parquet`))) if (edit(d, row++)) kept.push(d.id);
      }
      const summary = JSON.parse(readFileSync(join(runDir, 'dedup', 'remove', 'summary.json'), 'utf8')) as { groups: unknown };
      const removeDir = join(runDir, 'dedup', 'remove');
      const bytes = readdirSync(removeDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(runDir.length) + readFileSync(join(e.parentPath, e.name)).toString('hex'))
        .sort();
      return { kept, summary, stats, ids: plans[0]!.map((t) => t.id), bytes };
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  };
  const crawl = await keptWith('crawl', 1);
  assert.deepEqual(crawl.kept, ['x1', 'z1', 'x3', 'z2', 'x4']);
  assert.deepEqual((crawl.summary as { groups: unknown }).groups, [
    { group: 'CC-MAIN-2024-10', docs: 3, removed: 1 },
    { group: 'CC-MAIN-2024-18', docs: 2, removed: 0 },
    { group: 'source-wiki', docs: 2, removed: 1 },
  ]);
  assert.equal(crawl.ids.length, 3 * 14);
  assert.ok(crawl.ids.includes('CC-MAIN-2024-18/band_13/000') && crawl.ids.includes('source-wiki/band_00/000'));
  assert.equal(counter(crawl.stats, 'dedup-clusters', 'dedup.group.CC-MAIN-2024-10.removed'), 1);
  // The same removals whatever the hash-range split.
  assert.deepEqual((await keptWith('crawl', 3)).bytes, crawl.bytes);

  const run = await keptWith('run', 1);
  assert.deepEqual(run.kept, ['x1', 'z1']);
  assert.equal(run.ids.length, 14);
  assert.ok(run.ids.every((id) => id.startsWith('run/')));
});
