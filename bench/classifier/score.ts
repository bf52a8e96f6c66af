// One side of bench/classifier: scores every text of a JSONL file with the classifier filter's
// model (filters/classifier-model.ts, newlines as spaces) and prints the documents, the CPU
// seconds of the scoring loop alone (the model load is outside the timer) and every score.
// Usage: node bench/classifier/score.ts MODEL TEXTS.jsonl

import { readFileSync } from 'node:fs';
import { CLASSIFIER_DEFAULTS } from '../../filters/classifier-config.ts';
import { loadQualityModel } from '../../filters/index.ts';

const [modelPath, textsPath] = process.argv.slice(2);
if (!modelPath || !textsPath) throw new Error('usage: score.ts MODEL TEXTS.jsonl');
const texts = readFileSync(textsPath, 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const model = await loadQualityModel({ ...CLASSIFIER_DEFAULTS, model: modelPath });
const scores = new Array<number>(texts.length);
const start = process.cpuUsage();
for (let i = 0; i < texts.length; i++) scores[i] = model.score(texts[i]!).score;
const used = process.cpuUsage(start);
process.stdout.write(`${JSON.stringify({ docs: texts.length, cpu_seconds: (used.user + used.system) / 1e6, scores })}\n`);
