// Documents on disk: one Parquet file (zstd) per task, readable as-is by pyarrow, DuckDB and
// Hugging Face `datasets`. Built on parquet-wasm (the Rust arrow-rs writer compiled to WASM)
// through apache-arrow tables, because it writes zstd Parquet that every reader accepts and it
// streams row groups, so a task never holds all its documents in memory.

import { openAsBlob } from 'node:fs';
import { Writable } from 'node:stream';
import * as arrow from 'apache-arrow';
import * as pw from 'parquet-wasm';
import { createAtomicStream } from './atomic.ts';
import type { Document, MetaValue } from './document.ts';

/** Columns beyond the document's own, e.g. `reason` for removed documents. */
export type ExtraColumns = Record<string, string>;

export interface DocWriter {
  write(doc: Document, extra?: ExtraColumns): Promise<void>;
  /** Writes the footer and renames the file into place; returns the rows written. */
  close(): Promise<{ rows: number; bytes: number }>;
  abort(): Promise<void>;
}

export interface DocWriterOptions {
  /** Names of extra string columns every row carries. */
  extraColumns?: readonly string[];
  /** Documents per row group. */
  rowGroupRows?: number;
  /** Row group size cap in bytes (text length is the proxy used to hand batches over early). */
  rowGroupChars?: number;
}

const STRING_FIELDS = ['id', 'text', 'source', 'file', 'url', 'date', 'crawl', 'lang'] as const;

export async function createDocWriter(path: string, options: DocWriterOptions = {}): Promise<DocWriter> {
  const extraColumns = options.extraColumns ?? [];
  const rowGroupRows = options.rowGroupRows ?? 10_000;
  // 16 M characters keeps a whole extract task near 500 MB resident (695 MB at 64 M on a 221 MB WARC, docs/ingest.md).
  const rowGroupChars = options.rowGroupChars ?? 16 * 1024 * 1024;
  const out = await createAtomicStream(path);
  const props = new pw.WriterPropertiesBuilder()
    .setCompression(pw.Compression.ZSTD)
    .setCreatedBy('cc-pretrain')
    .setMaxRowGroupSize(rowGroupRows)
    .setMaxRowGroupBytes(rowGroupChars)
    .build();

  let controller!: ReadableStreamDefaultController<pw.RecordBatch>;
  const batches = new ReadableStream<pw.RecordBatch>({ start: (c) => void (controller = c) });
  // The transform reads the first batch (for the schema) before it resolves: do not await it here.
  let bytes = 0;
  const piped = pw.transformParquetStream(batches, props).then((bytesOut: ReadableStream<Uint8Array>) =>
    bytesOut
      .pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, c) {
            bytes += chunk.byteLength;
            c.enqueue(chunk);
          },
        }),
      )
      .pipeTo(Writable.toWeb(out.stream) as WritableStream<Uint8Array>, { preventClose: true }),
  );

  let pending: { doc: Document; extra: ExtraColumns | undefined }[] = [];
  let pendingChars = 0;
  let rows = 0;
  let wroteAny = false;

  const flush = () => {
    if (pending.length === 0 && wroteAny) return;
    const table = toArrowTable(pending, extraColumns);
    const wasm = pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
    for (const batch of wasm.recordBatches()) controller.enqueue(batch);
    rows += pending.length;
    pending = [];
    pendingChars = 0;
    wroteAny = true;
  };

  return {
    async write(doc, extra) {
      pending.push({ doc, extra });
      pendingChars += doc.text.length;
      if (pending.length >= rowGroupRows || pendingChars >= rowGroupChars) {
        flush();
        await Promise.resolve();
      }
    },
    async close() {
      flush();
      controller.close();
      await piped;
      await out.commit();
      return { rows, bytes };
    },
    async abort() {
      controller.error(new Error('aborted'));
      await piped.catch(() => undefined);
      await out.abort();
    },
  };
}

function toArrowTable(
  rows: readonly { doc: Document; extra: ExtraColumns | undefined }[],
  extraColumns: readonly string[],
): arrow.Table {
  const columns: Record<string, arrow.Vector> = {};
  for (const field of STRING_FIELDS) {
    columns[field] = arrow.vectorFromArray(
      rows.map((r) => r.doc[field] ?? null),
      new arrow.Utf8(),
    );
  }
  columns.lang_score = arrow.vectorFromArray(
    rows.map((r) => r.doc.lang_score ?? null),
    new arrow.Float64(),
  );
  columns.meta = arrow.vectorFromArray(
    rows.map((r) => JSON.stringify(r.doc.meta)),
    new arrow.Utf8(),
  );
  for (const name of extraColumns) {
    columns[name] = arrow.vectorFromArray(
      rows.map((r) => r.extra?.[name] ?? null),
      new arrow.Utf8(),
    );
  }
  return new arrow.Table(columns);
}

/** Streams documents back, a record batch at a time, reading the file lazily from disk. */
export async function* readDocs(path: string): AsyncGenerator<Document & { extra?: ExtraColumns }> {
  let file: pw.ParquetFile;
  try {
    file = await pw.ParquetFile.fromFile(await openAsBlob(path));
  } catch (err) {
    throw new Error(`cannot read documents file ${path}: ${String((err as Error).message ?? err)}`);
  }
  try {
    const stream = (await file.stream({ batchSize: 4096 })) as ReadableStream<pw.RecordBatch>;
    for await (const batch of stream) yield* rowsOf(arrow.tableFromIPC(batch.intoIPCStream()));
  } finally {
    file.free();
  }
}

function* rowsOf(table: arrow.Table): Generator<Document & { extra?: ExtraColumns }> {
  const known = new Set<string>([...STRING_FIELDS, 'lang_score', 'meta']);
  const extraNames = table.schema.fields.map((f) => f.name).filter((n) => !known.has(n));
  const col = (name: string) => table.getChild(name);
  const get = (name: string, i: number): string | undefined => {
    const v = col(name)?.get(i) as string | null | undefined;
    return v ?? undefined;
  };
  for (let i = 0; i < table.numRows; i++) {
    const doc: Document & { extra?: ExtraColumns } = {
      id: get('id', i) ?? '',
      text: get('text', i) ?? '',
      source: get('source', i) ?? '',
      file: get('file', i) ?? '',
      meta: JSON.parse(get('meta', i) ?? '{}') as Record<string, MetaValue>,
    };
    for (const f of ['url', 'date', 'crawl', 'lang'] as const) {
      const v = get(f, i);
      if (v !== undefined) doc[f] = v;
    }
    const score = col('lang_score')?.get(i) as number | null | undefined;
    if (score !== null && score !== undefined) doc.lang_score = score;
    if (extraNames.length > 0) {
      doc.extra = {};
      for (const n of extraNames) {
        const v = get(n, i);
        if (v !== undefined) doc.extra[n] = v;
      }
    }
    yield doc;
  }
}
