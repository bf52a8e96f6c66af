import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anchoredAlternation, openingOf, shortestMatch, topLevelAlternatives } from '../../ingest/regex-prefilter.ts';

const ALTERNATIVES = [
  '(one|\\d+) (comments?|replies) (on|to) [“"\']',
  '(einen )?kommentar hinterlassen',
  '¿?(te|le) (fue|ha sido) útil',
  'x',
  'ab{2,}c',
  '(follow us|folge uns)(?!\\p{L})',
  '\\bsponsored( links)?$',
  '[←«‹]? ?(previous|next) post',
  'skip(?:ped)? to',
  '(?<w>kw)?s',
];

test('anchoredAlternation agrees with the whole anchored regex', () => {
  const whole = new RegExp(`^(?:${ALTERNATIVES.join('|')})`, 'iu');
  const tester = anchoredAlternation(ALTERNATIVES, 'iu');
  const lines = [
    '', 'x', 'X', 'xy', 'y', 's', 'ſ', 'K', 'Kws', 'kws', 'ſkip to', 'SKIPPED TO', 'skip', 'One comment on “A”', '12 replies to "B"',
    'Kommentar hinterlassen', 'EINEN KOMMENTAR HINTERLASSEN', 'einen kommentar', '¿Te fue útil?', 'le ha sido útil', 'abbc', 'abc', 'ABBBC',
    'Follow us', 'follow usa', 'Sponsored', 'sponsored links', 'sponsored content', '← Previous post', '«next post', ' next post', 'next post',
    'İkws', 'ẞ', 'Ss',
  ];
  for (const line of lines) assert.equal(tester(line), whole.test(line), JSON.stringify(line));
});

test('lists of several alternatives agree before and after they get a regex of their own', () => {
  // Every alternative can open with "ab", so a line opening so runs a list of all of them: one by
  // one for its first uses, then as one regex.
  const alternatives = ['abz', 'a[bc]d', '(?:a|x)b{2}', 'ab(?!c)\\d', 'a?b[^z]e', 'abc$'];
  const whole = new RegExp(`^(?:${alternatives.join('|')})`, 'iu');
  const tester = anchoredAlternation(alternatives, 'iu');
  const lines = ['abz', 'ABD', 'acd', 'abb', 'xbb', 'ab1', 'abc1', 'abye', 'bxe', 'abc', 'ABC', 'abcd', 'ab', 'a', 'ax', 'b'];
  for (let round = 0; round < 6000; round++) {
    for (const line of lines) assert.equal(tester(line), whole.test(line), `use ${round}: ${JSON.stringify(line)}`);
  }
});

test('openingOf reads what a match can open with', () => {
  const o = openingOf('(einen )?kommentar|a?b{0,2}c', 'iu');
  const first = (c: string): number => o.first[c.charCodeAt(0)] as number;
  assert.deepEqual(['e', 'E', 'k', 'K', 'a', 'b', 'c'].map(first), [1, 1, 1, 1, 1, 1, 1]);
  assert.equal(first('x'), 0);
  assert.ok(o.pairs.has('k'.charCodeAt(0) * 128 + 'o'.charCodeAt(0)));
  assert.ok(o.pairs.has('e'.charCodeAt(0) * 128 + 'i'.charCodeAt(0)));
  assert.equal(o.single['c'.charCodeAt(0)], 1);
  assert.equal(o.nullable, false);
  assert.equal(openingOf('(a|)', 'iu').nullable, true);
  assert.throws(() => openingOf('(a)\\1', 'iu'));
});

test('topLevelAlternatives splits outside groups and classes only', () => {
  assert.deepEqual(topLevelAlternatives('a|b(c|d)|[|]e|\\|f'), ['a', 'b(c|d)', '[|]e', '\\|f']);
});

test('shortestMatch is the shortest match length', () => {
  assert.equal(shortestMatch(/^(comments?|popup)(?!ary)[a-z]|[a-z](footer|advert)$/), 6);
  assert.equal(shortestMatch(/post-?(body|text)|rich-?text/), 8);
  assert.equal(shortestMatch(/(ab){2,3}c?|x*/), 0);
  assert.equal(shortestMatch(/\bab{2}\b/), 3);
});
