// Writes token shards: documents' token arrays are copied into one flat typed array per record
// batch and the Arrow columns are built with `makeData` over those arrays (no per-element
// builders: three times faster), streamed through RecordBatchFileWriter into a temporary file that
// is renamed into place when the shard is complete. A shard is closed once it holds
// `shardTokens` tokens; a record batch holds about `batchTokens`.

import { once } from 'node:events';
import path from 'node:path';
import { Field, List, makeData, RecordBatch, RecordBatchFileWriter, Struct, Utf8, type Schema } from 'apache-arrow';
import { createAtomicStream, type AtomicStream } from '../pipeline/index.ts';
import { shardFileName, shardSchema, tokenType, type ShardMeta } from './format.ts';

export interface WrittenShard {
  path: string;
  rows: number;
  tokens: number;
}

export interface ShardWriter {
  /** Appends one document (its tokens, end-of-text included). */
  add(tokens: Uint32Array, id: string): Promise<void>;
  /** Closes the open shard; returns every shard written. */
  close(): Promise<WrittenShard[]>;
  abort(): Promise<void>;
}

export interface ShardWriterOptions {
  dir: string;
  /** The docs file number that prefixes every shard name. */
  fileNumber: string;
  meta: ShardMeta;
  shardTokens: number;
  batchTokens?: number;
}

interface OpenShard {
  path: string;
  out: AtomicStream;
  writer: RecordBatchFileWriter;
  ended: Promise<unknown>;
  rows: number;
  tokens: number;
}

export function createShardWriter(opts: ShardWriterOptions): ShardWriter {
  const schema: Schema = shardSchema(opts.meta);
  const itemType = tokenType(opts.meta.dtype);
  const batchTokens = opts.batchTokens ?? 1 << 20;
  const makeValues = (n: number) => (opts.meta.dtype === 'uint16' ? new Uint16Array(n) : new Uint32Array(n));

  let values = makeValues(Math.min(batchTokens, opts.shardTokens) + 1024);
  let offsets = new Int32Array(1024);
  let ids: string[] = [];
  let nTok = 0;
  let shard: OpenShard | undefined;
  let shardIndex = 0;
  const written: WrittenShard[] = [];

  const open = async (): Promise<OpenShard> => {
    const file = path.join(opts.dir, shardFileName(opts.fileNumber, shardIndex++));
    const out = await createAtomicStream(file);
    const writer = new RecordBatchFileWriter();
    const readable = writer.toNodeStream();
    readable.pipe(out.stream, { end: false });
    return { path: file, out, writer, ended: once(readable, 'end'), rows: 0, tokens: 0 };
  };

  const flushBatch = async () => {
    if (ids.length === 0) return;
    shard ??= await open();
    const rows = ids.length;
    const idBytes = ids.map((s) => Buffer.from(s, 'utf8'));
    const idOffsets = new Int32Array(rows + 1);
    let total = 0;
    idBytes.forEach((b, i) => {
      total += b.length;
      idOffsets[i + 1] = total;
    });
    const idData = Buffer.concat(idBytes, total);
    const child = makeData({ type: itemType, length: nTok, nullCount: 0, data: values.subarray(0, nTok) });
    const list = makeData({
      type: new List(new Field('item', itemType, false)),
      length: rows,
      nullCount: 0,
      valueOffsets: offsets.subarray(0, rows + 1),
      child,
    });
    const idCol = makeData({ type: new Utf8(), length: rows, nullCount: 0, valueOffsets: idOffsets, data: new Uint8Array(idData.buffer, idData.byteOffset, total) });
    const batch = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children: [list, idCol] }));
    shard.writer.write(batch);
    shard.rows += rows;
    shard.tokens += nTok;
    // The writer queues without backpressure: let the pipe drain before the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    values = makeValues(values.length);
    offsets = new Int32Array(offsets.length);
    ids = [];
    nTok = 0;
  };

  const closeShard = async () => {
    if (!shard) return;
    const s = shard;
    shard = undefined;
    s.writer.finish();
    s.writer.close();
    await s.ended;
    await s.out.commit();
    written.push({ path: s.path, rows: s.rows, tokens: s.tokens });
  };

  return {
    async add(tokens, id) {
      if (nTok + tokens.length > values.length) {
        let cap = values.length * 2;
        while (cap < nTok + tokens.length) cap *= 2;
        const next = makeValues(cap);
        next.set(values.subarray(0, nTok));
        values = next;
      }
      values.set(tokens, nTok);
      nTok += tokens.length;
      if (ids.length + 2 > offsets.length) {
        const next = new Int32Array(offsets.length * 2);
        next.set(offsets);
        offsets = next;
      }
      ids.push(id);
      offsets[ids.length] = nTok;
      const shardTotal = (shard?.tokens ?? 0) + nTok;
      if (shardTotal >= opts.shardTokens) {
        await flushBatch();
        await closeShard();
      } else if (nTok >= batchTokens) {
        await flushBatch();
      }
    },
    async close() {
      await flushBatch();
      await closeShard();
      return written;
    },
    async abort() {
      if (shard) {
        shard.writer.abort();
        await shard.out.abort();
        shard = undefined;
      }
    },
  };
}
