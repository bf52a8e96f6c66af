// The shortcuts of the C4 and FineWeb quality filters against what they stand for: C4's citation
// removal (only lines with a `[` go through the regex), C4's phrase
// pre-test (lines are lowercased only when a case-insensitive regex finds a phrase) on characters
// whose lowercase or case folding is ASCII, and FineWeb's short-line and stop-character tests on
// lines around the length limit with astral characters and with stop characters of two units;
// Gopher quality's stop words found by length and first unit against a set of the list.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { C4_QUALITY_DEFAULTS, c4Quality } from '../../filters/c4-quality.ts';
import { FINEWEB_QUALITY_DEFAULTS, finewebQuality } from '../../filters/fineweb-quality.ts';
import { GOPHER_QUALITY_DEFAULTS, gopherQuality } from '../../filters/gopher-quality.ts';
import type { FilterContext } from '../../filters/types.ts';
import { createTextMemo } from '../../filters/text-memo.ts';
import type { Document } from '../../pipeline/document.ts';

const doc = (text: string): Document => ({ id: 'd', text, source: 't', file: 't', meta: {} });
const ctx = (seen: Record<string, number> = {}): FilterContext => ({ ...createTextMemo(), observe: (m, v) => void (seen[m] = v) });
const sentences = ['The first line is a sentence.', 'The second line is one too.', 'A third line ends here.', 'And a fourth one follows.', 'The fifth closes the page.'];

test('c4_quality drops policy and javascript lines whatever their case, Kelvin sign included, and keeps the others', () => {
  const f = c4Quality({ ...C4_QUALITY_DEFAULTS, filter_no_terminal_punct: false });
  const lines = [...sentences, 'This site USES COO\u212aIES to work.', 'Please enable JavaScript now.', 'We uſe cookies, or so it says.', 'An \u0130 in privacy pol\u0130cy stays.'];
  const out = f(doc(lines.join('\n')), ctx());
  assert.ok(out.keep);
  assert.equal(out.text, [...sentences, 'We uſe cookies, or so it says.', 'An \u0130 in privacy pol\u0130cy stays.'].join('\n'));
  const cited = f(doc([...sentences, 'A claim[12] with notes[edit] and [citation needed] marks [x].'].join('\n')), ctx());
  assert.ok(cited.keep);
  assert.equal(cited.text, [...sentences, 'A claim with notes and  marks [x].'].join('\n'));
  const lorem = f(doc([...sentences, 'Some LOREM IPSUM dolor sit.'].join('\n')), ctx());
  assert.ok(!lorem.keep && lorem.rule === 'lorem_ipsum');
});

test('fineweb_quality counts short lines by code points and stop characters by the last character', () => {
  const astral = '😀'.repeat(30); // 60 units, 30 code points: short
  const long = `${'😀'.repeat(30)}x`; // 31 code points
  const text = [astral, long, 'x'.repeat(31), 'x'.repeat(30), 'ends here.', 'ends here!?', ''].join('\n');
  const seen: Record<string, number> = {};
  finewebQuality({ ...FINEWEB_QUALITY_DEFAULTS, short_line_thr: 2, line_punct_thr: -1 })(doc(text), ctx(seen));
  assert.equal(seen['short_line_ratio'], 5 / 7);
  assert.equal(seen['line_punct_ratio'], 2 / 7);
  const two: Record<string, number> = {};
  finewebQuality({ ...FINEWEB_QUALITY_DEFAULTS, stop_chars: ['.', '!?'], line_punct_thr: -1, short_line_thr: 2 })(doc(text), ctx(two));
  assert.equal(two['line_punct_ratio'], 2 / 7);
  const empty: Record<string, number> = {};
  finewebQuality({ ...FINEWEB_QUALITY_DEFAULTS, stop_chars: [''], line_punct_thr: -1, short_line_thr: 2 })(doc(text), ctx(empty));
  assert.equal(empty['line_punct_ratio'], 1);
});

test('gopher_quality counts the stop words a set of the list finds, for any list', () => {
  const words = ['the', 'The', 'they', 'to', 'tó', 'of', 'off', '😀', '😁', 'x', 'and', 'an', 'a', 'with', 'witH', 'have', '.', '``', 'über', 'Über', 'übel', ''];
  const lists = [GOPHER_QUALITY_DEFAULTS.stop_words, ['😀', 'of', 'off', 'of', 'x'], ['a', 'an', 'and', 'tó', 'to', 'th'], ['``', '.'], [], ['', 'über', 'of', 'übel', 'a'.repeat(300)]];
  for (const stop_words of lists) {
    for (const stop_word_count of ['occurrences', 'distinct'] as const) {
      const ctx: FilterContext = { ...createTextMemo(), words: () => words, observe: (m, v) => void (seen[m] = v) };
      const seen: Record<string, number> = {};
      gopherQuality({ ...GOPHER_QUALITY_DEFAULTS, stop_words, stop_word_count, min_doc_words: 1, min_avg_word_length: 0, max_avg_word_length: 100, max_symbol_word_ratio: null, max_bullet_lines_ratio: null, max_ellipsis_lines_ratio: null, max_non_alpha_words_ratio: null, min_stop_words: 1 })(doc(words.join(' ')), ctx);
      const set = new Set(stop_words);
      const found = words.filter((w) => set.has(w));
      assert.equal(seen['stop_words'], stop_word_count === 'occurrences' ? found.length : new Set(found).size, `${stop_word_count} of ${JSON.stringify(stop_words)}`);
    }
  }
});
