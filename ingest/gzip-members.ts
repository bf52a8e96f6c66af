// Decompresses a multi-member gzip stream (Common Crawl writes one member per WARC record) member
// by member, so that a corrupt member is skipped to the next one instead of ending the file, and
// a truncated file ends with a counted error instead of hanging or throwing. Node's own
// `createGunzip()` hides member boundaries and dies on the first bad member, hence this loop.
//
// Each member is inflated in one synchronous call (`inflateRawSync` with `info`, whose engine
// reports the compressed bytes consumed); a member whose output exceeds `syncLimit` (a huge page,
// or a whole file compressed as one member) is streamed through `createInflateRaw` instead, so
// memory stays bounded by the chunk size rather than the member size.

import { constants, crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { InflateRaw } from 'node:zlib';
import type { StatsCollector } from '../pipeline/index.ts';

/** Output of the member reader: decompressed bytes, or a break after which a new record starts. */
export type Inflated =
  | { kind: 'data'; bytes: Uint8Array }
  /** A member ended cleanly: a record still open at this point is incomplete. */
  | { kind: 'member-end' }
  /** Bytes were lost (corrupt or truncated member): whatever record is open must be dropped. */
  | { kind: 'broken' };

const MEMBER_END: Inflated = { kind: 'member-end' };
const BROKEN: Inflated = { kind: 'broken' };

/** The largest piece of compressed input given to the streaming inflater at once (bounds its output per step). */
const STREAM_FEED = 64 * 1024;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** A growable window over the compressed input: `buf[pos..]` are the bytes not yet consumed. */
interface Window {
  buf: Buffer;
  pos: number;
  eof: boolean;
}

/** Reads until `minAvail` bytes are buffered or the input ends; one copy per call, however many chunks. */
async function fill(win: Window, source: AsyncIterator<Uint8Array>, minAvail: number): Promise<void> {
  let avail = win.buf.length - win.pos;
  if (win.eof || avail >= minAvail) return;
  const parts: Buffer[] = avail ? [win.buf.subarray(win.pos)] : [];
  while (avail < minAvail) {
    const next = await source.next();
    if (next.done) {
      win.eof = true;
      break;
    }
    parts.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    avail += next.value.byteLength;
  }
  win.buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, avail);
  win.pos = 0;
}

/** Length of the gzip member header at `b[0..]`, 0 when incomplete, -1 when it is not a deflate gzip header. */
function headerLength(b: Uint8Array): number {
  if ((b.length > 0 && b[0] !== 0x1f) || (b.length > 1 && b[1] !== 0x8b) || (b.length > 2 && b[2] !== 8)) return -1;
  if (b.length < 10) return 0;
  const flags = b[3]!;
  if (flags & 0xe0) return -1;
  let p = 10;
  if (flags & 4) {
    if (b.length < p + 2) return 0;
    p += 2 + (b[p]! | (b[p + 1]! << 8));
  }
  for (const bit of [8, 16]) {
    if (flags & bit) {
      const z = b.indexOf(0, p);
      if (z < 0) return 0;
      p = z + 1;
    }
  }
  if (flags & 2) p += 2;
  return b.length >= p ? p : 0;
}

/** Deflate cannot expand more than this (zlib's own bound, about 1032:1). */
const MAX_DEFLATE_RATIO = 1032;
/**
 * The smallest inflate buffer a size hint gives: a trailer that lies about a 10 MB member (ISIZE
 * 0) then costs zlib 10,000 calls instead of 160,000 at zlib's minimum; records this small are
 * still cut from Node's shared buffer pool.
 */
const MIN_HINTED_CHUNK = 1024;

/**
 * The output size of the member whose deflate data starts at `b[from]`, read from the ISIZE field
 * of its trailer when the next member header (or the end of the input) is already buffered, as
 * it nearly always is with Common Crawl's one member per record. Inflating into one buffer of that
 * size spares zlib's 16 KB chunks, their allocation and their concatenation. Only a hint: a magic
 * inside the compressed bytes gives a wrong size, which costs a concatenation or a larger buffer,
 * never a different output (the CRC and size are checked after inflating as before).
 */
function outputSizeHint(b: Buffer, from: number, eof: boolean, limit: number): number | undefined {
  let next = findMagic(b, from);
  if (next < 0) {
    if (!eof) return undefined;
    next = b.length;
  }
  if (next - from < 8) return undefined;
  const size = b.readUInt32LE(next - 4);
  return size <= limit && size <= (next - from) * MAX_DEFLATE_RATIO ? size : undefined;
}

/** Offset of the next plausible member header in `b` at or after `from`, or -1. */
function findMagic(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(0x1f, from); i >= 0 && i + 2 < b.length; i = b.indexOf(0x1f, i + 1)) {
    if (b[i + 1] === 0x8b && b[i + 2] === 8) return i;
  }
  return -1;
}

function zlibCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/**
 * Yields the decompressed content of each member followed by `member-end`; corrupt members are
 * counted (`errors.gzip_corrupt`), announced with `broken`, and skipped by scanning for the next
 * member header; a member cut by the end of the input yields what it holds and counts
 * `errors.gzip_truncated`.
 */
export async function* inflateMembers(
  source: AsyncIterable<Uint8Array>,
  stats: StatsCollector,
  syncLimit: number,
): AsyncGenerator<Inflated> {
  const it = source[Symbol.asyncIterator]();
  const win: Window = { buf: Buffer.alloc(0), pos: 0, eof: false };
  try {
    for (;;) {
      await fill(win, it, 10);
      if (win.buf.length - win.pos === 0) return;
      let view = win.buf.subarray(win.pos);
      let hlen = headerLength(view);
      while (hlen === 0 && !win.eof) {
        await fill(win, it, view.length + 1);
        view = win.buf.subarray(win.pos);
        hlen = headerLength(view);
      }
      if (hlen === 0) {
        stats.count('errors.gzip_truncated');
        yield BROKEN;
        return;
      }
      if (hlen < 0) {
        stats.count('errors.gzip_garbage');
        yield BROKEN;
        if (!(await skipToMagic(win, it, 1))) return;
        continue;
      }
      const outcome = await inflateOne(win, it, hlen, syncLimit);
      if (outcome.kind === 'ok') {
        if (outcome.bytes.byteLength) yield { kind: 'data', bytes: outcome.bytes };
        yield MEMBER_END;
        continue;
      }
      if (outcome.kind === 'too-large') {
        yield* streamOne(win, it, hlen, stats);
        continue;
      }
      if (outcome.kind === 'truncated') {
        if (outcome.partial?.byteLength) yield { kind: 'data', bytes: outcome.partial };
        stats.count('errors.gzip_truncated');
        yield BROKEN;
        // Usually the file simply ends here; but a damaged member can also read as unfinished
        // while whole members follow it, so look for them.
        if (!(await skipToMagic(win, it, 1))) return;
        continue;
      }
      stats.count('errors.gzip_corrupt');
      yield BROKEN;
      if (!(await skipToMagic(win, it, 1))) return;
    }
  } finally {
    await it.return?.();
  }
}

/** Moves `win.pos` to the next member header at least `from` bytes ahead; false at end of input. */
async function skipToMagic(win: Window, it: AsyncIterator<Uint8Array>, from: number): Promise<boolean> {
  let start = win.pos + from;
  for (;;) {
    const at = findMagic(win.buf, start);
    if (at >= 0) {
      win.pos = at;
      return true;
    }
    if (win.eof) {
      win.pos = win.buf.length;
      return false;
    }
    // Keep the last two bytes: a header may straddle the chunk boundary.
    const keep = Math.max(start, win.buf.length - 2);
    win.pos = keep;
    await fill(win, it, win.buf.length - keep + 1);
    start = win.pos;
  }
}

type OneOutcome = { kind: 'ok'; bytes: Uint8Array } | { kind: 'corrupt' } | { kind: 'truncated'; partial?: Uint8Array } | { kind: 'too-large' };

/** What a member cut by the end of the input still holds: the records before the cut are whole. */
function salvage(data: Uint8Array, syncLimit: number): Uint8Array | undefined {
  try {
    return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: syncLimit });
  } catch {
    return undefined;
  }
}

/** Inflates the member at `win.pos` in one call, reading more input until the member is whole. */
async function inflateOne(win: Window, it: AsyncIterator<Uint8Array>, hlen: number, syncLimit: number): Promise<OneOutcome> {
  for (;;) {
    const avail = win.buf.length - win.pos;
    let result: { buffer: Buffer; engine: { bytesWritten: number } };
    const hint = outputSizeHint(win.buf, win.pos + hlen, win.eof, syncLimit);
    // One byte of room beyond the output: a full buffer makes zlib allocate another before it stops.
    const chunk = hint === undefined ? {} : { chunkSize: Math.max(MIN_HINTED_CHUNK, hint + 1) };
    try {
      result = inflateRawSync(win.buf.subarray(win.pos + hlen), { info: true, maxOutputLength: syncLimit, ...chunk }) as unknown as typeof result;
    } catch (err) {
      const code = zlibCode(err);
      if (code === 'Z_BUF_ERROR') {
        if (win.eof) {
          const partial = salvage(win.buf.subarray(win.pos + hlen), syncLimit);
          return partial ? { kind: 'truncated', partial } : { kind: 'truncated' };
        }
        // Double what is buffered before trying again, so a large member costs O(n) overall.
        await fill(win, it, avail * 2);
        continue;
      }
      if (code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'too-large' };
      return { kind: 'corrupt' };
    }
    const end = win.pos + hlen + result.engine.bytesWritten;
    if (end + 8 > win.buf.length) {
      if (win.eof) return { kind: 'truncated', partial: result.buffer };
      await fill(win, it, end + 8 - win.pos);
      continue;
    }
    const crc = win.buf.readUInt32LE(end);
    const size = win.buf.readUInt32LE(end + 4);
    if (crc !== crc32(result.buffer) || size !== result.buffer.byteLength % 2 ** 32) return { kind: 'corrupt' };
    win.pos = end + 8;
    return { kind: 'ok', bytes: result.buffer };
  }
}

/** Streams one large member through `createInflateRaw`, yielding its output as it comes. */
async function* streamOne(win: Window, it: AsyncIterator<Uint8Array>, hlen: number, stats: StatsCollector): AsyncGenerator<Inflated> {
  const inflater: InflateRaw = createInflateRaw({ chunkSize: 256 * 1024, finishFlush: constants.Z_FINISH });
  const out: Buffer[] = [];
  let failure: Error | undefined;
  let ended = false;
  inflater.on('data', (d: Buffer) => out.push(d));
  inflater.on('error', (e: Error) => (failure = e));
  inflater.on('end', () => (ended = true));
  const write = (piece: Buffer) => new Promise<void>((resolve) => inflater.write(piece, () => resolve()));
  const crcState = { crc: 0, size: 0 };
  const drain = function* (): Generator<Inflated> {
    for (const d of out) {
      crcState.crc = crc32(d, crcState.crc);
      crcState.size += d.byteLength;
      yield { kind: 'data', bytes: d };
    }
    out.length = 0;
  };
  win.pos += hlen;
  try {
    for (;;) {
      if (win.pos === win.buf.length) {
        if (win.eof) {
          await new Promise<void>((resolve) => {
            inflater.once('end', resolve);
            inflater.once('error', () => resolve());
            inflater.end();
          });
          yield* drain();
          stats.count('errors.gzip_truncated');
          yield BROKEN;
          return;
        }
        await fill(win, it, 1);
        continue;
      }
      const piece = win.buf.subarray(win.pos, Math.min(win.buf.length, win.pos + STREAM_FEED));
      const before = inflater.bytesWritten;
      await write(piece);
      yield* drain();
      if (failure) {
        stats.count('errors.gzip_corrupt');
        yield BROKEN;
        await skipToMagic(win, it, 1);
        return;
      }
      const used = inflater.bytesWritten - before;
      win.pos += used;
      if (ended || used < piece.length) break;
    }
  } finally {
    inflater.destroy();
  }
  await fill(win, it, 8);
  if (win.buf.length - win.pos < 8) {
    stats.count('errors.gzip_truncated');
    yield BROKEN;
    win.pos = win.buf.length;
    return;
  }
  const crc = win.buf.readUInt32LE(win.pos);
  const size = win.buf.readUInt32LE(win.pos + 4);
  win.pos += 8;
  if (crc !== crcState.crc || size !== crcState.size % 2 ** 32) {
    stats.count('errors.gzip_corrupt');
    yield BROKEN;
    return;
  }
  yield MEMBER_END;
}
