// C4 quality filter: line-level cleaning and page-level kills of C4 (Raffel et al. 2020). One
// function serves datatrove's C4QualityFilter (FineWeb: 3 words per line, 5 sentences, terminal
// punctuation off, words counted before citation removal) and the original TFDS `clean_page`
// (5 words per line, 3 sentences, end marks `. ? ! "`, words counted after citation removal,
// pages over 190 000 characters dropped). It rewrites the text: only kept lines remain, joined by `\n`.

import type { Document } from '../pipeline/index.ts';
import { splitSentences } from './sentences.ts';
import { pyHasWords, pyLen, pySplit, pyStrip } from './text.ts';
import { drop, type FilterContext, type Outcome } from './types.ts';

export interface C4QualityParams {
  split_paragraph: boolean;
  remove_citations: boolean;
  filter_no_terminal_punct: boolean;
  end_marks: readonly string[];
  min_num_sentences: number;
  min_words_per_line: number;
  max_word_length: number;
  filter_lorem_ipsum: boolean;
  filter_javascript: boolean;
  filter_curly_bracket: boolean;
  filter_policy: boolean;
  /** `before` (datatrove) or `after` (TFDS) citation removal. */
  count_words: 'before_citations' | 'after_citations';
  /** Drop pages longer than this many characters before cleaning (TFDS: 190 000); null = off. */
  max_page_chars: number | null;
}

export const C4_QUALITY_DEFAULTS: C4QualityParams = {
  split_paragraph: true,
  remove_citations: true,
  filter_no_terminal_punct: true,
  end_marks: ['.', '?', '!', '"', "'"],
  min_num_sentences: 5,
  min_words_per_line: 3,
  max_word_length: 1000,
  filter_lorem_ipsum: true,
  filter_javascript: true,
  filter_curly_bracket: true,
  filter_policy: true,
  count_words: 'before_citations',
  max_page_chars: null,
};

const CITATION_RE = /\[\p{Nd}*\]|\[edit\]|\[citation needed\]/gu;
const POLICY = ['terms of use', 'privacy policy', 'cookie policy', 'uses cookies', 'use of cookies', 'use cookies'];
/**
 * Matches every line whose lowercase has one of the phrases the line checks look for (and a few
 * more: `ſ` folds to `s`), so the other lines skip lowercasing and the eight substring scans. No
 * line is missed: simple case folding maps every character whose lowercase is one of these ASCII
 * letters to it (A–Z, KELVIN SIGN), except U+0130, whose lowercase `i̇` puts U+0307 after the `i`,
 * where no phrase has it.
 */
const PHRASES_RE = /lorem ipsum|javascript|terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies/iu;

export function c4Quality(p: C4QualityParams): (doc: Document, ctx: FilterContext) => Outcome {
  return (doc, ctx) => {
    if (p.max_page_chars !== null) {
      const n = ctx.pyLength(doc.text);
      if (n > p.max_page_chars) return drop('too_long_page', 'page_chars', n, '>', p.max_page_chars);
    }
    const units = p.split_paragraph ? ctx.lines(doc.text) : splitSentences(doc.text);
    let sentences = 0;
    let total = 0;
    const kept: string[] = [];
    for (const raw of units) {
      total++;
      const stripped = pyStrip(raw);
      // The checks that skip a line are independent, so the cheap ones go first and the words are
      // split only for lines that could still be kept; no word is longer than its line.
      const max = p.max_word_length;
      if (max !== -1 && stripped.length > max && pySplit(stripped).some((w) => w.length > max && pyLen(w) > max)) continue;
      // Every citation starts with `[`: most lines have none and skip the regex pass.
      const line = p.remove_citations && stripped.includes('[') ? stripped.replace(CITATION_RE, '') : stripped;
      if (p.filter_no_terminal_punct && (!p.end_marks.some((m) => line.endsWith(m)) || line.endsWith('...'))) continue;
      if (!pyHasWords(p.count_words === 'after_citations' ? line : stripped, p.min_words_per_line)) continue;
      const lower = PHRASES_RE.test(line) ? line.toLowerCase() : '';
      if (p.filter_lorem_ipsum && lower.includes('lorem ipsum')) return { keep: false, rule: 'lorem_ipsum', detail: 'line contains "lorem ipsum"' };
      if (p.filter_javascript && lower.includes('javascript')) continue;
      if (p.filter_curly_bracket && line.includes('{')) return { keep: false, rule: 'curly_bracket', detail: 'line contains "{"' };
      if (p.filter_policy && POLICY.some((s) => lower.includes(s))) continue;
      sentences += p.split_paragraph ? ctx.sentenceCount(line) : 1;
      kept.push(line);
    }
    ctx.observe('sentences', sentences, { op: '<', limit: p.min_num_sentences });
    ctx.observe('kept_line_ratio', total ? kept.length / total : 0);
    if (sentences < p.min_num_sentences) return drop('too_few_sentences', 'sentences', sentences, '<', p.min_num_sentences);
    return { keep: true, text: pyStrip(kept.join(p.split_paragraph ? '\n' : ' ')) };
  };
}
