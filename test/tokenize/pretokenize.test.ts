// Pre-tokenisation: the GPT-4 scanner cuts exactly the regex's pieces (hard strings, real pages,
// random mixtures of every character class), and pieces always concatenate back to the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegexSplitter, createSplitter, pretokenizerPattern } from '../../tokenize/pretokenize.ts';
import { generatedDocs, HARD_STRINGS, sharedPages } from './corpus.ts';

function pieces(split: ReturnType<typeof createSplitter>, text: string): string[] {
  const out: string[] = [];
  split(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

const ALPHABET = [
  'a', 'Z', 'é', 'ß', '東', 'ǅ', '\u0301', '1', '٣', '²', 'Ⅻ', ' ', ' ', '\t', '\n', '\r', '\u000b', '\u0085', '\u00a0', '\u3000',
  '\u2028', '\ufeff', "'", "'s", "'LL", "'Re", 'd', 'm', '.', ',', '!', '/', '-', '🦊', '𝐀', '𝟙', '\u{1F3FD}', '\u0000', '\u007f',
];

function randomTexts(count: number, seed: number): string[] {
  let x = seed;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: count }, () => {
    let s = '';
    const len = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)]!;
    return s;
  });
}

const texts = [...HARD_STRINGS, ...generatedDocs(20, 3), ...randomTexts(8000, 42), ...sharedPages(60)];

for (const group of [0, 2, 3]) {
  test(`gpt4 scanner equals the regex (digit group ${group})`, () => {
    const pattern = pretokenizerPattern('gpt4', group);
    const scanner = createSplitter(pattern);
    const regex = createRegexSplitter(pattern);
    assert.notEqual(scanner, regex);
    for (const t of texts) assert.deepEqual(pieces(scanner, t), pieces(regex, t), JSON.stringify(t.slice(0, 80)));
  });
}

test('every style cuts the text into pieces that join back to it', () => {
  for (const style of ['gpt4', 'gpt2', 'o200k'] as const) {
    const split = createSplitter(pretokenizerPattern(style, 3));
    for (const t of texts.slice(0, 3000)) assert.equal(pieces(split, t).join(''), t);
  }
});

test('gpt4 style keeps the documented shapes', () => {
  const split = createSplitter(pretokenizerPattern('gpt4', 3));
  assert.deepEqual(pieces(split, "I'll pay 12345 dollars!!\n\n  ok  "), ['I', "'ll", ' pay', ' ', '123', '45', ' dollars', '!!\n\n', ' ', ' ok', '  ']);
});
