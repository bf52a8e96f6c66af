// What a page's JSON-LD (`<script type="application/ld+json">`) declares about its article, read as
// the parser skips the script: its authors (html-author-bio.ts, html-declared-byline.ts) and its
// headline (html-declared-headline.ts). The script is parsed as JSON (linear, and nesting is the
// parser's: a Person's fields are its own object's, not the enclosing Article's), then walked; a
// script that is not valid JSON declares nothing (unread rather than misread).

/** A larger script is a catalogue or a feed, not one article's metadata: not parsed. */
const MAX_SCRIPT_CHARS = 256 * 1024;
/** Objects nested deeper than this are not walked (real JSON-LD nests a few levels). */
const MAX_DEPTH = 32;
/** Enough for any article's authors: a script naming more is a list, and the rules' scans stay short. */
const MAX_PEOPLE = 16;
/** A bio's opening words, enough to know it by; a shorter description is a role ("Editor"). */
const MIN_BIO_CHARS = 40;

/** A line and a declared text compared: case, punctuation and spacing aside (a headline's dash
 * written as a hyphen). */
export const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface JsonLdFacts {
  /** Full names (two words or more) of the people an object names as its `author` or `creator`. */
  people: string[];
  /** The opening words of those people's descriptions (their bios), up to the first markup. */
  bios: string[];
  headlines: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** Own fields only: a key called `constructor` or `__proto__` in the data is data. */
const field = (o: JsonObject, key: string): Json | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);
const AUTHOR_KEYS = ['author', 'creator'] as const;
const isPerson = (o: JsonObject): boolean => asList(field(o, '@type')).includes('Person');

/** Adds to `into` what one JSON-LD script's text declares. */
export function addJsonLd(json: string, into: JsonLdFacts): void {
  if (json.length > MAX_SCRIPT_CHARS || !(json.includes('"headline"') || json.includes('"author"') || json.includes('"creator"'))) return;
  let root: Json;
  try {
    root = JSON.parse(json) as Json;
  } catch {
    return;
  }
  // Authors may be written in place or referenced by `@id` to a Person elsewhere in the script
  // (an `@graph`, as SEO plugins write it): both are collected in one walk and resolved after it.
  const personById = new Map<string, JsonObject>();
  const authors: JsonObject[] = [];
  const authorIds: string[] = [];
  // Containers only, each with its depth beside it (no pair allocated per node).
  const nodes: (Json[] | JsonObject)[] = [];
  const depths: number[] = [];
  const visit = (v: Json | undefined, depth: number): void => {
    if (typeof v === 'object' && v !== null && depth <= MAX_DEPTH) {
      nodes.push(v);
      depths.push(depth);
    }
  };
  visit(root, 0);
  while (nodes.length > 0) {
    const node = nodes.pop() as Json[] | JsonObject;
    const depth = (depths.pop() as number) + 1;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) visit(node[i], depth);
      continue;
    }
    const headline = field(node, 'headline');
    if (typeof headline === 'string' && headline.trim() !== '') into.headlines.push(headline);
    const id = field(node, '@id');
    if (typeof id === 'string' && isPerson(node)) personById.set(id, node);
    for (const key of AUTHOR_KEYS) {
      for (const a of asList(field(node, key))) {
        if (!isObject(a)) continue;
        const ref = field(a, '@id');
        if (isPerson(a)) authors.push(a);
        else if (typeof ref === 'string') authorIds.push(ref);
      }
    }
    for (const key in node) if (Object.hasOwn(node, key)) visit(node[key], depth);
  }
  for (const ref of authorIds) {
    const p = personById.get(ref);
    if (p !== undefined) authors.push(p);
  }
  for (const p of authors) {
    if (into.people.length >= MAX_PEOPLE) break;
    const name = field(p, 'name');
    // A name of one word (a brand's account, "Staff") is not a full name.
    if (typeof name !== 'string' || !/\S\s+\S/.test(name.trim()) || into.people.includes(name.trim())) continue;
    into.people.push(name.trim());
    const description = field(p, 'description');
    if (typeof description !== 'string') continue;
    const bio = description.replace(/^\s*<p>/, '').split('<', 1)[0] as string;
    if (bio.length >= MIN_BIO_CHARS) into.bios.push(bio);
  }
}
