// readDocuments: one input (WARC, WET or JSONL; local or http(s); gzip or not) as a stream of
// extracted documents. Bad records are counted by kind and skipped; only an input that cannot be
// read at all (missing file, HTTP 404, retries exhausted) fails, with an InputError naming it.

import type { Document } from '../pipeline/index.ts';
import type { StatsCollector } from '../pipeline/index.ts';
import type { ExtractConfig } from './config.ts';
import { createDecoders } from './charset.ts';
import { createDownloader } from './download.ts';
import { decompressed, openBytes } from './byte-stream.ts';
import { isRemote, isUrl } from './input-ref.ts';
import type { InputRef } from './input-ref.ts';
import { jsonlDocuments } from './jsonl-documents.ts';
import { recordToDocument } from './warc-documents.ts';
import { splitWarcRecords } from './warc-records.ts';
import { InputError } from './input-error.ts';

/** Room for the HTTP headers of a response on top of the page cap. */
const HTTP_HEADER_SLACK = 64 * 1024;
/** Room for the WARC header of a record on top of its block. */
const WARC_HEADER_SLACK = 64 * 1024;

/**
 * Streams the documents of `input`. Counts `docs.in` (one per document yielded), `bytes.in`,
 * `bytes.uncompressed`, `records.<type>`, `html.*`, `charset.*`, `extract.*`, `errors.<kind>`
 * (see docs/ingest.md).
 */
export async function* readDocuments(input: InputRef, cfg: ExtractConfig, stats: StatsCollector, signal: AbortSignal): AsyncGenerator<Document> {
  const downloader = isUrl(input.location) ? createDownloader(cfg.download) : undefined;
  const maxBlock = cfg.max_page_bytes + HTTP_HEADER_SLACK;
  const truncations = () => (stats.counters['errors.gzip_truncated'] ?? 0) + (stats.counters['errors.warc_truncated'] ?? 0);
  const truncatedBefore = truncations();
  try {
    const events = decompressed(openBytes(input.location, stats, signal, downloader), stats, maxBlock + WARC_HEADER_SLACK);
    if (input.kind === 'jsonl') {
      for await (const doc of jsonlDocuments(events, input, cfg.max_page_bytes, stats, signal)) {
        stats.count('docs.in');
        yield doc;
      }
      return;
    }
    const ctx = { input, maxPageBytes: cfg.max_page_bytes, stats, decoders: createDecoders() };
    let index = 0;
    for await (const rec of splitWarcRecords(events, stats, maxBlock)) {
      signal.throwIfAborted();
      let doc: Document | undefined;
      try {
        doc = recordToDocument(rec, ctx, index++);
      } catch (err) {
        // A page that breaks decoding or extraction must not end the file: count it, keep one example.
        stats.count('errors.record_failed');
        stats.example('errors.record_failed', { id: rec.headers['warc-record-id'] ?? '', reason: (err as Error).message, text: '' });
        continue;
      }
      if (doc) {
        stats.count('docs.in');
        yield doc;
      }
    }
    if (isRemote(input.location) && truncations() > truncatedBefore) {
      // A local file cut short is what it is; a download cut short is a transfer fault (a wrong
      // Content-Length, a proxy): fail the task so that a rerun fetches it again.
      throw new InputError(`${input.location}: the download ended inside a record after ${stats.counters['bytes.in'] ?? 0} bytes (truncated transfer; wrong Content-Length?)`);
    }
  } catch (err) {
    if (signal.aborted || err instanceof InputError) throw err;
    const message = (err as Error).message ?? String(err);
    throw new InputError(message.includes(input.location) ? message : `${input.location}: ${message}`, { cause: err });
  } finally {
    await downloader?.close();
  }
}
