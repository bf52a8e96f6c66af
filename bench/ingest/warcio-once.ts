// warcio.js reading the benchmark WARC, for the reader decision in docs/ingest.md: records
// iterated and every block read, over its own pako inflate or fed by Node's zlib.
// Usage: node bench/ingest/warcio-once.ts IN.warc.gz [pako|zlib]

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';

const [input, via = 'pako'] = process.argv.slice(2);
if (!input) throw new Error('usage: warcio-once.ts IN.warc.gz [pako|zlib]');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const source = via === 'zlib' ? createReadStream(input).pipe(createGunzip()) : createReadStream(input);
let records = 0;
let bytes = 0;
for await (const rec of new WARCParser(source)) {
  records++;
  bytes += (await rec.readFully(false)).length;
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ via, wall_s: (performance.now() - t0) / 1000, cpu_s: (cpu.user + cpu.system) / 1e6, records, bytes, max_rss_mb: process.resourceUsage().maxRSS / 1024 }));
