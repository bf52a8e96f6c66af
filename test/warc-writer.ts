// A WARC writer for fixtures and the embedded sample: Common-Crawl-shaped files (a warcinfo
// record, then request/response/metadata per page, one gzip member per record) or plain WARC,
// with knobs to produce the faults readers must survive.

import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export interface WarcRecordInput {
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'revisit' | 'resource' | 'conversion';
  headers?: Record<string, string>;
  /** Record block (for a response: the HTTP status line, headers and body). */
  block: Uint8Array | string;
  version?: string;
  /** Overrides the Content-Length header (to make one that lies). */
  contentLength?: number;
}

export interface PageInput {
  url: string;
  html: Uint8Array | string;
  date?: string;
  status?: number;
  contentType?: string;
  httpHeaders?: Record<string, string>;
  /** Record id; derived from the url when absent, so outputs are deterministic. */
  id?: string;
}

const enc = new TextEncoder();
const bytes = (b: Uint8Array | string) => (typeof b === 'string' ? enc.encode(b) : b);

export function recordId(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}>`;
}

export function encodeRecord(rec: WarcRecordInput): Uint8Array {
  const block = bytes(rec.block);
  const headers: Record<string, string> = {
    'WARC-Type': rec.type,
    ...rec.headers,
    'Content-Length': String(rec.contentLength ?? block.byteLength),
  };
  const head = `${rec.version ?? 'WARC/1.0'}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([enc.encode(head), block, enc.encode('\r\n\r\n')]);
}

export function httpResponse(page: PageInput): Uint8Array {
  const body = bytes(page.html);
  const headers: Record<string, string> = {
    'Content-Type': page.contentType ?? 'text/html; charset=utf-8',
    'Content-Length': String(body.byteLength),
    ...page.httpHeaders,
  };
  const head = `HTTP/1.1 ${page.status ?? 200} ${page.status === 404 ? 'Not Found' : 'OK'}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([enc.encode(head), body]);
}

/** The records Common Crawl writes for one page: request, response, metadata. */
export function pageRecords(page: PageInput): WarcRecordInput[] {
  const date = page.date ?? '2024-02-20T10:00:00Z';
  const id = page.id ?? recordId(`response ${page.url} ${date}`);
  const host = new URL(page.url).host;
  const common = { 'WARC-Target-URI': page.url, 'WARC-Date': date };
  return [
    {
      type: 'request',
      headers: { ...common, 'WARC-Record-ID': recordId(`request ${page.url} ${date}`), 'Content-Type': 'application/http; msgtype=request' },
      block: `GET ${new URL(page.url).pathname} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: CCBot/2.0\r\n\r\n`,
    },
    {
      type: 'response',
      headers: {
        ...common,
        'WARC-Record-ID': id,
        'Content-Type': 'application/http; msgtype=response',
        'WARC-Identified-Payload-Type': 'text/html',
      },
      block: httpResponse(page),
    },
    {
      type: 'metadata',
      headers: { ...common, 'WARC-Record-ID': recordId(`metadata ${page.url} ${date}`), 'Content-Type': 'application/warc-fields' },
      block: 'fetchTimeMs: 120\r\n',
    },
  ];
}

export function warcinfoRecord(filename: string): WarcRecordInput {
  return {
    type: 'warcinfo',
    headers: { 'WARC-Date': '2024-02-20T10:00:00Z', 'WARC-Filename': filename, 'WARC-Record-ID': recordId(`warcinfo ${filename}`), 'Content-Type': 'application/warc-fields' },
    block: 'software: cc-pretrain test writer\r\nformat: WARC File Format 1.0\r\n',
  };
}

/** A whole WARC file: gzip member per record (as Common Crawl writes it) or uncompressed. */
export function buildWarc(records: readonly WarcRecordInput[], options: { gzip?: boolean } = {}): Buffer {
  const parts = records.map(encodeRecord);
  if (options.gzip === false) return Buffer.concat(parts);
  return Buffer.concat(parts.map((p) => gzipSync(p, { level: 6 })));
}
