// Builds the benchmark input: a Common-Crawl-shaped WARC (warcinfo, then request/response/metadata
// per page, one gzip member per record) of the real pages under ../shared/data/extraction.
// Usage: node bench/ingest/build-warc.ts OUT.warc.gz [copies] [pages]

import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { sharedDataDir } from '../../test/shared-data.ts';
import { encodeRecord, pageRecords, warcinfoRecord } from '../../test/warc-writer.ts';
import { loadPages, samplePages } from './pages.ts';
import path from 'node:path';

/** Which of `of` disjoint WARCs to build: every `of`-th page of the sample, from the `index`-th. */
export interface WarcPart {
  index: number;
  of: number;
}

export async function buildBenchWarc(out: string, copies = 1, limit = Infinity, part: WarcPart = { index: 0, of: 1 }): Promise<{ pages: number; bytes: number }> {
  const data = sharedDataDir();
  if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
  const pages = samplePages(loadPages(path.join(data, 'extraction')), limit * part.of).filter((_, i) => i % part.of === part.index);
  const ws = createWriteStream(out);
  let bytes = 0;
  const put = async (b: Uint8Array) => {
    bytes += b.byteLength;
    if (!ws.write(b)) await once(ws, 'drain');
  };
  await put(gzipSync(encodeRecord(warcinfoRecord(path.basename(out)))));
  let n = 0;
  for (let c = 0; c < copies; c++) {
    for (const p of pages) {
      const url = copies > 1 ? `${p.url}${p.url.includes('?') ? '&' : '?'}copy=${c}` : p.url;
      // Servers rarely send a charset for these pages' archives; leave it to the reader's sniffing.
      for (const rec of pageRecords({ url, html: p.html, contentType: 'text/html', httpHeaders: { Server: 'nginx', 'Cache-Control': 'max-age=600' } })) await put(gzipSync(encodeRecord(rec), { level: 6 }));
      n++;
    }
  }
  ws.end();
  await once(ws, 'close');
  return { pages: n, bytes };
}

/**
 * `files` disjoint WARCs of `pages` pages each in `dir` (one extract task each), built once and
 * reused: the inputs of the multi-file benches (scaling.ts, threads.ts).
 */
export async function scalingWarcs(dir: string, files: number, pages: number): Promise<string[]> {
  const warcs: string[] = [];
  for (let i = 0; i < files; i++) {
    const warc = path.join(dir, `scaling-${files}x${pages}-${i}.warc.gz`);
    if (!existsSync(warc)) console.log('building', warc, await buildBenchWarc(warc, 1, pages, { index: i, of: files }));
    warcs.push(warc);
  }
  return warcs;
}

if (import.meta.filename === process.argv[1]) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: build-warc.ts OUT.warc.gz [copies]');
  console.log(await buildBenchWarc(out, Number(process.argv[3] ?? 1), Number(process.argv[4] ?? Infinity)));
}
