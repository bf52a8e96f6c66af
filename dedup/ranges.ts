// Splits a merge into hash-range tasks: split points are quantiles of the first word of records
// sampled evenly from every input file (MinHash minima are far from uniform, so equal-width
// ranges would leave most work to the first task). Deterministic for the same files.

import { FULL_RANGE, sampleFirstWords, type WordRange } from './records.ts';

const SAMPLES_PER_FILE = 256;

export function planRanges(paths: readonly string[], recBytes: number, workers: number): WordRange[] {
  if (workers <= 1) return [FULL_RANGE];
  const sample = sampleFirstWords(paths, recBytes, SAMPLES_PER_FILE).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let w = 1; w < workers && sample.length > 0; w++) {
    const cut = sample[Math.floor((w * sample.length) / workers)]!;
    if (cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
  }
  const bounds = [0, ...cuts, FULL_RANGE.hi];
  return bounds.slice(1).map((hi, i) => ({ lo: bounds[i]!, hi }));
}
