// Splits a decompressed WARC byte stream into records: version line, named fields, a block of
// Content-Length bytes, then CRLF CRLF. Accepts WARC/0.17, 0.18, 1.0 and 1.1 and LF-only header
// lines, and survives bad input by resynchronising on the next `WARC/` line:
//   - a header block that is not WARC or has no usable Content-Length → errors.warc_header
//   - a block not followed by the record trailer or the next record (a Content-Length that lies)
//     → errors.warc_length, and the stream is searched for the next record from inside the block
//   - a record cut by the end of its gzip member → errors.warc_length; by the end of the
//     input → errors.warc_truncated
// Blocks larger than the cap are not buffered: the record is yielded without a block and its
// bytes are skipped as they stream past.

import type { StatsCollector } from '../pipeline/index.ts';
import type { Inflated } from './gzip-members.ts';

export interface WarcRecord {
  /** The version line, e.g. `WARC/1.0`. */
  version: string;
  /** Named fields, names lower-cased. */
  headers: Record<string, string>;
  /** Content-Length of the block. */
  length: number;
  /** The record block; undefined when `length` exceeds the cap. */
  block: Buffer | undefined;
}

/** A header block longer than this without its blank line is not a WARC header. */
const MAX_HEADER_BYTES = 256 * 1024;
const W = 0x57; // 'W'
const CR = 0x0d;
const LF = 0x0a;

function isRecordStart(b: Buffer, at: number): boolean {
  // "WARC/" followed by a digit
  return b[at] === W && b[at + 1] === 0x41 && b[at + 2] === 0x52 && b[at + 3] === 0x43 && b[at + 4] === 0x2f && b[at + 5]! >= 0x30 && b[at + 5]! <= 0x39;
}

/** Next record start at or after `from`: `WARC/<digit>` at the start of a line (or at `from` itself). */
function findRecordStart(b: Buffer, from: number): number {
  for (let i = b.indexOf('WARC/', from, 'latin1'); i >= 0; i = b.indexOf('WARC/', i + 1, 'latin1')) {
    if ((i === from || b[i - 1] === LF) && (i + 5 >= b.length || isRecordStart(b, i))) return i;
  }
  return -1;
}

/** Parses the header block `text` (version line first); undefined when it is not a WARC header. */
export function parseWarcHeader(text: string): { version: string; headers: Record<string, string>; length: number } | undefined {
  const lines = text.split(/\r?\n/);
  const version = lines[0]!.trim();
  if (!/^WARC\/\d+\.\d+$/.test(version)) return undefined;
  const headers = Object.create(null) as Record<string, string>; // names come from the file
  let last: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      headers[last] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  const cl = headers['content-length'];
  if (cl === undefined || !/^\d+$/.test(cl)) return undefined;
  const length = Number(cl);
  if (!Number.isSafeInteger(length)) return undefined;
  return { version, headers, length };
}

type State =
  | { at: 'head' }
  | { at: 'block'; record: Omit<WarcRecord, 'block'>; blockStart: number }
  | { at: 'skip'; remaining: number };

/**
 * Yields the records of a decompressed WARC stream. `maxBlock` is the largest block buffered;
 * larger records come without a block. Member ends and breaks from the gzip reader delimit records.
 */
export async function* splitWarcRecords(input: AsyncIterable<Inflated>, stats: StatsCollector, maxBlock: number): AsyncGenerator<WarcRecord> {
  let buf: Buffer = Buffer.alloc(0);
  let pos = 0;
  let state: State = { at: 'head' };
  /** True after garbage was counted, until the next good record: one count per run of garbage. */
  let inGarbage = false;
  let atEof = false;

  /** Parses what `buf[pos..]` holds; `final` when no more bytes will come for this stretch. */
  function* parse(final: boolean): Generator<WarcRecord> {
    for (;;) {
      if (state.at === 'skip') {
        const take = Math.min(state.remaining, buf.length - pos);
        pos += take;
        state.remaining -= take;
        if (state.remaining > 0) return;
        state = { at: 'head' };
      }
      if (state.at === 'head') {
        while (pos < buf.length && (buf[pos] === CR || buf[pos] === LF)) pos++;
        if (pos >= buf.length) return;
        if (buf.length - pos < 6 && !final) return;
        if (!isRecordStart(buf, pos)) {
          if (!inGarbage) stats.count('errors.warc_garbage');
          inGarbage = true;
          const next = findRecordStart(buf, pos + 1);
          if (next < 0) {
            pos = final ? buf.length : Math.max(pos, buf.length - 6);
            return;
          }
          pos = next;
          continue;
        }
        let headEnd = buf.indexOf('\r\n\r\n', pos, 'latin1');
        let sep = 4;
        if (headEnd < 0) {
          headEnd = buf.indexOf('\n\n', pos, 'latin1');
          sep = 2;
        }
        if (headEnd < 0 || headEnd - pos > MAX_HEADER_BYTES) {
          if (!final && buf.length - pos <= MAX_HEADER_BYTES) return;
          stats.count('errors.warc_header');
          pos = resyncFrom(pos + 1);
          continue;
        }
        const parsed = parseWarcHeader(buf.toString('utf8', pos, headEnd));
        if (!parsed) {
          stats.count('errors.warc_header');
          pos = resyncFrom(pos + 1);
          continue;
        }
        inGarbage = false;
        const blockStart = headEnd + sep;
        if (parsed.length > maxBlock) {
          yield { ...parsed, block: undefined };
          pos = blockStart;
          state = { at: 'skip', remaining: parsed.length };
          continue;
        }
        state = { at: 'block', record: parsed, blockStart };
        pos = blockStart;
      }
      if (state.at === 'block') {
        const { record, blockStart } = state;
        const blockEnd = blockStart + record.length;
        if (blockEnd > buf.length) {
          if (!final) return;
          // Cut by the end of its gzip member (the length lies) or of the input (truncated).
          stats.count(atEof ? 'errors.warc_truncated' : 'errors.warc_length');
          state = { at: 'head' };
          pos = resyncFrom(blockStart);
          continue;
        }
        // The trailer is CRLF CRLF; accept any run of line ends, then the next record or the end.
        let t = blockEnd;
        while (t < buf.length && (buf[t] === CR || buf[t] === LF)) t++;
        if (!final && buf.length - t < 6) return;
        if (t < buf.length && !isRecordStart(buf, t)) {
          stats.count('errors.warc_length');
          state = { at: 'head' };
          pos = resyncFrom(blockStart);
          continue;
        }
        state = { at: 'head' };
        pos = t;
        yield { ...record, block: buf.subarray(blockStart, blockEnd) };
      }
    }
  }

  /** The next record start from `from`, or the end of what is buffered (keeping a possible partial start). */
  function resyncFrom(from: number): number {
    const next = findRecordStart(buf, from);
    return next >= 0 ? next : buf.length;
  }

  /** Chunks held back while a block is incomplete, so that a large block is copied once, not once per chunk. */
  let held: Uint8Array[] = [];
  let heldBytes = 0;

  /** Moves the held chunks into `buf`, keeping only the unparsed bytes. */
  function absorb(): void {
    if (!held.length) return;
    const parts = pos < buf.length ? [buf.subarray(pos), ...held] : held;
    buf = parts.length === 1 ? Buffer.from(parts[0]!.buffer, parts[0]!.byteOffset, parts[0]!.byteLength) : Buffer.concat(parts);
    // Offsets into the old buffer move with the bytes kept. (`parse` reassigns `state`;
    // TypeScript cannot see that from here.)
    const open = state as State;
    if (open.at === 'block') open.blockStart -= pos;
    pos = 0;
    held = [];
    heldBytes = 0;
  }

  for await (const ev of input) {
    if (ev.kind === 'data') {
      held.push(ev.bytes);
      heldBytes += ev.bytes.byteLength;
      const open = state as State;
      // A block still incomplete with this chunk: wait for more before copying anything.
      if (open.at === 'block' && buf.length - open.blockStart + heldBytes < open.record.length + 6) continue;
      absorb();
      yield* parse(false);
      continue;
    }
    // A member ended or bytes were lost (already counted by the gzip reader): no record
    // continues past this point.
    if (ev.kind === 'member-end') {
      absorb();
      yield* parse(true);
    }
    state = { at: 'head' };
    buf = Buffer.alloc(0);
    pos = 0;
    held = [];
    heldBytes = 0;
  }
  absorb();
  atEof = true;
  yield* parse(true);
  if (state.at !== 'head') stats.count('errors.warc_truncated');
}
