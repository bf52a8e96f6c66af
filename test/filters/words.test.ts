// The word tokenizer and sentence splitter against outputs recorded from NLTK 3.10.4
// (word_tokenize / sent_tokenize, Punkt English) in nltk-cases.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from '../../filters/sentences.ts';
import { wordTokenize } from '../../filters/words.ts';

const { cases } = JSON.parse(readFileSync(new URL('./nltk-cases.json', import.meta.url), 'utf8')) as {
  cases: { text: string; words: string[]; sentences: string[] }[];
};

for (const c of cases) {
  test(`matches NLTK on ${JSON.stringify(c.text.slice(0, 40))}`, () => {
    assert.deepEqual(splitSentences(c.text), c.sentences);
    assert.deepEqual(wordTokenize(c.text), c.words);
  });
}

test('tokenizes a 1 MB text', () => {
  const text = 'The cat sat on the mat. Dr. Who said "hello", didn\'t he? '.repeat(18_000);
  const words = wordTokenize(text);
  assert.equal(words.length, 18 * 18_000);
});
