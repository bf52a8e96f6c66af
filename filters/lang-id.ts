// Language identification as FineWeb ran it: a fastText lid.176 model on the document's whole text
// (newlines removed first, since fastText classifies one line: deleted as FineWeb-era datatrove did,
// `delete`, or replaced by spaces as datatrove does now, `space`). The model is read and run by our
// own fastText reader (fasttext-model.ts), with the same labels and scores as Python fastText. By
// default it is the `lid.176.ftz` that npm `fasttext.wasm.js` ships; `language.model` may name
// `lid.176.bin` (what FineWeb used) or any other fastText language model. Python fastText's scores
// can exceed 1 by ~1e-5 (it adds 1e-5 before its log); they are clamped to 1. `maxChars` optionally
// bounds the classified prefix (off by default: FineWeb classifies whole documents).

import { fileURLToPath } from 'node:url';
import { loadFastText } from './fasttext-model.ts';

export interface LanguageId {
  /** Top-1 language (`en`, `als`, … Wikipedia codes, the `__label__` prefix removed) and its probability in [0, 1]. */
  predict(text: string): { lang: string; score: number };
}

export type NewlineMode = 'delete' | 'space';

const LABEL_PREFIX = '__label__';

/** The `lid.176.ftz` shipped in npm `fasttext.wasm.js`: the default model. */
export function bundledLidModel(): string {
  return fileURLToPath(import.meta.resolve('fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz'));
}

/** Loads the model once per call; each pipeline holds its own (no module-level state). */
export function loadLanguageId(newlines: NewlineMode, maxChars: number | null = null, modelFile: string | null = null): LanguageId {
  const model = loadFastText(modelFile ?? bundledLidModel());
  const nl = /\n/g;
  const sub = newlines === 'delete' ? '' : ' ';
  return {
    predict(full) {
      let text = full;
      if (maxChars !== null && text.length > maxChars) {
        const cut = text.charCodeAt(maxChars - 1) >= 0xd800 && text.charCodeAt(maxChars - 1) <= 0xdbff ? maxChars - 1 : maxChars;
        text = text.slice(0, cut);
      }
      const [best] = model.predict(text.replace(nl, sub), 1, 0);
      if (!best) return { lang: 'unknown', score: 0 };
      const lang = best.label.startsWith(LABEL_PREFIX) ? best.label.slice(LABEL_PREFIX.length) : best.label;
      return { lang, score: Math.min(best.prob, 1) };
    },
  };
}
