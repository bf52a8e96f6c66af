// A landing page is a column of sections, but not every band of the column is a `<section>`:
// builders mix `<section>`s with plain `div`s (a headline band, a stack of feature blocks) in one
// column. The landing-page rule of html-extract keeps the sibling sections; the bands lying between
// two kept ones belong to the same text, when they hold net content of their own.
import type { ElementNode } from './html-blocks.ts';

/**
 * Marks in `keep` the children of `parent` lying between its first and last child with kept
 * blocks that hold at least `min` of net content (`total`: each element's subtree score).
 */
export function keepBandsBetweenSections(nodes: readonly ElementNode[], parent: number, total: Float64Array, keep: Uint8Array, min: number): void {
  const end = (nodes[parent] as ElementNode).end;
  let first = -1;
  let last = -1;
  for (let i = parent + 1; i < nodes.length && (nodes[i] as ElementNode).start < end; i++) {
    const n = nodes[i] as ElementNode;
    if (n.parent !== parent || n.start === n.end || !keep[n.start]) continue;
    if (first < 0) first = n.start;
    last = n.end;
  }
  for (let i = parent + 1; i < nodes.length && (nodes[i] as ElementNode).start < last; i++) {
    const n = nodes[i] as ElementNode;
    if (n.parent === parent && n.start >= first && n.end <= last && (total[i] as number) >= min) keep.fill(1, n.start, n.end);
  }
}
