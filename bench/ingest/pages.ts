// The real pages of ../shared/data/extraction (scrapinghub + wcxb-dev) that the ingest benchmark
// packs into a Common-Crawl-shaped WARC: url and raw HTML bytes, in a fixed order.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  url: string;
  html: Buffer;
  file: string;
}

export function loadPages(extractionDir: string): BenchPage[] {
  const pages: BenchPage[] = [];
  const sh = path.join(extractionDir, 'scrapinghub');
  const truth = JSON.parse(readFileSync(path.join(sh, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  for (const f of readdirSync(path.join(sh, 'html')).sort()) {
    const id = f.replace(/\.html\.gz$/, '');
    const file = path.join(sh, 'html', f);
    pages.push({ url: truth[id]?.url || `https://scrapinghub.example/${id}`, html: gunzipSync(readFileSync(file)), file });
  }
  const wc = path.join(extractionDir, 'wcxb-dev');
  for (const f of readdirSync(path.join(wc, 'html')).sort()) {
    const id = f.replace(/\.html\.gz$/, '');
    const file = path.join(wc, 'html', f);
    let url = `https://wcxb.example/${id}`;
    try {
      url = (JSON.parse(readFileSync(path.join(wc, 'ground-truth', `${id}.json`), 'utf8')) as { url?: string }).url || url;
    } catch {
      // no ground truth for this page: keep the placeholder url
    }
    pages.push({ url, html: gunzipSync(readFileSync(file)), file });
  }
  return pages;
}
