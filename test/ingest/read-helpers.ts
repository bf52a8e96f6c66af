// Shared by the ingest tests: read an input to the end, and a small corpus of generated pages.

import iconv from 'iconv-lite';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import type { StatsCollector } from '../../pipeline/stats.ts';
import { extractSchema } from '../../ingest/config.ts';
import type { ExtractConfig } from '../../ingest/config.ts';
import { readDocuments } from '../../ingest/index.ts';
import type { InputRef } from '../../ingest/index.ts';
import { kindOf } from '../../ingest/input-ref.ts';
import { pageRecords, warcinfoRecord } from '../warc-writer.ts';
import type { PageInput, WarcRecordInput } from '../warc-writer.ts';

export function extractConfig(overrides: Record<string, unknown> = {}): ExtractConfig {
  return extractSchema.parse(overrides);
}

export async function readAll(location: string, cfg: ExtractConfig = extractConfig(), ref: Partial<InputRef> = {}): Promise<{ docs: Document[]; stats: StatsCollector }> {
  const stats = createStats();
  const docs: Document[] = [];
  const input: InputRef = { source: 'test', kind: kindOf(location), location, ...ref };
  for await (const doc of readDocuments(input, cfg, stats, new AbortController().signal)) docs.push(doc);
  return { docs, stats };
}

const para = (lang: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${lang} paragraph ${i}: the quick brown fox jumps over the lazy dog, again and again, for the test.</p>`).join('\n');

/** Pages in several charsets and layouts; each page's text contains its `marker`. */
export function samplePages(): (PageInput & { marker: string })[] {
  const pages: (PageInput & { marker: string })[] = [];
  for (let i = 0; i < 6; i++) {
    pages.push({
      url: `https://example.org/page-${i}`,
      html: `<!doctype html><html><head><title>Page ${i}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Heading ${i}</h1>${para(`english${i}`, 8)}</article><footer>© footer</footer></body></html>`,
      marker: `english${i} paragraph 3`,
    });
  }
  const ru = 'Съешь же ещё этих мягких французских булок, да выпей чаю. ';
  pages.push({
    url: 'https://example.ru/news',
    html: iconv.encode(`<html><head><title>Новости</title></head><body><p>${ru.repeat(20)}</p></body></html>`, 'windows-1251'),
    contentType: 'text/html; charset=windows-1251',
    marker: 'мягких французских булок',
  });
  const ja = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。';
  pages.push({
    url: 'https://example.jp/neko',
    html: iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>猫</title></head><body><p>${ja.repeat(20)}</p></body></html>`, 'shift_jis'),
    contentType: 'text/html',
    marker: '名前はまだ無い',
  });
  const zh = '我们的产品质量很好，价格也很便宜，欢迎大家来购买。这是一个测试页面。';
  pages.push({
    url: 'https://example.cn/shop',
    html: iconv.encode(`<html><body><p>${zh.repeat(30)}</p></body></html>`, 'gb18030'),
    contentType: 'text/html',
    marker: '欢迎大家来购买',
  });
  return pages;
}

/** A Common-Crawl-shaped record list: warcinfo, then request/response/metadata per page. */
export function crawlRecords(pages: readonly PageInput[], name = 'test.warc.gz'): WarcRecordInput[] {
  return [warcinfoRecord(name), ...pages.flatMap(pageRecords)];
}
