// Generated corpora with planted near-duplicate pairs at a controlled word 5-gram Jaccard
// similarity: B copies the first words of A so that exactly c of its n shingles are A's, then
// continues with fresh random words; J = c / (2n − c). Words come from a seeded PRNG, so unrelated
// documents share no shingles.

export interface PlantedPair {
  a: string;
  b: string;
  jaccard: number;
}

export { seededRandom as rng } from '../../pipeline/seeded-random.ts';

export function randomWords(next: () => number, count: number): string[] {
  return Array.from({ length: count }, () => 'w' + Math.floor(next() * 2 ** 40).toString(36));
}

/** A pair of documents of `words` words whose 5-gram shingle sets have Jaccard ≈ `target`. */
export function plantPair(next: () => number, target: number, words = 150, ngram = 5): PlantedPair {
  const n = words - ngram + 1;
  const c = Math.round((2 * n * target) / (1 + target));
  const a = randomWords(next, words);
  const b = [...a.slice(0, c + ngram - 1), ...randomWords(next, words - (c + ngram - 1))];
  return { a: a.join(' '), b: b.join(' '), jaccard: c / (2 * n - c) };
}

/** Probability that LSH with `bands` × `rows` makes a pair of similarity s a candidate. */
export function lshProbability(s: number, bands = 14, rows = 8): number {
  return 1 - (1 - s ** rows) ** bands;
}
