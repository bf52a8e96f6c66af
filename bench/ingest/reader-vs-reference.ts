// The extract stage's reading and decoding (gzip members, WARC records, the HTTP message, the
// page's charset and text: everything before the HTML extractor) of a reference commit against
// this tree's, in one process, on the N-page bench WARC (profile.ts's benchInput) held in memory.
// First the outputs must be the same: every record's version, fields, length and block, every
// response's status, headers, charset, its source, the U+FFFD count and the text, and the stats.
// Then interleaved rounds: one whole pass per side, the first side alternating by round, each pass
// timed by the process's CPU clock (GC threads included).
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/reader-vs-reference.ts [--ref COMMIT] [--pages 600] [--rounds 9]

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type * as ByteStream from '../../ingest/byte-stream.ts';
import type * as WarcRecords from '../../ingest/warc-records.ts';
import type * as HttpPayload from '../../ingest/http-payload.ts';
import type * as Charset from '../../ingest/charset.ts';
import type * as Stats from '../../pipeline/stats.ts';
import { median } from '../interleave.ts';
import { referenceTree } from '../reference-tree.ts';
import { benchInput, root } from './profile.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, pages: { type: 'string', default: '600' }, rounds: { type: 'string', default: '9' } } });
const { commit: ref, dir: refTree } = referenceTree(args.ref, 'reader', [], ['node_modules']);
const file = readFileSync((await benchInput(Number(args.pages))).warc);
/** As the reader gets a local file: chunks of 1 MiB. */
const READ_CHUNK = 1 << 20;

/** One pass of a tree's reading and decoding over the file; `check`: returns a digest of every output (untimed). */
type Pass = (check: boolean) => Promise<string>;

async function side(tree: string): Promise<Pass> {
  const bytes = (await import(`${tree}/ingest/byte-stream.ts`)) as typeof ByteStream;
  const records = (await import(`${tree}/ingest/warc-records.ts`)) as typeof WarcRecords;
  const http = (await import(`${tree}/ingest/http-payload.ts`)) as typeof HttpPayload;
  const charset = (await import(`${tree}/ingest/charset.ts`)) as typeof Charset;
  const { createStats } = (await import(`${tree}/pipeline/stats.ts`)) as typeof Stats;
  return async (check) => {
    const stats = createStats();
    const decoders = charset.createDecoders();
    const digest = createHash('sha256');
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < file.length; i += READ_CHUNK) yield file.subarray(i, Math.min(file.length, i + READ_CHUNK));
    }
    for await (const rec of records.splitWarcRecords(bytes.decompressed(chunks(), stats, 11 << 20), stats, 10 << 20)) {
      if (check) digest.update(JSON.stringify([rec.version, rec.headers, rec.length]));
      if (check && rec.block) digest.update(rec.block);
      if (rec.headers['warc-type'] !== 'response' || !rec.block) continue;
      const res = http.parseHttpResponse(rec.block);
      if (!res) continue;
      const page = charset.decodePage(res.body, res.headers['content-type'], decoders);
      if (check) digest.update(JSON.stringify([res.status, res.headers, page.charset, page.source, page.replaced, page.text]));
    }
    return `${digest.digest('hex')} ${JSON.stringify(stats.counters)}`;
  };
}

const sides = new Map<string, Pass>([
  ['reference', await side(refTree)],
  ['this tree', await side(root)],
]);
const outputs = new Set<string>();
for (const pass of sides.values()) outputs.add(await pass(true));
if (outputs.size !== 1) throw new Error(`the outputs differ: ${[...outputs].join('\n')}`);
console.log(`outputs identical (${args.pages} pages, ${(file.length / 1e6).toFixed(1)} MB of .gz)`);

const cpuMs = async (pass: Pass): Promise<number> => {
  const before = process.cpuUsage();
  await pass(false);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const ratios: number[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const order = r % 2 === 0 ? ['reference', 'this tree'] : ['this tree', 'reference'];
  const ms = new Map<string, number>();
  for (const name of order) ms.set(name, await cpuMs(sides.get(name)!));
  const [a, b] = [ms.get('reference')!, ms.get('this tree')!];
  ratios.push(a / b);
  console.log(`round ${r + 1}: reference ${a.toFixed(0)} CPU-ms, this tree ${b.toFixed(0)} CPU-ms, ${(a / b).toFixed(3)}x`);
}
console.log(`reference ${ref.slice(0, 12)}: reference / this tree CPU, min ${Math.min(...ratios).toFixed(3)}x, median ${median(ratios).toFixed(3)}x`);
