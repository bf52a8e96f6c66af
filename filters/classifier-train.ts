// Training data and held-out evaluation for `cc-pretrain train-classifier`. Documents of the
// positive and negative sources are normalised exactly as the filter will score them
// (fastTextLine), split by a seeded hash of their text (10 % held out by default), and written
// as fastText's `__label__<label> <text>` lines in a seeded hash order, so the training file
// and hence the model (fastText, one thread, fixed seed) are the same on every machine and run.
// The held-out split is then scored through the filter's own model loader and reported as
// precision and recall at 0.5 and ROC AUC.

import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../pipeline/index.ts';
import type { ClassifierSettings } from './classifier-config.ts';
import { fastTextLabel, fastTextLine, loadQualityModel } from './classifier-model.ts';

export interface TrainingSetOptions {
  /** Label of the positives (the quality label the filter keeps); negatives get `negativeLabel`. */
  label: string;
  negativeLabel: string;
  newlines: ClassifierSettings['newlines'];
  /** Fraction of documents held out for evaluation. */
  holdout: number;
  seed: number;
}

export interface HeldOut {
  text: string;
  positive: boolean;
}

export interface TrainingSet {
  train: { positives: number; negatives: number };
  heldOut: HeldOut[];
}

function hash01(seed: number, salt: string, text: string): number {
  return createHash('sha1').update(`${seed}\0${salt}\0${text}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** Writes the fastText training file to `path`; returns the counts and the held-out documents. */
export async function writeTrainingSet(
  positives: AsyncIterable<string>,
  negatives: AsyncIterable<string>,
  path: string,
  o: TrainingSetOptions,
): Promise<TrainingSet> {
  const lines: { key: number; line: string }[] = [];
  const heldOut: HeldOut[] = [];
  const train = { positives: 0, negatives: 0 };
  for (const [docs, positive] of [
    [positives, true],
    [negatives, false],
  ] as const) {
    const label = fastTextLabel(positive ? o.label : o.negativeLabel);
    for await (const text of docs) {
      const line = fastTextLine(text, o.newlines, null).trim();
      if (line.length === 0) continue;
      if (hash01(o.seed, 'split', line) < o.holdout) {
        heldOut.push({ text, positive });
        continue;
      }
      lines.push({ key: hash01(o.seed, 'order', line), line: `${label} ${line}` });
      if (positive) train.positives++;
      else train.negatives++;
    }
  }
  lines.sort((a, b) => a.key - b.key || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
  await writeFileAtomic(path, lines.map((l) => `${l.line}\n`).join(''));
  return { train, heldOut };
}

export interface Evaluation {
  docs: number;
  positives: number;
  /** At score >= 0.5. */
  precision: number;
  recall: number;
  /** ROC AUC (Mann–Whitney, ties counted half). */
  auc: number;
}

/** ROC AUC of scores against labels: the chance a random positive outscores a random negative. */
export function rocAuc(scored: readonly { score: number; positive: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  const pos = sorted.filter((s) => s.positive).length;
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return Number.NaN;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.positive) rankSum += midRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Scores the held-out documents with the trained model, as the filter would. */
export async function evaluateClassifier(settings: ClassifierSettings, heldOut: readonly HeldOut[]): Promise<Evaluation> {
  const model = await loadQualityModel(settings);
  const scored = heldOut.map((d) => ({ score: model.score(d.text).score, positive: d.positive }));
  const tp = scored.filter((s) => s.positive && s.score >= 0.5).length;
  const predicted = scored.filter((s) => s.score >= 0.5).length;
  const positives = scored.filter((s) => s.positive).length;
  return {
    docs: scored.length,
    positives,
    precision: predicted ? tp / predicted : 0,
    recall: positives ? tp / positives : 0,
    auc: rocAuc(scored),
  };
}
