// A news story's lead (its standfirst: a paragraph or two summing it up under the headline) often
// lies outside the element the pick takes, and golds keep it. Two layouts:
// - in the story's `<header>` with the headline, beside the body (withHeaderLead). The `<header>`
//   is structural chrome, so the lead would be lost with the headline; the headline stays out
//   (article golds leave it out; withHeadline writes one only outside chrome);
// - beside the element that the markup names as the body (`p.intro` or `div.article-lead`, then
//   `div.article-body`; withBodyLead). The pick is that body, and no wider pick may replace a named
//   body, so the lead was lost, with the headline above it (withHeadline looks past short lines only).

import { isNear } from './html-blocks.ts';
import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';
import { CHROME_TAGS, TEASER_HEADING } from './html-rules.ts';
import { isBoilerplate } from './boilerplate-verdicts.ts';
import type { BoilerplateVerdicts } from './boilerplate-verdicts.ts';
import type { Quality } from './html-extract.ts';

/** Blocks looked at before the pick's first: a caption, a headline, a lead of a paragraph or two, a
 * byline and a date. */
const LEAD_REACH = 6;

/** A headline of this rank or higher heads the story and makes a `<header>` the story's own (an
 * `<h3>` heads a section or a card). */
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
export function withHeaderLead(page: ParsedPage, q: readonly Quality[], chosen: TextBlock[], verdicts: BoilerplateVerdicts): TextBlock[] {
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
    if (b.kind === 'p' && q[i] === 'good' && !isBoilerplate(verdicts, b.text)) lead.unshift(b);
  }
  if (!headline || lead.length === 0) return chosen;
  const parent = (nodes[header] as ElementNode).parent;
  for (let n = top.node; n >= 0; n = (nodes[n] as ElementNode).parent) if (n === parent) return [...lead, ...chosen];
  return chosen;
}

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
export function withBodyLead(page: ParsedPage, q: readonly Quality[], chosen: TextBlock[], verdicts: BoilerplateVerdicts): TextBlock[] {
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
    if (b.chrome === 0 && (b.kind === 'p' || b.kind === 'text') && q[i] === 'good' && !inMedia(nodes, b.node) && !isBoilerplate(verdicts, b.text)) lead.unshift(b);
  }
  if (headline < 0 || lead.length === 0) return chosen;
  const holder = (nodes[headline] as ElementNode).parent;
  return isNear(nodes, (nodes[top.node] as ElementNode).parent, holder, NEAR_LEVELS) ? [...lead, ...chosen] : chosen;
}
