// A caption is a line or two under a figure: an element named `caption` (`item-caption`,
// `product-caption`) that holds paragraphs of prose is a shop's or a template's text block named
// after its layout, not a figure's caption, and its text is not class chrome.

import type { ElementNode, ParsedPage } from './html-blocks.ts';
import type { Quality } from './html-extract.ts';

/** Prose (good lines) beyond any figure caption's: news photo captions run to a few sentences (440-480
 * characters seen). */
export const CAPTION_PROSE_MAX = 1000;

const CAPTION_CLASS = /(^|[\s._-])caption([\s_-]|$)/i;

/**
 * Clears class chrome (1) on the blocks of `caption`-named elements holding over CAPTION_PROSE_MAX
 * characters of prose (good lines), when nothing else above marks them chrome.
 */
export function liftLongCaptions(page: ParsedPage, q: readonly Quality[]): void {
  const { blocks, nodes } = page;
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    // Chrome above is tested first: nested caption elements then cost one step each, not a scan
    // of their blocks each; and most chrome elements lie in other chrome, which a step or two up
    // finds for less than the regex costs on their kind (a concatenation it must flatten first).
    if (n.verdict !== -1 || chromeAbove(nodes, n.parent) || !CAPTION_CLASS.test(n.kind)) continue;
    let prose = 0;
    for (let k = n.start; k < n.end; k++) if (q[k] === 'good' && blocks[k]!.chrome === 1) prose += blocks[k]!.text.length;
    if (prose <= CAPTION_PROSE_MAX) continue;
    for (let k = n.start; k < n.end; k++) {
      const b = blocks[k]!;
      if (b.chrome !== 1) continue;
      // A chrome name inside the caption (its share bar) keeps its mark.
      let a = b.node;
      while (a !== i && (nodes[a] as ElementNode).verdict !== -1) a = (nodes[a] as ElementNode).parent;
      if (a === i) b.chrome = 0;
    }
  }
}

/** Whether a chrome name above `a` (before an article-body name, which clears it) marks its text. */
function chromeAbove(nodes: readonly ElementNode[], a: number): boolean {
  for (; a > 0; a = (nodes[a] as ElementNode).parent) {
    const v = (nodes[a] as ElementNode).verdict;
    if (v === 2) return false;
    if (v === -1) return true;
  }
  return false;
}
