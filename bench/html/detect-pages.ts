// The pages that reach charset detection, for bench/html/charset-detect.ts: every page of the shared
// extraction sets (scrapinghub, WCXB dev, the HTML-cleaning sets) and every HTML 200 response of the
// shared real WARCs, as raw bytes with the HTTP Content-Type (WARC) and the raw gold bytes where a
// set has gold, so the bench can judge a guess by the words of the gold that the decoded page holds.

import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createStats } from '../../pipeline/index.ts';
import { decompressed, openBytes } from '../../ingest/byte-stream.ts';
import { decodeContentEncoding, dechunk, isHtmlType, parseHttpResponse } from '../../ingest/http-payload.ts';
import { splitWarcRecords } from '../../ingest/warc-records.ts';
import { pageBytes } from './pages.ts';

export interface RawPage {
  /** Path under data/ (a WARC page adds `#<record number>`). */
  id: string;
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The gold text's bytes as the set stores them (HTML-cleaning gold may be in a legacy charset). */
  gold?: Uint8Array;
}

const MAX_PAGE = 16 * 1024 * 1024;

async function goldOf(dataDir: string, id: string): Promise<Uint8Array | undefined> {
  const m = /^(html-cleaning\/[^/]+)\/input\/(.+)\.html\.gz$/.exec(id);
  if (m) {
    const file = path.join(dataDir, 'extraction', m[1]!, 'GoldStandard', `${m[2]}.txt.gz`);
    return existsSync(file) ? gunzipSync(await readFile(file)) : undefined;
  }
  const w = /^wcxb-dev\/html\/(.+)\.html\.gz$/.exec(id);
  if (w) {
    const t = JSON.parse(await readFile(path.join(dataDir, 'extraction', 'wcxb-dev', 'ground-truth', `${w[1]}.json`), 'utf8')) as { ground_truth?: { main_content?: string } };
    return new TextEncoder().encode(t.ground_truth?.main_content ?? '');
  }
  const s = /^scrapinghub\/html\/(.+)\.html\.gz$/.exec(id);
  if (s) {
    const truth = JSON.parse(await readFile(path.join(dataDir, 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
    return new TextEncoder().encode(truth[s[1]!]?.articleBody ?? '');
  }
  return undefined;
}

async function* warcPages(dataDir: string): AsyncGenerator<RawPage> {
  const root = path.join(dataDir, 'warc');
  const files = (await readdir(root, { recursive: true })).filter((f) => /\.warc(\.gz)?$/.test(f)).sort();
  for (const f of files) {
    const stats = createStats();
    const events = decompressed(openBytes(path.join(root, f), stats, new AbortController().signal, undefined), stats, MAX_PAGE);
    let n = 0;
    for await (const rec of splitWarcRecords(events, stats, MAX_PAGE)) {
      n++;
      if ((rec.headers['warc-type'] ?? '').toLowerCase() !== 'response' || !rec.block) continue;
      const http = parseHttpResponse(rec.block);
      if (!http || http.status !== 200 || !isHtmlType(http.headers['content-type'])) continue;
      let body = http.body;
      if (/chunked/i.test(http.headers['transfer-encoding'] ?? '')) body = dechunk(body);
      try {
        body = decodeContentEncoding(body, http.headers['content-encoding'], MAX_PAGE);
      } catch {
        continue;
      }
      yield { id: `warc/${f}#${n}`, bytes: body, contentType: http.headers['content-type'] };
    }
  }
}

/** Every page, shared extraction sets first (identical pages once), then the WARCs' HTML pages. */
export async function* allPages(dataDir: string): AsyncGenerator<RawPage> {
  for await (const { id, bytes } of pageBytes(dataDir)) {
    const gold = await goldOf(dataDir, id);
    yield gold ? { id, bytes, contentType: undefined, gold } : { id, bytes, contentType: undefined };
  }
  yield* warcPages(dataDir);
}
