// tokenizer.json loads unchanged in Hugging Face tokenizers (the npm package's native binding)
// and encodes every test text to the same ids as our encoder — for each pre-tokenizer style,
// and on real extracted web pages when the shared data is present.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer } from 'tokenizers';
import { trainTokenizer, createEncoder, toHfJson, type PretokenizerStyle } from '../../tokenize/index.ts';
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
