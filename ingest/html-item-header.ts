// HTML's `<header>` inside an `<article>` is that article's header (its title, its date), not the
// page's banner. On a page of one article the header holds the headline and byline, which the
// article rules handle as structural chrome; but in a listing, where the same kind of `<article>`
// repeats for every post or story, each item's header holds its title, and the listing without
// its titles is a column of excerpts and dates. Likewise a `<header>` in a `<section>` of a story,
// after the story's text has begun, is that section's header: a listicle's entry title.

import type { ElementNode, ParsedPage } from './html-blocks.ts';
import { CHROME_TAGS } from './html-rules.ts';

/** Sibling `<article>`s of one kind that make a listing of items. */
const ITEM_ARTICLES = 6;

/**
 * Clears structural chrome (2) on the blocks of each `<header>` that is a child of an `<article>`
 * with ITEM_ARTICLES or more siblings of its kind, or of a `<section>` inside an `<article>` whose
 * text starts before it (afterStoryText), when the article's own text outside the header is
 * not structural chrome (a listing inside a sidebar stays out) and no chrome tag or chrome name lies
 * between the block and the header (a `<nav>` of share links inside it keeps its mark). The block
 * takes the article's class chrome, when a chrome name lies above it.
 */
export function liftItemHeaders(page: ParsedPage): void {
  const { blocks, nodes } = page;
  let count: Map<string, number> | undefined;
  for (let i = 1; i < nodes.length; i++) {
    const h = nodes[i] as ElementNode;
    if (h.tag !== 'header' || h.start === h.end) continue;
    const article = nodes[h.parent] as ElementNode;
    if (article.tag === 'section') {
      if (!afterStoryText(page, h.parent, h.start)) continue;
    } else {
      if (article.tag !== 'article') continue;
      count ??= articleKinds(nodes);
      if ((count.get(`${article.parent}\0${article.kind}`) ?? 0) < ITEM_ARTICLES) continue;
    }
    let base = -1;
    for (let k = article.start; k < article.end && base < 0; k++) {
      const c = blocks[k]!.chrome;
      if ((k < h.start || k >= h.end) && c < 2) base = c;
    }
    if (base < 0) continue;
    for (let k = h.start; k < h.end; k++) {
      const b = blocks[k]!;
      if (b.chrome !== 2) continue;
      let a = b.node;
      while (a !== i && (nodes[a] as ElementNode).verdict !== -1 && !CHROME_TAGS.has((nodes[a] as ElementNode).tag)) a = (nodes[a] as ElementNode).parent;
      if (a === i) b.chrome = base as 0 | 1;
    }
  }
}

/** How many `<article>`s of each kind each parent holds, keyed `parent\0kind`. */
function articleKinds(nodes: readonly ElementNode[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const n of nodes) {
    if (n.tag !== 'article') continue;
    const key = `${n.parent}\0${n.kind}`;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return count;
}

/** A line this long is a story's prose, not its headline block's. */
const STORY_LINE = 80;

/** Whether section `sec` lies inside an `<article>` whose text (a line of STORY_LINE characters
 * not in structural chrome) starts before block `at`: a section of the story (a listicle's entry),
 * whose `<header>` holds the entry's title. */
function afterStoryText(page: ParsedPage, sec: number, at: number): boolean {
  const { blocks, nodes } = page;
  let a = (nodes[sec] as ElementNode).parent;
  while (a > 0 && (nodes[a] as ElementNode).tag !== 'article') a = (nodes[a] as ElementNode).parent;
  if (a <= 0) return false;
  for (let k = (nodes[a] as ElementNode).start; k < at; k++) if (blocks[k]!.chrome < 2 && blocks[k]!.text.length >= STORY_LINE) return true;
  return false;
}
