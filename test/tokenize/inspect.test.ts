// `inspectTokenizer`: vocab size, longest tokens and a sample encoding of a saved tokenizer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectTokenizer, saveTokenizer, trainTokenizer } from '../../tokenize/index.ts';
import { generatedDocs } from './corpus.ts';

test('inspectTokenizer reports size, longest tokens and a sample that decodes back', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cc-tok-inspect-'));
  const model = await trainTokenizer(generatedDocs(60, 4), { vocab_size: 400, pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
  await saveTokenizer(dir, model);
  const r = await inspectTokenizer(path.join(dir, 'tokenizer.json'), 'the tokenizer of Common Crawl');
  assert.equal(r.vocab_size, 400);
  assert.equal(r.merges, 399 - 256);
  assert.deepEqual(r.special_tokens, [{ id: 399, content: '<|endoftext|>' }]);
  assert.equal(r.longest.length, 10);
  assert.ok(r.longest[0]!.bytes >= r.longest[9]!.bytes);
  assert.equal(r.sample.pieces.join(''), 'the tokenizer of Common Crawl');
  assert.ok(r.sample.ids.length < 'the tokenizer of Common Crawl'.length);
  await assert.rejects(inspectTokenizer(path.join(dir, 'missing.json')), /cannot read tokenizer .*missing\.json/);
});
