// Real web text for the shard benchmark: the pages of the shared extraction
// benchmarks (scrapinghub, wcxb-dev) run through ingest/html-extract.ts, cached as JSONL under
// bench/results/. Larger corpora repeat these documents; `webCorpus` says how many copies it took.

import { existsSync, readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { extractMainText } from '../../ingest/html-extract.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';

const CACHE = path.join(repoRoot, 'bench/results/web-text.jsonl');

/** The extracted documents (non-empty texts), in a fixed order. */
export function webDocuments(): string[] {
  if (existsSync(CACHE)) return readFileSync(CACHE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string);
  const data = sharedDataDir();
  if (!data) throw new Error('shared data not found: set CC_PRETRAIN_SHARED to the folder holding data/');
  const docs: string[] = [];
  for (const set of ['scrapinghub', 'wcxb-dev']) {
    const dir = path.join(data, 'extraction', set, 'html');
    for (const f of readdirSync(dir).sort()) {
      const html = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
      const { text } = extractMainText(html);
      if (text.trim()) docs.push(text);
    }
  }
  mkdirSync(path.dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return docs;
}

export interface Corpus {
  docs: string[];
  bytes: number;
  /** How many times the extracted pages were repeated to reach the size. */
  copies: number;
}

/** At least `bytes` of UTF-8 web text: every other document is held out when `heldOut`, the rest
 * repeated as needed. Held-out documents never appear in the training corpus. */
export function webCorpus(bytes: number, part: 'train' | 'heldout' = 'train'): Corpus {
  const all = webDocuments().filter((_, i) => (i % 10 === 9) === (part === 'heldout'));
  const sizes = all.map((d) => Buffer.byteLength(d));
  const docs: string[] = [];
  let total = 0;
  let copies = 0;
  while (total < bytes) {
    copies++;
    for (let i = 0; i < all.length && total < bytes; i++) {
      docs.push(all[i]!);
      total += sizes[i]!;
    }
  }
  return { docs, bytes: total, copies };
}
