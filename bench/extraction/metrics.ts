// The two extraction metrics, exactly as ../shared/data/README.md defines them:
// - scrapinghub: `\w+` tokens, multiset of word 4-gram shingles; per page precision = matched /
//   output shingles, recall = matched / gold shingles; averaged over pages; F1 = harmonic mean of
//   the two averages. A page with no gold and no output is perfect. A text of 1–3 tokens is one
//   shingle (as the benchmark's own evaluate.py does); empty output against non-empty gold scores
//   precision 0 and recall 0.
// - WCXB: lowercase, `\w+` tokens, bag-of-words (multiset) precision / recall / F1 per page,
//   macro-averaged over pages (mean of the per-page P, R and F1).

/** Python's `\w` in Unicode mode: letters, numbers and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export const tokens = (text: string): string[] => text.match(WORD) ?? [];

function counts(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(it, (m.get(it) ?? 0) + 1);
  return m;
}

function matched(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [k, c] of a) n += Math.min(c, b.get(k) ?? 0);
  return n;
}

export function shingles(text: string, n = 4): string[] {
  const t = tokens(text);
  if (t.length === 0) return [];
  if (t.length < n) return [t.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n).join(' '));
  return out;
}

export interface PR {
  precision: number;
  recall: number;
}

export interface PRF extends PR {
  f1: number;
}

function ratio(matchedCount: number, outputCount: number, goldCount: number): PR {
  if (outputCount === 0 && goldCount === 0) return { precision: 1, recall: 1 };
  return { precision: outputCount ? matchedCount / outputCount : 0, recall: goldCount ? matchedCount / goldCount : 0 };
}

export function shinglePR(output: string, gold: string): PR {
  const o = shingles(output);
  const g = shingles(gold);
  return ratio(matched(counts(o), counts(g)), o.length, g.length);
}

/** Scrapinghub aggregate: mean P, mean R, F1 of the means. */
export function scrapinghubScore(pages: readonly PR[]): PRF {
  const p = mean(pages.map((x) => x.precision));
  const r = mean(pages.map((x) => x.recall));
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function bagOfWordsPRF(output: string, gold: string): PRF {
  const o = tokens(output.toLowerCase());
  const g = tokens(gold.toLowerCase());
  const { precision, recall } = ratio(matched(counts(o), counts(g)), o.length, g.length);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** WCXB aggregate: macro average of per-page P, R and F1. */
export function macroScore(pages: readonly PRF[]): PRF {
  return { precision: mean(pages.map((x) => x.precision)), recall: mean(pages.map((x) => x.recall)), f1: mean(pages.map((x) => x.f1)) };
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
