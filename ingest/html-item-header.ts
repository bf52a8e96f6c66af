// HTML's `<header>` inside an `<article>` is that article's header (its title, its date), not the
// page's banner. On a page of one article the header holds the headline and byline, which the
// article rules handle as structural chrome; but in a listing, where the same kind of `<article>`
// repeats for every post or story, each item's header holds its title, and the listing without
// its titles is a column of excerpts and dates. Likewise a `<header>` in a `<section>` of a story,
// after the story's text has begun, is that section's header: a listicle's entry title. And a
// `<header>` inside `<main>` (outside any article) heads part of the page's content, not the page:
// a landing page's hero (its headline, tagline and pitch), a section's title; HTML makes only the
// header outside `<main>` and sectioning content the page's banner.

import type { ElementNode, ParsedPage } from './html-blocks.ts';
import { CHROME_TAGS } from './html-rules.ts';

/** Sibling `<article>`s of one kind that make a listing of items. */
const ITEM_ARTICLES = 6;

/**
 * Clears structural chrome (2) on the blocks of each `<header>` that is a child of an `<article>`
 * with ITEM_ARTICLES or more siblings of its kind, or of a `<section>` inside an `<article>` whose
 * text starts before it (afterStoryText), or inside the page's one `<main>` and no `<article>`
 * (the main then standing for the article below), when the article's own text outside the header
 * is not structural chrome (a listing inside a sidebar stays out) and no chrome tag or chrome name
 * lies between the block and the header (a `<nav>` of share links inside it keeps its mark). The
 * block takes the article's class chrome, when a chrome name lies above it.
 */
export function liftItemHeaders(page: ParsedPage): void {
  const { blocks, nodes } = page;
  let count: Map<string, number> | undefined;
  let scan: Scan | undefined;
  let main: number | undefined;
  let mainHeaderEnd = -1;
  for (let i = 1; i < nodes.length; i++) {
    const h = nodes[i] as ElementNode;
    if (h.tag !== 'header' || h.start === h.end) continue;
    let article = nodes[h.parent] as ElementNode;
    main ??= oneMain(nodes);
    // Nodes come in document order: a later node whose blocks lie inside main's is inside it.
    const m = nodes[main] as ElementNode;
    const inMain = main > 0 && i > main && h.start >= m.start && h.end <= m.end;
    // A header inside such a header (invalid HTML) is left as it is: walking the blocks of the
    // outer one again for every header nested in it would be quadratic.
    if (inMain && h.start < mainHeaderEnd) continue;
    if (inMain) scan ??= scanOf(page);
    if (inMain && scan?.article[i] === 0) {
      // A header in `<main>` outside any article: `<main>` stands for the text, whose banner it is.
      mainHeaderEnd = h.end;
      article = m;
    } else if (article.tag === 'section') {
      scan ??= scanOf(page);
      // A section of the story: its <article>'s text (a line of STORY_LINE characters not in
      // structural chrome) starts before this header.
      const story = scan.article[h.parent] as number;
      if (story <= 0 || (scan.nextStory[(nodes[story] as ElementNode).start] as number) >= h.start) continue;
    } else {
      if (article.tag !== 'article') continue;
      count ??= articleKinds(nodes);
      if ((count.get(`${article.parent}\0${article.kind}`) ?? 0) < ITEM_ARTICLES) continue;
      scan ??= scanOf(page);
    }
    // The first block of the article outside the header that is not structural chrome, as the
    // blocks were before any header was lifted.
    let k = scan.nextLow[article.start] as number;
    if (k >= h.start) k = scan.nextLow[Math.max(h.end, article.start)] as number;
    if (k >= article.end) continue;
    const base = scan.low[k] as 0 | 1;
    for (let k = h.start; k < h.end; k++) {
      const b = blocks[k]!;
      if (b.chrome !== 2) continue;
      let a = b.node;
      while (a !== i && (nodes[a] as ElementNode).verdict !== -1 && !CHROME_TAGS.has((nodes[a] as ElementNode).tag)) a = (nodes[a] as ElementNode).parent;
      if (a === i) b.chrome = base;
    }
  }
}

/** A line this long is a story's prose, not its headline block's. */
const STORY_LINE = 80;

/**
 * One pass over the page, so that each header asks in constant time (a page of 100k headers in
 * nested sections would otherwise rescan its article per header): for each block index, the next
 * block at or after it that is not structural chrome (nextLow) and the next that is also a story
 * line (nextStory), blocks.length where none; each node's nearest `<article>` (itself included;
 * 0 for none); each block's chrome before any lift.
 */
interface Scan {
  nextLow: Int32Array;
  nextStory: Int32Array;
  article: Int32Array;
  low: Uint8Array;
}

function scanOf(page: ParsedPage): Scan {
  const { blocks, nodes } = page;
  const n = blocks.length;
  const nextLow = new Int32Array(n + 1).fill(n);
  const nextStory = new Int32Array(n + 1).fill(n);
  const low = new Uint8Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const b = blocks[k]!;
    low[k] = b.chrome;
    const isLow = b.chrome < 2;
    nextLow[k] = isLow ? k : (nextLow[k + 1] as number);
    nextStory[k] = isLow && b.text.length >= STORY_LINE ? k : (nextStory[k + 1] as number);
  }
  // Parents come before their children in `nodes`.
  const article = new Int32Array(nodes.length);
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i] as ElementNode;
    article[i] = node.tag === 'article' ? i : (article[node.parent] as number);
  }
  return { nextLow, nextStory, article, low };
}

/** The index of the page's one `<main>` (HTML allows one shown); 0 when it has none or several. */
export function oneMain(nodes: readonly ElementNode[]): number {
  let main = 0;
  for (let i = 1; i < nodes.length; i++) {
    if ((nodes[i] as ElementNode).tag !== 'main') continue;
    if (main > 0) return 0;
    main = i;
  }
  return main;
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
