// The quality model seam: a model is anything that turns a document's raw text into a quality
// score in [0, 1] and a label. Each kind owns its text normalisation (the text as it was trained
// on), so the filter never needs to know the kind. fastText is the first kind; a transformer
// regressor (FineWeb-Edu style) plugs in as another `kind` with its own loader here. fastText
// models are read by filters/fasttext-model.ts (our own inference, scores as Python fastText's).

import { ConfigError } from '../pipeline/index.ts';
import type { ClassifierSettings } from './classifier-config.ts';
import { loadFastText, type FastTextModel } from './fasttext-model.ts';

/** A config error: the run stops before any work with the message, exit code 2. */
export class ModelFileError extends ConfigError {
  override name = 'ModelFileError';
}

export interface QualityModel {
  /** The model file, for messages. */
  file: string;
  labels: readonly string[];
  /** Quality score in [0, 1] (probability of the configured label) and the model's top label. */
  score(text: string): { score: number; label: string };
}

const LABEL_PREFIX = '__label__';

/** `hq` and `__label__hq` name the same fastText label. */
export function fastTextLabel(label: string): string {
  return label.startsWith(LABEL_PREFIX) ? label : `${LABEL_PREFIX}${label}`;
}

/**
 * The single line fastText sees for a document. `space` turns each newline into a space (DCLM's
 * `" ".join(text.splitlines())`, datatrove's `replace("\n", " ")`); `collapse` turns every
 * whitespace run into one space (`" ".join(text.split())`). fastText splits words on ASCII
 * whitespace either way, so the two differ only on Unicode spaces such as U+00A0.
 */
export function fastTextLine(text: string, newlines: ClassifierSettings['newlines'], maxChars: number | null): string {
  let t = text;
  if (maxChars !== null && t.length > maxChars) {
    const last = t.charCodeAt(maxChars - 1);
    t = t.slice(0, last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars);
  }
  return newlines === 'space' ? t.replace(/\r\n|[\n\r\u2028\u2029\v\f\x85\x1c-\x1e]/g, ' ') : t.split(/\s+/u).filter(Boolean).join(' ');
}

function loadFastTextModel(s: ClassifierSettings): QualityModel {
  let ft: FastTextModel;
  try {
    ft = loadFastText(s.model);
  } catch (err) {
    throw new ModelFileError(`classifier model ${(err as Error).message}`);
  }
  const wanted = fastTextLabel(s.label);
  if (!ft.labels.includes(wanted)) {
    throw new ModelFileError(`classifier model ${s.model} has labels [${ft.labels.join(', ')}], not ${wanted} (filters.classifier.label)`);
  }
  return {
    file: s.model,
    labels: ft.labels,
    score(text) {
      const preds = ft.predict(fastTextLine(text, s.newlines, s.max_chars), -1);
      const score = preds.find((p) => p.label === wanted)?.prob ?? 0;
      // Best first; a probability can exceed 1 by 1e-5 (fastText adds 1e-5 before its log).
      return { score: Math.min(score, 1), label: (preds[0]?.label ?? wanted).slice(LABEL_PREFIX.length) };
    },
  };
}

/** Loads and checks the configured model: fails before any work on a bad file or a missing label. */
export async function loadQualityModel(s: ClassifierSettings): Promise<QualityModel> {
  // Async so that a model kind that loads asynchronously (a transformer runtime) fits the same call.
  switch (s.kind) {
    case 'fasttext':
      return loadFastTextModel(s);
  }
}
