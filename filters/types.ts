// The shapes shared by the filters: a filter is a plain function from a document (and a context
// that memoises word tokenization and other text measures (`createTextMemo`) and records measured values) to keep or a drop with the rule
// that fired and the value it measured.

import type { Document, MetaValue } from '../pipeline/index.ts';
import type { TextMemo } from './text-memo.ts';

export interface Drop {
  keep: false;
  /** The rule that fired, named as datatrove names it (e.g. `gopher_below_avg_threshold`). */
  rule: string;
  /** Human-readable measurement, e.g. `mean_word_length 2.1 < 3`. */
  detail: string;
}

/** Keep, optionally with rewritten text (C4 quality drops lines) or signals added to `meta` (the classifier's score). */
export type Outcome = { keep: true; text?: string; meta?: Record<string, MetaValue> } | Drop;

/** A threshold as the filter applies it: the document is dropped when `value op limit` holds. */
export interface Bound {
  op: '<' | '<=' | '>' | '>=';
  limit: number;
}

/**
 * The document's text measures, each computed once per distinct text (`createTextMemo`): NLTK-style
 * words and their count, sentence counts, lines, Python length.
 */
export interface FilterContext extends TextMemo {
  /**
   * Records a measured value for the filter's histogram `<metric>`, with the thresholds it is
   * checked against (for the report's documents just either side of a threshold).
   */
  observe(metric: string, value: number, ...bounds: Bound[]): void;
}

/** The bounds of the thresholds that are set (a null or 0 threshold disables its check). */
export function bounds(...pairs: [Bound['op'], number | null | undefined][]): Bound[] {
  return pairs.flatMap(([op, limit]) => (limit ? [{ op, limit }] : []));
}

export type FilterFn = (doc: Document, ctx: FilterContext) => Outcome;

/** Formats a measured value for reasons: short, stable, no exponent for ordinary ratios. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

export function drop(rule: string, metric: string, value: number, op: string, threshold: number): Drop {
  return { keep: false, rule, detail: `${metric} ${fmt(value)} ${op} ${fmt(threshold)}` };
}
