// An article's closing author bio ("Rebecca Norris is a full-time freelance writer living in …") is
// about the writer, not the text, and article golds leave it out (WCXB: 32 bio lines out of their
// golds on the tuning sub-half A's articles, 2 in). Where the box carries no chrome name (hashed or
// plain classes) the pick takes it with the post. The page says who wrote it in its JSON-LD (a
// `Person` object, the `author` of its `Article`), in any language: a paragraph among the result's
// last that opens with that person's full name or as the person's declared `description` does, and
// the name's own line above it, are the bio.
// Pages without JSON-LD (older news and blog pages, whose golds keep their bios) are untouched.

import type { ParsedPage, TextBlock } from './html-blocks.ts';
import { comparable } from './html-json-ld.ts';

/** A bio sits at the end of the text: only the result's last blocks are asked (a person named at a
 * paragraph's start earlier is the text's subject). */
const BIO_TAIL = 3;

/** The characters of a block and of a declared bio compared: a bio's first clause (its templates
 * and links come later: "used by more than {{customer-count}} agencies"). */
const BIO_OPENING = 40;

/** A bio says something after the name: a line barely longer than it is a byline ("Rebecca Norris,
 * Editor"). */
const BIO_MIN_REST = 20;

/** `chosen` without a closing bio of one of the page's people, and that person's name line above it. */
export function withoutAuthorBio(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { people, bios } = page.jsonLdFacts;
  if (people.length === 0 || chosen.length === 0) return chosen;
  const opening = bios.map((b) => comparable(b).slice(0, BIO_OPENING));
  const drop = new Set<TextBlock>();
  for (let i = Math.max(0, chosen.length - BIO_TAIL); i < chosen.length; i++) {
    const text = (chosen[i] as TextBlock).text;
    const name = people.find((n) => text.length > n.length + BIO_MIN_REST && text.startsWith(n) && /\s/.test(text.charAt(n.length)));
    const start = comparable(text).slice(0, BIO_OPENING);
    if (name === undefined && !(start.length === BIO_OPENING && opening.includes(start))) continue;
    drop.add(chosen[i] as TextBlock);
    const above = chosen[i - 1];
    if (above !== undefined && people.includes(above.text)) drop.add(above);
  }
  return drop.size === 0 ? chosen : chosen.filter((b) => !drop.has(b));
}
