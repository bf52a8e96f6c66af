// The real pages of bench/html: every `*.html.gz` of the shared extraction sets (scrapinghub,
// WCXB dev, the HTML-cleaning sets), decoded by our own charset code, identical pages once.

import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createDecoders, decodePage } from '../../ingest/charset.ts';

export interface HtmlPage {
  /** Path under data/extraction. */
  id: string;
  html: string;
  /** Bytes of the decoded page's source. */
  bytes: number;
}

/** The distinct pages' raw bytes, one at a time, in path order (identical bytes once). */
export async function* pageBytes(dataDir: string): AsyncGenerator<{ id: string; bytes: Uint8Array }> {
  const root = path.join(dataDir, 'extraction');
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html.gz')).sort();
  const seen = new Set<string>();
  for (const f of files) {
    const bytes = gunzipSync(await readFile(path.join(root, f)));
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(digest)) continue;
    seen.add(digest);
    yield { id: f, bytes };
  }
}

export async function loadPages(dataDir: string): Promise<HtmlPage[]> {
  const decoders = createDecoders();
  const pages: HtmlPage[] = [];
  for await (const { id, bytes } of pageBytes(dataDir)) pages.push({ id, html: decodePage(bytes, undefined, decoders).text, bytes: bytes.length });
  return pages;
}
