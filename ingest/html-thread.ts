// Discussion threads and Q&A pages that say so in their markup (schema.org's DiscussionForumPosting
// or QAPage, as microdata's `itemtype` or a JSON-LD block's `@type`). Every post of a thread is
// written with the same markup, so on such a page the elements of the chosen post's kind elsewhere
// are the thread's other posts: the opening post or the question apart from the replies, and the
// replies in a container named as comments (Vanilla's `div.CommentsWrap`), which on an article's
// page holds its readers' comments and stays chrome.
import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';
import type { Quality } from './html-extract.ts';

/** Blocks [start, end) of an element the pick cut from the page (none when equal). */
export interface CutBlocks {
  start: number;
  end: number;
}

/** Block i is in structural chrome or in the cut: chrome the pick does not read. */
function isHard(blocks: readonly TextBlock[], cut: CutBlocks, i: number): boolean {
  return (blocks[i] as TextBlock).chrome === 2 || (i >= cut.start && i < cut.end);
}

/** The schema.org types of a page that is a thread of posts: a forum's discussion, a Q&A page. */
export const THREAD_TYPE = /\b(DiscussionForumPosting|QAPage)\b/;

/**
 * The post element of the chosen element `chosen`: the nearest element with a class holding its
 * first prose outside chrome (a `good` block, not isHard). The chosen
 * element is a post, or the posts' container (a thread's replies in one `div.block-body`), whose
 * kind is no post's; a bare `<p>` is every paragraph's kind.
 */
function postOf(page: ParsedPage, chosen: number, q: readonly Quality[], cut: CutBlocks): number {
  const { blocks, nodes } = page;
  const { start, end } = nodes[chosen] as ElementNode;
  for (let j = start; j < end; j++) {
    const b = blocks[j] as TextBlock;
    if (q[j] !== 'good' || isHard(blocks, cut, j) || b.chrome !== 0) continue;
    let k = b.node;
    while (k > chosen && (nodes[k] as ElementNode).kind.endsWith('.')) k = (nodes[k] as ElementNode).parent;
    return k;
  }
  return chosen;
}

/**
 * On a page that declares itself a thread, the blocks of the elements of the chosen post's kind (its
 * tag and class: postOf) that hold prose outside chrome of their own, outside that post and its
 * wrappers, marked in `keep`; also in `posts`, as they are written though class chrome lies above
 * them (the replies' container named as comments). Blocks in structural chrome or in `cut` (isHard)
 * are not taken, nor those under class chrome inside the post (a poster's box); prose is `good`.
 */
export function keepThreadPosts(page: ParsedPage, chosen: number, q: readonly Quality[], cut: CutBlocks, keep: Uint8Array, posts: Uint8Array): void {
  const { blocks, nodes } = page;
  const post = postOf(page, chosen, q, cut);
  const best = nodes[post] as ElementNode;
  // Whether no class chrome lies between a node and the post holding it: one forward pass per post.
  const clean = new Uint8Array(nodes.length);
  let postEnd = -1;
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    // Posts nested in a post are read with it (linear time).
    if (n.kind !== best.kind || n.start < postEnd || i === post || (n.start <= best.start && n.end >= best.end) || (n.start >= best.start && n.end <= best.end)) continue;
    postEnd = n.end;
    clean[i] = n.verdict === -1 ? 0 : 1;
    for (let k = i + 1; k < nodes.length && (nodes[k] as ElementNode).start < n.end; k++) {
      const inner = nodes[k] as ElementNode;
      clean[k] = clean[inner.parent] === 1 && inner.verdict !== -1 ? 1 : 0;
    }
    let prose = false;
    for (let j = n.start; j < n.end && !prose; j++) prose = ownBlock(blocks, clean, cut, j) && q[j] === 'good';
    if (!prose) continue;
    for (let j = n.start; j < n.end; j++) {
      if (!ownBlock(blocks, clean, cut, j)) continue;
      keep[j] = 1;
      posts[j] = 1;
    }
  }
}

/** Block j belongs to its post: no class chrome between them (`clean`), and it is not isHard. */
function ownBlock(blocks: readonly TextBlock[], clean: Uint8Array, cut: CutBlocks, j: number): boolean {
  return clean[(blocks[j] as TextBlock).node] === 1 && !isHard(blocks, cut, j);
}
