// An id made from the element's own heading (`<section id="header-ordering"><h2>Header
// Ordering¶</h2>`, as Sphinx and other docs generators name every section) is an anchor for links
// into the page, not a name for the element's role: a chrome word in it (`header`, `cookies`,
// `review-comments`) is the heading's word. Only where a sibling is anchored the same way: a
// blog's `div#comments` under its "Comments" heading, or a docs page's lone "Related products"
// box, names its role with the heading's word.

import type { ElementNode, TextBlock } from './html-blocks.ts';
import { TEASER_HEADING, TEASER_INTRO } from './html-rules.ts';

/** The block-level elements with an id: node indexes and ids, and the positions in those lists of
 * the elements that their id alone made class chrome. */
export interface PageIds {
  nodes: readonly number[];
  values: readonly string[];
  chrome: readonly number[];
}

/** Lower case, every run of characters that are neither letters nor digits one `-`, none at the ends. */
function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Clears class chrome (1) on the blocks that only an id in `ids.chrome` put there, where the
 * element's first block is a heading whose slug is the id's, a sibling is anchored by its heading
 * too and the heading announces no teasers. One pass over the nodes (parents come before their
 * children) finds the chrome each node inherits with and without those ids; a block keeps class
 * chrome that another element (or an inline one, which has no node) gives it.
 */
export function clearHeadingAnchors(blocks: TextBlock[], nodes: readonly ElementNode[], ids: PageIds): void {
  // Nested elements share their first block: each heading is slugged once (linear time).
  const headingSlugs = new Map<number, string>();
  const anchoredBy = (j: number): boolean => {
    const n = nodes[ids.nodes[j] as number] as ElementNode;
    const first = blocks[n.start];
    if (n.start >= n.end || first === undefined || first.kind !== 'h') return false;
    let heading = headingSlugs.get(n.start);
    if (heading === undefined) headingSlugs.set(n.start, (heading = slug(first.text)));
    return heading === slug(ids.values[j] as string);
  };
  // A heading announcing teasers (`Related products and services`) names the box's role.
  const candidates = ids.chrome.filter((j) => {
    const first = blocks[(nodes[ids.nodes[j] as number] as ElementNode).start];
    return anchoredBy(j) && first !== undefined && !TEASER_INTRO.test(first.text) && !TEASER_HEADING.test(first.text);
  });
  if (candidates.length === 0) return;
  // Anchored elements per parent of a candidate.
  const anchors = new Map<number, number>();
  for (const j of candidates) anchors.set((nodes[ids.nodes[j] as number] as ElementNode).parent, 0);
  for (let j = 0; j < ids.nodes.length; j++) {
    const parent = (nodes[ids.nodes[j] as number] as ElementNode).parent;
    const count = anchors.get(parent);
    if (count !== undefined && anchoredBy(j)) anchors.set(parent, count + 1);
  }
  const cleared = new Set(candidates.filter((j) => (anchors.get((nodes[ids.nodes[j] as number] as ElementNode).parent) as number) >= 2).map((j) => ids.nodes[j] as number));
  if (cleared.size === 0) return;
  // 1: under class chrome; 0: not (structural chrome leaves its blocks at 2, which is not touched).
  const before = new Uint8Array(nodes.length);
  const after = new Uint8Array(nodes.length);
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    const p = n.parent;
    before[i] = n.verdict === -1 ? 1 : n.verdict === 2 ? 0 : (before[p] as number);
    after[i] = n.verdict === -1 && !cleared.has(i) ? 1 : n.verdict === 2 ? 0 : (after[p] as number);
  }
  for (const b of blocks) if (b.chrome === 1 && before[b.node] === 1 && after[b.node] === 0) b.chrome = 0;
}
