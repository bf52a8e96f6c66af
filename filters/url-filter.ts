// URL filter (datatrove URLFilter, as FineWeb used it): registered domain or full host in a domain
// block list, exact URL in a URL block list, a banned word as a URL token, ≥ 2 soft-banned words,
// or a banned sub-word inside the alphanumeric-only lowercased URL. Lists are read once from files;
// UT1's 4.5 M domains come as a hashed set (filters/ut1.ts), a user's own lists as bytes (line-set.ts).

import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { getDomain, getHostname } from 'tldts';
import type { Document } from '../pipeline/index.ts';
import { loadLineSet } from './line-set.ts';
import type { Outcome } from './types.ts';
import { hasDomain, loadUt1 } from './ut1.ts';

/** Membership in a block list, however it is held. */
export interface StringSet {
  readonly size: number;
  has(item: string): boolean;
}

export interface UrlLists {
  domains: StringSet;
  urls: StringSet;
  bannedWords: ReadonlySet<string>;
  bannedSubwords: readonly string[];
  softBannedWords: readonly string[];
}

export interface UrlListSettings {
  ut1: boolean;
  domain_lists: readonly string[];
  url_lists: readonly string[];
  default_word_lists: boolean;
  banned_words: readonly string[];
  banned_subwords: readonly string[];
  soft_banned_words: readonly string[];
}

export interface UrlFilterParams {
  soft_word_threshold: number;
}

const NON_ALNUM = /[^a-zA-Z0-9]+/g;

export function normalizeUrlWord(s: string): string {
  return s.replace(NON_ALNUM, '').toLowerCase();
}

/** Lines of a list file (`.gz` allowed), `#` lines skipped; `normalize` applies datatrove's word normalisation. */
export async function readListFile(path: string, normalize: boolean): Promise<string[]> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw new Error(`url filter: cannot read list file ${path}: ${(err as Error).message}`);
  }
  const text = (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const v = normalize ? normalizeUrlWord(line) : line.trim();
    if (v !== '') out.push(v);
  }
  return out;
}

/** Each word's place in its list: a URL's few tokens are looked up, not the lists' hundreds of words. */
const placesOf = (words: Iterable<string>): Map<string, number> => new Map([...words].map((w, i) => [w, i]));

/**
 * The first banned sub-word, in list order, that a normalised URL contains. Both have only `a-z`
 * and `0-9` (`normalizeUrlWord`): the sub-words are bucketed by their first two characters, so a
 * URL's positions are looked up in a table (nearly all in an empty bucket) instead of each
 * sub-word being searched for in the URL. A sub-word shorter than two characters, or one with a
 * character outside ASCII (not from a normalised list: a caller's own), is searched for as before.
 */
function subwordFinder(subwords: readonly string[]): (normalized: string) => string | undefined {
  const bucketOf = new Int32Array(128 * 128);
  const buckets: number[][] = [];
  const short: number[] = [];
  subwords.forEach((w, k) => {
    const c0 = w.charCodeAt(0);
    const c1 = w.charCodeAt(1);
    // Not from a normalised list (a caller's own): searched for as is.
    if (w.length < 2 || c0 >= 128 || c1 >= 128) short.push(k);
    else {
      const at = c0 * 128 + c1;
      if (bucketOf[at] === 0) bucketOf[at] = buckets.push([]);
      buckets[bucketOf[at]! - 1]!.push(k);
    }
  });
  return (url) => {
    let first = subwords.length;
    for (const k of short) if (k < first && url.includes(subwords[k]!)) first = k;
    for (let i = 0; i + 1 < url.length; i++) {
      const c0 = url.charCodeAt(i);
      const c1 = url.charCodeAt(i + 1);
      if (c0 >= 128 || c1 >= 128) continue;
      const b = bucketOf[c0 * 128 + c1]!;
      if (b === 0) continue;
      for (const k of buckets[b - 1]!) if (k < first && url.startsWith(subwords[k]!, i)) first = k;
    }
    return first < subwords.length ? subwords[first] : undefined;
  };
}

export function urlFilter(lists: UrlLists, p: UrlFilterParams): (doc: Document) => Outcome {
  const findSubword = subwordFinder(lists.bannedSubwords);
  const banned = [...lists.bannedWords];
  const bannedAt = placesOf(banned);
  const softAt = placesOf(lists.softBannedWords);
  return (doc) => {
    const url = doc.url;
    if (!url) return { keep: true };
    if (lists.domains.size > 0) {
      const host = getHostname(url) ?? '';
      const domain = getDomain(url, { allowPrivateDomains: false }) ?? '';
      if (domain && lists.domains.has(domain)) return { keep: false, rule: 'domain', detail: `domain ${domain} is block-listed` };
      if (host && domain && lists.domains.has(host)) return { keep: false, rule: 'subdomain', detail: `host ${host} is block-listed` };
    }
    if (lists.urls.has(url)) return { keep: false, rule: 'url', detail: 'URL is block-listed' };
    const tokens = new Set(url.split(NON_ALNUM));
    // The first banned word in list order that is a token, and the soft-banned tokens in list order.
    let first = -1;
    const softHits: number[] = [];
    for (const t of tokens) {
      const b = bannedAt.get(t);
      if (b !== undefined && (first < 0 || b < first)) first = b;
      const k = softAt.get(t);
      if (k !== undefined) softHits.push(k);
    }
    if (first >= 0) return { keep: false, rule: 'hard_blacklisted', detail: `banned word "${banned[first]}" in URL` };
    const soft = softHits.sort((a, b) => a - b).map((k) => lists.softBannedWords[k]!);
    if (soft.length >= p.soft_word_threshold) return { keep: false, rule: 'soft_blacklisted', detail: `soft-banned words ${soft.length} >= ${p.soft_word_threshold} (${soft.join(', ')})` };
    const normalized = normalizeUrlWord(url);
    const w = findSubword(normalized);
    if (w !== undefined) return { keep: false, rule: 'blacklisted_subword', detail: `banned sub-word "${w}" in URL` };
    return { keep: true };
  };
}

/** The lists of a config: shipped word lists (unless switched off) plus the named files and extra words, deduplicated. */
export async function loadUrlLists(s: UrlListSettings): Promise<UrlLists> {
  const shipped = (name: string): Promise<string[]> => readListFile(new URL(`./lists/${name}`, import.meta.url).pathname, true);
  const norm = (xs: readonly string[]): string[] => xs.map(normalizeUrlWord).filter((x) => x !== '');
  const [words, subwords, soft] = s.default_word_lists ? await Promise.all([shipped('banned_words.txt'), shipped('banned_subwords.txt'), shipped('soft_banned_words.txt')]) : [[], [], []];
  // Lists run to millions of lines: a user's kept as bytes, not as a Set of strings (line-set.ts);
  // UT1's domains as 64-bit hashes (ut1.ts).
  const ownDomains = await loadLineSet(s.domain_lists, 'url filter');
  const ownUrls = await loadLineSet(s.url_lists, 'url filter');
  let domains: StringSet = ownDomains;
  let urls: StringSet = ownUrls;
  if (s.ut1) {
    const ut1 = await loadUt1();
    const scratch = new Uint32Array(2);
    domains = { size: ownDomains.size + ut1.domains.size, has: (d) => ownDomains.has(d) || hasDomain(ut1.domains, d, scratch) };
    const ut1Urls = new Set(ut1.urls);
    urls = { size: ownUrls.size + ut1Urls.size, has: (u) => ownUrls.has(u) || ut1Urls.has(u) };
  }
  return {
    domains,
    urls,
    bannedWords: new Set([...words, ...norm(s.banned_words)]),
    bannedSubwords: [...new Set([...subwords, ...norm(s.banned_subwords)])],
    softBannedWords: [...new Set([...soft, ...norm(s.soft_banned_words)])],
  };
}
