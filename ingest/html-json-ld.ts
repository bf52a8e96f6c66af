// What a page's JSON-LD (`<script type="application/ld+json">`) declares about its article, read as
// the parser skips the script: the people it names (an article's authors, html-author-bio.ts) and
// its headline (html-declared-headline.ts). Flat objects only, by pattern: the parser sees the
// script's text once and a full JSON parse of every page's metadata would cost more than the rules
// need.

/** A JSON-LD object (no nested object) typed as a person: its name is read from it. */
const PERSON = /\{[^{}]*"@type"\s*:\s*\[?\s*"Person"[^{}]*\}/g;
const NAME = /"name"\s*:\s*"([^"\\]+)"/;
const HEADLINE = /"headline"\s*:\s*"([^"\\]+)"/g;

export interface JsonLdFacts {
  people: string[];
  headlines: string[];
}

/** Adds to `into` what one JSON-LD script's text declares. A person's name of one word (a brand's
 * account, "Staff") is not a full name and is left out; names and headlines with escapes are left
 * out too (unread rather than misread). */
export function addJsonLd(json: string, into: JsonLdFacts): void {
  if (json.includes('Person')) {
    for (const m of json.matchAll(PERSON)) {
      const name = NAME.exec(m[0])?.[1]?.trim();
      if (name !== undefined && /\s/.test(name) && !into.people.includes(name)) into.people.push(name);
    }
  }
  if (json.includes('"headline"')) for (const m of json.matchAll(HEADLINE)) into.headlines.push(m[1] as string);
}
