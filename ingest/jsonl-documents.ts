// Documents from JSONL corpora (an encyclopedia dump, code, …): one JSON object per line with the
// text under `textField` and an id under `idField`. A bad line is counted and skipped.

import type { Document, MetaValue } from '../pipeline/index.ts';
import type { StatsCollector } from '../pipeline/index.ts';
import { LENGTH_EDGES } from '../pipeline/index.ts';
import type { Inflated } from './gzip-members.ts';
import type { InputRef } from './input-ref.ts';

const LF = 0x0a;

/** Lines of the stream, without their line end; lines longer than `maxLine` come as undefined. */
async function* lines(input: AsyncIterable<Inflated>, maxLine: number): AsyncGenerator<Buffer | undefined> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  for await (const ev of input) {
    if (ev.kind !== 'data') continue;
    const chunk = Buffer.from(ev.bytes.buffer, ev.bytes.byteOffset, ev.bytes.byteLength);
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl >= 0; nl = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, nl);
      if (overlong || pendingBytes + piece.length > maxLine) yield undefined;
      else yield pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      overlong = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (!rest.length) continue;
    if (overlong || pendingBytes + rest.length > maxLine) {
      overlong = true;
      pending = [];
      pendingBytes = 0;
    } else {
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (overlong) yield undefined;
  else if (pendingBytes) yield Buffer.concat(pending);
}

function scalarMeta(obj: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, MetaValue> {
  const meta = Object.create(null) as Record<string, MetaValue>; // keys come from the input
  for (const [k, v] of Object.entries(obj)) {
    if (skip.has(k)) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') meta[k] = v;
  }
  return meta;
}

export async function* jsonlDocuments(input: AsyncIterable<Inflated>, ref: InputRef, maxLine: number, stats: StatsCollector, signal: AbortSignal): AsyncGenerator<Document> {
  const textField = ref.textField ?? 'text';
  const idField = ref.idField ?? 'id';
  const skip = new Set([textField, idField, 'url', 'date']);
  let lineNo = 0;
  for await (const line of lines(input, maxLine)) {
    signal.throwIfAborted();
    lineNo++;
    if (line === undefined) {
      stats.count('errors.too_large');
      continue;
    }
    if (!line.length || (line.length === 1 && line[0] === 0x0d)) continue;
    stats.count('records.jsonl');
    let obj: unknown;
    try {
      obj = JSON.parse(line.toString('utf8'));
    } catch {
      stats.count('errors.jsonl_parse');
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      stats.count('errors.jsonl_parse');
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const text = rec[textField];
    if (typeof text !== 'string') {
      stats.count('errors.jsonl_text');
      continue;
    }
    if (!text.trim()) {
      stats.count('extract.empty');
      continue;
    }
    const rawId = rec[idField];
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : `${ref.location}#${lineNo}`;
    const doc: Document = { id, text, source: ref.source, file: ref.location, meta: scalarMeta(rec, skip) };
    if (typeof rec['url'] === 'string') doc.url = rec['url'];
    if (typeof rec['date'] === 'string') doc.date = rec['date'];
    stats.count('extract.ok');
    stats.observe('extract.text_chars', text.length, LENGTH_EDGES);
    yield doc;
  }
}
