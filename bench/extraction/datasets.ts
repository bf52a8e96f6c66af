// Loads the two extraction benchmarks from the shared data folder: scrapinghub (181 articles,
// gold `articleBody`) and the WCXB development split (1,497 pages of seven types, gold
// `main_content`). Pages are decoded as UTF-8, the same string for every extractor.

import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  id: string;
  url?: string;
  html: string;
  gold: string;
  /** WCXB page type (article, forum, …); absent for scrapinghub. */
  type?: string;
}

const decoder = new TextDecoder('utf-8');

export async function loadScrapinghub(dataDir: string, limit = Infinity): Promise<BenchPage[]> {
  const dir = path.join(dataDir, 'extraction', 'scrapinghub');
  if (!existsSync(dir)) return [];
  const truth = JSON.parse(await readFile(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = Object.keys(truth).sort().slice(0, limit);
  return Promise.all(
    ids.map(async (id) => {
      const entry = truth[id] ?? {};
      const html = decoder.decode(gunzipSync(await readFile(path.join(dir, 'html', `${id}.html.gz`))));
      return { id, html, gold: entry.articleBody ?? '', ...(entry.url ? { url: entry.url } : {}) };
    }),
  );
}

interface WcxbTruth {
  url?: string;
  _internal?: { page_type?: { primary?: string } };
  ground_truth?: { main_content?: string };
}

export async function loadWcxb(dataDir: string, limit = Infinity): Promise<BenchPage[]> {
  const dir = path.join(dataDir, 'extraction', 'wcxb-dev');
  if (!existsSync(dir)) return [];
  const ids = (await readdir(path.join(dir, 'ground-truth')))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort()
    .slice(0, limit);
  return Promise.all(
    ids.map(async (id) => {
      const t = JSON.parse(await readFile(path.join(dir, 'ground-truth', `${id}.json`), 'utf8')) as WcxbTruth;
      const html = decoder.decode(gunzipSync(await readFile(path.join(dir, 'html', `${id}.html.gz`))));
      return {
        id,
        html,
        gold: t.ground_truth?.main_content ?? '',
        type: t._internal?.page_type?.primary ?? 'unknown',
        ...(t.url ? { url: t.url } : {}),
      };
    }),
  );
}
