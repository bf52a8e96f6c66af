// The extract task's per-page work as the reference commit's task orders it (each page decoded and
// extracted, then its document filtered, signed and redacted) against this tree's (pages extracted
// a batch at a time, then the batch's documents filtered: ingest/extract-task.ts's BATCH_DOCS), each
// side with its own tree's modules, in one process. The WARC's records are read into memory first;
// then the sides alternate every CHUNK records (bench/interleave.ts's alternateChunks, the order
// swapped from chunk to chunk), each chunk timed by the process's CPU clock, so a slow spell hits
// both. docs-vs-reference.ts cannot show what the order changes (it times the filters alone), and
// whole tasks (task-vs-reference.ts) move by ±10 % on a shared machine. Outputs compared at the end: every verdict, signature and redacted text (one
// digest a side) and the stats' counters, histograms and examples by name.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/batches-vs-reference.ts [--ref COMMIT] [--pages 1000] [--rounds 5] [--batch 64]

import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as Filters from '../../filters/index.ts';
import type * as Minhash from '../../dedup/minhash.ts';
import type * as Pipeline from '../../pipeline/index.ts';
import type * as Charset from '../../ingest/charset.ts';
import type * as WarcDocuments from '../../ingest/warc-documents.ts';
import type { Document } from '../../pipeline/index.ts';
import type { WarcRecord } from '../../ingest/warc-records.ts';
import { createStats, loadRunConfig } from '../../pipeline/index.ts';
import { planInputs } from '../../ingest/index.ts';
import { decompressed, openBytes } from '../../ingest/byte-stream.ts';
import { splitWarcRecords } from '../../ingest/warc-records.ts';
import { alternateChunks, median } from '../interleave.ts';
import { referenceTree } from '../reference-tree.ts';
import { benchInput, root } from './profile.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, pages: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '5' }, batch: { type: 'string', default: '64' } } });
/** Records per chunk: about 128 pages (request, response and metadata a page), two batches. */
const CHUNK = 384;
const { commit: ref, dir: refTree } = referenceTree(args.ref, 'batches', [], ['node_modules', '.cache']);
const { config: configFile } = await benchInput(Number(args.pages));
const config = await loadRunConfig(configFile);
const [input] = await planInputs(config.sources, config.extract);
const readStats = createStats();
const records: WarcRecord[] = [];
const limit = config.extract.max_page_bytes + (1 << 17);
for await (const rec of splitWarcRecords(decompressed(openBytes(input!.location, readStats, new AbortController().signal, undefined), readStats, limit), readStats, limit)) records.push(rec);
console.log(`${records.length} records of the ${args.pages}-page WARC, reference ${ref.slice(0, 12)}`);

interface Side {
  filters: Filters.FilterPipeline;
  hasher: Minhash.MinHasher;
  stats: Pipeline.StatsCollector;
  toDocument: (rec: WarcRecord, index: number) => Document | undefined;
  digest: Hash;
  batch: number;
}

async function side(tree: string, batch: number): Promise<Side> {
  const f = (await import(path.join(tree, 'filters/index.ts'))) as typeof Filters;
  const m = (await import(path.join(tree, 'dedup/minhash.ts'))) as typeof Minhash;
  const p = (await import(path.join(tree, 'pipeline/index.ts'))) as typeof Pipeline;
  const w = (await import(path.join(tree, 'ingest/warc-documents.ts'))) as typeof WarcDocuments;
  const c = (await import(path.join(tree, 'ingest/charset.ts'))) as typeof Charset;
  const stats = p.createStats();
  const rctx = { input: input!, maxPageBytes: config.extract.max_page_bytes, stats, decoders: c.createDecoders() };
  return {
    filters: await f.createFilterPipeline(config.filters),
    hasher: m.createMinHasher(config.dedup.minhash),
    stats,
    toDocument: (rec, i) => w.recordToDocument(rec, rctx, i),
    digest: createHash('sha1'),
    batch,
  };
}

/** A document's work after extraction, as the extract task does it (Parquet writing aside). */
function work(s: Side, doc: Document): void {
  const v = s.filters.apply(doc, s.stats);
  if (!v.keep) {
    s.digest.update(`drop ${v.reason}\n`);
    return;
  }
  s.digest.update(s.hasher.signature(v.doc.text) ?? 'none');
  s.digest.update(s.filters.redact(v.doc, s.stats).text);
}

/** Records [from, to) through a side: documents filtered one by one, or `batch` at a time. */
function run(s: Side, from: number, to: number): void {
  const pending: Document[] = [];
  for (let i = from; i < to; i++) {
    const doc = s.toDocument(records[i]!, i);
    if (!doc) continue;
    if (s.batch <= 1) work(s, doc);
    else if (pending.push(doc) === s.batch) for (const d of pending.splice(0)) work(s, d);
  }
  for (const d of pending) work(s, d);
}

const sides = [await side(refTree, 1), await side(root, Number(args.batch))];
const ratios: number[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const { here, ref: there } = alternateChunks(records.length, CHUNK, (from, to) => run(sides[1]!, from, to), (from, to) => run(sides[0]!, from, to));
  ratios.push(there / here);
  console.log(`round ${r + 1}: reference per document ${(there * 1000).toFixed(0)} CPU-ms, this tree in batches of ${args.batch} ${(here * 1000).toFixed(0)} CPU-ms, ${(there / here).toFixed(3)}x`);
}
const byName = (o: object): string => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const statsOf = (s: Side): string => [s.stats.counters, s.stats.histograms, s.stats.examples].map(byName).join('\n');
const same = sides[0]!.digest.digest('hex') === sides[1]!.digest.digest('hex');
const sameStats = statsOf(sides[0]!) === statsOf(sides[1]!);
console.log(`outputs (verdicts, signatures, redacted texts) ${same ? 'identical' : 'DIFFER'}; stats ${sameStats ? 'identical' : 'DIFFER'}`);
console.log(`decode + extract + filters + minhash + redact: reference / this tree CPU, min ${Math.min(...ratios).toFixed(3)}x, median ${median(ratios).toFixed(3)}x`);
if (!same || !sameStats) process.exit(1);
