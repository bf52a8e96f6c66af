// The real pages of ../shared/data/extraction (scrapinghub, wcxb-dev and the html-cleaning sets:
// CleanEval, CleanPortalEval, dragnet, L3S-GN1, older pages in legacy charsets) that the ingest
// benchmark packs into a Common-Crawl-shaped WARC: url and raw HTML bytes (never decoded), in a
// fixed order. CleanEval gold files name the page's URL; other html-cleaning pages get a placeholder.

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
  const hc = path.join(extractionDir, 'html-cleaning');
  for (const set of readdirSync(hc).sort()) {
    const input = path.join(hc, set, 'input');
    for (const f of readdirSync(input).sort()) {
      const id = f.replace(/\.html\.gz$/, '');
      const file = path.join(input, f);
      let url = `https://${set.toLowerCase()}.example/${id}`;
      try {
        const first = gunzipSync(readFileSync(path.join(hc, set, 'GoldStandard', `${id}.txt.gz`))).toString('latin1').split('\n', 1)[0]!;
        if (first.startsWith('URL: http')) url = first.slice(5).trim();
      } catch {
        // no gold file: keep the placeholder url
      }
      pages.push({ url, html: gunzipSync(readFileSync(file)), file });
    }
  }
  return pages;
}

/** `n` pages spread evenly over all of them (every set represented), in their fixed order. */
export function samplePages(pages: BenchPage[], n: number): BenchPage[] {
  if (n >= pages.length) return pages;
  return Array.from({ length: n }, (_, i) => pages[Math.floor((i * pages.length) / n)]!);
}
