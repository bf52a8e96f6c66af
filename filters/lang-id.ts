// Language identification with fastText's lid.176 model (the compressed `lid.176.ftz` shipped in
// npm `fasttext.wasm.js`, run in WASM). Calls the raw `predict` and frees its result vector: the
// package's `identify()` never does, and the WASM heap grows without bound. fastText classifies only
// up to the first newline, so newlines are removed first: deleted as FineWeb-era datatrove did
// (`delete`) or replaced by spaces as datatrove does now (`space`). Scores can exceed 1 by ~1e-5 and
// are clamped to 1. fastText runs at ~3–6 MB/s, so only the first `maxChars` characters are
// classified (default 100 000): a 10 MB page would otherwise spend seconds here.

import { getLIDModel } from 'fasttext.wasm.js';

export interface LanguageId {
  /** Top-1 label (`en`, `als`, … Wikipedia codes) and its probability in [0, 1]. */
  predict(text: string): { lang: string; score: number };
}

export type NewlineMode = 'delete' | 'space';

interface PredictionVector {
  size(): number;
  get(i: number): [number, string];
  delete(): void;
}

/** Loads the bundled model once per call; each pipeline holds its own (no module-level state). */
export async function loadLanguageId(newlines: NewlineMode, maxChars: number | null = null): Promise<LanguageId> {
  const lid = await getLIDModel();
  const model = await lid.load();
  const nl = /\n/g;
  const sub = newlines === 'delete' ? '' : ' ';
  return {
    predict(full) {
      let text = full;
      if (maxChars !== null && text.length > maxChars) {
        const cut = text.charCodeAt(maxChars - 1) >= 0xd800 && text.charCodeAt(maxChars - 1) <= 0xdbff ? maxChars - 1 : maxChars;
        text = text.slice(0, cut);
      }
      const vec = model.predict(text.replace(nl, sub), 1, 0) as unknown as PredictionVector;
      try {
        if (vec.size() === 0) return { lang: 'unknown', score: 0 };
        const [prob, label] = vec.get(0);
        return { lang: label.replace('__label__', ''), score: Math.min(prob, 1) };
      } finally {
        vec.delete();
      }
    },
  };
}
