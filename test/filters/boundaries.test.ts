// One hand-made fixture per threshold at exactly the threshold value, for each preset that uses the
// rule: FineWeb-era datatrove drops at ≤ 0.12 / ≥ 0.67 / ≥ 0.01 in FineWeb quality and uses strict
// comparisons everywhere else; the original C4 counts 5 words per line and 3 sentences.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import { c4Quality } from '../../filters/c4-quality.ts';
import { filtersSchema } from '../../filters/config.ts';
import { finewebQuality } from '../../filters/fineweb-quality.ts';
import { gopherQuality } from '../../filters/gopher-quality.ts';
import { gopherRepetition } from '../../filters/gopher-repetition.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { loadLanguageId } from '../../filters/lang-id.ts';
import { resolveFilters } from '../../filters/presets.ts';
import type { FilterContext, Outcome } from '../../filters/types.ts';
import { createTextMemo } from '../../filters/text-memo.ts';
import { wordTokenize } from '../../filters/words.ts';

const doc = (text: string): Document => ({ id: 't', text, source: 's', file: 'f', url: 'https://example.org/page', meta: {} });
const ctx: FilterContext = { ...createTextMemo(), observe: () => {} };
const fineweb = resolveFilters(filtersSchema.parse({ preset: 'fineweb' }));
const c4 = resolveFilters(filtersSchema.parse({ preset: 'c4' }));
const gopher = resolveFilters(filtersSchema.parse({ preset: 'gopher' }));
const rule = (o: Outcome): string => (o.keep ? 'keep' : o.rule);

/** Distinct lines of `len` letters (no punctuation at the end unless `end`). */
function lines(n: number, len: number, end = ''): string[] {
  return Array.from({ length: n }, (_, i) => {
    const base = `line ${String(i).padStart(4, '0')} `;
    return (base + 'word '.repeat(len)).slice(0, len - end.length) + end;
  });
}

test('fineweb_quality line_punct_ratio: exactly 0.12 drops (≤, FineWeb); head keeps it (<)', () => {
  const text = [...lines(3, 40, '.'), ...lines(22, 40).map((l) => `${l.slice(0, 39)}x`)].join('\n');
  assert.equal(rule(finewebQuality(fineweb.fineweb_quality)(doc(text), ctx)), 'line_punct_ratio');
  assert.notEqual(rule(finewebQuality({ ...fineweb.fineweb_quality, variant: 'head' })(doc(text), ctx)), 'line_punct_ratio');
});

test('fineweb_quality short_line_ratio: exactly 0.67 drops (≥), 0.66 keeps', () => {
  const at = [...lines(67, 20, '.'), ...lines(33, 60, '.')].join('\n');
  const below = [...lines(66, 20, '.'), ...lines(34, 60, '.')].join('\n');
  assert.equal(rule(finewebQuality(fineweb.fineweb_quality)(doc(at), ctx)), 'short_line_ratio');
  assert.notEqual(rule(finewebQuality(fineweb.fineweb_quality)(doc(below), ctx)), 'short_line_ratio');
});

test('fineweb_quality char_dup_ratio: exactly 0.01 drops (≥)', () => {
  const unique = lines(24, 40, '.');
  const dup = 'repeated line with words.'; // 25 chars
  const chars = unique.join('').length + 2 * dup.length;
  const filler = 'z'.repeat(2500 - chars - 1) + '.';
  const text = [...unique, dup, dup, filler].join('\n');
  assert.equal(25 / (text.length - (text.split('\n').length - 1)), 0.01);
  assert.equal(rule(finewebQuality(fineweb.fineweb_quality)(doc(text), ctx)), 'char_dup_ratio');
});

test('fineweb_quality list_ratio: exactly 0.3 keeps (>), above drops', () => {
  const ten = Array.from({ length: 10 }, (_, i) => `alpha${i} beta${i} gamma${i} delta${i} epsilon${i} zeta${i} eta${i}.`);
  const words = wordTokenize(ten.join('\n')).length;
  const nl = Math.round(words * 0.3);
  const text = ten.join('\n') + '\n'.repeat(nl - 9);
  assert.equal((text.split('\n').length - 1) / words, 0.3);
  const p = { ...fineweb.fineweb_quality, short_line_thr: 1.1, char_duplicates_ratio: 1 };
  assert.equal(rule(finewebQuality(p)(doc(text), ctx)), 'keep');
  assert.equal(rule(finewebQuality(p)(doc(text + '\n'), ctx)), 'list_ratio');
});

const fiftyWords = (w: string, n = 50): string => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 'the' : w)).join(' ');

for (const [name, preset] of [['fineweb', fineweb], ['gopher', gopher]] as const) {
  test(`${name}: gopher_quality min_doc_words 50 keeps, 49 drops`, () => {
    const f = gopherQuality(preset.gopher_quality);
    assert.equal(rule(f(doc(fiftyWords('words')), ctx)), 'keep');
    assert.equal(rule(f(doc(fiftyWords('words', 49)), ctx)), 'gopher_short_doc');
  });

  test(`${name}: gopher_quality mean word length exactly 3 and 10 keep, just outside drops`, () => {
    const f = gopherQuality(preset.gopher_quality);
    const mk = (a: string, b: string): string => Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b)).join(' ') + ' the and';
    // pairs of the given lengths with mean exactly L, plus "the"(3) and "and"(3)
    assert.equal(rule(f(doc(mk('abc', 'xyz')), ctx)), 'keep');
    assert.equal(rule(f(doc(mk('ab', 'xyz')), ctx)), 'gopher_below_avg_threshold');
    const ten = (extra: string): string => [...Array.from({ length: 48 }, () => 'abcdefghij'), 'abcdefghijklmnopq', `abcdefghijklmnopq${extra}`, 'the', 'the'].join(' ');
    assert.equal(rule(f(doc(ten('')), ctx)), 'keep');
    assert.equal(rule(f(doc(ten('r')), ctx)), 'gopher_above_avg_threshold');
  });

  test(`${name}: gopher_quality stop words exactly 2 keeps, 1 drops; alpha ratio exactly 0.8 keeps`, () => {
    const f = gopherQuality(preset.gopher_quality);
    const base = Array.from({ length: 58 }, () => 'words').join(' ');
    assert.equal(rule(f(doc(`${base} the and`), ctx)), 'keep');
    assert.equal(rule(f(doc(`${base} the bee`), ctx)), 'gopher_enough_stop_words');
    const alpha = Array.from({ length: 80 }, (_, i) => (i < 2 ? 'the' : 'words')).join(' ') + ' ' + Array.from({ length: 20 }, () => '1234').join(' ');
    assert.equal(rule(f(doc(alpha), ctx)), 'keep');
    assert.equal(rule(f(doc(`${alpha} 5678`), ctx)), 'gopher_below_alpha_threshold');
  });

  test(`${name}: gopher_repetition dup_line_frac exactly 0.3 keeps (>)`, () => {
    const f = gopherRepetition({ ...preset.gopher_repetition, dup_line_char_frac: null, top_n_grams: [], dup_n_grams: [] });
    const uniq = Array.from({ length: 6 }, (_, i) => `unique line ${i}`);
    assert.equal(rule(f(doc([...uniq, 'same', 'same', 'same', 'same'].join('\n')), ctx)), 'keep');
    assert.equal(rule(f(doc([...uniq.slice(0, 5), 'same', 'same', 'same', 'same'].join('\n')), ctx)), 'dup_line_frac');
  });
}

test('fineweb: c4_quality 5 sentences keeps, 4 drops; lines of 3 words count, 2 do not', () => {
  const f = c4Quality(fineweb.c4_quality);
  const five = ['One two three.', 'Four five six.', 'Seven eight nine.', 'Ten eleven twelve.', 'Thirteen fourteen fifteen.'];
  assert.equal(rule(f(doc(five.join('\n')), ctx)), 'keep');
  assert.equal(rule(f(doc([...five.slice(0, 4), 'Two words.'].join('\n')), ctx)), 'too_few_sentences');
});

test('c4 preset: 5 words per line after citation removal, 3 sentences, end marks required', () => {
  const f = c4Quality(c4.c4_quality);
  const ok = ['One two three four five.', 'Six seven eight nine ten.', 'Eleven twelve thirteen fourteen fifteen.'];
  assert.equal(rule(f(doc(ok.join('\n')), ctx)), 'keep');
  assert.equal(rule(f(doc([...ok.slice(0, 2), 'Eleven twelve thirteen fourteen [12] fifteen'].join('\n')), ctx)), 'too_few_sentences');
  assert.equal(rule(f(doc([...ok.slice(0, 2), 'Eleven twelve thirteen [12] fifteen.'].join('\n')), ctx)), 'too_few_sentences');
  const out = f(doc(ok.join('\n')), ctx);
  assert.ok(out.keep && out.text === ok.join('\n'));
});

test('language threshold is strict: a score exactly at the threshold drops', async () => {
  const lid = await loadLanguageId('delete');
  const text = 'This is a plain English sentence about the weather and the garden.';
  const { score } = lid.predict(text);
  const stats = createStats();
  const at = await createFilterPipeline(filtersSchema.parse({ preset: 'none', language: { enabled: true, threshold: score } }));
  const below = await createFilterPipeline(filtersSchema.parse({ preset: 'none', language: { enabled: true, threshold: score - 1e-6 } }));
  const v1 = at.apply(doc(text), stats);
  assert.equal(v1.keep, false);
  assert.equal(below.apply(doc(text), stats).keep, true);
  assert.equal(v1.doc.lang, 'en');
});

test('gopher_quality counts stop words of any length in a configured list, in both counting modes', () => {
  const base = Array.from({ length: 58 }, () => 'words').join(' ');
  const stats = (mode: 'occurrences' | 'distinct'): number => {
    let seen = -1;
    // 'bed' and 'bee' share a length and a first letter (compared, not hashed); 'bet' shares both and is not one.
    const f = gopherQuality({ ...gopher.gopher_quality, stop_words: ['a', 'because', 'ünïcödé', 'bed', 'bee', 'bed'], stop_word_count: mode, min_stop_words: 9 });
    f(doc(`${base} a because because ünïcödé a bee the bet bed bee`), { ...createTextMemo(), observe: (m, v) => void (m === 'stop_words' && (seen = v)) });
    return seen;
  };
  assert.equal(stats('occurrences'), 8);
  assert.equal(stats('distinct'), 5);
});
