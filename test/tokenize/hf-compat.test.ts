// tokenizer.json loads unchanged in Hugging Face tokenizers (the npm package's native binding)
// and encodes every test text to the same ids as our encoder — for each pre-tokenizer style,
// and on real extracted web pages when the shared data is present.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer } from 'tokenizers';
import { trainTokenizer, countPretokens, trainFromCounts, createEncoder, toHfJson, readHfTokenizer, type PretokenizerStyle } from '../../tokenize/index.ts';
import { extractMainText } from '../../ingest/html-extract.ts';
import { generatedDocs, HARD_STRINGS, sharedPages } from './corpus.ts';

const web = sharedPages(15).slice(0, 100).map((html) => extractMainText(html).text);
const trainText = [...generatedDocs(100, 21), ...web.slice(0, 50)];
const testTexts = [...HARD_STRINGS, ...generatedDocs(20, 77), ...web.slice(50)];

for (const style of ['gpt4', 'gpt2', 'o200k'] as PretokenizerStyle[]) {
  test(`${style}: HF tokenizers gives our ids on every test text`, async () => {
    const model = await trainTokenizer(trainText, { vocab_size: 1500, pretokenizer: style, digit_group: style === 'gpt2' ? 0 : 3, special_tokens: ['<|pad|>'] });
    const ours = createEncoder(model);
    const hf = Tokenizer.fromString(toHfJson(model));
    assert.equal(hf.getVocabSize(true), ours.vocabSize);
    for (const text of testTexts) {
      const expected = ours.encode(text);
      const got = (await hf.encode(text, null, { addSpecialTokens: false })).getIds();
      assert.deepEqual(got, expected, `differs on ${JSON.stringify(text.slice(0, 80))}`);
      assert.equal(await hf.decode(expected, false), text);
    }
    const withSpecial = 'a<|endoftext|>b<|pad|> c';
    assert.deepEqual((await hf.encode(withSpecial, null, { addSpecialTokens: false })).getIds(), ours.encodeWithSpecial(withSpecial));
  });
}

test('HF tokenizers turns lone surrogates into U+FFFD as our encoder does', async () => {
  const model = await trainTokenizer(trainText, { vocab_size: 600, pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
  const hf = Tokenizer.fromString(toHfJson(model));
  const text = 'a\ud800b \udfff';
  assert.deepEqual((await hf.encode(text, null, { addSpecialTokens: false })).getIds(), createEncoder(model).encode(text));
});

test('tokens spelled like Object.prototype members are written, reloaded and loaded by HF tokenizers', async () => {
  const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
  // A split that keeps `__proto__` whole (ours cut it at the underscores), then text made of the names.
  const pattern = '[\\p{L}_]+|[^\\p{L}_]+';
  const lines = Array.from({ length: 400 }, (_, i) => `${names[i % names.length]} ${names[(i * 7) % names.length]}.${names[(i * 3) % names.length]}\n`);
  const counts = await countPretokens(lines, pattern);
  const model = trainFromCounts(counts, pattern, { vocab_size: 400, special_tokens: [] });
  const ours = createEncoder(model);
  for (const name of names) assert.equal(ours.encode(name).length, 1, `${name} is one learned token`);
  const json = toHfJson(model);
  const vocab = new Map(Object.entries((JSON.parse(json) as { model: { vocab: Record<string, number> } }).model.vocab));
  for (const name of names) assert.equal(vocab.get(name), ours.encode(name)[0], `${name} is in the written vocab`);
  const back = createEncoder(readHfTokenizer(json));
  const hf = Tokenizer.fromString(json);
  for (const text of [...names, lines.join(''), 'x.constructor.__proto__.toString()']) {
    assert.deepEqual(back.encode(text), ours.encode(text));
    assert.deepEqual((await hf.encode(text, null, { addSpecialTokens: false })).getIds(), ours.encode(text));
  }
});
