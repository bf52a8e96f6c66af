// The raw bytes of an input, local file, http(s) URL or s3:// object, as a stream counted into `bytes.in`,
// and the small stream helpers the readers share.

import { createReadStream } from 'node:fs';
import { isS3, readObject, type StatsCollector } from '../pipeline/index.ts';
import type { Downloader } from './download.ts';
import type { Inflated } from './gzip-members.ts';
import { inflateMembers, isGzip } from './gzip-members.ts';
import { isUrl } from './input-ref.ts';

const READ_CHUNK = 1024 * 1024;

/** Opens `location` for streaming; `downloader` is required for URLs. */
export async function* openBytes(location: string, stats: StatsCollector, signal: AbortSignal, downloader: Downloader | undefined): AsyncGenerator<Uint8Array> {
  let source: AsyncIterable<Uint8Array>;
  if (isUrl(location)) {
    if (!downloader) throw new Error(`no downloader for ${location}`);
    source = downloader.stream(location, signal, () => stats.count('download.retries'));
  } else if (isS3(location)) {
    source = readObject(location, { signal, onRetry: () => stats.count('download.retries') });
  } else {
    source = createReadStream(location, { highWaterMark: READ_CHUNK, signal });
  }
  for await (const chunk of source) {
    stats.count('bytes.in', chunk.byteLength);
    yield chunk;
  }
}

/** Reads at least `min` bytes (a slow server may send one at a time), then gives them back in front of the rest. */
async function peek(source: AsyncIterable<Uint8Array>, min: number): Promise<{ head: Uint8Array | undefined; all: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let have = 0;
  while (have < min) {
    const next = await it.next();
    if (next.done) break;
    parts.push(next.value);
    have += next.value.byteLength;
  }
  const head = have ? (parts.length === 1 ? parts[0]! : Buffer.concat(parts)) : undefined;
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      if (head) yield head;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head, all: all() };
}

/**
 * The decompressed content of a byte stream: gzip (any number of members, see gzip-members.ts)
 * when it starts with the gzip magic, else the bytes as they are. Counts `bytes.uncompressed`.
 */
export async function* decompressed(source: AsyncIterable<Uint8Array>, stats: StatsCollector, syncLimit: number): AsyncGenerator<Inflated> {
  const { head, all } = await peek(source, 2);
  if (!head) return;
  if (isGzip(head)) {
    for await (const ev of inflateMembers(all, stats, syncLimit)) {
      if (ev.kind === 'data') stats.count('bytes.uncompressed', ev.bytes.byteLength);
      yield ev;
    }
    return;
  }
  for await (const bytes of all) {
    stats.count('bytes.uncompressed', bytes.byteLength);
    yield { kind: 'data', bytes };
  }
}
