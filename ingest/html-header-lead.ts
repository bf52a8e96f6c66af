// A news story's lead (its standfirst, the paragraph that sums it up under the headline) often sits
// in the story's `<header>` with the headline, beside the body the pick takes. The `<header>` is
// structural chrome, so the lead would be lost with the headline; golds keep the lead, and the
// headline stays out (article golds leave it out; withHeadline writes one only outside chrome).

import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';
import { CHROME_TAGS } from './html-rules.ts';

/** Blocks looked at before the pick's first: a caption, a headline, a lead of a paragraph or two, a
 * byline and a date. */
const LEAD_REACH = 6;

/** A headline of this rank or higher makes the `<header>` the story's own. */
const HEADLINE_LEVEL = 2;

/** The `<header>` that makes block node `n` structural chrome, when nothing else does (no other
 * chrome tag, no chrome name above or below it; the header's own name, `entry-header`, may read as
 * chrome), else -1. */
function headerOf(nodes: readonly ElementNode[], n: number): number {
  let header = -1;
  for (let i = n; i > 0; i = (nodes[i] as ElementNode).parent) {
    const e = nodes[i] as ElementNode;
    if (CHROME_TAGS.has(e.tag)) {
      if (e.tag !== 'header' || header >= 0) return -1;
      header = i;
    } else if (e.verdict === -1) return -1;
  }
  return header;
}

/**
 * The good paragraphs right before the pick's first block inside one `<header>` that holds a
 * headline (`<h1>`, `<h2>`) before them, when the header's parent also holds the pick (the header
 * and the body are one article's): written before the pick. Short lines among them (a byline, a
 * date) are not written; class chrome between the header and the pick (a photo's caption) is passed.
 */
export function withHeaderLead(page: ParsedPage, good: (i: number) => boolean, chosen: TextBlock[], isBoilerplate: (text: string) => boolean): TextBlock[] {
  const { blocks, nodes } = page;
  if (chosen.length === 0) return chosen;
  const top = chosen[0] as TextBlock;
  const first = blocks.indexOf(top);
  const lead: TextBlock[] = [];
  let header = -1;
  let headline = false;
  for (let i = first - 1; i >= 0 && i >= first - LEAD_REACH; i--) {
    const b = blocks[i] as TextBlock;
    // A photo's caption or a share bar (class chrome) may lie between the header and the body.
    if (b.chrome === 1 && header < 0) continue;
    if (b.chrome !== 2) break;
    const h = headerOf(nodes, b.node);
    if (h < 0 || (header >= 0 && h !== header)) break;
    header = h;
    if (b.kind === 'h') {
      headline = b.level <= HEADLINE_LEVEL;
      break;
    }
    if (b.kind === 'p' && good(i) && !isBoilerplate(b.text)) lead.unshift(b);
  }
  if (!headline || lead.length === 0) return chosen;
  const parent = (nodes[header] as ElementNode).parent;
  for (let n = top.node; n >= 0; n = (nodes[n] as ElementNode).parent) if (n === parent) return [...lead, ...chosen];
  return chosen;
}
