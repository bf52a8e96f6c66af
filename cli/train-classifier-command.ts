// `cc-pretrain train-classifier --positive SOURCE… --negative SOURCE… --out model.bin`: trains a
// fastText quality classifier with fastText's own trainer (the trainer's Python environment, one
// thread, fixed seed), then scores a held-out split with the pipeline's own model loader and
// prints precision, recall and AUC. Sources are JSONL(.gz) files with a text field or docs Parquet
// files (a run's RUN/docs/<source>/*.parquet or removed/…).

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLASSIFIER_DEFAULTS } from '../filters/classifier-config.ts';
import { evaluateClassifier, writeTrainingSet } from '../filters/classifier-train.ts';
import { extractSchema } from '../ingest/config.ts';
import { readDocuments } from '../ingest/index.ts';
import { createStats, readDocs } from '../pipeline/index.ts';
import { runTrainer } from '../pipeline/train-stage.ts';
import { UsageError } from './usage.ts';

const OPTIONS = {
  positive: { type: 'string', multiple: true },
  negative: { type: 'string', multiple: true },
  out: { type: 'string' },
  label: { type: 'string', default: 'hq' },
  'negative-label': { type: 'string', default: 'cc' },
  newlines: { type: 'string', default: CLASSIFIER_DEFAULTS.newlines },
  'text-field': { type: 'string', default: 'text' },
  'max-docs': { type: 'string' },
  holdout: { type: 'string', default: '0.1' },
  seed: { type: 'string', default: '0' },
  epoch: { type: 'string', default: '20' },
  lr: { type: 'string', default: '0.5' },
  dim: { type: 'string', default: '64' },
  'word-ngrams': { type: 'string', default: '2' },
  'min-count': { type: 'string', default: '1' },
  bucket: { type: 'string', default: '200000' },
  json: { type: 'boolean' },
} as const;

function num(name: string, value: string, min: number, max = Infinity, integer = true): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`train-classifier: --${name} takes ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], not "${value}"`, 'train-classifier');
  }
  return n;
}

/** The documents' texts of every source, in the order given, at most `max` in all. */
async function* texts(paths: readonly string[], textField: string, max: number): AsyncGenerator<string> {
  const extract = extractSchema.parse({});
  let n = 0;
  for (const p of paths) {
    const location = resolve(p);
    const docs = p.endsWith('.parquet')
      ? readDocs(location)
      : readDocuments({ source: 'classifier', kind: 'jsonl', location, textField }, extract, createStats(), new AbortController().signal);
    for await (const doc of docs) {
      if (n++ >= max) return;
      yield doc.text;
    }
  }
}

export async function trainClassifierCommand(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new UsageError(`train-classifier: ${(err as Error).message}`, 'train-classifier');
  }
  const { values: v, positionals } = parsed;
  if (positionals.length) throw new UsageError(`train-classifier takes no positional arguments (got "${positionals[0]}"): use --positive/--negative`, 'train-classifier');
  const positives = v.positive ?? [];
  const negatives = v.negative ?? [];
  if (!positives.length || !negatives.length || !v.out) throw new UsageError('train-classifier needs --positive SOURCE…, --negative SOURCE… and --out model.bin', 'train-classifier');
  for (const p of [...positives, ...negatives]) {
    if (!/\.(jsonl|jsonl\.gz|parquet)$/.test(p)) throw new UsageError(`train-classifier: "${p}" is not a .jsonl, .jsonl.gz or docs .parquet file`, 'train-classifier');
    if (!existsSync(p)) throw new UsageError(`train-classifier: source "${p}" does not exist`, 'train-classifier');
  }
  if (v.newlines !== 'space' && v.newlines !== 'collapse') throw new UsageError(`train-classifier: --newlines is space or collapse, not "${v.newlines}"`, 'train-classifier');
  const newlines = v.newlines;
  const max = v['max-docs'] === undefined ? Infinity : num('max-docs', v['max-docs'], 1);
  const seed = num('seed', v.seed, 0);
  const out = resolve(v.out);
  const dir = await mkdtemp(join(tmpdir(), 'cc-pretrain-classifier-'));
  try {
    const trainFile = join(dir, 'train.txt');
    const set = await writeTrainingSet(texts(positives, v['text-field'], max), texts(negatives, v['text-field'], max), trainFile, {
      label: v.label,
      negativeLabel: v['negative-label'],
      newlines,
      holdout: num('holdout', v.holdout, 0, 0.9, false),
      seed,
    });
    if (set.train.positives === 0 || set.train.negatives === 0) {
      throw new UsageError(`train-classifier: no training documents on one side (${set.train.positives} positive, ${set.train.negatives} negative)`, 'train-classifier');
    }
    process.stderr.write(`training on ${set.train.positives} positive and ${set.train.negatives} negative documents, ${set.heldOut.length} held out\n`);
    const code = await runTrainer('train-classifier', [
      trainFile,
      '--out', out,
      '--epoch', String(num('epoch', v.epoch, 1)),
      '--lr', String(num('lr', v.lr, 0, 10, false)),
      '--dim', String(num('dim', v.dim, 1)),
      '--word-ngrams', String(num('word-ngrams', v['word-ngrams'], 1)),
      '--min-count', String(num('min-count', v['min-count'], 1)),
      '--bucket', String(num('bucket', v.bucket, 0)),
      '--seed', String(seed),
    ]);
    if (code !== 0) return code;
    const ev = await evaluateClassifier({ ...CLASSIFIER_DEFAULTS, model: out, label: v.label, newlines }, set.heldOut);
    const result = { model: out, train: set.train, held_out: ev };
    if (v.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        `held out: ${ev.docs} documents (${ev.positives} positive)\n` +
          `precision ${ev.precision.toFixed(4)}  recall ${ev.recall.toFixed(4)}  (score >= 0.5)\n` +
          `AUC ${ev.auc.toFixed(4)}\n`,
      );
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
