// A byline over an article ("By Arricca Elin SanSone Published: Dec 20, 2023", "Written by Joe
// Kindness") names the writer, not the text; article golds leave it out. Where it carries no meta
// class name it is written with the story. A short line among the result's first that holds the full
// name of a person the page's JSON-LD names is that byline, in any language.

import type { TextBlock, ParsedPage } from './html-blocks.ts';

/** A byline sits over the text: only the result's first blocks are asked. */
const BYLINE_HEAD = 5;
/** A byline is the name with a date, a role or a word or two: a longer line is a sentence about the person. */
const BYLINE_MAX = 100;

/** `chosen` without the short lines among its first that name one of the page's people. */
export function withoutDeclaredByline(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { people } = page.jsonLdFacts;
  if (people.length === 0) return chosen;
  const drop = new Set(chosen.slice(0, BYLINE_HEAD).filter((b) => b.text.length <= BYLINE_MAX && people.some((n) => b.text.includes(n))));
  return drop.size === 0 ? chosen : chosen.filter((b) => !drop.has(b));
}
