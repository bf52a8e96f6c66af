// Punkt sentences against NLTK 3.10.4's sent_tokenize on texts made for the char-code reading of
// the period context in filters/sentences.ts (every mark before every NON_WORD character and every
// Python whitespace, marks at the end, non-ASCII words before a mark, closing quotes), recorded by
// bench/filters/make_nltk_sentence_cases.py in nltk-sentence-cases.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sentenceCount, splitSentences } from '../../filters/sentences.ts';

const { cases } = JSON.parse(readFileSync(new URL('./nltk-sentence-cases.json', import.meta.url), 'utf8')) as {
  cases: { text: string; sentences: string[] }[];
};

test(`splits ${cases.length} period-context texts as NLTK does`, () => {
  for (const c of cases) assert.deepEqual(splitSentences(c.text), c.sentences, JSON.stringify(c.text));
});

test('sentenceCount counts what splitSentences splits, with or without a mark before the last character', () => {
  const texts = ['', '   ', '\n', 'a', 'No mark here', 'Ends here.', 'Ends here?', 'Ends here!', 'Ends here. ', 'Ends here.\n', ' Dr.', '.', '?', 'a.b', '?!',
    'One. Two.', 'Why? Because.', 'Stop! Now.', 'Mr. Smith left.', 'It was 2019. Then.', '"Quoted." Next.', 'trail .', 'x.\ny'];
  for (const c of cases) texts.push(c.text, c.text.trimEnd(), `${c.text.trimEnd()}.`);
  for (const t of texts) assert.equal(sentenceCount(t), splitSentences(t).length, JSON.stringify(t));
});

test('a period after an abbreviation or a collocation\'s first word in any case stays inside the sentence', () => {
  // Every such entry of the model made of two letters or more (those the letters-only fast path
  // could take for an ordinary word): before a lowercase word, none ends a sentence, while an
  // unlisted word of the same length, first and last letter does.
  const model = JSON.parse(readFileSync(new URL('../../filters/lists/punkt-english.json', import.meta.url), 'utf8')) as { abbrev_types: string[]; collocations: [string, string][] };
  const entries = [...model.abbrev_types, ...model.collocations.map(([a]) => a)].filter((e) => /^[a-z]{2,}$/.test(e));
  assert.ok(entries.length > 50);
  for (const e of entries) {
    for (const w of [e, e.toUpperCase(), e[0]!.toUpperCase() + e.slice(1)]) assert.equal(splitSentences(`He saw ${w}. y went.`).length, 1, w);
  }
  assert.equal(splitSentences('He saw dzr. y went.').length, 2);
});

test('a period after a hyphenated word is a break unless its last part is an abbreviation', () => {
  // Punkt's first pass also looks up the part after the last hyphen (`tok[:-1].lower().split("-")[-1]`),
  // which the fast path for hyphenated words must do too; cases checked against NLTK 3.10.4.
  const model = JSON.parse(readFileSync(new URL('../../filters/lists/punkt-english.json', import.meta.url), 'utf8')) as { abbrev_types: string[] };
  const entries = model.abbrev_types.filter((e) => /^[a-z]+$/.test(e));
  assert.ok(entries.length > 50);
  for (const e of entries) {
    for (const w of [`zq-${e}`, `ZQ-${e.toUpperCase()}`, `Zq-Qz-${e[0]!.toUpperCase() + e.slice(1)}`]) assert.equal(splitSentences(`He saw ${w}. y went.`).length, 1, w);
    assert.equal(splitSentences(`He saw ${e}-zzq. y went.`).length, 2, e);
  }
  for (const w of ['mission-driven', 'well-known', 'a-b', 'T-Shirt']) assert.equal(splitSentences(`He saw ${w}. y went.`).length, 2, w);
  // Not words of letters joined by single hyphens: left to the full procedure (NLTK's split).
  assert.deepEqual(splitSentences('He saw a--b. y went. x-. z went. -b. y went.'), ['He saw a--b. y went.', 'x-.', 'z went.', '-b. y went.']);
});

test('a period after a number or another one-token word before a word of letters splits as NLTK does', () => {
  // The context's two tokens are read without Punkt's word regex (numbers, amounts, dotted words);
  // NLTK 3.10.4's answers: a number before a lowercase word or a collocation's second word stays.
  const cases: [string, string[]][] = [
    ['It rose in 2019. business went on.', ['It rose in 2019. business went on.']],
    ['It rose in 2019. Business went on.', ['It rose in 2019. Business went on.']],
    ['It rose in 2019. the end came.', ['It rose in 2019. the end came.']],
    ['It rose in 2019. The end came.', ['It rose in 2019.', 'The end came.']],
    ['He paid $164.99. then he left.', ['He paid $164.99.', 'then he left.']],
    ['Call cu.ft. now or. Now.', ['Call cu.ft.', 'now or.', 'Now.']],
    ['See No.5. it is. It is.', ['See No.5.', 'it is.', 'It is.']],
    ['Up 5%. abreast of it.', ['Up 5%.', 'abreast of it.']],
    ['Up 5. abreast of it.', ['Up 5. abreast of it.']],
    ['Page 12. i saw. I saw.', ['Page 12. i saw.', 'I saw.']],
    ['x 1--2. the y', ['x 1--2. the y']],
    ['x 1..2. the y', ['x 1..2. the y']],
    ['It cost $2,400. The rest went.', ['It cost $2,400.', 'The rest went.']],
    ['It cost $2,400. the rest went.', ['It cost $2,400.', 'the rest went.']],
    ['It rose in 2020. Now, it fell.', ['It rose in 2020.', 'Now, it fell.']],
    ['It rose in 2020. now, it fell.', ['It rose in 2020. now, it fell.']],
    ['Ask the U.S. Rep. Smith.', ['Ask the U.S. Rep. Smith.']],
    ['In 2019. Then. It ended.', ['In 2019.', 'Then.', 'It ended.']],
    ['In 2019. then., ok.', ['In 2019.', 'then., ok.']],
    ['In 2019. i., ok.', ['In 2019. i., ok.']],
  ];
  for (const [text, sentences] of cases) assert.deepEqual(splitSentences(text), sentences, text);
});
