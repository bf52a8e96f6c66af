// Keys of the exact dedup kinds, computed once per document in the extract-time sink:
// - exact: 64 bits of SHA-1 of the MinHash-normalised text;
// - url:   64 bits of SHA-1 of C4's normalised URL, ranked so the latest WARC-Date sorts first;
// - lines: per line, 64 bits of MD5 of the stripped, lowercased line (C4's key) and 64 bits of MD5
//          of the page URL (C4 gives a line to the page whose URL's MD5 hex is smallest).
// Hash prefixes are read big-endian so comparing (hi, lo) words compares hex digests.

import { createHash } from 'node:crypto';

export function digest64(algorithm: 'sha1' | 'md5', text: string): [number, number] {
  const d = createHash(algorithm).update(text, 'utf8').digest();
  return [d.readUInt32BE(0), d.readUInt32BE(4)];
}

/** C4 (TFDS `_normalize_url`): no scheme and `www.`, no `?utm_…`/`?ref…`/`?feed…` tail, no trailing `/`. */
export function normaliseUrlC4(url: string): string {
  return url
    .replace(/https?:\/\/(www\.)?/g, '')
    .replace(/\?(utm_|ref|feed).*/s, '')
    .replace(/\/+$/, '');
}

/** Seconds since the epoch of a WARC-Date, turned into a rank where later sorts first; undated sorts last. */
export function dateRank(date: string | undefined): number {
  const ms = date === undefined ? NaN : Date.parse(date);
  if (!Number.isFinite(ms) || ms < 0) return 0xffffffff;
  return 0xffffffff - Math.min(0xfffffffe, Math.floor(ms / 1000));
}

/** Python `str.strip()` whitespace. */
const PY_EDGE_SPACE = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

/** C4's line key text: stripped and lowercased; '' for blank lines, which are never deduplicated. */
export function lineKeyText(line: string): string {
  return line.replace(PY_EDGE_SPACE, '').toLowerCase();
}
