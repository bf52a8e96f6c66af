// The tokenizer, tokenize and manifest stages on a small run folder: outputs exist where
// seams.md puts them, are deterministic, and `verifyShards` catches missing and corrupt shards.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { tokenizerStage, createEncoder, loadTokenizer } from '../../tokenize/index.ts';
import { tokenizeStage, manifestStage, verifyShards, readShard, shardRow, inspectShard, type Manifest } from '../../shards/index.ts';
import { readDocs } from '../../pipeline/doc-store.ts';
import { removePath, removeSummaryPath } from '../../dedup/layout.ts';
import { makeRun, runStage } from './run-fixture.ts';

test('tokenizer → tokenize → manifest writes shards that decode back to the documents', async () => {
  const { runDir, config } = await makeRun();
  await runStage(tokenizerStage, runDir, config);
  const model = await loadTokenizer(path.join(runDir, 'tokenizer/tokenizer.json'));
  assert.equal(model.tokens.length + model.special.length, 500);
  const enc = createEncoder(model);

  const stats = await runStage(tokenizeStage, runDir, config);
  assert.deepEqual(stats.map((s) => s.counters['docs.out']), [30, 25, 20]);
  await runStage(manifestStage, runDir, config);

  const manifest = JSON.parse(await readFile(path.join(runDir, 'shards/manifest.json'), 'utf8')) as Manifest;
  assert.equal(manifest.version, 1);
  assert.equal(manifest.dtype, 'uint16');
  assert.equal(manifest.tokenizer.path, '../tokenizer/tokenizer.json');
  assert.equal(manifest.tokenizer.vocab_size, 500);
  assert.equal(manifest.tokenizer.eot_id, enc.eotId);
  assert.ok(manifest.shards.length > 3, 'small shard_tokens splits files into several shards');
  assert.match(manifest.shards[0]!.path, /^web\/00000-00000\.arrow$/);
  assert.equal(manifest.sources['wiki']!.rows, 20);
  const tokensBySource = stats.reduce((sum, s) => sum + (s.counters['tokens.out'] ?? 0), 0);
  assert.equal(manifest.shards.reduce((sum, s) => sum + s.tokens, 0), tokensBySource);

  // Rows in order decode to the docs, each ending with end-of-text.
  const docs = [];
  for await (const d of readDocs(path.join(runDir, 'docs/web/00000.parquet'))) docs.push(d);
  let row = 0;
  for (const entry of manifest.shards.filter((s) => s.path.startsWith('web/00000-'))) {
    const shard = await readShard(path.join(runDir, 'shards', entry.path));
    assert.equal(shard.meta.source, 'web');
    assert.equal(shard.meta.eot_id, enc.eotId);
    for (let i = 0; i < shard.rows; i++, row++) {
      const r = shardRow(shard, i);
      assert.equal(r.id, docs[row]!.id);
      assert.equal(r.tokens.at(-1), enc.eotId);
      assert.equal(enc.decode(r.tokens.slice(0, -1)), docs[row]!.text);
    }
  }
  assert.equal(row, docs.length);
  const report = await inspectShard(path.join(runDir, 'shards', manifest.shards[0]!.path));
  assert.equal(report.meta.dtype, 'uint16');
  assert.ok(report.first_rows.length > 0);

  assert.deepEqual(await verifyShards(path.join(runDir, 'shards')), { ok: true, problems: [] });
});

test('stages are deterministic: a second run gives byte-identical tokenizer and shards', async () => {
  const a = await makeRun();
  const b = await makeRun();
  for (const r of [a, b]) {
    await runStage(tokenizerStage, r.runDir, r.config);
    await runStage(tokenizeStage, r.runDir, r.config);
    await runStage(manifestStage, r.runDir, r.config);
  }
  assert.equal(await readFile(path.join(a.runDir, 'tokenizer/tokenizer.json'), 'utf8'), await readFile(path.join(b.runDir, 'tokenizer/tokenizer.json'), 'utf8'));
  const ma = JSON.parse(await readFile(path.join(a.runDir, 'shards/manifest.json'), 'utf8')) as Manifest;
  const mb = JSON.parse(await readFile(path.join(b.runDir, 'shards/manifest.json'), 'utf8')) as Manifest;
  assert.deepEqual(ma, mb);
  // A rerun of the tokenize tasks replaces its shards with the same bytes.
  await runStage(tokenizeStage, a.runDir, a.config);
  assert.deepEqual(await verifyShards(path.join(a.runDir, 'shards')), { ok: true, problems: [] });
});

test('verifyShards names missing, corrupt and unlisted shards', async () => {
  const { runDir, config } = await makeRun();
  await runStage(tokenizerStage, runDir, config);
  await runStage(tokenizeStage, runDir, config);
  await runStage(manifestStage, runDir, config);
  const dir = path.join(runDir, 'shards');
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const [first, second, third] = manifest.shards;
  await rm(path.join(dir, first!.path));
  const buf = await readFile(path.join(dir, second!.path));
  buf[buf.length >> 1] = buf[buf.length >> 1]! ^ 0xff;
  await writeFile(path.join(dir, second!.path), buf);
  await writeFile(path.join(dir, third!.path), (await readFile(path.join(dir, third!.path))).subarray(0, 100));
  await writeFile(path.join(dir, 'web', 'stray.arrow'), 'x');
  const { ok, problems } = await verifyShards(dir);
  assert.equal(ok, false);
  assert.ok(problems.includes(`${first!.path}: missing`), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith(`${second!.path}: corrupt`)), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith(`${third!.path}: corrupt`)), problems.join('\n'));
  assert.ok(problems.includes('web/stray.arrow: shard not listed in the manifest'), problems.join('\n'));
  assert.equal(problems.length, 4);
});

test('tokenizer sample honours the byte budget and source weights', async () => {
  const { runDir, config } = await makeRun({ tokenizer: { train_bytes: 20_000, source_weights: { wiki: 0 } } });
  const [stats] = await runStage(tokenizerStage, runDir, config);
  const web = stats!.counters['sample_bytes.web']!;
  assert.ok(web >= 20_000 && web < 24_000, `web sample ${web} bytes`);
  assert.equal(stats!.counters['sample_bytes.wiki'], 0);
  assert.ok((await readdir(path.join(runDir, 'tokenizer'))).includes('tokenizer_config.json'));
});

test('tokenize and the tokenizer sample skip the rows dedup removed', async () => {
  const { runDir, config } = await makeRun({ dedup: { minhash: { enabled: true } } });
  await mkdir(path.dirname(removePath(runDir, 'web/00001')), { recursive: true });
  await writeFile(removeSummaryPath(runDir), '{}');
  await writeFile(removePath(runDir, 'web/00001'), Uint32Array.of(1, 3, 24));
  const [sample] = await runStage(tokenizerStage, runDir, config);
  assert.equal(sample!.counters['docs.in'], 75 - 3);
  const stats = await runStage(tokenizeStage, runDir, config);
  assert.deepEqual(stats.map((s) => [s.counters['docs.out'], s.counters['drop.dedup'] ?? 0]), [[30, 0], [22, 3], [20, 0]]);
  await runStage(manifestStage, runDir, config);
  const manifest = JSON.parse(await readFile(path.join(runDir, 'shards/manifest.json'), 'utf8')) as Manifest;
  const ids: string[] = [];
  for (const entry of manifest.shards.filter((s) => s.path.startsWith('web/00001-'))) {
    const shard = await readShard(path.join(runDir, 'shards', entry.path));
    for (let i = 0; i < shard.rows; i++) ids.push(shardRow(shard, i).id);
  }
  assert.equal(ids.length, 22);
  for (const row of [1, 3, 24]) assert.ok(!ids.includes(`<urn:uuid:web-00001-${row}>`));
});
