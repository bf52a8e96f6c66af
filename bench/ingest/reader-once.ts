// The WARC layer alone (decompress member by member, split records, touch every block) over the
// benchmark WARC, in a fresh process: what the reader costs before decoding and extraction.
// Usage: node bench/ingest/reader-once.ts IN.warc.gz

import { createStats } from '../../pipeline/stats.ts';
import { decompressed, openBytes } from '../../ingest/byte-stream.ts';
import { splitWarcRecords } from '../../ingest/warc-records.ts';

const input = process.argv[2];
if (!input) throw new Error('usage: reader-once.ts IN.warc.gz');
const stats = createStats();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let records = 0;
let bytes = 0;
for await (const rec of splitWarcRecords(decompressed(openBytes(input, stats, new AbortController().signal, undefined), stats, 11 << 20), stats, 10 << 20)) {
  records++;
  bytes += rec.block?.length ?? 0;
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ wall_s: (performance.now() - t0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6, records, bytes, max_rss_mb: process.resourceUsage().maxRSS / 1024 }));
