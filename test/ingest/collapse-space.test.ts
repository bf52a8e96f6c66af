// collapseSpace and collapsedLength against the regex they replace, on every `\s` character, its
// neighbours and random strings mixing them with text.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseSpace, collapsedLength, isSpace } from '../../ingest/collapse-space.ts';

const reference = (s: string): string => s.replace(/\s+/g, ' ').trim();

test('isSpace is JavaScript\'s \\s on every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  assert.equal(isSpace(Number.NaN), false);
});

test('collapseSpace and collapsedLength equal replace(/\\s+/g, " ").trim() on random mixes', () => {
  const alphabet = ['\u0000', '\u0008', '\u001f', ' ', '  ', '\t', '\n', '\r\n', '\f', '\v', '\u00a0', '\u0085', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', 'a', 'word', 'ß', '日本', '😀', '.', '~', '\u009f'];
  let seed = 1;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = 0; k < 20000; k++) {
    let s = '';
    const len = Math.floor(random() * 12);
    for (let j = 0; j < len; j++) s += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(collapseSpace(s), reference(s), JSON.stringify(s));
    assert.equal(collapsedLength(s), reference(s).length, JSON.stringify(s));
  }
});

test('text with nothing to collapse is returned as is', () => {
  for (const s of ['', 'a', 'one two three', 'x\u200by']) assert.equal(collapseSpace(s), s);
  assert.equal(collapseSpace(' \n\t '), '');
  assert.equal(collapsedLength(' \u3000 '), 0);
});

test('collapseSpace is the same on every string representation page text comes in', () => {
  // collapseSpace calls String.prototype's methods by reference because its input comes in many
  // representations (ingest/collapse-space.ts); each must give the reference's result.
  const page = `${'<p>'.repeat(10)}  A slice of the page,\n\twith  its  spaces \u00a0 ${'</p>'.repeat(10)}`;
  const wide = `\u20ac${page}`;
  const inputs = [
    page.slice(30, 80), // a view of the page (sliced, one-byte)
    wide.slice(31, 81), // the same text in a two-byte page
    page.slice(30, 60) + page.slice(60, 80), // a rope of two views
    wide.slice(31, 61) + wide.slice(61, 81),
    [page.slice(30, 60), page.slice(60, 80)].join(''), // a flat copy
    ' x ', // a short copy
    '\u00a0', // one character (internalised)
    '',
  ];
  for (const s of inputs) assert.equal(collapseSpace(s), reference(s), JSON.stringify(s));
});
