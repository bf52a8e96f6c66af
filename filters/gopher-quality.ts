// Gopher quality filter (Rae et al. 2021) as datatrove implements it: word count and mean word
// length over non-symbol words, `#` and ellipsis per word, bullet and ellipsis line shares, share
// of words with a letter, and a stop-word minimum. Words are NLTK-style tokens (words.ts).

import type { Document } from '../pipeline/index.ts';
import { isNonSymbolWord } from './punctuation.ts';
import { hasAlpha, pyCount, pyLen, pyLstrip, pyRstrip } from './text.ts';
import { bounds, drop, type FilterContext, type Outcome } from './types.ts';

export interface GopherQualityParams {
  min_doc_words: number | null;
  max_doc_words: number | null;
  min_avg_word_length: number | null;
  max_avg_word_length: number | null;
  max_symbol_word_ratio: number | null;
  max_bullet_lines_ratio: number | null;
  max_ellipsis_lines_ratio: number | null;
  /** Minimum share of tokens with a letter (datatrove's misleading name kept). */
  max_non_alpha_words_ratio: number | null;
  min_stop_words: number | null;
  stop_words: readonly string[];
  /** `occurrences` (FineWeb era) or `distinct` (datatrove from 2025-01-30). */
  stop_word_count: 'occurrences' | 'distinct';
}

export const GOPHER_QUALITY_DEFAULTS: GopherQualityParams = {
  min_doc_words: 50,
  max_doc_words: 100_000,
  min_avg_word_length: 3,
  max_avg_word_length: 10,
  max_symbol_word_ratio: 0.1,
  max_bullet_lines_ratio: 0.9,
  max_ellipsis_lines_ratio: 0.3,
  max_non_alpha_words_ratio: 0.8,
  min_stop_words: 2,
  stop_words: ['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with'],
  stop_word_count: 'occurrences',
};

export function gopherQuality(p: GopherQualityParams): (doc: Document, ctx: FilterContext) => Outcome {
  // Stop words by length and first unit: a token is compared (===) with the few that share both,
  // so no token's string is hashed (a set lookup would hash each fresh token). An ASCII first unit
  // reads its list's number from a table by length and unit (no map lookup per token); the other
  // stop words (and an empty one) are kept in a map by length and unit.
  const longest = Math.max(0, ...p.stop_words.map((w) => w.length));
  const lists: string[][] = [];
  const slots = new Int32Array((longest + 1) * 128);
  const wide = new Map<number, string[]>();
  for (const w of new Set(p.stop_words)) {
    const c = w.charCodeAt(0);
    if (c < 128) {
      const at = w.length * 128 + c;
      if (slots[at] === 0) slots[at] = lists.push([]);
      lists[slots[at]! - 1]!.push(w);
    } else {
      const key = w.length * 65536 + (c | 0);
      const list = wide.get(key);
      if (list) list.push(w);
      else wide.set(key, [w]);
    }
  }
  /** The stop word equal to `w`, or undefined. */
  const stopWord = (w: string): string | undefined => {
    if (w.length > longest) return undefined;
    const c = w.charCodeAt(0);
    let list: string[] | undefined;
    if (c < 128) {
      const slot = slots[w.length * 128 + c]!;
      if (slot === 0) return undefined;
      list = lists[slot - 1]!;
    } else if (wide.size === 0 || (list = wide.get(w.length * 65536 + (c | 0))) === undefined) return undefined;
    for (let i = 0; i < list.length; i++) if (list[i] === w) return list[i];
    return undefined;
  };
  // The bounds are the parameters': made once, not per document.
  const wordBounds = bounds(['<', p.min_doc_words], ['>', p.max_doc_words]);
  const lengthBounds = bounds(['<', p.min_avg_word_length], ['>', p.max_avg_word_length]);
  return (doc, ctx) => {
    const text = doc.text;
    const words = ctx.words(text);
    const nWords = words.length;
    let nonSymbol = 0;
    let nonSymbolChars = 0;
    // Words are made of the text's characters: without a high surrogate in the text, a word's
    // Python length is its length (one scan of the text instead of one per word).
    const plain = ctx.plain(text);
    // One pass over the words for the three per-word counts (the later checks read theirs): each
    // word is loaded once, not once per check. Indexed: a for-of allocates an iterator result per
    // word until V8 optimises the loop.
    let alpha = 0;
    let stops = 0;
    const countAlpha = Boolean(p.max_non_alpha_words_ratio);
    const countStops = p.min_stop_words && p.stop_word_count === 'occurrences';
    for (let i = 0; i < nWords; i++) {
      const w = words[i] as string;
      if (isNonSymbolWord(w)) {
        nonSymbol++;
        nonSymbolChars += plain ? w.length : pyLen(w);
      }
      if (countAlpha && hasAlpha(w)) alpha++;
      if (countStops && stopWord(w) !== undefined) stops++;
    }
    ctx.observe('non_symbol_words', nonSymbol, ...wordBounds);
    if (p.min_doc_words && nonSymbol < p.min_doc_words) return drop('gopher_short_doc', 'non_symbol_words', nonSymbol, '<', p.min_doc_words);
    if (p.max_doc_words && nonSymbol > p.max_doc_words) return drop('gopher_long_doc', 'non_symbol_words', nonSymbol, '>', p.max_doc_words);

    const mean = nonSymbolChars / nonSymbol;
    ctx.observe('mean_word_length', mean, ...lengthBounds);
    if (p.min_avg_word_length && mean < p.min_avg_word_length) return drop('gopher_below_avg_threshold', 'mean_word_length', mean, '<', p.min_avg_word_length);
    if (p.max_avg_word_length && mean > p.max_avg_word_length) return drop('gopher_above_avg_threshold', 'mean_word_length', mean, '>', p.max_avg_word_length);

    if (p.max_symbol_word_ratio) {
      const hashes = pyCount(text, '#') / nWords;
      ctx.observe('hash_word_ratio', hashes, { op: '>', limit: p.max_symbol_word_ratio });
      if (hashes > p.max_symbol_word_ratio) return drop('gopher_too_many_hashes', 'hash_word_ratio', hashes, '>', p.max_symbol_word_ratio);
      const ellipses = (pyCount(text, '...') + pyCount(text, '…')) / nWords;
      ctx.observe('ellipsis_word_ratio', ellipses, { op: '>', limit: p.max_symbol_word_ratio });
      if (ellipses > p.max_symbol_word_ratio) return drop('gopher_too_many_ellipsis', 'ellipsis_word_ratio', ellipses, '>', p.max_symbol_word_ratio);
    }

    const lines = ctx.lines(text);
    if (p.max_bullet_lines_ratio) {
      let bullets = 0;
      for (let i = 0; i < lines.length; i++) {
        const s = pyLstrip(lines[i] as string);
        if (s.startsWith('•') || s.startsWith('-')) bullets++;
      }
      const ratio = bullets / lines.length;
      ctx.observe('bullet_lines_ratio', ratio, { op: '>', limit: p.max_bullet_lines_ratio });
      if (ratio > p.max_bullet_lines_ratio) return drop('gopher_too_many_bullets', 'bullet_lines_ratio', ratio, '>', p.max_bullet_lines_ratio);
    }
    if (p.max_ellipsis_lines_ratio) {
      let ell = 0;
      for (let i = 0; i < lines.length; i++) {
        const s = pyRstrip(lines[i] as string);
        if (s.endsWith('...') || s.endsWith('…')) ell++;
      }
      const ratio = ell / lines.length;
      ctx.observe('end_ellipsis_lines_ratio', ratio, { op: '>', limit: p.max_ellipsis_lines_ratio });
      if (ratio > p.max_ellipsis_lines_ratio) return drop('gopher_too_many_end_ellipsis', 'end_ellipsis_lines_ratio', ratio, '>', p.max_ellipsis_lines_ratio);
    }
    if (p.max_non_alpha_words_ratio) {
      const ratio = alpha / nWords;
      ctx.observe('alpha_words_ratio', ratio, { op: '<', limit: p.max_non_alpha_words_ratio });
      if (ratio < p.max_non_alpha_words_ratio) return drop('gopher_below_alpha_threshold', 'alpha_words_ratio', ratio, '<', p.max_non_alpha_words_ratio);
    }
    if (p.min_stop_words) {
      let n = stops;
      if (p.stop_word_count !== 'occurrences') {
        // The list's own strings go into the set: their hashes are computed once.
        const found = new Set<string>();
        for (const w of words) {
          const s = stopWord(w);
          if (s !== undefined) found.add(s);
        }
        n = found.size;
      }
      ctx.observe('stop_words', n, { op: '<', limit: p.min_stop_words });
      if (n < p.min_stop_words) return drop('gopher_enough_stop_words', 'stop_words', n, '<', p.min_stop_words);
    }
    return { keep: true };
  };
}
