// A page whose JSON-LD declares its article's headline holds the headline apart from the body
// (schema.org's `headline` beside `articleBody`), and the golds of such pages leave it out of the
// main text (WCXB tuning sub-half A: of 46 articles whose output opens with the page's title, 38
// golds lack it; scrapinghub's golds never hold it). The declared headline among the result's first
// lines is not written. Pages that declare none (older news pages, whose golds keep the headline,
// as `withHeadline` writes it) are untouched.

import type { ParsedPage, TextBlock } from './html-blocks.ts';
import { comparable } from './html-json-ld.ts';

/** The headline opens the text, or follows a kicker or a date line: it is looked for this far in. */
const HEAD_BLOCKS = 3;

/** `chosen` without the page's declared headline among its first blocks. */
export function withoutDeclaredHeadline(page: ParsedPage, chosen: TextBlock[]): TextBlock[] {
  const { headlines } = page.jsonLdFacts;
  if (headlines.length === 0) return chosen;
  const declared = headlines.map(comparable);
  const at = chosen.slice(0, HEAD_BLOCKS).findIndex((b) => {
    const line = comparable(b.text);
    return line !== '' && declared.includes(line);
  });
  return at < 0 ? chosen : chosen.filter((_, i) => i !== at);
}
