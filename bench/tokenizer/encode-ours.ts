// Child process of bench/tokenizer/run.ts: encodes a JSONL of documents with our encoder and a
// tokenizer.json (ours or an imported one); loading the file and building the encoder are outside
// the timer. Prints seconds, CPU seconds and the token count.
// Usage: node bench/tokenizer/encode-ours.ts DOCS.jsonl TOKENIZER.json

import { readFileSync } from 'node:fs';
import { createEncoder, createTokenBuffer, loadTokenizer } from '../../tokenize/index.ts';

const [docsPath, tokenizer] = process.argv.slice(2);
if (!docsPath || !tokenizer) throw new Error('usage: encode-ours.ts DOCS.jsonl TOKENIZER.json');
const docs = readFileSync(docsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
const enc = createEncoder(await loadTokenizer(tokenizer));
const buf = createTokenBuffer();
const t = performance.now();
const cpu = process.cpuUsage();
let tokens = 0;
for (const d of docs) {
  buf.length = 0;
  enc.encodeInto(d, buf);
  tokens += buf.length;
}
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpu_seconds: (used.user + used.system) / 1e6, tokens }));
