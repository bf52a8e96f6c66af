// Tokenizer benchmark, anchors in the same run (bench/.venv from bench/setup.sh):
//  - training: our trainer vs Hugging Face tokenizers' BpeTrainer, same docs, vocab and regex;
//    wall and CPU time and peak RSS of each process, both streaming the same JSONL (base RSS shown);
//  - quality: bytes per token of each trained tokenizer on held-out pages;
//  - encoding, one core: ours vs HF encode_batch (RAYON_NUM_THREADS=1) and tiktoken (Rust,
//    1 thread) over our ranks, tiktoken npm (WASM) over our ranks, and gpt-tokenizer (cl100k,
//    its own vocabulary: the fastest pure-JS encoder, on the same text).
// Text: the shared extraction benchmark pages through ingest/html-extract.ts (≈19.8 MB unique);
// the training corpus repeats the 90% non-held-out pages to the size asked, so its distinct
// pre-tokens are those of ≈17.8 MB of text.
// Usage: node bench/tokenizer/run.ts [--train-mb 100[,1000]] [--vocab 32768] [--encode-mb 8]

import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Tiktoken } from 'tiktoken/lite';
import { encode as gptEncode } from 'gpt-tokenizer/encoding/cl100k_base';
import { createEncoder, loadTokenizer, pretokenizerPattern } from '../../tokenize/index.ts';
import { repoRoot } from '../../test/shared-data.ts';
import { webCorpus, webDocuments } from './web-text.ts';

const { values: args } = parseArgs({
  options: { 'train-mb': { type: 'string', default: '100' }, vocab: { type: 'string', default: '32768' }, 'encode-mb': { type: 'string', default: '8' } },
});
const vocab = Number(args.vocab);
const results = path.join(repoRoot, 'bench/results/tokenizer');
mkdirSync(results, { recursive: true });
const py = path.join(repoRoot, 'bench/.venv/bin/python');
const anchor = path.join(repoRoot, 'bench/tokenizer/hf_anchor.py');
const node = process.execPath;

const writeJsonl = (file: string, docs: readonly string[]) => {
  const fd = openSync(file, 'w');
  for (const d of docs) writeSync(fd, JSON.stringify(d) + '\n');
  closeSync(fd);
};
const run = (cmd: string, argv: string[], env: Record<string, string> = {}) =>
  JSON.parse(execFileSync(cmd, argv, { env: { ...process.env, ...env }, maxBuffer: 1 << 26 }).toString().trim().split('\n').at(-1)!) as Record<string, number>;
const mbps = (bytes: number, s: number) => bytes / 1e6 / s;
const report: Record<string, unknown> = { vocab };

const heldAll = webDocuments().filter((_, i) => i % 10 === 9);
const heldBytes = heldAll.reduce((s, d) => s + Buffer.byteLength(d), 0);
const heldFile = path.join(results, 'heldout.jsonl');
writeJsonl(heldFile, heldAll);

let ourTokenizer = '';
for (const mb of args['train-mb'].split(',').map(Number)) {
  const corpus = webCorpus(mb * 1e6);
  const docsFile = path.join(results, `train-${mb}mb.jsonl`);
  writeJsonl(docsFile, corpus.docs);
  const ourDir = path.join(results, `ours-${mb}mb`);
  const hfFile = path.join(results, `hf-${mb}mb.json`);
  const pattern = pretokenizerPattern('gpt4', 3);
  const ours = run(node, [path.join(repoRoot, 'bench/tokenizer/train-ours.ts'), docsFile, String(vocab), ourDir]);
  const hf = run(py, [anchor, 'train', docsFile, String(vocab), pattern, hfFile]);
  // The single-thread anchor only up to 100 MB: on this shared 2-core box it would take most of an hour at 1 GB.
  const hf1 = mb <= 100 ? run(py, [anchor, 'train', docsFile, String(vocab), pattern, hfFile + '.1thread.json'], { RAYON_NUM_THREADS: '1' }) : hf;
  ourTokenizer = path.join(ourDir, 'tokenizer.json');
  const ourHeld = run(py, [anchor, 'encode', heldFile, ourTokenizer], { RAYON_NUM_THREADS: '1' });
  const hfHeld = run(py, [anchor, 'encode', heldFile, hfFile], { RAYON_NUM_THREADS: '1' });
  const row = {
    corpus_bytes: corpus.bytes,
    copies: corpus.copies,
    ours,
    hf_2threads: hf,
    hf_1thread: hf1,
    time_ratio_vs_hf: ours.seconds! / hf.seconds!,
    time_ratio_vs_hf_1thread: ours.seconds! / hf1.seconds!,
    cpu_ratio_vs_hf: ours.cpu_seconds! / hf.cpu_seconds!,
    peak_rss_ratio: ours.peak_rss_mb! / hf.peak_rss_mb!,
    added_rss_ratio: (ours.peak_rss_mb! - ours.base_rss_mb!) / (hf.peak_rss_mb! - hf.base_rss_mb!),
    heldout_bytes: heldBytes,
    bytes_per_token_ours: heldBytes / ourHeld.tokens!,
    bytes_per_token_hf: heldBytes / hfHeld.tokens!,
  };
  report[`train_${mb}mb`] = row;
  const fmt = (r: Record<string, number>) => `${r.seconds!.toFixed(1)} s wall, ${r.cpu_seconds!.toFixed(1)} s CPU, peak ${r.peak_rss_mb!.toFixed(0)} MB (base ${r.base_rss_mb!.toFixed(0)})`;
  console.log(`train ${mb} MB (${corpus.copies} copies of the pages), vocab ${vocab}:\n  ours            ${fmt(ours)}\n  HF 2 threads    ${fmt(hf)}\n  HF 1 thread     ${fmt(hf1)}`);
  console.log(`  ratios ours/HF: wall ×${row.time_ratio_vs_hf.toFixed(2)} (vs 1 thread ×${row.time_ratio_vs_hf_1thread.toFixed(2)}), CPU ×${row.cpu_ratio_vs_hf.toFixed(2)}, peak RSS ×${row.peak_rss_ratio.toFixed(2)}, RSS added by training ×${row.added_rss_ratio.toFixed(2)}`);
  console.log(`  held-out bytes/token: ours ${row.bytes_per_token_ours.toFixed(4)} HF ${row.bytes_per_token_hf.toFixed(4)} (${(((row.bytes_per_token_ours / row.bytes_per_token_hf) - 1) * 100).toFixed(2)}%)`);
}

// Encoding, one core, same text for all: the first `encode-mb` of the pages in order.
const encodeDocs: string[] = [];
let encodeBytes = 0;
for (const d of webDocuments()) {
  if (encodeBytes >= Number(args['encode-mb']) * 1e6) break;
  encodeDocs.push(d);
  encodeBytes += Buffer.byteLength(d);
}
const encFile = path.join(results, 'encode.jsonl');
writeJsonl(encFile, encodeDocs);
const model = await loadTokenizer(ourTokenizer);
const timeIt = (f: () => number) => {
  const t = performance.now();
  const c = process.cpuUsage();
  const tokens = f();
  const used = process.cpuUsage(c);
  return { seconds: (performance.now() - t) / 1000, cpu_seconds: (used.user + used.system) / 1e6, tokens };
};
const ours = timeIt(() => {
  const enc = createEncoder(model);
  let n = 0;
  for (const d of encodeDocs) n += enc.encode(d).length;
  return n;
});
const ranks = model.tokens.map((t, i) => `${Buffer.from(t).toString('base64')} ${i}`).join('\n');
const tkWasm = timeIt(() => {
  const tk = new Tiktoken(ranks, Object.fromEntries(model.special.map((s) => [s.content, s.id])), model.pattern);
  let n = 0;
  for (const d of encodeDocs) n += tk.encode_ordinary(d).length;
  tk.free();
  return n;
});
const gpt = timeIt(() => {
  let n = 0;
  for (const d of encodeDocs) n += gptEncode(d).length;
  return n;
});
const hfEnc = run(py, [anchor, 'encode', encFile, ourTokenizer], { RAYON_NUM_THREADS: '1' });
const tkRust = run(py, [anchor, 'tiktoken', encFile, ourTokenizer], { RAYON_NUM_THREADS: '1' });
const rows: [string, { seconds: number; cpu_seconds: number; tokens: number }][] = [
  ['ours (JS, this tokenizer)', ours],
  ['HF tokenizers encode_batch, 1 thread (this tokenizer)', { seconds: hfEnc.seconds!, cpu_seconds: hfEnc.cpu_seconds!, tokens: hfEnc.tokens! }],
  ['tiktoken Python/Rust, 1 thread (these ranks)', { seconds: tkRust.seconds!, cpu_seconds: tkRust.cpu_seconds!, tokens: tkRust.tokens! }],
  ['tiktoken npm WASM (these ranks)', tkWasm],
  ['gpt-tokenizer (cl100k_base, own vocab)', gpt],
];
console.log(`encode ${(encodeBytes / 1e6).toFixed(1)} MB, one core (load ${process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ')[0] : '?'}):`);
const enc: Record<string, unknown> = { bytes: encodeBytes };
for (const [name, r] of rows) {
  const speed = mbps(encodeBytes, r.seconds);
  const cpuSpeed = mbps(encodeBytes, r.cpu_seconds);
  const oursCpu = mbps(encodeBytes, ours.cpu_seconds);
  enc[name] = { ...r, mb_per_s: speed, mb_per_cpu_s: cpuSpeed, ours_speedup_cpu: oursCpu / cpuSpeed };
  console.log(`  ${name.padEnd(54)} ${speed.toFixed(2).padStart(6)} MB/s wall ${cpuSpeed.toFixed(2).padStart(6)} MB/CPU-s  ${r.tokens} tokens  ours ×${(oursCpu / cpuSpeed).toFixed(2)} (CPU)`);
}
report['encode'] = enc;
writeFileSync(path.join(results, 'report.json'), JSON.stringify(report, null, 2));
