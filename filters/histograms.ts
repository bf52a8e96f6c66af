// Fixed histogram edges for every filter metric, so that the histograms of different tasks merge
// (pipeline/stats.ts refuses to merge different edges). Ratio edges include every default threshold.

const RATIO = [0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.67, 0.7, 0.8, 0.9, 0.95, 1];
const COUNT = [0, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 100_000, 1_000_000];
const WORD_LENGTH = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20];
const SCORE = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95, 0.99, 1.000001];
const QUALITY = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99, 1.000001];
const CHARS = [0, 100, 1000, 10_000, 100_000, 190_000, 1_000_000, 10_000_000];

const BY_METRIC: Record<string, readonly number[]> = {
  score: SCORE,
  quality_score: QUALITY,
  mean_word_length: WORD_LENGTH,
  non_symbol_words: COUNT,
  stop_words: COUNT,
  sentences: COUNT,
  page_chars: CHARS,
  list_ratio: [...RATIO, 1.5, 2, 5],
};

export function edgesFor(metric: string): readonly number[] {
  return BY_METRIC[metric] ?? RATIO;
}
