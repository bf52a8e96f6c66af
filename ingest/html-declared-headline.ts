// A page whose JSON-LD declares its article's headline holds the headline apart from the body
// (schema.org's `headline` beside `articleBody`), and the golds of such pages leave it out of the
// main text (WCXB tuning sub-half A: of 46 articles whose output opens with the page's title, 38
// golds lack it; scrapinghub's golds never hold it). A result that opens with the declared headline
// is written without it. Pages that declare none (older news pages, whose golds keep the headline,
// as `withHeadline` writes it) are untouched.

import type { ParsedPage, TextBlock } from './html-blocks.ts';
import { comparable } from './html-json-ld.ts';

/** `chosen` without its first block when that block is the page's declared headline. */
export function withoutDeclaredHeadline(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { headlines } = page.jsonLdFacts;
  const first = chosen[0];
  if (headlines.length === 0 || first === undefined) return chosen;
  const line = comparable(first.text);
  return line !== '' && headlines.some((h) => comparable(h) === line) ? chosen.slice(1) : chosen;
}
