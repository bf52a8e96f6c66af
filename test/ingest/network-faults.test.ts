// Downloads against a real local node:http server that misbehaves the way servers do: each case
// yields exactly the documents a local read of the same file yields, or fails naming the cause.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Document } from '../../pipeline/document.ts';
import { backoffMs, RESUME_OVERLAP, retryAfterMs } from '../../ingest/download.ts';
import { readDocuments } from '../../ingest/index.ts';
import { createStats } from '../../pipeline/stats.ts';
import { buildWarc, pageRecords } from '../warc-writer.ts';
import { crawlRecords, extractConfig, readAll, samplePages } from './read-helpers.ts';

const pages = Array.from({ length: 8 }, (_, k) => samplePages().map((p) => ({ ...p, url: `${p.url}?copy=${k}` }))).flat();
const warc = buildWarc(crawlRecords(pages));
const tiny = buildWarc(crawlRecords(samplePages().slice(0, 1)));
/** One short page as a single response record: small enough to trickle in a few seconds. */
const minimal = buildWarc([pageRecords({ url: 'https://example.org/slow', html: '<p>Delivered one byte at a time.</p>' })[1]!]);

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void | Promise<void>;

let base = '';
let dir = '';
let localDocs: Document[] = [];
let tinyDocs: Document[] = [];
let minimalDocs: Document[] = [];
const hits = new Map<string, number>();
/** Range and If-Range headers of each request, by route. */
const rangeHeaders = new Map<string, string[]>();
const sockets = new Set<Socket>();

/** Serves `body` honouring `Range: bytes=N-` with a strong ETag, as S3/CloudFront do (or with no validator at all). */
function serve(body: Buffer, req: IncomingMessage, res: ServerResponse, validator = true) {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const headers = { ...(validator ? { etag: '"v1"' } : {}), 'accept-ranges': 'bytes', 'content-type': 'application/warc' };
  if (!m) {
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(body);
    return;
  }
  const start = Number(m[1]);
  if (start >= body.length) {
    res.writeHead(416, { 'content-range': `bytes */${body.length}` });
    res.end();
    return;
  }
  res.writeHead(206, { ...headers, 'content-length': body.length - start, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` });
  res.end(body.subarray(start));
}

/** Writes a raw HTTP response on the socket, bypassing Node's Content-Length checks. */
function raw(req: IncomingMessage, head: string, body: Buffer) {
  req.socket.write(`${head}\r\nConnection: close\r\n\r\n`);
  req.socket.end(body);
}

/** Another file of the same length: the file replaced on the server between two requests. */
const replaced = Buffer.from(warc.map((b) => b ^ 1));

/** No ETag or Last-Modified: the first response is reset at 40%, the resume serves `next`. */
function resetWithoutValidator(next: Buffer): Handler {
  return async (req, res, hit) => {
    if (hit > 1) return serve(next, req, res, false);
    res.writeHead(200, { 'accept-ranges': 'bytes', 'content-length': warc.length });
    res.write(warc.subarray(0, Math.floor(warc.length * 0.4)));
    await sleep(50);
    req.socket.destroy();
  };
}

const routes: Record<string, Handler> = {
  '/novalidator.warc.gz': resetWithoutValidator(warc),
  '/replaced.warc.gz': resetWithoutValidator(replaced),
  '/grown.warc.gz': resetWithoutValidator(Buffer.concat([warc, Buffer.alloc(100)])),
  '/ok.warc.gz': (req, res) => serve(warc, req, res),
  '/missing.warc.gz': (_req, res) => {
    res.writeHead(404);
    res.end('not found');
  },
  // First response: headers and 40% of the body, then the connection is reset.
  '/reset.warc.gz': async (req, res, hit) => {
    if (hit > 1) return serve(warc, req, res);
    res.writeHead(200, { etag: '"v1"', 'accept-ranges': 'bytes', 'content-length': warc.length });
    res.write(warc.subarray(0, Math.floor(warc.length * 0.4)));
    await sleep(50);
    req.socket.destroy();
  },
  // Resets twice, at different points, and never honours Range: the prefix must be skipped.
  '/norange.warc.gz': async (req, res, hit) => {
    res.writeHead(200, { 'content-length': warc.length });
    if (hit > 2) return void res.end(warc);
    res.write(warc.subarray(0, Math.floor(warc.length * (hit === 1 ? 0.3 : 0.6))));
    await sleep(50);
    req.socket.destroy();
  },
  '/busy.warc.gz': (req, res, hit) => {
    if (hit > 3) return serve(warc, req, res);
    res.writeHead(503, { 'retry-after': '0' });
    res.end('slow down');
  },
  '/throttled.warc.gz': (req, res, hit) => {
    if (hit > 1) return serve(tiny, req, res);
    res.writeHead(429, { 'retry-after': '1' });
    res.end();
  },
  // One byte every 10 ms: slow, but never idle for as long as the timeout.
  '/trickle.warc.gz': async (_req, res) => {
    res.writeHead(200, { 'content-length': minimal.length });
    for (const byte of minimal) {
      res.write(Buffer.of(byte));
      await sleep(10);
    }
    res.end();
  },
  // Half the body, then silence longer than the idle timeout; the retry resumes by range.
  '/stall.warc.gz': async (req, res, hit) => {
    if (hit > 1) return serve(warc, req, res);
    res.writeHead(200, { etag: '"v1"', 'accept-ranges': 'bytes', 'content-length': warc.length });
    res.write(warc.subarray(0, warc.length >> 1));
    await sleep(1500);
    req.socket.destroy();
  },
  // Content-Length claims 1000 bytes more than are sent, then the server closes.
  '/long-length.warc.gz': (req, res, hit) => {
    if (hit > 1) return serve(warc, req, res);
    raw(req, `HTTP/1.1 200 OK\r\nETag: "v1"\r\nAccept-Ranges: bytes\r\nContent-Length: ${warc.length + 1000}`, warc);
  },
  // Content-Length claims 500 bytes fewer than the file: the client cannot see the rest.
  '/short-length.warc.gz': (req) => raw(req, `HTTP/1.1 200 OK\r\nContent-Length: ${warc.length - 500}`, warc),
};

const server = createServer((req, res) => {
  const route = new URL(req.url ?? '/', 'http://x').pathname;
  const hit = (hits.get(route) ?? 0) + 1;
  hits.set(route, hit);
  rangeHeaders.set(route, [...(rangeHeaders.get(route) ?? []), `${req.headers.range ?? ''} ${req.headers['if-range'] ?? ''}`.trim()]);
  const handler = routes[route];
  if (!handler) {
    res.writeHead(404);
    res.end();
    return;
  }
  void handler(req, res, hit);
});
server.on('connection', (s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(tmpdir(), 'cc-ingest-net-'));
  await writeFile(path.join(dir, 'local.warc.gz'), warc);
  await writeFile(path.join(dir, 'tiny.warc.gz'), tiny);
  localDocs = (await readAll(path.join(dir, 'local.warc.gz'))).docs;
  tinyDocs = (await readAll(path.join(dir, 'tiny.warc.gz'))).docs;
  await writeFile(path.join(dir, 'minimal.warc.gz'), minimal);
  minimalDocs = (await readAll(path.join(dir, 'minimal.warc.gz'))).docs;
  assert.equal(minimalDocs.length, 1);
  assert.equal(localDocs.length, pages.length);
});

after(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const fast = (download: Record<string, number> = {}) => extractConfig({ download: { timeout_s: 2, retries: 4, retry_base_ms: 5, retry_max_ms: 50, ...download } });

/** The documents of a URL read, with `file` mapped back to compare with the local read. */
async function readUrl(route: string, cfg = fast(), expected = localDocs) {
  const url = base + route;
  const { docs, stats } = await readAll(url, cfg);
  assert.ok(docs.every((d) => d.file === url));
  assert.deepEqual(
    docs.map((d) => ({ ...d, file: expected[0]!.file })),
    expected,
  );
  return stats;
}

test('a plain download yields the documents of a local read', async () => {
  const stats = await readUrl('/ok.warc.gz');
  assert.equal(stats.counters['download.retries'] ?? 0, 0);
  assert.equal(stats.counters['bytes.in'], warc.length);
});

test('a 404 fails the task, naming the URL', async () => {
  await assert.rejects(readAll(`${base}/missing.warc.gz`, fast()), (err: Error) => err.name === 'InputError' && err.message.includes(`${base}/missing.warc.gz`) && err.message.includes('HTTP 404'));
  assert.equal(hits.get('/missing.warc.gz'), 1, 'a 404 is not retried');
});

test('a reset mid-body resumes with a Range request: no record lost or duplicated', async () => {
  const stats = await readUrl('/reset.warc.gz');
  assert.equal(stats.counters['download.retries'], 1);
  assert.equal(stats.counters['bytes.in'], warc.length);
  const [first, second] = rangeHeaders.get('/reset.warc.gz')!;
  assert.equal(first, '');
  const m = /^bytes=(\d+)- "v1"$/.exec(second!);
  assert.ok(m && Number(m[1]) > 0 && Number(m[1]) <= warc.length * 0.4, `resumed from the byte after the last delivered: ${second}`);
});

test('no ETag or Last-Modified: a resume re-reads the last 64 KiB and checks them', async () => {
  await readUrl('/novalidator.warc.gz');
  const [, resumed] = rangeHeaders.get('/novalidator.warc.gz') ?? [];
  const start = Math.max(0, Math.floor(warc.length * 0.4) - RESUME_OVERLAP);
  assert.equal(resumed, `bytes=${start}-`);
});

test('no validator and the file replaced meanwhile: the download fails as changed, never splices', async () => {
  await assert.rejects(readAll(`${base}/replaced.warc.gz`, fast()), /the file changed on the server during the download \(the bytes before \d+ differ on resuming/);
  await assert.rejects(readAll(`${base}/grown.warc.gz`, fast()), /the file changed on the server during the download \(its length went from \d+ to \d+ bytes/);
});

test('a server that ignores Range: the delivered prefix is skipped', async () => {
  const stats = await readUrl('/norange.warc.gz');
  assert.equal(stats.counters['download.retries'], 2);
  assert.equal(stats.counters['bytes.in'], warc.length);
});

test('503 three times, then 200', async () => {
  const stats = await readUrl('/busy.warc.gz');
  assert.equal(stats.counters['download.retries'], 3);
  assert.equal(hits.get('/busy.warc.gz'), 4);
});

test('429 with Retry-After: 1 waits that long', async () => {
  const t0 = performance.now();
  await readUrl('/throttled.warc.gz', fast(), tinyDocs);
  assert.ok(performance.now() - t0 >= 950, 'Retry-After honoured over the 5 ms backoff');
});

test('a trickle of one byte per 10 ms (3 s in all, 1 s idle timeout) completes', { timeout: 30_000 }, async () => {
  const stats = await readUrl('/trickle.warc.gz', fast({ timeout_s: 1 }), minimalDocs);
  assert.equal(stats.counters['bytes.in'], minimal.length);
  assert.equal(stats.counters['download.retries'] ?? 0, 0);
});

test('a stall longer than the idle timeout is retried and resumed', async () => {
  const stats = await readUrl('/stall.warc.gz', fast({ timeout_s: 0.5 }));
  assert.equal(stats.counters['download.retries'], 1);
});

test('a Content-Length larger than the body: resumed, then confirmed complete', async () => {
  await readUrl('/long-length.warc.gz');
});

test('a Content-Length smaller than the file fails the task naming the cause', async () => {
  await assert.rejects(readAll(`${base}/short-length.warc.gz`, fast()), (err: Error) => err.message.includes(`${base}/short-length.warc.gz`) && /truncated transfer/.test(err.message));
});

test('retries exhausted on a refused connection fail naming the URL and the cause', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/x.warc.gz`;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(readAll(url, fast({ retries: 2 })), (err: Error) => err.message.includes(url) && /ECONNREFUSED/.test(err.message) && /2 retries/.test(err.message));
});

test('Retry-After as seconds or a date; backoff doubles with jitter up to the cap', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('3', now), 3000);
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
  assert.equal(retryAfterMs('soon', now), undefined);
  const cfg = extractConfig({ download: { retry_base_ms: 100, retry_max_ms: 1000 } }).download;
  for (let i = 0; i < 50; i++) {
    const b3 = backoffMs(3, cfg);
    assert.ok(b3 >= 200 && b3 <= 400, `attempt 3: ${b3}`);
    const b9 = backoffMs(9, cfg);
    assert.ok(b9 >= 500 && b9 <= 1000, `capped: ${b9}`);
  }
});

test('stopping after the first document closes the download', { timeout: 10_000 }, async () => {
  const input = { source: 'test', kind: 'warc' as const, location: `${base}/ok.warc.gz` };
  for await (const doc of readDocuments(input, fast(), createStats(), new AbortController().signal)) {
    assert.equal(doc.id, localDocs[0]!.id);
    break;
  }
});
