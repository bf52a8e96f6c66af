// The quality model seam: a model is anything that turns a document's raw text into a quality
// score in [0, 1] and a label. Each kind owns its text normalisation (the text as it was trained
// on), so the filter never needs to know the kind. fastText is the first kind; a transformer
// regressor (FineWeb-Edu style) plugs in as another `kind` with its own loader here.

import { openFastText, ModelFileError } from './classifier-fasttext.ts';
import type { ClassifierSettings } from './classifier-config.ts';

export { ModelFileError };

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

async function loadFastTextModel(s: ClassifierSettings): Promise<QualityModel> {
  const ft = await openFastText(s.model);
  const wanted = fastTextLabel(s.label);
  if (!ft.labels.includes(wanted)) {
    throw new ModelFileError(`classifier model ${s.model} has labels [${ft.labels.join(', ')}], not ${wanted} (filters.classifier.label)`);
  }
  return {
    file: s.model,
    labels: ft.labels,
    score(text) {
      const probs = ft.predict(fastTextLine(text, s.newlines, s.max_chars));
      let label = wanted;
      let best = -1;
      for (const [l, p] of probs) if (p > best) [label, best] = [l, p];
      // Probabilities can exceed 1 by ~1e-5 (fastText's softmax in float32).
      return { score: Math.min(probs.get(wanted) ?? 0, 1), label: label.slice(LABEL_PREFIX.length) };
    },
  };
}

/** Loads and checks the configured model: fails before any work on a bad file or a missing label. */
export async function loadQualityModel(s: ClassifierSettings): Promise<QualityModel> {
  switch (s.kind) {
    case 'fasttext':
      return loadFastTextModel(s);
  }
}
