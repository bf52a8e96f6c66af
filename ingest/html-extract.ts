// Main-text extraction from HTML: the page's text minus its chrome, one block per line (list items
// as `- item`, the cells of a table row joined by ` | `), and the title apart. Blocks come from
// html-blocks.ts; here they are scored boilerpipe/jusText style (length, link density,
// punctuation, the chrome they sit in), the element holding the most net content is chosen, and
// its good blocks are written out.

import { classOf, isNear, parseBlocks, selfOrAncestor } from './html-blocks.ts';
import type { ElementNode, ParsedPage, TextBlock } from './html-blocks.ts';
import { BROWSER_NOTICE, BROWSER_NOTICE_HINT, BYLINE, DISCLAIMER_LINE, FILING_LINE, NEWSLETTER_HINT, NEWSLETTER_LINE, REFERENCES_HEADING, TEASER_HEADING, TEASER_INTRO, isBuilderClass, isClosedCommentsLine, isDateLine, isMetaClass, isUtilityClass } from './html-rules.ts';
import { unpinString } from './unpin-string.ts';
import { isSpace } from './collapse-space.ts';
import { isBoilerplate } from './boilerplate-verdicts.ts';
import type { BoilerplateVerdicts } from './boilerplate-verdicts.ts';
import { liftLongCaptions } from './html-long-caption.ts';
import { withoutFigureCaptions } from './html-figure-caption.ts';
import { withoutPosterTitles } from './html-poster-title.ts';
import { withoutSiteName } from './html-site-name.ts';
import { withoutAuthorBio } from './html-author-bio.ts';
import { withoutDeclaredHeadline } from './html-declared-headline.ts';
import { withoutDeclaredByline } from './html-declared-byline.ts';
import { liftItemHeaders, oneMain } from './html-item-header.ts';
import { withBodyLead, withHeaderLead } from './html-lead.ts';
import { markCounterRuns } from './html-counter-run.ts';
import { keepThreadPosts } from './html-thread.ts';

export interface Extracted {
  text: string;
  title?: string;
}

export type Quality = 'good' | 'medium' | 'short' | 'bad' | 'item' | 'itemLink' | 'itemTitle' | 'itemButton';

/** A punctuation mark: a line needs one to be prose. */
const PUNCT_ONE = /[.,;:!?。，；：！？、]/;

/** A line with punctuation this long is prose ('good'): a short post's sentences often run 60–80. */
const GOOD_CHARS = 60;

/** Browser notices run to a few sentences; longer text mentioning one is an article about browsers. */
const BROWSER_NOTICE_MAX = 400;

/** A disclaimer runs to a paragraph or a few; a longer block opening with the label is a page's
 * text run together in one element. */
const DISCLAIMER_MAX = 1000;

/** A filing line runs to its categories, tags and feed notes ("You can follow any responses to
 * this entry through the RSS 2.0 feed"): past BOILERPLATE_LINE's 200 characters, up to this. */
const FILING_MAX = 400;

/** Every date has a digit: most short lines (menus, labels) have none, and this test costs a
 * fraction of isDateLine's. */
const DIGIT = /\d/;

/** Dates longer than this are sentences ("Veröffentlicht am 12. September 2019 um 14:35 Uhr" is 49). */
const DATE_LINE_MAX = 60;

/** A theme's placeholder text left in a template nobody filled ("Lorem ipsum dolor sit amet, …",
 * "Lorem ipsum 2"): never a page's words. A sentence about it ("Lorem ipsum is the printers'
 * filler text") is. */
const PLACEHOLDER = /^lorem ipsum( dolor|\W*\d*\W*$)/i;

function quality(b: TextBlock, verdicts: BoilerplateVerdicts): Quality {
  const len = b.text.length;
  // A link-dense line is bad whatever it says: asked first, the line rules are spared the links of
  // a page's menus, footers and link lists.
  const ld = b.linkChars / len;
  if (ld > 0.5) return 'bad';
  if (PLACEHOLDER.test(b.text)) return 'bad';
  if (len < 200 ? isBoilerplate(verdicts, b.text) : len < FILING_MAX && FILING_LINE.test(b.text)) return 'bad';
  if (len < BROWSER_NOTICE_MAX && BROWSER_NOTICE_HINT.test(b.text) && BROWSER_NOTICE.test(b.text)) return 'bad';
  if (len < DISCLAIMER_MAX && DISCLAIMER_LINE.test(b.text)) return 'bad';
  if (len < DATE_LINE_MAX && DIGIT.test(b.text) && isDateLine(b.text)) return 'bad';
  if (ld > 0.3 && len < 200) return 'short';
  // One punctuation mark is enough: the lines are not searched for more.
  if (len < 40 || !PUNCT_ONE.test(b.text)) return 'short';
  return len >= GOOD_CHARS ? 'good' : 'medium';
}

const BODY_BONUS = 1.1;
const SIBLING_SHARE = 0.25;
const SIBLING_MIN = 80;
/** How many ancestors of the chosen element are looked at for sibling posts. */
const POST_LEVELS = 4;
/** Sibling posts that hold a line of prose but net no content (each reply under its poster's box,
 * votes, reactions and comment links) are a thread's when at least this many stand beside the chosen one:
 * a thread runs on, while an article's few sibling boxes (its sources, a teaser) are not posts. */
const THREAD_POSTS = 3;
/** A reply's linked title repeats the thread's ("Re: Discuss the release here"): no teaser's headline. */
const REPLY_TITLE = /^re:/i;

const VALUE: Record<Quality, number> = { good: 1, medium: 0.5, short: -0.1, bad: -1, item: 0.3, itemLink: -0.5, itemTitle: -0.25, itemButton: -0.5 };

/** An article body holding this share of the chosen element's net content is chosen instead. */
const BODY_SHARE = 0.4;

/**
 * The one article body (`entry-content`, `article-body`, …) inside element `best`, when it holds
 * BODY_SHARE of its net content: a wrapper of the post and a sidebar of excerpts (recent posts,
 * teasers) can outscore the body by the excerpts' prose. Several bodies (site builders' `rich-text`
 * sections of one page) say nothing: then `best` stays.
 */
function soleBody(nodes: readonly ElementNode[], total: Float64Array, best: number): number {
  const end = (nodes[best] as ElementNode).end;
  let body = best;
  let bodies = 0;
  let bodyEnd = -1;
  for (let i = best + 1; i < nodes.length && (nodes[i] as ElementNode).start < end; i++) {
    const n = nodes[i] as ElementNode;
    // Bodies nested in a counted one (`entry-content > div.post-content`) are the same body.
    if (n.verdict !== 2 || n.start < bodyEnd || (total[i] as number) < SIBLING_MIN) continue;
    bodies++;
    bodyEnd = n.end;
    if ((total[i] as number) >= BODY_SHARE * (total[best] as number)) body = i;
  }
  return bodies === 1 ? body : best;
}

/** An element's tag and first class (`div.answer` of `div.answer accepted-answer`). */
function firstClass(n: ElementNode): string {
  return n.kind.split(' ')[0] as string;
}

/**
 * The post inside element `best` when `best` is named as the article body but wraps the page's
 * other columns too (`div#maincontent` around the post and the sidebar): the post (an <article>
 * or an element named as content, not a site builder's module) holds at least the wrapper's net
 * content (the sidebar's short lines net nothing, and BODY_BONUS alone made the wrapper win), and
 * the wrapper holds SIBLING_SHARE of the post's text besides it outside chrome (a headline and a
 * byline beside an inner `the-content` are no other column).
 */
function postInBody(page: ParsedPage, total: Float64Array, best: number, scope: TextScope): number {
  const { blocks, nodes } = page;
  const wrapper = nodes[best] as ElementNode;
  if (wrapper.verdict !== 2) return best;
  let post = best;
  for (let i = best + 1; i < nodes.length && (nodes[i] as ElementNode).start < wrapper.end; i++) {
    const n = nodes[i] as ElementNode;
    if (n.verdict !== 1 && n.tag !== 'article') continue;
    if ((total[i] as number) < (total[best] as number) || (post !== best && (total[i] as number) <= (total[post] as number))) continue;
    if (!isBuilderClass(firstClass(n).slice(n.tag.length + 1))) post = i;
  }
  if (post === best) return best;
  const { start, end } = nodes[post] as ElementNode;
  let inside = 0;
  let besides = 0;
  for (let i = wrapper.start; i < wrapper.end; i++) {
    const b = blocks[i] as TextBlock;
    if (outOfText(blocks, scope, i)) continue;
    if (i >= start && i < end) inside += b.text.length;
    else besides += b.text.length;
  }
  return besides >= SIBLING_SHARE * inside ? post : best;
}

/**
 * Whether element `i` is a section of a landing page: a `<section>`, or a wrapper of one with the
 * same text (`div > section`: builders wrap some of a page's sections in a `div` for a background,
 * others not). Only the first child is followed, one element per level, down to the text.
 */
function isSection(nodes: readonly ElementNode[], i: number): boolean {
  const n = nodes[i] as ElementNode;
  for (let j = i; ; j++) {
    if ((nodes[j] as ElementNode).tag === 'section') return true;
    const child = nodes[j + 1];
    if (child === undefined || child.parent !== j || child.start !== n.start || child.end !== n.end) return false;
  }
}

/** A closed-comments notice is a line; a longer one mentioning it is a sentence of the text. */
const CLOSED_NOTICE_MAX = 200;

/** Headings longer than this are titles, not a teaser section's label. */
const TEASER_HEADING_MAX = 60;

const BARE_URL = /^(https?:\/\/|www\.)\S+$/;

/** What a pick counts as text: blocks under chrome level `floor`, outside the block range
 * [cutStart, cutEnd) of an element cut from it. */
interface TextScope {
  floor: number;
  cutStart: number;
  cutEnd: number;
}

/** Whether block i lies outside the text of `scope`. */
function outOfText(blocks: readonly TextBlock[], scope: TextScope, i: number): boolean {
  return (blocks[i] as TextBlock).chrome >= scope.floor || (i >= scope.cutStart && i < scope.cutEnd);
}

/** Whether block i is a kept linked paragraph of the text that scores bad (a list item the post
 * writes as a paragraph). */
function linkedPara(blocks: readonly TextBlock[], q: readonly Quality[], keep: Uint8Array, scope: TextScope, i: number): boolean {
  const b = blocks[i];
  return b !== undefined && keep[i] === 1 && !outOfText(blocks, scope, i) && b.kind === 'p' && q[i] === 'bad' && 2 * b.linkChars > b.text.length;
}

interface Pick {
  blocks: TextBlock[];
  /** The element with the most net content, whose blocks (and its kept siblings') were written. */
  element: ElementNode;
}

/** Blocks of the chosen container worth writing, honouring chrome at or above `chromeFloor`; the
 * blocks of element `cut`, when given, count as chrome too. */
function select(page: ParsedPage, q: readonly Quality[], chromeFloor: number, repeats: Int32Array, verdicts: BoilerplateVerdicts, cut?: ElementNode): Pick {
  const { blocks, nodes } = page;
  const scope: TextScope = { floor: chromeFloor, cutStart: cut?.start ?? 0, cutEnd: cut?.end ?? 0 };
  const total = new Float64Array(nodes.length);
  // Whether each subtree holds prose (a good block outside chrome), and a linked headline of a few
  // words (a teaser's, not a poster's linked name): for the thread's posts below.
  const said = new Uint8Array(nodes.length);
  const headlines = new Uint8Array(nodes.length);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    const isChrome = outOfText(blocks, scope, i);
    const value = b.text.length * (isChrome ? -1 : VALUE[q[i] as Quality]);
    total[b.node] = (total[b.node] as number) + value;
    if (!isChrome && q[i] === 'good') said[b.node] = 1;
    if (!isChrome && b.kind === 'h' && 2 * b.linkChars > b.text.length && HEADLINE_WORDS.test(b.text) && !REPLY_TITLE.test(b.text)) headlines[b.node] = 1;
    const shared = repeats[i] as number;
    if (shared >= 0) total[shared] = (total[shared] as number) - value;
  }
  // Children come after their parent in `nodes`: one backward pass sums subtrees.
  for (let i = nodes.length - 1; i > 0; i--) {
    const parent = (nodes[i] as ElementNode).parent;
    total[parent] = (total[parent] as number) + (total[i] as number);
    said[parent] = (said[parent] as number) | (said[i] as number);
    headlines[parent] = (headlines[parent] as number) | (headlines[i] as number);
  }
  // An element whose class names it the article body gets a small edge over its wrappers.
  let best = 0;
  let bestScore = (total[0] as number) * ((nodes[0] as ElementNode).verdict === 2 ? BODY_BONUS : 1);
  for (let i = 1; i < nodes.length; i++) {
    const score = (total[i] as number) * ((nodes[i] as ElementNode).verdict === 2 ? BODY_BONUS : 1);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  best = postInBody(page, total, soleBody(nodes, total, best), scope);
  // One paragraph is rarely a whole text: when it wins inside an element named as content that
  // holds more prose, lists of links in that body (deals, related stories) pulled the body below
  // its best paragraph, and the body is the pick (its link-dense lines are still left out). So
  // when the element holds an <h1> before the paragraph, whatever its name: it is the
  // post, whose one paragraph is followed by its list of links (a blog post's "From left to
  // right:" and the linked items). A teaser's excerpt, the one paragraph of its card, stays.
  const para = nodes[best] as ElementNode;
  const body = nodes[para.parent];
  if (para.tag === 'p' && body !== undefined && para.parent > 0 && body.verdict >= 0) {
    // Outside an element named as content, the <h1> makes it the post only while the paragraph is
    // its one good block: an element with more prose (a thread of comments under the title) is
    // more than a post and its paragraph is not lone.
    let prose = false;
    let h1 = false;
    for (let i = body.start; i < body.end && !prose; i++) {
      const b = blocks[i] as TextBlock;
      if ((i >= para.start && i < para.end) || outOfText(blocks, scope, i)) continue;
      prose = q[i] === 'good';
      h1 ||= i < para.start && b.level === 1;
    }
    if (body.verdict >= 1 ? prose || h1 : h1 && !prose) best = para.parent;
  }
  // Siblings of the chosen element that carry a good share of content too (the other items of a
  // listing, the second column of an article) are taken with it, readability style.
  const keep = new Uint8Array(blocks.length);
  const bestTotal = total[best] as number;
  const chosen = nodes[best] as ElementNode;
  keep.fill(1, chosen.start, chosen.end);
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    if (chosen.parent < 0 || n.parent !== chosen.parent) continue;
    // Siblings of the same kind as the chosen one (the other posts and answers of a thread, the
    // other items of a listing) need only net content; others a good share of the chosen score.
    const need = n.kind === chosen.kind && chosen.tag !== 'p' ? SIBLING_MIN : Math.max(SIBLING_SHARE * bestTotal, SIBLING_MIN);
    if ((total[i] as number) >= need) keep.fill(1, n.start, n.end);
  }
  // The best block is often the body of one post (`div.answer > div.post-layout > div.s-prose`):
  // the other posts are siblings of one of its classed ancestors, with the same first class
  // (`answer` and `answer accepted-answer`), and are kept when they hold net content. A site
  // builder's layout class (`elementor-element`) is shared by every block of the page: no post.
  for (let a = chosen.parent, up = 0; a > 0 && up < POST_LEVELS; a = (nodes[a] as ElementNode).parent, up++) {
    const an = nodes[a] as ElementNode;
    const name = firstClass(an).slice(an.tag.length + 1);
    if (an.kind.endsWith('.') || isBuilderClass(name) || isUtilityClass(name)) continue;
    // Posts that net no content but hold prose (short replies under busy poster boxes) are kept
    // when THREAD_POSTS of them stand together; not sections (a landing page's slides, its
    // desktop and mobile copies, are read by the rule below) nor cards under linked headlines (a
    // listing's teasers).
    const posts: ElementNode[] = [];
    let held = 1;
    for (let i = 1; i < nodes.length; i++) {
      const n = nodes[i] as ElementNode;
      if (i === a || n.parent !== an.parent || firstClass(n) !== firstClass(an)) continue;
      if ((total[i] as number) >= SIBLING_MIN) {
        keep.fill(1, n.start, n.end);
        held++;
      } else if (n.tag !== 'section' && said[i] === 1 && headlines[i] === 0) posts.push(n);
    }
    if (posts.length >= THREAD_POSTS) {
      for (const n of posts) keep.fill(1, n.start, n.end);
      held += posts.length;
    }
    // A thread of posts (the chosen one and THREAD_POSTS more) may stand apart from its opening
    // post: a Q&A page puts the question beside the answers' container, not among the answers,
    // and its comments (class chrome) net it below nothing. The elements before the container
    // that hold prose and no teaser's headline are the question.
    if (held > THREAD_POSTS && an.parent > 0) {
      const box = nodes[an.parent] as ElementNode;
      for (let i = 1; i < nodes.length; i++) {
        const n = nodes[i] as ElementNode;
        if (n.parent === box.parent && n.end <= box.start && said[i] === 1 && headlines[i] === 0) keep.fill(1, n.start, n.end);
      }
    }
  }
  // On a page that declares itself a thread or a Q&A page, the elements of the chosen post's kind
  // elsewhere are its other posts (the question apart from its answer, replies in a container
  // named as comments): written though class chrome lies above them.
  const posts = new Uint8Array(page.thread ? blocks.length : 0);
  if (page.thread) keepThreadPosts(page, best, q, { start: scope.cutStart, end: scope.cutEnd }, keep, posts);
  // A landing page is a column of sections (hero, features, testimonials, pricing): when the chosen
  // element sits in one and no article body is on the way or inside, the sibling sections (or
  // wrappers of one) with net content are the page's text too.
  let sec = best;
  let article = false;
  while (sec > 0 && (nodes[sec] as ElementNode).tag !== 'section') {
    const n = nodes[sec] as ElementNode;
    if (n.verdict === 2 || n.tag === 'article') article = true;
    sec = n.parent;
  }
  const secEnd = (nodes[sec] as ElementNode).end;
  for (let i = sec; i > 0 && i < nodes.length && (nodes[i] as ElementNode).start < secEnd && !article; i++) {
    article = (nodes[i] as ElementNode).verdict === 2 || (nodes[i] as ElementNode).tag === 'article';
  }
  if (sec > 0 && !article) {
    const parent = (nodes[sec] as ElementNode).parent;
    for (let i = 1; i < nodes.length; i++) {
      const n = nodes[i] as ElementNode;
      if (n.parent === parent && isSection(nodes, i) && (total[i] as number) >= SIBLING_MIN) keep.fill(1, n.start, n.end);
    }
  }
  // Siblings lying between kept ones (a feature list between two paragraphs, the ingredients
  // between the intro and the steps) belong to the same text, however short their lines.
  const firstKept = keep.indexOf(1);
  const lastKept = keep.lastIndexOf(1);
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    if (chosen.parent >= 0 && n.parent === chosen.parent && n.start >= firstKept && n.end <= lastKept + 1) keep.fill(1, n.start, n.end);
  }
  // A list of linked titles that a line ending in a colon introduces after the text's first
  // paragraph is a reading list, not navigation, also when it ends the text (the deals of a deals
  // post); after the last paragraph, a line announcing teasers (`Related:`, `More stories from
  // …:`) introduces none.
  let firstProse = -1;
  let lastProse = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (!keep[i] || q[i] !== 'good' || outOfText(blocks, scope, i)) continue;
    if (firstProse < 0) firstProse = i;
    lastProse = i;
  }
  const out: TextBlock[] = [];
  const bylines = new Set<TextBlock>();
  let introduced = false;
  let listedBefore = false;
  // A teaser section after the text's start (`Related posts`, `Most popular`, `Читайте также`):
  // its heading (or a label that is the only block of its element, `div.carousel__title` "Also
  // read"; a cell alone in its table row) and the rest of the element holding it (the table, for a
  // cell) are dropped, when that element starts after the first prose (a flat article body holding
  // the heading is not dropped) or ends before it (a box of links floated at the story's top, "More
  // in South Asia news", a table-laid sidebar's "EDITOR'S CHOICE", whose links are dropped anyway).
  // The first prose, a good line, is never such a heading (under TEASER_HEADING_MAX).
  let teasersEnd = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (!keep[i] || i < teasersEnd) continue;
    const b = blocks[i] as TextBlock;
    if (b.text.length < TEASER_HEADING_MAX && (b.kind === 'h' || isLabel(page, i)) && TEASER_HEADING.test(b.text) && (b.kind === 'h' || !NOT_TEASER_LABEL.test(b.text))) {
      const heading = nodes[b.node] as ElementNode;
      const up = b.kind === 'cell' ? (nodes[heading.parent] as ElementNode).parent : heading.parent;
      const section = nodes[heading.tag === 'h' + b.level || b.kind !== 'h' ? up : b.node] as ElementNode;
      if (section.start > firstProse || (i < firstProse && section.end <= firstProse)) {
        teasersEnd = section.end;
        continue;
      }
    }
    // In a flat text (the story's paragraphs and its readers' comments loose in one element) a
    // notice that the comments are closed ends the story: the rest of its element is the comments.
    if (i > firstProse && b.text.length < CLOSED_NOTICE_MAX && isClosedCommentsLine(b.text)) {
      teasersEnd = (nodes[b.node] as ElementNode).end;
      continue;
    }
    if (outOfText(blocks, scope, i) && posts[i] !== 1) continue;
    // A run of linked paragraphs after a label ("From left to right:", then "1. Owls Of The
    // British Isles Wallpaper", …) is a list the post writes one item to a paragraph.
    const listed: boolean = introduced && linkedPara(blocks, q, keep, scope, i) && (listedBefore || linkedPara(blocks, q, keep, scope, i + 1)) && !LINK_LABEL.test(b.text) && !DATED_END.test(b.text);
    listedBefore = listed;
    if (b.kind !== 'li') {
      const colon = endsWithColon(b.text);
      // The label of teasers after the text goes with them.
      if (colon && i > lastProse && TEASER_INTRO.test(b.text)) {
        introduced = false;
        continue;
      }
      // A heading naming the works the text cites ("References") introduces their list too.
      introduced = listed || (colon && q[i] !== 'bad') || (b.kind === 'h' && b.text.length < REFERENCES_HEADING_MAX && REFERENCES_HEADING.test(b.text));
    }
    // A bad line is written only as one of the text's own (writtenByText), asked last.
    if (q[i] === 'itemButton' || (q[i] === 'bad' && (b.kind !== 'h' || isBoilerplate(verdicts, b.text) || PLACEHOLDER.test(b.text)) && !writtenByText(b, i, firstProse, lastProse, listed, introduced, verdicts))) continue;
    if (isByline(b, q[i] as Quality)) bylines.add(b);
    out.push(b);
  }
  // The article's byline is not written (scored as it is); more than BYLINES_MAX are a list of
  // works, each with its author (a reading list).
  return { blocks: bylines.size > 0 && bylines.size <= BYLINES_MAX ? out.filter((b) => !bylines.has(b)) : out, element: chosen };
}

/**
 * Whether bad block `b` (index i) is the text's own line after all, by one of four exceptions
 * asked in turn: asked of every kept block, isLinkedSentence ran isBoilerplateLine over every
 * paragraph of the text (the per-line memo does not help: paragraphs are distinct). `listed` and
 * `introduced` are select's reading of the lines before it.
 */
function writtenByText(b: TextBlock, i: number, firstProse: number, lastProse: number, listed: boolean, introduced: boolean, verdicts: BoilerplateVerdicts): boolean {
  // Linked headings are the item titles of listings; other link-dense blocks are navigation.
  if ((b.kind === 'li' || listed) && introduced && i > firstProse && !isBoilerplate(verdicts, b.text)) return true;
  if (i <= firstProse || i >= lastProse) return false;
  return (
    // A line that is one bare URL between paragraphs is a link the author wrote out: navigation
    // never shows addresses.
    BARE_URL.test(b.text) ||
    // A paragraph between paragraphs whose links make up most of a sentence (a patent's long title
    // linked in a news story) is the text's: navigation never writes sentences.
    isLinkedSentence(b, verdicts) ||
    // A list item between paragraphs that adds words of its own to its link ("Copywriting Ebook
    // Giveaway! – 15.7%", a post's findings; a guide's series "by John Hunter") is the text's:
    // navigation's items are their links alone. Asked last, of link-dense items only.
    isOwnListItem(b, verdicts)
  );
}

/** Whether `text` ends in a colon, perhaps before whitespace: `/:\s*$/`, read from the end instead
 * of by a regex that looks for a colon at every position of the line. */
function endsWithColon(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.charCodeAt(end - 1) === 0x3a;
}

/** REFERENCES_HEADING is asked of headings under this length. */
const REFERENCES_HEADING_MAX = 40;

/** A block that may be a section's label though no heading (`div.mainColumnLabel` "ALSO IN THE
 * NEWS"): unlinked, the only block of its element; or an unlinked table cell alone in its row, as
 * table-laid pages head their boxes ("Recent Online Media Daily Articles"), whose section is the
 * table. */
function isLabel(page: ParsedPage, i: number): boolean {
  const b = page.blocks[i] as TextBlock;
  const n = page.nodes[b.node] as ElementNode;
  if (b.kind === 'cell') {
    const row = page.nodes[n.parent] as ElementNode | undefined;
    return b.linkChars === 0 && row !== undefined && row.start === i && row.end === i + 1;
  }
  return (b.kind === 'text' || b.kind === 'p') && b.linkChars === 0 && n.start === i && n.end === i + 1;
}

/** TEASER_HEADING's words that head the text's own parts when a paragraph says them: an author's
 * bio ("About the Author"), a pricing plan ("Popular") and a comment's label ("Comment:"). */
const NOT_TEASER_LABEL = /^(about the|über (den|die)|à propos|sobre (el|o) autor|sull.autore|over de auteur|o autorze|об авторе)|^popular\W*$|:\s*$/iu;

/** Unlinked characters a linked sentence keeps, at least this many and this share: its own words
 * around the links (a hover card's run of linked headlines has a few spaces between them). */
const LINKED_SENTENCE_OWN = 40;
const LINKED_SENTENCE_SHARE = 0.2;

/** A label opening a line of links ("Also read: …", "Read more: …", "Subject areas: …"). */
const LINK_LABEL = /^[^:.!?]{1,40}:\s/;

/** A whole sentence: eight words or more, a comma, semicolon or colon inside, a full stop, `!` or
 * `?` at the end ("Starting today, timeline will also be available on Android and m.facebook.com.").
 * Headlines, menus and teaser titles are no such sentences. */
const WHOLE_SENTENCE_WORDS = /\S+( \S+){7}/;
const INNER_PUNCT = /[,;:，；：]./;
const isWholeSentence = (text: string): boolean => SENTENCE_END.test(text) && INNER_PUNCT.test(text) && WHOLE_SENTENCE_WORDS.test(text);

/** A paragraph of prose length whose links make up over half of it, but which has words of its own
 * with punctuation, or is a whole sentence however much of it is linked, and opens with no label:
 * a sentence whose links carry long titles, or a sentence linked whole to its source, not a teaser
 * line nor a boilerplate line. */
function isLinkedSentence(b: TextBlock, verdicts: BoilerplateVerdicts): boolean {
  const len = b.text.length;
  const own = len - b.linkChars >= Math.max(LINKED_SENTENCE_OWN, LINKED_SENTENCE_SHARE * len) && PUNCT_ONE.test(b.text);
  return b.kind === 'p' && len >= GOOD_CHARS && (own || isWholeSentence(b.text)) && !LINK_LABEL.test(b.text) && !isBoilerplate(verdicts, b.text);
}

/** A pitch is a sentence: this long at least, ending in a full stop, `!` or `?` (full-width ones
 * too), perhaps inside closing quotes or brackets (`… calling it “unethical.”`): a quotation that
 * ends the sentence ends the line. */
const PITCH_MIN = 40;
const SENTENCE_END = /[.!?。！？]["'”’»)\]]*$/;

/**
 * A linked paragraph right after a linked heading, when it is a sentence and no boilerplate, is
 * the pitch under a card's title (a feature card or a listing's teaser, the card linked whole or
 * its title and its teaser each): scored as the prose it is, not as the link-dense line that
 * navigation is. Scored bad, a grid of such cards scored below one blurb beside it, and the
 * pitches were never written.
 */
function pitchQualities(blocks: readonly TextBlock[], q: Quality[], verdicts: BoilerplateVerdicts): void {
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    const h = blocks[i - 1] as TextBlock;
    if (q[i] !== 'bad' || b.kind !== 'p' || h.kind !== 'h' || 2 * b.linkChars <= b.text.length || 2 * h.linkChars <= h.text.length) continue;
    if (b.text.length >= PITCH_MIN && SENTENCE_END.test(b.text) && !isBoilerplate(verdicts, b.text)) q[i] = b.text.length >= GOOD_CHARS ? 'good' : 'medium';
  }
}

/** Unlinked characters a linked list item keeps to be the text's own item (" – 15.7%"). */
const OWN_ITEM_CHARS = 5;

/** A list item ending in a year: a dated teaser (a headline, its source and date), as news
 * listings between a page's paragraphs write them ("… The White House 18 Dec 2006"). */
const DATED_END = /\b(19|20)\d\d\W*$/;

/** Whether a line opens with a LINK_LABEL of words alone: a label holding a number is a date or a
 * step of the text's own list ("November 17th to 18th, 2012: Launch and Main Event"), not a
 * thread's or a section's navigation ("Next message:", "Scores:"). */
function wordLabel(text: string): boolean {
  const label = LINK_LABEL.exec(text);
  return label !== null && !DIGIT.test(label[0]);
}

/** A linked list item with words of its own that opens with no label of words ("Next message: …",
 * "Scores: …", a thread's or a section's navigation) and ends in no date, and is no boilerplate. */
function isOwnListItem(b: TextBlock, verdicts: BoilerplateVerdicts): boolean {
  return b.kind === 'li' && b.text.length - b.linkChars >= OWN_ITEM_CHARS && !wordLabel(b.text) && !DATED_END.test(b.text) && !isBoilerplate(verdicts, b.text);
}

/** Bylines are short: a longer line opening with "By" and a name is a sentence. */
const BYLINE_MAX = 100;

/** An article has one byline, perhaps repeated above and below it; more are a list of works. */
const BYLINES_MAX = 2;

/**
 * Whether a written block is a byline ("By Max Mustermann", "VON MIRJAM SWANSON"): a line of its
 * own (not a heading, a list item, a table cell) that scores short or medium. Inside a grid the
 * author under each title is an item's line, which listing golds keep.
 */
function isByline(b: TextBlock, q: Quality): boolean {
  return (q === 'short' || q === 'medium') && b.kind !== 'h' && b.kind !== 'li' && b.row < 0 && b.text.length < BYLINE_MAX && BYLINE.test(b.text);
}

/** Lines at least this long are written once per page. */
const REPEAT_MIN = 80;

/** Longest run of blocks compared with its copy: a track or a table of contents is far shorter, and
 * the bound keeps hostile pages linear. */
const RUN_MAX = 256;

/**
 * Blocks that copy the run of blocks right before them, when the run holds REPEAT_MIN characters:
 * a looping carousel or marquee clones its track of short slides (a figure and its label, a logo
 * row) one or more times after the original, a table of contents comes in a desktop and a mobile
 * copy; a shorter run is a copy when it comes three times or more in a row (a ticker of one
 * slogan). Only a copy of the whole run right before is one: a listing's items repeat their labels,
 * never a whole stretch of lines.
 */
function copiedRuns(blocks: readonly TextBlock[]): Uint8Array {
  const copy = new Uint8Array(blocks.length);
  // Where each short line was last seen (long lines are written once anyway).
  const lastAt = new Map<string, number>();
  for (let j = 0; j < blocks.length; ) {
    const text = (blocks[j] as TextBlock).text;
    const p = text.length < REPEAT_MIN ? lastAt.get(text) : undefined;
    if (p !== undefined && j - p <= RUN_MAX) {
      const len = j - p;
      let k = 0;
      let runChars = 0;
      while (k < len && j + k < blocks.length && (blocks[p + k] as TextBlock).text === (blocks[j + k] as TextBlock).text) runChars += (blocks[j + k++] as TextBlock).text.length;
      // A shorter run repeated twice or more in a row is a ticker's track too (one call to action
      // cloned a dozen times): the copy after an accepted copy, and the copy that another follows.
      // Not a table's rows: an archive repeats `by Thread | by Date` down its months.
      let again = 0;
      if (k === len && runChars < REPEAT_MIN && !copy[p] && (blocks[j] as TextBlock).row < 0) {
        while (again < len && j + len + again < blocks.length && (blocks[p + again] as TextBlock).text === (blocks[j + len + again] as TextBlock).text) again++;
      }
      if (k === len && (runChars >= REPEAT_MIN || copy[p] || again === len)) {
        copy.fill(1, j, j + len);
        // The next copy, if any, is compared with this one.
        for (let i = j; i < j + len; i++) lastAt.set((blocks[i] as TextBlock).text, i);
        j += len;
        continue;
      }
    }
    if (text.length < REPEAT_MIN) lastAt.set(text, j);
    j++;
  }
  return copy;
}

/**
 * Whether block `b`, a long line written before as block `a`, is said again by the text itself: a
 * meal plan's same dish on another day. Both are elements of their own in one parent, apart (not
 * one right after the other, a layout's doubled line) and not table cells (a comparison's shared
 * values). A layout's copy lies in another container (the gallery, the tab, the mobile view); an
 * unclosed `<p>` holding a page written twice is one element.
 */
function inTextAgain(a: TextBlock, b: TextBlock, adjacent: boolean, nodes: readonly ElementNode[]): boolean {
  return !adjacent && b.kind !== 'cell' && a.node !== b.node && (nodes[a.node] as ElementNode).parent === (nodes[b.node] as ElementNode).parent;
}

/** A marquee's phrase is this long at least and comes this many times in its line. */
const CLONED_PHRASE_MIN = 4;
const CLONED_PHRASE_MAX = 100;
const CLONED_TIMES = 3;

/**
 * The phrase a line is made of when it is one phrase repeated CLONED_TIMES or more in a row (a
 * marquee's track, "Book Now *Book Now *Book Now *…", cloned to fill the screen's width), else
 * undefined: the phrase is written once, as copiedRuns writes a ticker's cloned lines once.
 */
function clonedPhrase(text: string): string | undefined {
  if (text.length < CLONED_TIMES * CLONED_PHRASE_MIN) return undefined;
  const p = text.indexOf(text.slice(0, CLONED_PHRASE_MIN), 1);
  if (p < CLONED_PHRASE_MIN || p > CLONED_PHRASE_MAX || text.length < CLONED_TIMES * p) return undefined;
  for (let i = p; i < text.length; i++) if (text[i] !== text[i - p]) return undefined;
  return text.slice(0, p).trim();
}

/** Sign-up prompts are short; a longer line mentioning an inbox is prose. */
const NEWSLETTER_MAX = 200;
const HOST_MAX = 64;
/** A host name alone on its line (`support.apple.com`, `www.businessinsider.com`): a link
 * preview's or a teaser's source label. All in lower case: a capitalised one (`Workforce.com`,
 * `ASP.NET`) names a brand or a product. */
const HOST_LINE = /^(?:[a-z0-9-]+\.)+(?:com|org|net|edu|gov|io|co\.uk|org\.uk|de|fr|nl|es|it|ca|au|info)$/;

// The headline is written even when it equals the title: the text stands alone as a document
// (the title goes to metadata), and a headline is part of its article.
function render(blocks: readonly TextBlock[], nodes: readonly ElementNode[]): string {
  const lines: string[] = [];
  const copy = copiedRuns(blocks);
  let last: TextBlock | undefined;
  // Pages repeat their text for other layouts (a product description in the gallery, the tab and
  // the mobile view): a long line is written once, unless the text itself says it again
  // (inTextAgain). Each long line maps to the index of its last copy written.
  const written = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    if (copy[i]) continue;
    const b = blocks[i] as TextBlock;
    if (b.text.length >= REPEAT_MIN) {
      const at = written.get(b.text);
      if (at !== undefined) {
        const a = blocks[at] as TextBlock;
        if (!inTextAgain(a, b, at === i - 1, nodes)) continue;
      }
      written.set(b.text, i);
    }
    if (b.text.length < NEWSLETTER_MAX && NEWSLETTER_HINT.test(b.text) && NEWSLETTER_LINE.test(b.text)) continue;
    // A host in a list item or a table's cell is the item's or the row's value.
    if (b.text.length < HOST_MAX && !b.bullet && b.kind !== 'cell' && b.text.includes('.') && HOST_LINE.test(b.text)) continue;
    // A card's whole-card link (an accessible copy of its title, a line of its own) and then its
    // heading, once the meta between them is left out: the title is written once. Other lines
    // written twice in a row stay (a headline and its photo's caption, a slogan twice): golds keep
    // both.
    if (b.kind === 'h' && last !== undefined && last.kind !== 'h' && last.row < 0 && 2 * last.linkChars > last.text.length && b.text === last.text) continue;
    const sameRow = b.kind === 'cell' && last?.kind === 'cell' && b.row === last.row && b.node !== last.node;
    last = b;
    const text = clonedPhrase(b.text) ?? b.text;
    if (sameRow && lines.length > 0) {
      lines[lines.length - 1] += ` | ${text}`;
      continue;
    }
    lines.push(b.bullet ? `- ${text}` : text);
  }
  return lines.join('\n');
}

const MIN_CHARS = 250;
/** A short result that is a small share of the page's text is a misread listing too. */
const SHORT_CHARS = 1500;
const SHORT_SHARE = 0.2;
/** …unless it holds this much prose (good blocks): then it is a short article. */
const SHORT_PROSE = 400;

const chars = (blocks: readonly TextBlock[]): number => blocks.reduce((n, b) => n + b.text.length, 0);

/** The characters of `blocks`' prose: those of them in `good`. */
function prose(blocks: readonly TextBlock[], good: ReadonlySet<TextBlock>): number {
  let n = 0;
  for (const b of blocks) if (good.has(b)) n += b.text.length;
  return n;
}

/** Whether `blocks` (a pick) is short: little prose and few characters. */
function isShort(blocks: readonly TextBlock[], good: ReadonlySet<TextBlock>): boolean {
  return prose(blocks, good) < SHORT_PROSE && chars(blocks) < SHORT_CHARS;
}
/** A short post's prose is kept by a wider pick unless that pick holds this many times more prose. */
const WIDER_PROSE = 6;
/** The pick inside structural chrome gives way when the blocks outside it hold this many times its text. */
const VISIBLE_OVER_HIDDEN = 2;

/** Siblings of one kind that make an element a grid of items (a shop category, a listing). */
const ITEMS_MIN = 6;
/** …each holding at least this many blocks (a name and a price): a list of single links is a menu. */
const ITEM_BLOCKS = 2;

/** Short and linked lines inside the repeated items of a grid are the items' names, prices and
 * attributes: content there, not the boilerplate they would be alone. A linked heading there is an
 * item's title (a listing's headline, a category's product name): it costs half what another
 * linked line does, or a grid of titles with their bylines loses to a sidebar's few sentences. */
function itemQualities(page: ParsedPage, q: Quality[], verdicts: BoilerplateVerdicts): void {
  const { nodes, blocks } = page;
  // Siblings of one kind share a key: the kind's number on the page, then the parent's index
  // (numbers, not a string per node).
  const kinds = new Map<string, number>();
  const keys = new Float64Array(nodes.length);
  const count = new Map<number, number>();
  // A parent with fewer than ITEMS_MIN children of ITEM_BLOCKS holds no grid: their kinds (long
  // class strings, hashed on first use) are not looked up.
  const children = new Int32Array(nodes.length);
  for (const n of nodes) if (n.end - n.start >= ITEM_BLOCKS && n.parent >= 0) children[n.parent] = (children[n.parent] as number) + 1;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    if (n.end - n.start < ITEM_BLOCKS || n.parent < 0 || (children[n.parent] as number) < ITEMS_MIN) continue;
    let kind = kinds.get(n.kind);
    if (kind === undefined) kinds.set(n.kind, (kind = kinds.size));
    keys[i] = kind * nodes.length + n.parent + 1;
    count.set(keys[i]!, (count.get(keys[i]!) ?? 0) + 1);
  }
  const inItem = new Uint8Array(nodes.length);
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i] as ElementNode;
    inItem[i] = inItem[n.parent] || (n.end - n.start >= ITEM_BLOCKS && (count.get(keys[i]!) ?? 0) >= ITEMS_MIN) ? 1 : 0;
  }
  // A linked line with the same text in several items is each item's button ("Apply now", "View
  // map"), not its name: scored as one, never written. Not a table's cells: a row's links repeated
  // down an archive's table ("by Thread | by Date") are its data.
  const labels = new Map<string, number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    if (inItem[b.node] && q[i] === 'bad' && b.kind !== 'h' && b.row < 0) labels.set(b.text, (labels.get(b.text) ?? 0) + 1);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    if (!inItem[b.node]) continue;
    if (b.chrome === 1) liftMetaChrome(b, nodes, count, keys);
    if (q[i] === 'short') q[i] = 'item';
    else if (q[i] === 'bad' && !isBoilerplate(verdicts, b.text)) q[i] = b.kind === 'h' ? 'itemTitle' : b.row < 0 && (labels.get(b.text) ?? 0) >= BUTTON_REPEATS ? 'itemButton' : 'itemLink';
  }
}

/**
 * A teaser's byline and date in an element of its own inside a grid's item
 * (`div.post-block--author-area > div.author-area--name`) are the item's lines, which listing golds
 * keep under each title, not a post page's meta box: the class chrome of block `b`, when only meta
 * words name it (isMetaClass) between the block and its item (an element whose sibling key,
 * `keys`, `count` holds ITEMS_MIN times: itemQualities), and no other chrome name lies on the item or
 * above it, is cleared.
 */
function liftMetaChrome(b: TextBlock, nodes: readonly ElementNode[], count: ReadonlyMap<number, number>, keys: Float64Array): void {
  let n = b.node;
  let meta = false;
  while ((count.get(keys[n]!) ?? 0) < ITEMS_MIN) {
    const node = nodes[n] as ElementNode;
    if (node.verdict === -1 && !isMetaClass(classOf(node))) return;
    meta ||= node.verdict === -1;
    n = node.parent;
  }
  if (meta && !selfOrAncestor(nodes, nodes[n] as ElementNode, (a) => a.verdict === -1)) b.chrome = 0;
}

/** A grid's linked line repeated this many times is a button on each item. */
const BUTTON_REPEATS = 4;

/** Whether an element or one of its ancestors is named as content (class or id `post`, `entry`,
 * `article`, …) or is an <article>. */
function namesContent(nodes: readonly ElementNode[], element: ElementNode): boolean {
  return selfOrAncestor(nodes, element, (n) => n.verdict >= 1 || n.tag === 'article');
}

/** A pick inside the page's one <main> under this share of main's text is widened to main. */
const MAIN_SHARE = 0.5;

/**
 * HTML's <main> holds the page's main content, by definition. When the pick lies inside the
 * page's one <main> and holds under half of its text, main's short lines are content too (a
 * landing page's taglines and feature lists, a list page's items, the headlines of a listing):
 * every block of main outside chrome that is not boilerplate, nor link-dense unless a heading (a
 * news front's linked headlines), is written.
 */
function wholeMain(page: ParsedPage, q: readonly Quality[], chosen: TextBlock[], verdicts: BoilerplateVerdicts): TextBlock[] {
  const main = oneMain(page.nodes);
  if (main === 0) return chosen;
  const { start, end } = page.nodes[main] as ElementNode;
  // Linked headings are the titles of a listing's items, written as select writes them.
  const inMain = page.blocks.slice(start, end).filter((b, i) => b.chrome === 0 && q[start + i] !== 'itemButton' && (q[start + i] !== 'bad' || (b.kind === 'h' && !isBoilerplate(verdicts, b.text))));
  if (chars(chosen) >= MAIN_SHARE * chars(inMain)) return chosen;
  const held = new Set(inMain);
  return chosen.every((b) => held.has(b)) ? inMain : chosen;
}

/**
 * A landing page opens with a hero: its one <h1> and, beside it in the same element, the tagline
 * and the pitch. The pick (the feature sections below) outscores that short block, so when the
 * <h1> lies before the pick and outside it, the hero's lines that are not chrome nor bad are
 * written first. Only on pages that mark no article (no <article>, no article-body class): an
 * article's headline block holds its byline and standfirst, which article golds leave out.
 */
function withHero(page: ParsedPage, q: readonly Quality[], chosen: TextBlock[]): TextBlock[] {
  const { blocks, nodes } = page;
  if (chosen.length === 0 || nodes.some((n) => n.verdict === 2 || n.tag === 'article')) return chosen;
  // The chrome the pick sits in: a pick inside a wrapper named like chrome (a framework's root
  // `div#__next`) has its hero inside the same wrapper.
  let floor = 2;
  for (const b of chosen) floor = Math.min(floor, b.chrome);
  let h1 = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    if (b.level !== 1 || b.chrome > floor) continue;
    if (h1 >= 0) return chosen;
    h1 = i;
  }
  const first = blocks.indexOf(chosen[0] as TextBlock);
  if (h1 < 0 || first <= h1) return chosen;
  // The element around the <h1>'s own; the root when it has none (an FAQ toggle's heading, written
  // as a block of the element it sits in, can be the root's).
  const own = nodes[(blocks[h1] as TextBlock).node] as ElementNode;
  const hero = own.parent >= 0 ? (nodes[own.parent] as ElementNode) : own;
  const lines: TextBlock[] = [];
  for (let i = h1; i < Math.min(hero.end, first); i++) {
    const b = blocks[i] as TextBlock;
    if (b.chrome <= floor && (q[i] !== 'bad' || i === h1)) lines.push(b);
  }
  return [...lines, ...chosen];
}

/** A headline has four words or more; a shorter heading over the pick names its section ("Top
 * Stories", "TOP VIDEOS"). */
const HEADLINE_WORDS = /^\S+( \S+){3}/;
/** Short lines outside chrome (a byline, a date, a source: under HEADLINE_META_CHARS) may stand
 * between a headline and its story's body, up to HEADLINE_GAP of them. Lines in chrome there (a
 * CMS's marked meta box) belong to an article header, which modern golds leave out with its
 * headline. */
const HEADLINE_GAP = 4;
/** How far above the pick's first element's parent the headline's parent or grandparent may lie. */
const HEADLINE_NEAR_LEVELS = 3;
const HEADLINE_META_CHARS = 60;

/**
 * A story's headline often sits just before its body, outside the element picked for it
 * (`div.espanso > h4`, then `div.storyText`), and the pick leaves it out. The heading right before
 * the pick, or before a few short lines (HEADLINE_GAP; they are not written), is written first
 * when it is outside chrome, is neither boilerplate nor a date line (linked, as a post's permalink
 * title is, it counts), reads as a headline (HEADLINE_WORDS, no teaser heading), and sits
 * beside the pick's first element: the heading's parent or grandparent is that element's parent or
 * one of its next three ancestors (`div.entry > h3` beside `div.entry-content > div.entry-body >
 * p`; a docs page's `<h1>` beside `article > div.whitespace > div.markdown > p`). A heading further
 * off belongs to something else on the page.
 */
function withHeadline(page: ParsedPage, q: readonly Quality[], chosen: TextBlock[], verdicts: BoilerplateVerdicts): TextBlock[] {
  const { blocks, nodes } = page;
  if (chosen.length === 0) return chosen;
  const first = blocks.indexOf(chosen[0] as TextBlock);
  let at = first - 1;
  while (at >= first - HEADLINE_GAP && at > 0 && (blocks[at] as TextBlock).kind !== 'h' && (blocks[at] as TextBlock).chrome === 0 && (blocks[at] as TextBlock).text.length < HEADLINE_META_CHARS) at--;
  const h = blocks[at];
  if (h === undefined || h.kind !== 'h' || h.chrome > 0 || (q[at] === 'bad' && (h.text.length >= 200 || isBoilerplate(verdicts, h.text) || isDateLine(h.text))) || !HEADLINE_WORDS.test(h.text) || TEASER_HEADING.test(h.text)) return chosen;
  // A story's own heading opening the pick outranks anything before it.
  const top = chosen[0] as TextBlock;
  if (top.kind === 'h' && top.level <= h.level) return chosen;
  const hp = (nodes[h.node] as ElementNode).parent;
  const fp = (nodes[top.node] as ElementNode).parent;
  const near = isNear(nodes, fp, hp, HEADLINE_NEAR_LEVELS) || isNear(nodes, fp, hp >= 0 ? (nodes[hp] as ElementNode).parent : -1, HEADLINE_NEAR_LEVELS);
  return near ? [h, ...chosen] : chosen;
}

/** How far up from a repeated line its earlier copy is looked for: a layout's copies sit side by
 * side, a forum post quoting an earlier one lies further off and is not a copy. */
const REPEAT_LEVELS = 4;
/** Distinct lines of one length kept to compare with: bounds the work on hostile pages. */
const REPEAT_CANDIDATES = 8;

/**
 * For each long line that repeats an earlier one close by, the innermost element holding both
 * copies, else -1. Pages copy a notice bar for the mobile layout, a description for the gallery
 * and the tab: the copy is written once (render), so the element holding both counts it once too;
 * twice-counted, a duplicated banner outscores a short body. An element holding one copy counts
 * it in full.
 */
function repeatedLines(page: ParsedPage): Int32Array {
  const { blocks, nodes } = page;
  const shared = new Int32Array(blocks.length).fill(-1);
  // Lines are bucketed by length and compared only within a bucket, a few at most: hashing every
  // long line cost a sixth of the extraction.
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as TextBlock;
    const len = b.text.length;
    if (len < REPEAT_MIN) continue;
    let same = byLength.get(len);
    if (same === undefined) byLength.set(len, (same = []));
    let earlier = -1;
    for (const j of same) {
      if ((blocks[j] as TextBlock).text !== b.text) continue;
      earlier = j;
      break;
    }
    if (earlier < 0) {
      if (same.length < REPEAT_CANDIDATES) same.push(i);
      continue;
    }
    let n = b.node;
    for (let up = 0; n > 0 && (nodes[n] as ElementNode).start > earlier && up < REPEAT_LEVELS; up++) n = (nodes[n] as ElementNode).parent;
    if ((nodes[n] as ElementNode).start <= earlier) shared[i] = n;
  }
  return shared;
}

export function extractMainText(html: string, _options: { url?: string } = {}): Extracted {
  const page = parseBlocks(html);
  const verdicts: BoilerplateVerdicts = new Map();
  const q = new Array<Quality>(page.blocks.length);
  for (let i = 0; i < q.length; i++) q[i] = quality(page.blocks[i] as TextBlock, verdicts);
  pitchQualities(page.blocks, q, verdicts);
  markCounterRuns(page.blocks, q, 'bad');
  liftLongCaptions(page, q);
  liftItemHeaders(page);
  itemQualities(page, q, verdicts);
  const repeats = repeatedLines(page);
  const good = new Set(page.blocks.filter((_, i) => q[i] === 'good'));
  let firstPick = select(page, q, 1, repeats, verdicts);
  // A pick that opens with a teaser or comment section's heading ("Have Your Say", "Most popular")
  // is that section, unnamed as chrome, whose readers' comments or excerpts outscored a story
  // weighed down by its own share bars: the pick is made again with that element as chrome.
  const head = firstPick.blocks[0];
  if (head !== undefined && head.kind === 'h' && head.text.length < TEASER_HEADING_MAX && TEASER_HEADING.test(head.text)) {
    const again = select(page, q, 1, repeats, verdicts, firstPick.element);
    if (again.blocks.length > 0) firstPick = again;
  }
  const first = firstPick.blocks;
  let chosen = first;
  // The pick is the element the markup names as the article body (`entry-content`, `post-body`):
  // however short, it is the post. A wider pick must hold it, however much prose lies elsewhere,
  // and no fallback takes class chrome, where its comments are (a two-line post under a hundred
  // comments).
  const namedBody = firstPick.element.verdict === 2 && first.length > 0;
  // A paragraph of that body picked alone (its list of related links pulled the body below it) is
  // the post too: no wider pick may drop it for the comments.
  const inBody = namedBody || (first.length > 0 && firstPick.element.tag === 'p' && page.nodes[firstPick.element.parent]?.verdict === 2);
  // Link lists are taken too (link pages need them), but under a short post only beside it, in the
  // parent of its element: elsewhere they are the sidebar's top posts and archives.
  const post = prose(first, good) > 0;
  const beside = firstPick.element.parent >= 0 ? (page.nodes[firstPick.element.parent] as ElementNode) : firstPick.element;
  const linkList = (b: TextBlock, i: number): boolean => post && b.kind === 'li' && (i < beside.start || i >= beside.end);
  // Most pages need neither fallback: the blocks they would drop are found once, when one does.
  let dropped: Uint8Array | undefined;
  const outside = (floor: number): TextBlock[] => {
    dropped ??= Uint8Array.from(page.blocks, (b, i) => (q[i] === 'itemButton' || (q[i] === 'bad' && (isBoilerplate(verdicts, b.text) || BROWSER_NOTICE.test(b.text) || linkList(b, i))) ? 1 : 0));
    return page.blocks.filter((b, i) => b.chrome < floor && !dropped?.[i]);
  };
  // Too little text: the chrome rules or the scoring misread the page. Widen step by step, down to
  // every block outside structural chrome (link lists included), as listings and link pages need.
  // A short post (what was chosen holds prose) is kept: the wider pick must hold it too, or much
  // more prose, not a menu, a share bar or an author box elsewhere on the page. Structural chrome
  // (a hidden element, a dialog, `<nav>`) is read only for a page that hides its whole text there
  // (a forum thread revealed by script): where the blocks outside it hold twice as much text, or
  // as much prose, they are the page (a listing's link cards, read by the fallback below), not a
  // mega-menu's featured posts, a shop's hidden pricing FAQ or its cards' hidden colour swatches.
  for (const floor of [2, 3]) {
    if (chars(chosen) >= MIN_CHARS) break;
    const widerPick = select(page, q, floor, repeats, verdicts);
    // A page hides its text in a script-revealed element or a dialog, never in its <footer>: a
    // pick there is the site's brand blurb or shipping notice, which outweighs a short visible
    // page (a collection of two products, a page its script fills).
    if (floor === 3 && selfOrAncestor(page.nodes, widerPick.element, (n) => n.tag === 'footer')) break;
    const wider = widerPick.blocks;
    // Good blocks are never dropped, so the visible prose needs no fallback's list; nor does its
    // text when even every block outside structural chrome falls short of the bound.
    if (floor === 3) {
      const visible = page.blocks.filter((b) => b.chrome < 2);
      const bound = VISIBLE_OVER_HIDDEN * chars(wider);
      if ((prose(wider, good) > 0 && prose(visible, good) >= prose(wider, good)) || (chars(visible) >= bound && chars(outside(2)) >= bound)) break;
    }
    const held = new Set(wider);
    const keepsPost = first.every((b) => held.has(b)) || (!inBody && (prose(first, good) === 0 || prose(wider, good) > WIDER_PROSE * chars(first)));
    if (chars(wider) > chars(chosen) && keepsPost) chosen = wider;
  }
  // A short pick elsewhere than the article, which a wrapper with a chrome name hides (an article
  // inside `div.share_wrapper`): the pick honouring only structural chrome, when it lies elsewhere
  // (a wider pick holding the short post would only add its comments), holds much more prose and
  // is no chrome itself (the comment list under a short post).
  if (isShort(chosen, good) && chosen === first && !inBody) {
    const { blocks: wider, element } = select(page, q, 2, repeats, verdicts);
    const held = new Set(wider);
    if (element.verdict >= 0 && prose(wider, good) >= SHORT_PROSE && prose(wider, good) > WIDER_PROSE * chars(first) && !first.every((b) => held.has(b))) chosen = wider;
  }
  // A short result that is a small share of the page's text is a misread listing: take every block
  // outside chrome; class chrome (comments, author boxes) only when the result is tiny or holds no
  // prose (a short post with many comments is still a short post).
  const short = isShort(chosen, good);
  // A short post in an element the markup names as content (`div#post`, `article`): the page's
  // other blocks outside structural chrome are its sidebar and footer, not more of it. A post in
  // the element named as the article body itself (`entry-content`) is the page's text as it
  // stands: the rest of the page (its sidebar's lists and blurbs) is never added to it.
  const namedPost = post && namesContent(page.nodes, firstPick.element);
  for (const floor of namedBody && post ? [] : namedBody || namedPost ? [1] : [1, 2]) {
    if (chars(chosen) >= MIN_CHARS && !(short && (floor === 1 || !post))) continue;
    const all = outside(floor);
    if ((chars(chosen) < MIN_CHARS || chars(chosen) < SHORT_SHARE * chars(all)) && chars(all) > chars(chosen)) chosen = all;
  }
  chosen = wholeMain(page, q, chosen, verdicts);
  chosen = withHero(page, q, chosen);
  chosen = withBodyLead(page, q, chosen, verdicts);
  chosen = withHeadline(page, q, chosen, verdicts);
  chosen = withHeaderLead(page, q, chosen, verdicts);
  chosen = withoutFigureCaptions(page, chosen);
  chosen = withoutPosterTitles(page, chosen);
  chosen = withoutSiteName(page, chosen);
  chosen = withoutAuthorBio(page, chosen);
  chosen = withoutDeclaredHeadline(page, chosen);
  chosen = withoutDeclaredByline(page, chosen);
  if (page.pictures.size > 0) chosen = chosen.filter((b) => !page.pictures.has(b));
  // Callers keep the text long after the page (a document waits for its row group): it must not be
  // a view of the page's HTML.
  const text = unpinString(render(chosen, page.nodes));
  return page.title ? { text, title: unpinString(page.title) } : { text };
}
