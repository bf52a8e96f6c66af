// Child process of bench/tokenizer/run.ts: trains our tokenizer on a JSONL of documents and
// prints seconds and peak RSS, so its memory is measured apart from the benchmark driver.
// Usage: node bench/tokenizer/train-ours.ts DOCS.jsonl VOCAB OUT_DIR

import { readFileSync } from 'node:fs';
import { trainTokenizer, saveTokenizer } from '../../tokenize/index.ts';

const [docsPath, vocab, outDir] = process.argv.slice(2);
if (!docsPath || !vocab || !outDir) throw new Error('usage: train-ours.ts DOCS.jsonl VOCAB OUT_DIR');
const docs = readFileSync(docsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
const baseRss = process.resourceUsage().maxRSS / 1024;
const t = performance.now();
const model = await trainTokenizer(docs, { vocab_size: Number(vocab), pretokenizer: 'gpt4', digit_group: 3, special_tokens: [] });
const seconds = (performance.now() - t) / 1000;
await saveTokenizer(outDir, model);
console.log(JSON.stringify({ seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024, base_rss_mb: baseRss, vocab: model.tokens.length + model.special.length }));
