// A news story's lead (its standfirst: a paragraph or two summing it up under the headline) often
// sits beside the element that the markup names as the body (`p.intro` or `div.article-lead`, then
// `div.article-body`), outside it. The pick is that body, and no wider pick may replace a named body,
// so the lead was lost, with the headline above it (withHeadline looks past short lines only).
// Golds keep the lead. The `<header>` case is html-header-lead.ts's.

import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';
import { TEASER_HEADING } from './html-rules.ts';

/** Blocks looked at before the pick's first: a caption, a lead of a paragraph or two, a byline and
 * a date, up to the headline. */
const LEAD_REACH = 6;
/** A headline of this rank or higher heads the story (an `<h3>` heads a section or a card). */
const HEADLINE_LEVEL = 2;
/** How far above the pick's first element the element holding the headline may lie: the story's
 * own wrapper (`article > h1, p.intro, div.body > p`), not the page's column. */
const NEAR_LEVELS = 3;
/** An element named for a picture (`div.image`, `div.photo-wrap`, `figure`): the paragraph in it
 * under the headline is the photo's caption ("In this Dec. 12, 2006, file photo, …"), no lead. */
const MEDIA_NAME = /^figure|(image|img|photo|picture|media|gallery|video|foto|bild)/i;

/** Whether block node `n` or its parent is named for a picture. */
function inMedia(nodes: readonly ElementNode[], n: number): boolean {
  const e = nodes[n] as ElementNode;
  return MEDIA_NAME.test(e.kind) || (e.parent >= 0 && MEDIA_NAME.test((nodes[e.parent] as ElementNode).kind));
}

/**
 * The good paragraphs outside chrome right before the pick's first block, under a headline
 * (`<h1>`, `<h2>`, no teaser heading) whose parent is the pick's first element's parent or one of
 * its next NEAR_LEVELS ancestors: written before the pick. Short lines among them (a byline, a
 * date), class chrome (a caption, a meta box) and paragraphs in an element named for a picture
 * are passed and not written; structural chrome ends the search.
 */
export function withBodyLead(page: ParsedPage, good: (i: number) => boolean, chosen: TextBlock[], isBoilerplate: (text: string) => boolean): TextBlock[] {
  const { blocks, nodes } = page;
  if (chosen.length === 0) return chosen;
  const top = chosen[0] as TextBlock;
  const first = blocks.indexOf(top);
  const lead: TextBlock[] = [];
  let headline = -1;
  for (let i = first - 1; i >= 0 && i >= first - LEAD_REACH; i--) {
    const b = blocks[i] as TextBlock;
    if (b.chrome === 2) break;
    if (b.kind === 'h') {
      if (b.chrome === 0 && b.level <= HEADLINE_LEVEL && !TEASER_HEADING.test(b.text)) headline = b.node;
      break;
    }
    if (b.chrome === 0 && (b.kind === 'p' || b.kind === 'text') && good(i) && !inMedia(nodes, b.node) && !isBoilerplate(b.text)) lead.unshift(b);
  }
  if (headline < 0 || lead.length === 0) return chosen;
  const holder = (nodes[headline] as ElementNode).parent;
  let n = (nodes[top.node] as ElementNode).parent;
  for (let up = 0; up <= NEAR_LEVELS && n >= 0; up++, n = (nodes[n] as ElementNode).parent) if (n === holder) return [...lead, ...chosen];
  return chosen;
}
