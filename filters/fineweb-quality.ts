// FineWeb quality filter (Penedo et al. 2024) in its FineWeb-era form (datatrove v0.2.0): share of
// lines ending in punctuation (drop if ≤ 0.12), share of short lines (drop if ≥ 0.67), share of
// characters in duplicated lines (drop if ≥ 0.01), newlines per word (drop if > 0.3). The
// `head` variant switches to datatrove's later rules (non-empty lines, terminal marks, strict inequalities).

import type { Document } from '../pipeline/index.ts';
import { findDuplicates } from './gopher-repetition.ts';
import { pyIsBlank, pyLen } from './text.ts';
import { drop, type FilterContext, type Outcome } from './types.ts';

export interface FinewebQualityParams {
  line_punct_thr: number;
  line_punct_exclude_zero: boolean;
  short_line_thr: number;
  short_line_length: number;
  char_duplicates_ratio: number;
  new_line_ratio: number;
  stop_chars: readonly string[];
  /** `fineweb` (v0.2.0: all lines, ≤ / ≥ / ≥) or `head` (non-empty lines, < / > / >). */
  variant: 'fineweb' | 'head';
}

export const FINEWEB_QUALITY_DEFAULTS: FinewebQualityParams = {
  line_punct_thr: 0.12,
  line_punct_exclude_zero: false,
  short_line_thr: 0.67,
  short_line_length: 30,
  char_duplicates_ratio: 0.01,
  new_line_ratio: 0.3,
  stop_chars: ['.', "'", '"', '!', '?'],
  variant: 'fineweb',
};

export function finewebQuality(p: FinewebQualityParams): (doc: Document, ctx: FilterContext) => Outcome {
  const head = p.variant === 'head';
  // Stop characters of one UTF-16 unit each (the usual case) are looked up by a line's last unit.
  const oneUnit = p.stop_chars.every((c) => c.length === 1);
  const stopLast = new Uint8Array(0x10000);
  for (const c of p.stop_chars) stopLast[c.charCodeAt(0)] = 1;
  const endsInStop = (l: string): boolean => (oneUnit ? l.length > 0 && stopLast[l.charCodeAt(l.length - 1)] === 1 : p.stop_chars.some((c) => l.endsWith(c)));
  // A line of at most `short` units has at most `short` code points; one of more than twice that, more.
  const maxShort = p.short_line_length;
  const isShort = (l: string): boolean => l.length <= maxShort || (l.length <= 2 * maxShort && pyLen(l) <= maxShort);
  return (doc, ctx) => {
    const text = doc.text;
    let lines = text.split('\n');
    const newlines = lines.length - 1;
    if (head) {
      lines = lines.filter((l) => !pyIsBlank(l));
      if (lines.length === 0) return { keep: false, rule: 'empty', detail: 'no non-blank line' };
    }
    let punct = 0;
    let short = 0;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (endsInStop(l)) punct++;
      if (isShort(l)) short++;
    }
    const punctRatio = punct / lines.length;
    ctx.observe('line_punct_ratio', punctRatio, { op: head ? '<' : '<=', limit: p.line_punct_thr });
    const punctFails = head ? punctRatio < p.line_punct_thr : punctRatio <= p.line_punct_thr;
    if (punctFails && !(punctRatio === 0 && p.line_punct_exclude_zero)) return drop('line_punct_ratio', 'line_punct_ratio', punctRatio, head ? '<' : '<=', p.line_punct_thr);

    const shortRatio = short / lines.length;
    ctx.observe('short_line_ratio', shortRatio, { op: head ? '>' : '>=', limit: p.short_line_thr });
    if (head ? shortRatio > p.short_line_thr : shortRatio >= p.short_line_thr) return drop('short_line_ratio', 'short_line_ratio', shortRatio, head ? '>' : '>=', p.short_line_thr);

    const nonEmpty = head ? lines : lines.filter((l) => !pyIsBlank(l));
    const dupChars = findDuplicates(nonEmpty, ctx.plain(text))[1];
    const dupRatio = dupChars / (ctx.pyLength(text) - newlines);
    ctx.observe('char_dup_ratio', dupRatio, { op: head ? '>' : '>=', limit: p.char_duplicates_ratio });
    if (head ? dupRatio > p.char_duplicates_ratio : dupRatio >= p.char_duplicates_ratio) return drop('char_dup_ratio', 'char_dup_ratio', dupRatio, head ? '>' : '>=', p.char_duplicates_ratio);

    // Only the count is needed, of a text C4 may have rewritten: most of its sentences are known.
    const listRatio = newlines / ctx.count(text);
    ctx.observe('list_ratio', listRatio, { op: '>', limit: p.new_line_ratio });
    if (listRatio > p.new_line_ratio) return drop('list_ratio', 'list_ratio', listRatio, '>', p.new_line_ratio);
    return { keep: true };
  };
}
