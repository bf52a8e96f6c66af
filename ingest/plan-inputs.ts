// planInputs: the sources of the config expanded into the ordered list of inputs, one extract
// task each. Deterministic: Common Crawl path lists are selected by first N / seeded sample /
// index range; globs are sorted; URLs and paths keep the order given. A path or glob that names
// nothing fails here, before any work. `s3://bucket/key` paths and globs are expanded by a prefix
// listing (the part before the first glob character), with the glob matched against each key.

import { glob, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isS3, listObjects, parseS3, readObjectAll, seededRandom } from '../pipeline/index.ts';
import type { ExtractConfig, SourceConfig } from './config.ts';
import { createDownloader } from './download.ts';
import type { Downloader } from './download.ts';
import { isUrl, kindOf } from './input-ref.ts';
import type { InputRef } from './input-ref.ts';
import { InputError } from './input-error.ts';

type CommonCrawlSource = Extract<SourceConfig, { kind: 'commoncrawl' }>;
type Selection = CommonCrawlSource['files'];

/** The chosen entries of a path list, in path-list order. */
export function selectPaths(paths: readonly string[], sel: Selection): string[] {
  if ('first' in sel) return paths.slice(0, sel.first);
  if ('range' in sel) return paths.slice(sel.range[0], sel.range[1]);
  const n = Math.min(sel.sample, paths.length);
  const idx = paths.map((_, i) => i);
  const rand = seededRandom(sel.seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => paths[i]!);
}

async function commonCrawlInputs(src: CommonCrawlSource, downloader: Downloader | undefined, signal: AbortSignal): Promise<InputRef[]> {
  const base = src.base_url.endsWith('/') ? src.base_url : `${src.base_url}/`;
  const listUrl = `${base}crawl-data/${src.crawl}/${src.format}.paths.gz`;
  let list: Buffer;
  try {
    list = downloader ? await downloader.fetchAll(listUrl, signal) : await readObjectAll(listUrl, { signal });
  } catch (err) {
    throw new InputError(`source "${src.name}": cannot fetch the path list: ${(err as Error).message}`, { cause: err });
  }
  const text = (list[0] === 0x1f && list[1] === 0x8b ? gunzipSync(list) : list).toString('utf8');
  const paths = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const chosen = selectPaths(paths, src.files);
  if (!chosen.length) throw new InputError(`source "${src.name}": the selection ${JSON.stringify(src.files)} picks no file of ${listUrl} (${paths.length} paths)`);
  return chosen.map((p) => ({ source: src.name, kind: src.format, location: new URL(p, base).href, crawl: src.crawl }));
}

const GLOB_CHARS = /[*?[\]{}]/;

async function objectInputs(name: string, pattern: string): Promise<{ location: string; bytes: number }[]> {
  const { bucket, key } = parseS3(pattern);
  const glob = GLOB_CHARS.exec(key);
  const prefix = glob ? key.slice(0, glob.index) : key;
  const out: { location: string; bytes: number }[] = [];
  try {
    for await (const o of listObjects(`s3://${bucket}/${prefix}`)) {
      if (glob ? path.posix.matchesGlob(o.key, key) : o.key === key) out.push({ location: o.url, bytes: o.size });
    }
  } catch (err) {
    throw new InputError(`source "${name}": ${(err as Error).message}`, { cause: err });
  }
  if (!out.length) throw new InputError(`source "${name}": ${pattern} ${glob ? 'matches no object' : 'does not exist'}`);
  return out.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
}

async function localOrUrlInputs(name: string, patterns: readonly string[]): Promise<{ location: string; bytes?: number }[]> {
  const out: { location: string; bytes?: number }[] = [];
  for (const pattern of patterns) {
    if (isUrl(pattern)) {
      out.push({ location: pattern });
      continue;
    }
    if (isS3(pattern)) {
      out.push(...(await objectInputs(name, pattern)));
      continue;
    }
    let files: string[];
    if (GLOB_CHARS.test(pattern)) {
      files = [];
      for await (const f of glob(pattern)) files.push(path.resolve(f));
      files.sort();
      if (!files.length) throw new InputError(`source "${name}": ${pattern} matches no file`);
    } else {
      files = [path.resolve(pattern)];
    }
    for (const f of files) {
      let st;
      try {
        st = await stat(f);
      } catch {
        throw new InputError(`source "${name}": ${f} does not exist`);
      }
      if (!st.isFile()) continue;
      out.push({ location: f, bytes: st.size });
    }
  }
  const seen = new Set<string>();
  return out.filter((f) => !seen.has(f.location) && seen.add(f.location));
}

/** Expands the sources into inputs, in config order. Relative paths resolve against the working directory. */
export async function planInputs(sources: readonly SourceConfig[], cfg: ExtractConfig, signal: AbortSignal = new AbortController().signal): Promise<InputRef[]> {
  const needsNetwork = sources.some((s) => s.kind === 'commoncrawl' && !isS3(s.base_url));
  const downloader = needsNetwork ? createDownloader(cfg.download) : undefined;
  try {
    const perSource = await Promise.all(
      sources.map(async (src): Promise<InputRef[]> => {
        if (src.kind === 'commoncrawl') return commonCrawlInputs(src, isS3(src.base_url) ? undefined : downloader, signal);
        const files = await localOrUrlInputs(src.name, src.paths);
        return files.map((f) => {
          const ref: InputRef = { source: src.name, kind: src.kind === 'jsonl' ? 'jsonl' : kindOf(f.location), location: f.location };
          if (f.bytes !== undefined) ref.bytes = f.bytes;
          if (src.kind === 'jsonl') {
            ref.textField = src.text_field;
            ref.idField = src.id_field;
          }
          return ref;
        });
      }),
    );
    return perSource.flat();
  } finally {
    await downloader?.close();
  }
}
