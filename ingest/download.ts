// Streaming http(s) downloads through undici: no temporary copy, bounded concurrency (p-queue),
// idle timeouts, retries with exponential backoff and jitter on connection errors, 429 and 5xx
// (Common Crawl answers 503 when busy), honouring Retry-After, and resumption after a dropped
// connection with a Range request. undici is loaded on the first request, not with this module:
// every extract task imports the reader, most read local files, and loading undici cost about
// 0.1 CPU-s per process (per thread under the local executor).
//
// Resumption asks for the exact byte after the last one delivered (guarded by If-Range with the
// first response's validator), so the consumer sees one uninterrupted byte stream: the gzip
// member being read when the connection dropped simply continues, and no record is lost or
// read twice. A server that ignores Range gets the already-delivered prefix skipped instead.
// A server that gives no validator (no strong ETag, no Last-Modified) cannot promise that the
// resumed bytes belong to the same file: there the resume starts RESUME_OVERLAP bytes early and
// those bytes must equal the ones already delivered, and the announced total length must not
// change; otherwise the download fails as changed, and a rerun of the task fetches it anew.

import type { Agent, Dispatcher } from 'undici';
import PQueue from 'p-queue';
import type { DownloadConfig } from './config.ts';

export class DownloadError extends Error {
  override name = 'DownloadError';
}

export interface Downloader {
  /** The body of `url` as a byte stream, resumed across dropped connections. */
  stream(url: string, signal: AbortSignal, onRetry?: (reason: string) => void): AsyncGenerator<Uint8Array>;
  /** The whole (small) body of `url`, e.g. a crawl's path list. */
  fetchAll(url: string, signal: AbortSignal): Promise<Buffer>;
  close(): Promise<void>;
}

const RETRYABLE_STATUS = (s: number) => s === 408 || s === 429 || s >= 500;

/** Bytes re-read and compared when resuming without a validator. */
export const RESUME_OVERLAP = 64 * 1024;

/** Retry-After in ms (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Exponential backoff with jitter in [½, 1] of the nominal delay. */
export function backoffMs(attempt: number, cfg: DownloadConfig): number {
  const nominal = Math.min(cfg.retry_max_ms, cfg.retry_base_ms * 2 ** Math.max(0, attempt - 1));
  return nominal * (0.5 + Math.random() * 0.5);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  return `${code ? code + ': ' : ''}${e.message ?? String(err)}`;
}

export function createDownloader(cfg: DownloadConfig): Downloader {
  const timeout = Math.round(cfg.timeout_s * 1000);
  let client: Promise<{ agent: Agent; dispatcher: Dispatcher }> | undefined;
  const connect = () =>
    (client ??= import('undici').then(({ Agent, interceptors }) => {
      const agent = new Agent({ connect: { timeout }, headersTimeout: timeout, bodyTimeout: timeout });
      return { agent, dispatcher: agent.compose(interceptors.redirect({ maxRedirections: 5 })) };
    }));
  const queue = new PQueue({ concurrency: cfg.concurrency });

  /** Holds one of the `concurrency` slots until `release` is called. */
  async function acquire(): Promise<() => void> {
    const started = Promise.withResolvers<void>();
    const finished = Promise.withResolvers<void>();
    void queue.add(async () => {
      started.resolve();
      await finished.promise;
    });
    await started.promise;
    return () => finished.resolve();
  }

  async function* stream(url: string, signal: AbortSignal, onRetry?: (reason: string) => void): AsyncGenerator<Uint8Array> {
    const release = await acquire();
    let delivered = 0;
    let validator: string | undefined;
    /** Total length as the server announced it, when it did. */
    let total: number | undefined;
    let failures = 0;
    let probed = false;
    /** Without a validator: the last RESUME_OVERLAP bytes delivered, to check a resume against. */
    let tail: Buffer = Buffer.alloc(0);
    /** Bytes at the start of a resumed body that re-read `tail`, still to compare. */
    let overlap = 0;
    let start = 0;
    /** Counts a failure and waits before the next attempt, or throws when retries are spent. */
    const retry = async (reason: string, waitMs?: number) => {
      failures++;
      if (failures > cfg.retries) throw new DownloadError(`${url}: ${reason}; gave up after ${cfg.retries} retries`);
      onRetry?.(reason);
      await sleep(waitMs ?? backoffMs(failures, cfg), signal);
    };
    try {
      for (;;) {
        signal.throwIfAborted();
        const headers: Record<string, string> = {};
        overlap = delivered > 0 && !validator ? Math.min(tail.length, delivered) : 0;
        start = delivered - overlap;
        if (delivered > 0) {
          headers['range'] = `bytes=${start}-`;
          if (validator) headers['if-range'] = validator;
        }
        const { dispatcher } = await connect();
        let res: Dispatcher.ResponseData;
        try {
          res = await dispatcher.request({ origin: new URL(url).origin, path: pathOf(url), method: 'GET', headers, signal });
        } catch (err) {
          signal.throwIfAborted();
          await retry(`connection failed (${describe(err)})`);
          continue;
        }
        const status = res.statusCode;
        if (status === 416 && delivered > 0) {
          await res.body.dump();
          return;
        }
        if (status !== 200 && status !== 206) {
          await res.body.dump().catch(() => undefined);
          if (!RETRYABLE_STATUS(status)) throw new DownloadError(`${url}: HTTP ${status}`);
          const after = retryAfterMs(res.headers['retry-after']);
          await retry(`HTTP ${status}`, after === undefined ? undefined : Math.min(after, Math.max(cfg.retry_max_ms, 1000)));
          continue;
        }
        let skip = 0;
        if (status === 206) {
          const m = /^bytes (\d+)-(\d+)\/(\d+|\*)/.exec(header(res.headers, 'content-range') ?? '');
          if (!m || Number(m[1]) !== start) {
            await res.body.dump().catch(() => undefined);
            throw new DownloadError(`${url}: the server answered the range request from byte ${start} with Content-Range "${header(res.headers, 'content-range') ?? ''}"`);
          }
          if (m[3] !== '*') {
            if (!validator && total !== undefined && Number(m[3]) !== total) {
              await res.body.dump().catch(() => undefined);
              throw changed(url, `its length went from ${total} to ${m[3]} bytes`);
            }
            total = Number(m[3]);
          }
        } else {
          // A full body: first response, or a server that ignores Range (skip what we have,
          // after comparing the overlap like a resumed body's).
          skip = delivered - overlap;
          const len = header(res.headers, 'content-length');
          total = len !== undefined && /^\d+$/.test(len) ? Number(len) : undefined;
          if (delivered === 0) validator = strongValidator(res.headers);
        }
        try {
          for await (const chunk of res.body as AsyncIterable<Buffer>) {
            let piece: Buffer = chunk;
            if (skip > 0) {
              const drop = Math.min(skip, piece.length);
              skip -= drop;
              piece = piece.subarray(drop);
              if (!piece.length) continue;
            }
            if (overlap > 0) {
              const n = Math.min(overlap, piece.length);
              const at = tail.length - overlap;
              if (!piece.subarray(0, n).equals(tail.subarray(at, at + n))) throw changed(url, `the bytes before ${delivered} differ on resuming`);
              overlap -= n;
              piece = piece.subarray(n);
              if (!piece.length) continue;
            }
            delivered += piece.length;
            failures = 0;
            if (!validator) tail = Buffer.concat([tail, piece]).subarray(-RESUME_OVERLAP);
            yield piece;
          }
        } catch (err) {
          signal.throwIfAborted();
          if (err instanceof DownloadError) throw err;
          await retry(`connection dropped after ${delivered} bytes (${describe(err)})`);
          continue;
        }
        if (total !== undefined && delivered < total) {
          // The body ended early without an error from the socket: resume like a drop.
          await retry(`body ended after ${delivered} of ${total} bytes`);
          continue;
        }
        if (total === undefined && status === 200 && !probed && delivered > 0 && header(res.headers, 'accept-ranges') === 'bytes') {
          // No length was announced: one range request past the end confirms there is no more.
          probed = true;
          continue;
        }
        return;
      }
    } finally {
      release();
    }
  }

  async function fetchAll(url: string, signal: AbortSignal): Promise<Buffer> {
    const parts: Uint8Array[] = [];
    for await (const chunk of stream(url, signal)) parts.push(chunk);
    return Buffer.concat(parts);
  }

  return {
    stream,
    fetchAll,
    close: async () => {
      await queue.onIdle();
      if (client) await (await client).agent.close();
    },
  };
}

function changed(url: string, how: string): DownloadError {
  return new DownloadError(`${url}: the file changed on the server during the download (${how}, and the server gives no ETag or Last-Modified to resume against); rerun to fetch it anew`);
}

function pathOf(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}

/** A validator usable in If-Range: a strong ETag, else Last-Modified. */
function strongValidator(headers: Record<string, string | string[] | undefined>): string | undefined {
  const etag = header(headers, 'etag');
  if (etag && !etag.startsWith('W/')) return etag;
  return header(headers, 'last-modified');
}
