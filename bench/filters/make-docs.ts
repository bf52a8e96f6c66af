// Builds the benchmark corpus for bench/filters: the real pages in ../shared/data run through our
// extractor (WCXB dev + scrapinghub HTML, HTML responses of the WARC files), plus the human-checked
// gold texts of both extraction benchmarks, as JSONL {id, url, text} in bench/results/filters-docs.jsonl.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/make-docs.ts

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractMainText } from '../../ingest/html-extract.ts';

const repo = resolve(import.meta.dirname, '../..');
const shared = process.env['CC_PRETRAIN_SHARED'] ?? resolve(repo, '../shared');
const data = join(shared, 'data');
const docs: { id: string; url: string; text: string }[] = [];
const add = (id: string, url: string, text: string | undefined | null): void => {
  if (typeof text !== 'string') return;
  if (text.trim() !== '') docs.push({ id, url, text });
};

const wcxb = join(data, 'extraction/wcxb-dev');
for (const f of readdirSync(join(wcxb, 'html')).sort()) {
  const n = f.replace('.html.gz', '');
  const gt = JSON.parse(readFileSync(join(wcxb, 'ground-truth', `${n}.json`), 'utf8')) as { url: string; ground_truth: { main_content?: string | null } };
  const html = gunzipSync(readFileSync(join(wcxb, 'html', f))).toString('utf8');
  add(`wcxb/${n}`, gt.url, extractMainText(html).text);
  add(`wcxb-gold/${n}`, gt.url, gt.ground_truth.main_content);
}

const sh = join(data, 'extraction/scrapinghub');
const shGt = JSON.parse(readFileSync(join(sh, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
for (const [id, g] of Object.entries(shGt).sort(([a], [b]) => a.localeCompare(b))) {
  const html = gunzipSync(readFileSync(join(sh, 'html', `${id}.html.gz`))).toString('utf8');
  add(`scrapinghub/${id}`, g.url, extractMainText(html).text);
  add(`scrapinghub-gold/${id}`, g.url, g.articleBody);
}

// WARC: whole-file gunzip (members concatenate), records split on their Content-Length.
for (const f of readdirSync(join(data, 'warc')).filter((x) => x.endsWith('.warc.gz')).sort()) {
  let buf: Buffer;
  try {
    buf = gunzipSync(readFileSync(join(data, 'warc', f)));
  } catch {
    continue;
  }
  let pos = 0;
  let k = 0;
  while (pos < buf.length) {
    const headEnd = buf.indexOf('\r\n\r\n', pos);
    if (headEnd < 0) break;
    const head = buf.subarray(pos, headEnd).toString('latin1');
    const len = Number(/\r\nContent-Length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(len)) break;
    const body = buf.subarray(headEnd + 4, headEnd + 4 + len);
    pos = headEnd + 4 + len;
    while (pos < buf.length && (buf[pos] === 13 || buf[pos] === 10)) pos++;
    if (!/WARC-Type:\s*response/i.test(head)) continue;
    const url = /WARC-Target-URI:\s*<?([^\s>]+)/i.exec(head)?.[1] ?? '';
    const httpEnd = body.indexOf('\r\n\r\n');
    if (httpEnd < 0 || !/content-type:\s*text\/html/i.test(body.subarray(0, httpEnd).toString('latin1'))) continue;
    add(`warc/${f}/${k++}`, url, extractMainText(body.subarray(httpEnd + 4).toString('utf8')).text);
  }
}

mkdirSync(join(repo, 'bench/results'), { recursive: true });
const out = join(repo, 'bench/results/filters-docs.jsonl');
writeFileSync(out, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
console.log(`${docs.length} documents -> ${out}`);
