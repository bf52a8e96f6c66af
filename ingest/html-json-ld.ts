// What a page's JSON-LD (`<script type="application/ld+json">`) declares about its article, read as
// the parser skips the script: the people it names (an article's authors, html-author-bio.ts) and
// its headline (html-declared-headline.ts). Flat objects only, by pattern: the parser sees the
// script's text once and a full JSON parse of every page's metadata would cost more than the rules
// need.

/** A person's type; its object's fields are read from the `{` before it to the next object's type
 * (a description may hold braces: "used by more than {{customer-count}} agencies"). */
const PERSON = /"@type"\s*:\s*\[?\s*"Person"/g;
const NAME = /"name"\s*:\s*"([^"\\]+)"/;
/** A bio's opening words, enough to know it by (escapes end it: read no further than is plain). */
const DESCRIPTION = /"description"\s*:\s*"(?:<p>)?([^"\\<]{40,})/;
const HEADLINE = /"headline"\s*:\s*"([^"\\]+)"/g;

/** A line and a declared text compared: case, punctuation and spacing aside (a headline's dash
 * written as a hyphen). */
export const comparable = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export interface JsonLdFacts {
  people: string[];
  /** The opening words of the people's descriptions (their bios). */
  bios: string[];
  headlines: string[];
}

/** Adds to `into` what one JSON-LD script's text declares. A person's name of one word (a brand's
 * account, "Staff") is not a full name and is left out; names and headlines with escapes are left
 * out too (unread rather than misread). */
export function addJsonLd(json: string, into: JsonLdFacts): void {
  if (json.includes('Person')) {
    for (const m of json.matchAll(PERSON)) {
      const next = json.indexOf('"@type"', m.index + m[0].length);
      const fields = json.slice(json.lastIndexOf('{', m.index) + 1, next < 0 ? undefined : next);
      const name = NAME.exec(fields)?.[1]?.trim();
      if (name !== undefined && /\s/.test(name) && !into.people.includes(name)) into.people.push(name);
      const bio = DESCRIPTION.exec(fields)?.[1];
      if (bio !== undefined) into.bios.push(bio);
    }
  }
  if (json.includes('"headline"')) for (const m of json.matchAll(HEADLINE)) into.headlines.push(m[1] as string);
}
