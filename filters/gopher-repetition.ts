// Gopher repetition filter (Rae et al. 2021, Table A1) as datatrove implements it: duplicate
// paragraph/line fractions, top 2–4-gram character fractions, duplicated 5–10-gram character
// fractions. Every comparison is strictly greater-than; denominators are `len(text)` in code points.

import type { Document } from '../pipeline/index.ts';
import { createNgramScratch, duplicatedChars, ngramWords, topNgram } from './ngram-hash.ts';
import { pyLen, pyStrip } from './text.ts';
import { drop, type FilterContext, type Outcome } from './types.ts';

export interface GopherRepetitionParams {
  dup_para_frac: number | null;
  dup_para_char_frac: number | null;
  dup_line_frac: number | null;
  dup_line_char_frac: number | null;
  top_n_grams: readonly (readonly [number, number])[];
  dup_n_grams: readonly (readonly [number, number])[];
  /** `splitlines` (FineWeb era: blank lines are lines) or `newline_runs` (datatrove after 2024-04-26). */
  lines: 'splitlines' | 'newline_runs';
}

export const GOPHER_REPETITION_DEFAULTS: GopherRepetitionParams = {
  dup_para_frac: 0.3,
  dup_para_char_frac: 0.2,
  dup_line_frac: 0.3,
  dup_line_char_frac: 0.2,
  top_n_grams: [
    [2, 0.2],
    [3, 0.18],
    [4, 0.16],
  ],
  dup_n_grams: [
    [5, 0.15],
    [6, 0.14],
    [7, 0.13],
    [8, 0.12],
    [9, 0.11],
    [10, 0.1],
  ],
  lines: 'splitlines',
};

/** Lengths from here up share one count (a shared count only sends an item to the string set). */
const LENGTH_SLOTS = 1024;

/**
 * Number of elements equal to an earlier element, and their total length in code points. `plain`:
 * the items are pieces of a text without a high surrogate, so a length in code points is a length.
 * Only items whose length another item has can repeat, so lengths are counted first and only those
 * items go through the string set: the set hashes every character it is given, and most lines of
 * a page have a length of their own.
 */
export function findDuplicates(items: readonly string[], plain = false): [number, number] {
  const lengths = new Uint8Array(LENGTH_SLOTS);
  for (const x of items) {
    const at = x.length < LENGTH_SLOTS ? x.length : LENGTH_SLOTS - 1;
    lengths[at] = lengths[at] === 0 ? 1 : 2;
  }
  const seen = new Set<string>();
  let dups = 0;
  let chars = 0;
  for (const x of items) {
    if (lengths[x.length < LENGTH_SLOTS ? x.length : LENGTH_SLOTS - 1] !== 2) continue;
    if (seen.has(x)) {
      dups++;
      chars += plain ? x.length : pyLen(x);
    } else seen.add(x);
  }
  return [dups, chars];
}

export function gopherRepetition(p: GopherRepetitionParams): (doc: Document, ctx: FilterContext) => Outcome {
  const scratch = createNgramScratch();
  return (doc, ctx) => {
    const text = doc.text;
    const textLen = ctx.pyLength(text);
    const plain = ctx.plain(text);
    const check = (rule: string, value: number, thr: number | null): Outcome | undefined => {
      if (!thr) return undefined;
      ctx.observe(rule, value, { op: '>', limit: thr });
      return value > thr ? drop(rule, rule, value, '>', thr) : undefined;
    };

    const paragraphs = pyStrip(text).split(/\n{2,}/);
    const [paraDups, paraChars] = findDuplicates(paragraphs, plain);
    const r1 = check('dup_para_frac', paraDups / paragraphs.length, p.dup_para_frac) ?? check('dup_para_char_frac', paraChars / textLen, p.dup_para_char_frac);
    if (r1) return r1;

    const lines = p.lines === 'splitlines' ? ctx.lines(text) : text.split(/\n+/);
    const [lineDups, lineChars] = findDuplicates(lines, plain);
    const r2 = check('dup_line_frac', lineDups / lines.length, p.dup_line_frac) ?? check('dup_line_char_frac', lineChars / textLen, p.dup_line_char_frac);
    if (r2) return r2;

    const words = ngramWords(ctx.words(text), scratch);
    for (const [n, thr] of p.top_n_grams) {
      if (words.id.length < n) continue;
      const { count, length } = topNgram(words, n);
      const r = check(`top_${n}_gram`, (length * count) / textLen, thr);
      if (r) return r;
    }
    for (const [n, thr] of p.dup_n_grams) {
      const r = check(`duplicated_${n}_n_grams`, duplicatedChars(words, n) / textLen, thr);
      if (r) return r;
    }
    return { keep: true };
  };
}
