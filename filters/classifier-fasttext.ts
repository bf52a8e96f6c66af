// fastText supervised models for the quality classifier, behind one function: `openFastText(path)`
// gives the model's labels and the probability of every label for a line of text. It runs the
// fastText C++ code compiled to WASM (npm `fasttext.wasm.js`, already used for language id), so
// DCLM's and our own `.bin`/`.ftz` files score exactly as native fastText scores them. The file's
// magic number is checked first: the WASM build aborts the process on a file that is not fastText.

import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getFastTextClass, getFastTextModule } from 'fasttext.wasm.js';
import { ConfigError } from '../pipeline/index.ts';

export interface FastTextScorer {
  /** Labels with their `__label__` prefix, in the model's order. */
  labels: readonly string[];
  /** Probability of each label (every label, k = -1) for one line of text. */
  predict(line: string): Map<string, number>;
}

/** First int32 of every fastText model file (fastText's FASTTEXT_FILEFORMAT_MAGIC_INT32). */
const FASTTEXT_MAGIC = 793712314;

/** A config error: the run stops before any work with the message, exit code 2. */
export class ModelFileError extends ConfigError {
  override name = 'ModelFileError';
}

interface NativeVector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}

export async function openFastText(path: string): Promise<FastTextScorer> {
  const head = Buffer.alloc(8);
  try {
    const fh = await open(path, 'r');
    try {
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new ModelFileError(`cannot read classifier model ${path}: ${(err as Error).message}`);
  }
  if (head.readInt32LE(0) !== FASTTEXT_MAGIC) {
    throw new ModelFileError(`classifier model ${path} is not a fastText model file (no fastText magic number)`);
  }
  const FastText = await getFastTextClass({ getFastTextModule });
  const ft = new FastText();
  const model = await ft.loadModel(pathToFileURL(resolve(path)).href);
  const pair = model.getLabels() as unknown as [NativeVector<string>, NativeVector<number>];
  const labels: string[] = [];
  for (let i = 0; i < pair[0].size(); i++) labels.push(pair[0].get(i));
  pair[0].delete();
  pair[1].delete();
  return {
    labels,
    predict(line) {
      const vec = model.predict(line, -1, 0) as unknown as NativeVector<[number, string]>;
      try {
        const out = new Map<string, number>();
        for (let i = 0; i < vec.size(); i++) {
          const [prob, label] = vec.get(i);
          out.set(label, prob);
        }
        return out;
      } finally {
        vec.delete();
      }
    },
  };
}
