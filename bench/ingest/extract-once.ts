// One timed `extract` pass over a WARC in a fresh process (so its peak RSS is its own): read,
// decode, extract, write the documents as Parquet. Prints one JSON line.
// Usage: node bench/ingest/extract-once.ts IN.warc.gz OUT.parquet [rowGroupChars]

import { stat } from 'node:fs/promises';
import { createStats } from '../../pipeline/stats.ts';
import { createDocWriter } from '../../pipeline/doc-store.ts';
import { extractSchema } from '../../ingest/config.ts';
import { readDocuments } from '../../ingest/index.ts';

const [input, out, rowGroupChars] = process.argv.slice(2);
if (!input || !out) throw new Error('usage: extract-once.ts IN.warc.gz OUT.parquet [rowGroupChars]');
const cfg = extractSchema.parse({});
const stats = createStats();
const signal = new AbortController().signal;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let docs = 0;
const writer = await createDocWriter(out, rowGroupChars ? { rowGroupChars: Number(rowGroupChars) } : {});
for await (const doc of readDocuments({ source: 'bench', kind: 'warc', location: input }, cfg, stats, signal)) {
  await writer.write(doc);
  docs++;
}
await writer.close();
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    wall_s: wall,
    cpu_s: (cpu.user + cpu.system) / 1e6,
    compressed_bytes: (await stat(input)).size,
    uncompressed_bytes: stats.counters['bytes.uncompressed'] ?? 0,
    html_pages: stats.counters['html.responses'] ?? 0,
    docs,
    max_rss_mb: process.resourceUsage().maxRSS / 1024,
    counters: stats.counters,
  }),
);
