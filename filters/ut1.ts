// The UT1 "adult" block lists that FineWeb's URL filter always loads (datatrove ships them in its
// wheel). `npm run setup` fetches that wheel from PyPI and calls `buildUt1Cache` once: the 4.5 M
// domains become a sorted file of 64-bit hashes (36 MB, no parsing: read once per process, into
// memory its worker threads share, pipeline/shared-files.ts), the 10 k URLs stay text. The
// `fineweb` preset needs them; a run without them fails before any work.

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../pipeline/index.ts';
import { sharedFile } from '../pipeline/shared-files.ts';
import { hash64, hashSetFromBytes, sortUniquePairs, type HashSet64 } from './hash64.ts';

/** The cache folder, `.cache/ut1/` at the project root (ignored by git). */
export const UT1_DIR = fileURLToPath(new URL('../.cache/ut1/', import.meta.url));
const DOMAINS = 'adult-domains.u64';
const URLS = 'adult-urls.txt';
/** Written last: its presence means the cache is complete. */
const DONE = 'done.json';

export const UT1_MISSING =
  `the fineweb preset's UT1 block lists are not in ${UT1_DIR}: run \`npm run setup\` to fetch them, ` +
  'or opt out with `filters: { url: { ut1: false } }`';

export function ut1Present(dir = UT1_DIR): boolean {
  return existsSync(join(dir, DONE));
}

export interface Ut1Lists {
  domains: HashSet64;
  urls: string[];
}

/** The hashed domains, the one big file (shared between worker threads where they are). */
export const ut1DomainsFile = (dir = UT1_DIR): string => join(dir, DOMAINS);

export async function loadUt1(dir = UT1_DIR): Promise<Ut1Lists> {
  if (!ut1Present(dir)) throw new Error(UT1_MISSING);
  const file = ut1DomainsFile(dir);
  const domains = hashSetFromBytes(sharedFile(file) ?? (await readFile(file)), file);
  const urls = (await readFile(join(dir, URLS), 'utf8')).split('\n').filter((u) => u !== '');
  return { domains, urls };
}

/** Whether `domain` is in the hashed list. */
export function hasDomain(set: HashSet64, domain: string, scratch: Uint32Array): boolean {
  hash64(domain, scratch);
  return set.has(scratch[0]!, scratch[1]!);
}

/**
 * Builds the cache from an unpacked UT1 tarball (`<src>/adult/domains`, `<src>/adult/urls`),
 * lines read as datatrove reads them (`#` lines skipped, stripped).
 */
export async function buildUt1Cache(src: string, dir = UT1_DIR): Promise<{ domains: number; urls: number }> {
  const lines = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.trim())
      .filter((l) => l !== '');
  const domains = lines(join(src, 'adult', 'domains'));
  const pairs = new Uint32Array(domains.length * 2);
  domains.forEach((d, i) => hash64(d, pairs, 2 * i));
  const sorted = sortUniquePairs(pairs);
  const urls = [...new Set(lines(join(src, 'adult', 'urls')))].sort();
  await writeFileAtomic(join(dir, DOMAINS), new Uint8Array(sorted.buffer, sorted.byteOffset, sorted.byteLength));
  await writeFileAtomic(join(dir, URLS), `${urls.join('\n')}\n`);
  const counts = { domains: sorted.length / 2, urls: urls.length };
  await writeFileAtomic(join(dir, DONE), `${JSON.stringify({ ...counts, source: 'datatrove 0.2.0 wheel, assets/url_filterblacklists.tar.gz' })}\n`);
  return counts;
}
