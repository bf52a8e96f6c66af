// Child process of bench/tokenizer/run.ts: trains our tokenizer on a JSONL of documents and
// prints seconds and peak RSS, so its memory is measured apart from the benchmark driver. The
// documents stream from the file (as they stream from Parquet in the stage).
// Usage: node bench/tokenizer/train-ours.ts DOCS.jsonl VOCAB OUT_DIR

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { trainTokenizer, saveTokenizer } from '../../tokenize/index.ts';

const [docsPath, vocab, outDir] = process.argv.slice(2);
if (!docsPath || !vocab || !outDir) throw new Error('usage: train-ours.ts DOCS.jsonl VOCAB OUT_DIR');
async function* docs(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(docsPath!), crlfDelay: Infinity })) if (line) yield JSON.parse(line) as string;
}
const baseRss = process.resourceUsage().maxRSS / 1024;
const t = performance.now();
const cpu = process.cpuUsage();
const model = await trainTokenizer(docs(), { vocab_size: Number(vocab), pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
await saveTokenizer(outDir, model);
console.log(JSON.stringify({ seconds, cpu_seconds: cpuSeconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024, base_rss_mb: baseRss, vocab: model.tokens.length + model.special.length }));
