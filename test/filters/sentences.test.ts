// Punkt sentences against NLTK 3.10.4's sent_tokenize on texts made for the char-code reading of
// the period context in filters/sentences.ts (every mark before every NON_WORD character and every
// Python whitespace, marks at the end, non-ASCII words before a mark, closing quotes), recorded by
// bench/filters/make_nltk_sentence_cases.py in nltk-sentence-cases.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from '../../filters/sentences.ts';

const { cases } = JSON.parse(readFileSync(new URL('./nltk-sentence-cases.json', import.meta.url), 'utf8')) as {
  cases: { text: string; sentences: string[] }[];
};

test(`splits ${cases.length} period-context texts as NLTK does`, () => {
  for (const c of cases) assert.deepEqual(splitSentences(c.text), c.sentences, JSON.stringify(c.text));
});
