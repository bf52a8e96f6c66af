// The word tokenizer and sentence splitter against outputs recorded from NLTK 3.10.4
// (word_tokenize / sent_tokenize, Punkt English) in nltk-cases.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { splitSentences } from '../../filters/sentences.ts';
import { createWordMemo, treebankTokenize, wordTokenize } from '../../filters/words.ts';

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

test('the memo counts the words of a rewritten text as wordTokenize does (lines dropped, sentences reused)', () => {
  const texts = cases.map((c) => c.text).filter((t) => t.length > 20);
  const doc = [...texts, 'Short line', 'The U.S. economy grew. It said "yes." Then it stopped...', 'no end mark here'].join('\n');
  const lines = doc.split('\n');
  const memo = createWordMemo();
  assert.equal(memo.words(doc).length, wordTokenize(doc).length);
  assert.equal(memo.count(doc), wordTokenize(doc).length);
  for (let drop = 0; drop < lines.length; drop++) {
    const rewritten = lines.filter((_, i) => i % (drop + 2) !== 0).join('\n');
    assert.equal(memo.count(rewritten), wordTokenize(rewritten).length, `every ${drop + 2}th line dropped`);
  }
  assert.equal(memo.count(''), 0);
  assert.equal(memo.count('\uFDD0 a \uFDD0'), wordTokenize('\uFDD0 a \uFDD0').length);
});

test('the memo counts rewritten texts whose sentences repeat, come out of order or lie far apart in the document', () => {
  const filler = Array.from({ length: 600 }, (_, i) => `Filler sentence number ${i} is here.`);
  const doc = ['Same words here.', 'A "quoted" one, with commas: here.', 'Same words here.', ...filler, 'Last one?', "It's John's."].join('\n');
  const lines = doc.split('\n');
  const memo = createWordMemo();
  assert.equal(memo.words(doc).length, wordTokenize(doc).length);
  const rewrites = [
    [lines[0], lines.at(-1), lines.at(-2)],
    [...lines].reverse(),
    [lines[2], lines[1], lines[0]],
    lines.filter((_, i) => i < 3 || i > 500),
    [lines[1], lines[1], lines[1], 'A line the document never had.', lines[0]],
  ].map((ls) => ls.join('\n'));
  for (const text of rewrites) assert.equal(memo.count(text), wordTokenize(text).length, text.slice(0, 60));
});

// Sentences for the plain-sentence scan (no backticks, loose apostrophes or contractions: the rules
// only pad, rewrite `"` and split clitics) and for each trigger that sends a sentence to the rules
// instead, with NLTK's tokens
// (bench/filters/make_nltk_plain_cases.py): a scan that cuts differently from the rules fails here.
const plain = JSON.parse(readFileSync(new URL('./nltk-plain-cases.json', import.meta.url), 'utf8')) as {
  cases: { sentence: string; treebank: string[]; words: string[] }[];
  text: string;
  words: string[];
};

for (const c of plain.cases) {
  test(`matches NLTK's Treebank rules on ${JSON.stringify(c.sentence.slice(0, 40))}`, () => {
    assert.deepEqual(treebankTokenize(c.sentence), c.treebank);
    assert.deepEqual(wordTokenize(c.sentence), c.words);
  });
}

test('plain and rule-tokenized sentences of one text keep their order and counts', () => {
  assert.deepEqual(wordTokenize(plain.text), plain.words);
  const memo = createWordMemo();
  assert.deepEqual(memo.words(plain.text), plain.words);
  const lines = plain.text.split('\n');
  for (let drop = 0; drop < lines.length; drop += 3) {
    const rewritten = lines.filter((_, i) => i !== drop).join('\n');
    assert.equal(memo.count(rewritten), wordTokenize(rewritten).length, `line ${drop} dropped`);
  }
});

test('the memo shares Punkt\'s slow answers by whole context: the same word before a period, other next words', () => {
  // Numbers, initials and abbreviations before a period go to Punkt's slow path, whose answer turns
  // on the next word: a memo keyed by less than the whole context would answer these wrongly.
  const lines = [
    'It rose in 2019. the rest fell in 2019. Then it rose.',
    'J. Smith wrote it. J. and K. wrote more. He met Mr. and Mrs. Jones.',
    'In 2019. Then came 2020. and the end.',
    'See Fig. 3 and Fig. Then stop.',
  ];
  const text = lines.join('\n');
  const memo = createWordMemo();
  assert.equal(memo.words(text).length, wordTokenize(text).length);
  for (const line of lines) assert.equal(memo.sentenceCount(line), splitSentences(line).length, line);
  for (let drop = 0; drop < lines.length; drop++) {
    const rewritten = lines.filter((_, i) => i !== drop).join('\n');
    assert.equal(memo.count(rewritten), wordTokenize(rewritten).length, `line ${drop} dropped`);
    assert.equal(memo.sentenceCount(rewritten), splitSentences(rewritten).length, `line ${drop} dropped`);
  }
});

test("a document's plain sentences read in its text give each sentence's own tokens (ends followed by no space included)", () => {
  // wordTokenize scans plain sentences at their offsets in the text; the text goes on past each
  // sentence's end, so the scan must read nothing there. Punkt ends sentences right before a
  // non-space character here (a closing quote or bracket realigned, `U.S.`), about 9,000 times.
  const pieces = ['a', 'Bob', 'x', '1', '23', '.', '..', '-', '--', ',', ':', '"', '?', '!', ')', ']', ' ', ' ', ' ', '\n', 'é', '𝟙', 'The', 'end', "'s", 'U.S.', '”', '»'];
  let s = 7;
  const next = (m: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % m;
  };
  for (let k = 0; k < 20_000; k++) {
    let text = '';
    for (let j = 5 + next(30); j > 0; j--) text += pieces[next(pieces.length)];
    assert.deepEqual(wordTokenize(text), splitSentences(text).flatMap(treebankTokenize), JSON.stringify(text));
    assert.deepEqual(createWordMemo().words(text), wordTokenize(text));
  }
});
