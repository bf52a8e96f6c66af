// bench/classifier: documents per CPU-second of quality scoring, ours (the classifier filter's
// model loader) against native fastText (Python `fasttext` predict, C++) on the same model and the
// same texts, in interleaved rounds (ours, native, ours, native, …), each side a fresh process
// whose scoring loop alone is timed in CPU seconds. Also prints how far our scores are from
// native's. The model is trained once by `cc-pretrain train-classifier` on the bundled sample
// (wiki-like positives, its web pages as negatives) with the command's default settings; the
// texts are the distinct gold main texts of the shared extraction benchmarks (real pages).
// Usage: bench/setup.sh && node bench/classifier/run.ts [--rounds N] [--docs N]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const repo = resolve(import.meta.dirname, '../..');
const results = join(repo, 'bench/results');
mkdirSync(results, { recursive: true });
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, docs: { type: 'string', default: '2000' } } });
const rounds = Number(values.rounds);
const maxDocs = Number(values.docs);
const shared = process.env['CC_PRETRAIN_SHARED'] ?? resolve(repo, '../shared');
const gold = join(shared, 'data/extraction/html-cleaning');
if (!existsSync(gold)) throw new Error(`shared extraction data missing (${gold}): set CC_PRETRAIN_SHARED`);
const cli = join(repo, 'bin/cc-pretrain');
const py = join(repo, 'bench/.venv/bin/python');

// The model: the sample's web pages (extracted) as negatives, its wiki-like source as positives.
const model = join(results, 'classifier-sample.bin');
if (!existsSync(model)) {
  const run = join(results, 'classifier-negatives');
  execFileSync(cli, ['extract', join(repo, 'examples/sample/web.warc.gz'), '--out', run], { stdio: 'inherit' });
  execFileSync(cli, ['train-classifier', '--positive', join(repo, 'examples/sample/wiki.jsonl.gz'), '--negative', join(run, 'docs/input/00000.parquet'), '--out', model], {
    stdio: 'inherit',
  });
}

// The texts: distinct gold texts, in a fixed order (set, then file name).
const textsPath = join(results, 'classifier-texts.jsonl');
const seen = new Set<string>();
const lines: string[] = [];
for (const set of readdirSync(gold).sort()) {
  const dir = join(gold, set, 'GoldStandard');
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    if (lines.length >= maxDocs) break;
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8').trim();
    if (text.length < 200 || seen.has(text)) continue;
    seen.add(text);
    lines.push(JSON.stringify({ text }));
  }
}
writeFileSync(textsPath, lines.join('\n') + '\n');
const chars = lines.reduce((n, l) => n + (JSON.parse(l) as { text: string }).text.length, 0);
console.log(`texts: ${lines.length} distinct gold main texts, ${(chars / 1e6).toFixed(1)} M characters; model ${model}`);

interface Side {
  docs: number;
  cpu_seconds: number;
  scores: number[];
}
const ours = (): Side => JSON.parse(execFileSync(process.execPath, [join(repo, 'bench/classifier/score.ts'), model, textsPath], { encoding: 'utf8', maxBuffer: 1 << 28 }));
const native = (): Side => JSON.parse(execFileSync(py, [join(repo, 'bench/classifier/score_native.py'), model, textsPath, '__label__hq'], { encoding: 'utf8', maxBuffer: 1 << 28 }));

const ratios: number[] = [];
let maxDiff = 0;
for (let r = 0; r < rounds; r++) {
  const a = ours();
  const b = native();
  for (let i = 0; i < a.scores.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a.scores[i]! - b.scores[i]!));
  const oursRate = a.docs / a.cpu_seconds;
  const nativeRate = b.docs / b.cpu_seconds;
  ratios.push(oursRate / nativeRate);
  console.log(`round ${r + 1}: ours ${oursRate.toFixed(0)} docs/CPU-s (${a.cpu_seconds.toFixed(2)} s), native fastText ${nativeRate.toFixed(0)} docs/CPU-s (${b.cpu_seconds.toFixed(2)} s), ratio ${(oursRate / nativeRate).toFixed(3)}`);
}
const sorted = [...ratios].sort((x, y) => x - y);
console.log(`ours / native docs per CPU-second: min ${sorted[0]!.toFixed(3)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} over ${rounds} rounds`);
console.log(`largest score difference from native fastText: ${maxDiff.toExponential(2)}`);
