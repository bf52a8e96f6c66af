// Python string semantics of the filter helpers: code points, str.split/strip/splitlines,
// Unicode whitespace and \w, on emoji, CRLF, U+2028, NBSP, CJK, RTL and NUL.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PUNCTUATION_SET, isNonSymbolWord } from '../../filters/punctuation.ts';
import { hasAlpha, pyCount, pyHasWords, pyIsBlank, pyLen, pySplit, pySplitlines, pyStrip } from '../../filters/text.ts';

test('pyLen counts code points, not UTF-16 units', () => {
  assert.equal(pyLen('😀'), 1);
  assert.equal(pyLen('👍🏽'), 2);
  assert.equal(pyLen('a\u0000b'), 3);
  assert.equal(pyLen('价格'), 2);
  assert.equal(pyLen(''), 0);
});

test('pySplit splits on Python whitespace (incl. U+001C–U+001F, U+0085, NBSP) but not U+FEFF', () => {
  assert.deepEqual(pySplit(' a\u00a0b\u001cc\u0085d\u3000e '), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(pySplit('a\ufeffb'), ['a\ufeffb']);
  assert.deepEqual(pySplit('   '), []);
  assert.deepEqual(pySplit('a\u0000b'), ['a\u0000b']);
});

test('pyStrip strips Python whitespace only', () => {
  assert.equal(pyStrip('\u2028 x \u00a0'), 'x');
  assert.equal(pyStrip('\ufeffx'), '\ufeffx');
});

test('pySplitlines follows str.splitlines', () => {
  assert.deepEqual(pySplitlines('a\r\nb\rc\nd\u2028e\u0085f\u000bg\u000ch\u001ci'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  assert.deepEqual(pySplitlines('a\n\nb\n'), ['a', '', 'b']);
  assert.deepEqual(pySplitlines(''), []);
  assert.deepEqual(pySplitlines('\n'), ['']);
  assert.deepEqual(pySplitlines('a\u001fb'), ['a\u001fb']);
});

test('pyCount counts non-overlapping occurrences', () => {
  assert.equal(pyCount('......', '...'), 2);
  assert.equal(pyCount('a#b##', '#'), 3);
});

test('hasAlpha is Unicode isalpha (letters of any script, not digits or marks alone)', () => {
  assert.equal(hasAlpha('שלום'), true);
  assert.equal(hasAlpha('中'), true);
  assert.equal(hasAlpha('123'), false);
  assert.equal(hasAlpha('😀'), false);
  // The ASCII fast path: letters of either case, and a non-ASCII letter after ASCII non-letters.
  for (const [w, want] of [['Z', true], ['@[`{', false], ['12é', true], ['1-\u00b2', false], ['..ß', true], ['', false], ['\u0130', true]] as const) assert.equal(hasAlpha(w), want, w);
});

test('PUNCTUATION_SET has datatrove\'s 129 members: CR yes; TAB, LF, space, NBSP, U+2018 no', () => {
  assert.equal(PUNCTUATION_SET.size, 129);
  assert.ok(PUNCTUATION_SET.has('\r'));
  for (const c of ['\t', '\n', ' ', '\u00a0', '\u2018']) assert.ok(!PUNCTUATION_SET.has(c), JSON.stringify(c));
  assert.equal(isNonSymbolWord("''"), false);
  assert.equal(isNonSymbolWord('😀'), true);
});

test('pyLen pairs surrogates left to right after the first high surrogate, lone ones count once each', () => {
  const loop = (s: string): number => {
    let n = 0;
    for (let i = 0; i < s.length; i++, n++) if (s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) i++;
    return n;
  };
  for (const s of ['abc\ud800', '\ud800\ud800\udc00', '\udc00\ud800\udc00x', 'x😀😀\ud800', '\ud83d', 'ab\udc00\udc00', `${'é'.repeat(50)}😀${'a'.repeat(20)}\ud800\udc00\udc00`]) {
    assert.equal(pyLen(s), loop(s), JSON.stringify(s));
  }
});

test('pyHasWords and pyIsBlank agree with pySplit and pyStrip', () => {
  const cases = ['', ' ', 'a', ' a b ', 'a\u00a0b\u001cc', '\u3000\u2028', 'a\ufeffb', '😀 😀', '\ud800 x', ' \t\n', 'one two three four'];
  for (const s of cases) {
    for (let k = 0; k <= 5; k++) assert.equal(pyHasWords(s, k), pySplit(s).length >= k, `${JSON.stringify(s)} ${k}`);
    assert.equal(pyIsBlank(s), pyStrip(s) === '', JSON.stringify(s));
  }
});
