// From WARC records to documents: HTML `response` records with HTTP 200 are decoded (transfer
// and content coding, charset) and their main text extracted; WET `conversion` records are
// already text. Everything else is counted by kind and skipped. Counter names are listed in
// docs/ingest.md.

import type { Document, MetaValue } from '../pipeline/index.ts';
import type { StatsCollector } from '../pipeline/index.ts';
import { LENGTH_EDGES } from '../pipeline/index.ts';
import { extractMainText } from './html-extract.ts';
import type { Extracted } from './html-extract.ts';
import { decodePage } from './charset.ts';
import type { Decoders } from './charset.ts';
import { ContentEncodingError, PayloadTooLargeError, dechunk, decodeContentEncoding, isHtmlType, mediaType, parseHttpResponse } from './http-payload.ts';
import type { WarcRecord } from './warc-records.ts';
import type { InputRef } from './input-ref.ts';

/** The extractor as the seam defines it (the url lets it apply per-site rules). */
const extract: (html: string, options?: { url?: string }) => Extracted = extractMainText;

export interface RecordContext {
  input: InputRef;
  maxPageBytes: number;
  stats: StatsCollector;
  decoders: Decoders;
}

const utf8 = new TextDecoder('utf-8');

/** `<uri>` (WARC/1.0 drafts and some writers) or a bare URI. */
function targetUri(h: Record<string, string>): string | undefined {
  const v = h['warc-target-uri'];
  if (!v) return undefined;
  return v.startsWith('<') && v.endsWith('>') ? v.slice(1, -1) : v;
}

/** WARC-Date as ISO 8601, or undefined when it is not a date (counted). */
function warcDate(h: Record<string, string>, stats: StatsCollector): string | undefined {
  const v = h['warc-date'];
  if (!v) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(v)) {
    stats.count('warc.bad_date');
    return undefined;
  }
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) ? v : new Date(t).toISOString();
}

function baseDocument(rec: WarcRecord, ctx: RecordContext, index: number, text: string, meta: Record<string, MetaValue>): Document {
  const h = rec.headers;
  let id = h['warc-record-id'];
  if (!id) {
    ctx.stats.count('warc.missing_id');
    id = `${ctx.input.location}#${index}`;
  }
  const doc: Document = { id, text, source: ctx.input.source, file: ctx.input.location, meta };
  const url = targetUri(h);
  if (url !== undefined) doc.url = url;
  const date = warcDate(h, ctx.stats);
  if (date !== undefined) doc.date = date;
  if (ctx.input.crawl !== undefined) doc.crawl = ctx.input.crawl;
  return doc;
}

/** Is the record's payload HTML? WARC-Identified-Payload-Type (content sniffing) when set, else the HTTP header. */
function htmlPayload(identified: string | undefined, httpType: string | undefined): boolean {
  return mediaType(identified) ? isHtmlType(identified) : isHtmlType(httpType);
}

/** The document of one record, or undefined when the record yields none (the reason is counted). */
export function recordToDocument(rec: WarcRecord, ctx: RecordContext, index: number): Document | undefined {
  const { stats } = ctx;
  const type = (rec.headers['warc-type'] ?? 'unknown').toLowerCase();
  stats.count(`records.${type}`);
  if (type === 'conversion') return conversionDocument(rec, ctx, index);
  if (type !== 'response') return undefined;
  if (!/^application\/http/.test(mediaType(rec.headers['content-type']))) {
    stats.count('skipped.not_http');
    return undefined;
  }
  if (!rec.block) {
    stats.count('errors.too_large');
    return undefined;
  }
  const http = parseHttpResponse(rec.block);
  if (!http) {
    stats.count('errors.http_header');
    return undefined;
  }
  if (http.status !== 200) {
    stats.count('skipped.status_not_200');
    return undefined;
  }
  if (!htmlPayload(rec.headers['warc-identified-payload-type'], http.headers['content-type'])) {
    stats.count('skipped.not_html');
    return undefined;
  }
  stats.count('html.responses');
  let body = http.body;
  if (/chunked/i.test(http.headers['transfer-encoding'] ?? '')) {
    body = dechunk(body);
    stats.count('html.dechunked');
  }
  try {
    body = decodeContentEncoding(body, http.headers['content-encoding'], ctx.maxPageBytes);
  } catch (err) {
    if (err instanceof PayloadTooLargeError) stats.count('errors.too_large');
    else if (err instanceof ContentEncodingError) stats.count('errors.content_encoding');
    else throw err;
    return undefined;
  }
  if (body.length > ctx.maxPageBytes) {
    stats.count('errors.too_large');
    return undefined;
  }
  const page = decodePage(body, http.headers['content-type'], ctx.decoders);
  stats.count(`charset.${page.charset}`);
  stats.count(`charset_source.${page.source}`);
  if (page.replaced) {
    stats.count('decode.replaced_pages');
    stats.count('decode.replaced_chars', page.replaced);
  }
  const url = targetUri(rec.headers);
  const { text, title } = extract(page.text, url === undefined ? {} : { url });
  if (!text.trim()) {
    stats.count('extract.empty');
    return undefined;
  }
  stats.count('extract.ok');
  stats.observe('extract.text_chars', text.length, LENGTH_EDGES);
  const meta: Record<string, MetaValue> = { charset: page.charset, content_type: mediaType(http.headers['content-type']) || 'text/html' };
  if (title) meta['title'] = title;
  return baseDocument(rec, ctx, index, text, meta);
}

function conversionDocument(rec: WarcRecord, ctx: RecordContext, index: number): Document | undefined {
  if (!rec.block) {
    ctx.stats.count('errors.too_large');
    return undefined;
  }
  const text = utf8.decode(rec.block).replace(/\r\n?/g, '\n').trim();
  if (!text) {
    ctx.stats.count('extract.empty');
    return undefined;
  }
  ctx.stats.count('extract.ok');
  ctx.stats.observe('extract.text_chars', text.length, LENGTH_EDGES);
  return baseDocument(rec, ctx, index, text, { content_type: mediaType(rec.headers['content-type']) || 'text/plain' });
}
