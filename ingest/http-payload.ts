// The HTTP message inside a WARC `response` record: status line, headers, and the payload with
// its transfer coding (chunked) and content coding (gzip, deflate, br) undone. Archives disagree
// on whether they store bodies as sent or already decoded while keeping the original headers, so
// every decoding step first checks that the bytes really are in that coding.

import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** Parses an HTTP response block; undefined when it does not start with an HTTP status line. */
export function parseHttpResponse(block: Buffer): HttpResponse | undefined {
  let headEnd = block.indexOf('\r\n\r\n', 0, 'latin1');
  let sep = 4;
  if (headEnd < 0) {
    headEnd = block.indexOf('\n\n', 0, 'latin1');
    sep = 2;
  }
  // A response with headers and no body at all may lack the blank line.
  if (headEnd < 0) {
    headEnd = block.length;
    sep = 0;
  }
  const lines = block.toString('latin1', 0, headEnd).split(/\r?\n/);
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers = Object.create(null) as Record<string, string>; // names come from the page
  let last: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      headers[last] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    last = name;
  }
  return { status: Number(m[1]), headers, body: block.subarray(Math.min(block.length, headEnd + sep)) };
}

/** Undoes `Transfer-Encoding: chunked`; returns the body unchanged when it is not validly chunked. */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = body.indexOf('\n', pos, 'latin1');
    if (eol < 0) return parts.length ? Buffer.concat(parts) : body;
    const sizeLine = body.toString('latin1', pos, eol).replace(/\r$/, '');
    const m = /^([0-9a-fA-F]{1,8})(?:\s*;.*)?\s*$/.exec(sizeLine);
    if (!m) return parts.length ? Buffer.concat(parts) : body;
    const size = parseInt(m[1]!, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = eol + 1;
    if (start + size > body.length) {
      parts.push(body.subarray(start));
      return Buffer.concat(parts);
    }
    parts.push(body.subarray(start, start + size));
    pos = start + size;
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
  }
}

export class ContentEncodingError extends Error {
  override name = 'ContentEncodingError';
}

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}

function tooLarge(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
}

/**
 * Decodes a `Content-Encoding` (gzip, x-gzip, deflate, br; several in order) with the output
 * capped at `maxBytes`. Throws PayloadTooLargeError over the cap and ContentEncodingError when
 * the bytes cannot be decoded; a body that is visibly not gzip is taken as already decoded.
 */
export function decodeContentEncoding(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  if (!encoding) return body;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    if (out.length === 0) return out;
    const opts = { maxOutputLength: maxBytes + 1, finishFlush: constants.Z_SYNC_FLUSH };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') {
        if (out[0] !== 0x1f || out[1] !== 0x8b) continue;
        out = gunzipSync(out, opts);
      } else if (coding === 'deflate') {
        // Servers send zlib-wrapped or raw deflate under this name; a zlib header starts 0x78.
        out = (out[0]! & 0x0f) === 8 && ((out[0]! << 8) | out[1]!) % 31 === 0 ? inflateSync(out, opts) : inflateRawSync(out, opts);
      } else if (coding === 'br') {
        out = brotliDecompressSync(out, { maxOutputLength: maxBytes + 1 });
      } else {
        throw new ContentEncodingError(`unsupported content coding "${coding}"`);
      }
    } catch (err) {
      if (err instanceof ContentEncodingError) throw err;
      if (tooLarge(err)) throw new PayloadTooLargeError(`decoded payload exceeds ${maxBytes} bytes`);
      throw new ContentEncodingError(`cannot decode ${coding} payload: ${(err as Error).message}`);
    }
    if (out.length > maxBytes) throw new PayloadTooLargeError(`decoded payload exceeds ${maxBytes} bytes`);
  }
  return out;
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isHtmlType(contentType: string | undefined): boolean {
  const t = mediaType(contentType);
  return t === 'text/html' || t === 'application/xhtml+xml' || t === 'application/xhtml';
}
