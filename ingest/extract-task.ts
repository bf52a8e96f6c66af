// One task of the `extract` stage (ingest/extract-stage.ts): reads one input's records, extracts
// main text, runs the quality filters, computes MinHash signatures of the kept documents, redacts
// PII and writes the kept documents (and, if asked, the dropped ones with their reason) as Parquet.
// Its own file so that only the worker running it loads this code, not the coordinator.

import { join } from 'node:path';
import { createDocWriter, type DocWriter } from '../pipeline/index.ts';
import type { Document, TaskContext } from '../pipeline/index.ts';
import { LENGTH_EDGES } from '../pipeline/index.ts';
import { createFilterPipeline, createScoreRecorder } from '../filters/index.ts';
import { createSignatureSink } from '../dedup/index.ts';
import { createDomainCounter } from '../report/index.ts';
import { readDocuments, type InputRef } from './index.ts';

/**
 * Pages are read and extracted a batch at a time, then the batch's documents filtered, signed and
 * written: one page's extraction between two documents' filtering evicts what the filters would
 * find warm in the caches (language id's token table and rows, Punkt's model, the n-gram scratch,
 * the MinHash tables), and one document's filtering what the next page's extraction would. The
 * order of every output is the same. Bounded by documents and by characters of text, so that a
 * batch of huge pages stays small.
 */
const BATCH_DOCS = 64;
const BATCH_CHARS = 1 << 21;

const docsPath = (runDir: string, taskId: string) => join(runDir, 'docs', `${taskId}.parquet`);
const removedPath = (runDir: string, filter: string, taskId: string) => join(runDir, 'removed', filter, `${taskId}.parquet`);

export async function runExtractTask(ctx: TaskContext): Promise<void> {
  const { runDir, config, task, stats } = ctx;
  const input = task.input as unknown as InputRef;
  // Every task of a run has the same config and run folder: one pipeline per worker, not per task.
  const filters = await ctx.keep('extract.filters', () => createFilterPipeline(config.filters, { runDir }));
  const sink = await createSignatureSink(runDir, config.dedup, { id: task.id, source: input.source, crawl: input.crawl });
  const kept = await createDocWriter(docsPath(runDir, task.id));
  const scores = createScoreRecorder(runDir, config, task.id);
  const removed = new Map<string, DocWriter>();
  const removedWriter = async (filter: string) => {
    let w = removed.get(filter);
    if (!w) {
      w = await createDocWriter(removedPath(runDir, filter, task.id), { extraColumns: ['reason'] });
      removed.set(filter, w);
    }
    return w;
  };
  const domains = createDomainCounter(stats);
  let row = 0;
  let bytesSeen = 0;
  /** Extracted documents not yet filtered, each with the input bytes read for it. */
  const batch: { doc: Document; bytes: number }[] = [];
  let batchChars = 0;
  const flush = async (): Promise<void> => {
    for (const { doc, bytes } of batch) {
      ctx.progress(1, bytes);
      const verdict = filters.apply(doc, stats);
      domains.add(doc, verdict.keep);
      if (!verdict.keep) {
        if (config.extract.keep_removed) await (await removedWriter(verdict.filter)).write(verdict.doc, { reason: verdict.reason });
        continue;
      }
      sink.add(verdict.doc, row++);
      const out = filters.redact(verdict.doc, stats);
      await kept.write(out);
      scores?.add(out);
      stats.count('docs.out');
      stats.observe('length.chars', out.text.length, LENGTH_EDGES);
    }
    batch.length = 0;
    batchChars = 0;
  };
  try {
    for await (const doc of readDocuments(input, config.extract, stats, ctx.signal)) {
      const bytesNow = stats.counters['bytes.in'] ?? 0;
      batch.push({ doc, bytes: bytesNow - bytesSeen });
      bytesSeen = bytesNow;
      batchChars += doc.text.length;
      if (batch.length === BATCH_DOCS || batchChars >= BATCH_CHARS) await flush();
    }
    await flush();
    domains.flush();
    await sink.close();
    for (const w of removed.values()) await w.close();
    await scores?.close();
    const { bytes } = await kept.close();
    stats.count('bytes.out', bytes);
  } catch (err) {
    await Promise.allSettled([kept.abort(), sink.abort(), ...[...removed.values()].map((w) => w.abort())]);
    throw err;
  }
}
