// Where this tree's reading and decoding spend their CPU, by the process clock rather than a
// sampling profiler: V8's profile weights each sample by the wall time since the one before, so
// on a machine shared with other jobs a step can show far more than it costs (parseWarcHeader:
// 63 ms a pass in an inspector profile at load 10, 2–4 ms by the CPU clock). Four
// passes over the N-page bench WARC held in memory, each one step longer than the one before:
// gzip members (inflate and CRC), then WARC records, then the HTTP message of each response, then
// `decodePage`; the differences are the steps' costs. The four run in every round, in an order
// rotated from round to round; CPU-ms per pass, user and system apart, min and median.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/reader-split.ts [--pages 600] [--rounds 9]

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decompressed } from '../../ingest/byte-stream.ts';
import { createDecoders, decodePage } from '../../ingest/charset.ts';
import { parseHttpResponse } from '../../ingest/http-payload.ts';
import { splitWarcRecords } from '../../ingest/warc-records.ts';
import { createStats } from '../../pipeline/stats.ts';
import { median } from '../interleave.ts';
import { benchInput } from './profile.ts';

const { values: args } = parseArgs({ options: { pages: { type: 'string', default: '600' }, rounds: { type: 'string', default: '9' } } });
const file = readFileSync((await benchInput(Number(args.pages))).warc);
/** As the reader gets a local file: chunks of 1 MiB. */
const READ_CHUNK = 1 << 20;

async function* chunks(): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < file.length; i += READ_CHUNK) yield file.subarray(i, Math.min(file.length, i + READ_CHUNK));
}

/** The steps, each pass doing every step up to its own. */
const STEPS = ['gzip members', 'WARC records', 'HTTP message', 'decodePage'] as const;

async function pass(depth: number): Promise<void> {
  const stats = createStats();
  const events = decompressed(chunks(), stats, 11 << 20);
  if (depth === 0) {
    for await (const ev of events) void ev;
    return;
  }
  const decoders = createDecoders();
  for await (const rec of splitWarcRecords(events, stats, 10 << 20)) {
    if (depth === 1 || rec.headers['warc-type'] !== 'response' || !rec.block) continue;
    const res = parseHttpResponse(rec.block);
    if (depth === 2 || !res) continue;
    decodePage(res.body, res.headers['content-type'], decoders);
  }
}

const user = STEPS.map((): number[] => []);
const system = STEPS.map((): number[] => []);
for (let r = 0; r < Number(args.rounds); r++) {
  for (let k = 0; k < STEPS.length; k++) {
    const depth = (k + r) % STEPS.length;
    const before = process.cpuUsage();
    await pass(depth);
    const used = process.cpuUsage(before);
    user[depth]!.push(used.user / 1000);
    system[depth]!.push(used.system / 1000);
  }
}
const fmt = (xs: number[]): string => `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)}`;
console.log(`${args.pages} pages, ${(file.length / 1e6).toFixed(1)} MB of .gz, ${args.rounds} rounds; CPU-ms per pass, min / median`);
let previous = 0;
STEPS.forEach((name, depth) => {
  const total = user[depth]!.map((u, i) => u + system[depth]![i]!);
  const step = median(total) - previous;
  previous = median(total);
  console.log(`up to ${name.padEnd(13)} total ${fmt(total).padStart(10)}  user ${fmt(user[depth]!).padStart(10)}  system ${fmt(system[depth]!).padStart(9)}  this step (medians) ${step.toFixed(0)}`);
});
