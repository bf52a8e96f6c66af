// Discussion threads and Q&A pages that say so in their markup (schema.org's DiscussionForumPosting
// or QAPage, as microdata's `itemtype` or a JSON-LD block's `@type`). Every post of a thread is
// written with the same markup, so on such a page the elements of the chosen post's kind elsewhere
// are the thread's other posts: the opening post or the question apart from the replies, and the
// replies in a container named as comments (Vanilla's `div.CommentsWrap`), which on an article's
// page holds its readers' comments and stays chrome.
import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';

/** The schema.org types of a page that is a thread of posts: a forum's discussion, a Q&A page. */
export const THREAD_TYPE = /\b(DiscussionForumPosting|QAPage)\b/;

/**
 * The post element of the chosen element `chosen`: the nearest element with a class holding its
 * first prose outside chrome (`good`, `hard`: prose, and chrome the pick does not read). The chosen
 * element is a post, or the posts' container (a thread's replies in one `div.block-body`), whose
 * kind is no post's; a bare `<p>` is every paragraph's kind.
 */
function postOf(page: ParsedPage, chosen: number, good: (i: number) => boolean, hard: (i: number) => boolean): number {
  const { blocks, nodes } = page;
  const { start, end } = nodes[chosen] as ElementNode;
  for (let j = start; j < end; j++) {
    const b = blocks[j] as TextBlock;
    if (!good(j) || hard(j) || b.chrome !== 0) continue;
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
 * them (the replies' container named as comments). Blocks in structural chrome or in `cut` (`hard`)
 * are not taken, nor those under class chrome inside the post (a poster's box). `good` tells prose.
 */
export function keepThreadPosts(page: ParsedPage, chosen: number, good: (i: number) => boolean, hard: (i: number) => boolean, keep: Uint8Array, posts: Uint8Array): void {
  const { blocks, nodes } = page;
  const post = postOf(page, chosen, good, hard);
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
    const own = (j: number): boolean => clean[(blocks[j] as TextBlock).node] === 1 && !hard(j);
    let prose = false;
    for (let j = n.start; j < n.end && !prose; j++) prose = own(j) && good(j);
    if (!prose) continue;
    for (let j = n.start; j < n.end; j++) {
      if (!own(j)) continue;
      keep[j] = 1;
      posts[j] = 1;
    }
  }
}
