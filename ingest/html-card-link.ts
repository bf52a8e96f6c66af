// A card is often linked whole: one `<a href>` holds its title and its description
// (`<a href><h3>Title</h3><p>A sentence about it.</p></a>`), so that a click anywhere on it opens
// the page. Each line of such a card is all link text, and a link-dense line is bad: a landing
// page's section of cards (use cases, resources, each a title and a sentence) then nets below
// nothing and is lost, though its sentences are the page's text. A menu's or a footer's links are
// names, not sentences: a whole sentence inside a card link is read as the prose it is.

import type { ParsedPage, TextBlock } from './html-blocks.ts';

/** A card's description, not a label: a line of this many characters or more ... */
const CARD_SENTENCE_MIN = 60;
/** ... that ends a sentence. */
const SENTENCE_END = /[.!?]$/;

/**
 * Clears the link count of whole sentences inside a card linked whole (`page.cardBlocks`), on a
 * page that marks no article (no `<article>`, no article-body class): an article's teaser cards
 * (related posts, the next story) are not its text, which article golds agree with.
 */
export function unlinkCardSentences(page: ParsedPage): void {
  if (page.nodes.some((n) => n.verdict === 2 || n.tag === 'article')) return;
  for (const i of page.cardBlocks) {
    const b = page.blocks[i] as TextBlock;
    if (b.text.length >= CARD_SENTENCE_MIN && SENTENCE_END.test(b.text)) b.linkChars = 0;
  }
}
