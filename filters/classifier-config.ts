// Config of the model-based quality filter (`filters.classifier`): which model, which label is
// "good", the text normalisation the model was trained with, and how documents are kept: above a
// score threshold (decided per document at extract) or the top fraction of the run (decided
// corpus-wide after extract, applied where dedup removals are: docs/classifier.md).

import { z } from 'zod';

export const classifierSchema = z
  .object({
    enabled: z.boolean(),
    /** Model kind; `fasttext` reads fastText supervised `.bin`/`.ftz` files (DCLM's, ours). */
    kind: z.enum(['fasttext']),
    /** Model file (local path). */
    model: z.string().min(1),
    /** The label whose probability is the quality score, with or without `__label__` (DCLM: `hq`). */
    label: z.string().min(1),
    /** `space`: each newline becomes a space (DCLM, datatrove); `collapse`: every whitespace run becomes one space. */
    newlines: z.enum(['space', 'collapse']),
    /** Score only the first this many characters; null = the whole text, as the models are trained. */
    max_chars: z.number().int().min(1).nullable(),
    /** `threshold`: keep score >= threshold; `top_fraction`: keep the run's best `top_fraction` of documents. */
    keep: z.enum(['threshold', 'top_fraction']),
    threshold: z.number().min(0).max(1),
    top_fraction: z.number().gt(0).max(1),
  })
  .partial()
  .strict();

export type ClassifierConfig = z.infer<typeof classifierSchema>;

export interface ClassifierSettings {
  kind: 'fasttext';
  model: string;
  label: string;
  newlines: 'space' | 'collapse';
  max_chars: number | null;
  keep: 'threshold' | 'top_fraction';
  threshold: number;
  top_fraction: number;
}

export const CLASSIFIER_DEFAULTS: Omit<ClassifierSettings, 'model'> = {
  kind: 'fasttext',
  label: 'hq',
  newlines: 'space',
  max_chars: null,
  keep: 'threshold',
  threshold: 0.5,
  top_fraction: 0.1,
};
