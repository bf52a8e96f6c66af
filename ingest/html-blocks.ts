// One streaming pass of html-tokenizer.ts over a page, turning it into text blocks (one per future
// output line) and the tree of block-level elements that hold them. Drops what is never text (scripts,
// styles, form controls, hidden elements) and tags each block with the chrome it sits in, for
// html-extract.ts to score. Iterative with an explicit stack: linear in the input, whatever the
// nesting depth.

import { decodeHTML } from 'entities/decode';
import { collapseSpace, collapsedLength, isSpace } from './collapse-space.ts';
import { NO_ATTRIBUTES, parseHtml, wantedAttributes } from './html-tokenizer.ts';
import type { HtmlEvents, Tokenize } from './html-tokenizer.ts';
import { BLOCK_TAGS, CHROME_TAGS, DROP_TAGS, HEADING_TAGS, classVerdict, idFlags, isDialog, isHidden, isScreenReaderText, isTeaserBoxClass, nameFlags, verdictOf } from './html-rules.ts';
import type { Verdict } from './html-rules.ts';
import { headingVerdict } from './html-heading-class.ts';
import { clearHeadingAnchors } from './html-heading-anchor.ts';
import { PRIMERS } from './html-primers.ts';
import { THREAD_TYPE } from './html-thread.ts';
import { addJsonLd } from './html-json-ld.ts';
import type { JsonLdFacts } from './html-json-ld.ts';

export type BlockKind = 'p' | 'h' | 'li' | 'cell' | 'pre' | 'text';

export interface TextBlock {
  text: string;
  /** Characters of the text inside links (`<a href>`). */
  linkChars: number;
  kind: BlockKind;
  /** 1–6 for headings, else 0. */
  level: number;
  /** First block of a list item: written as `- text`. */
  bullet: boolean;
  /** Table row id for cells (cells of one row join on one line), else -1. */
  row: number;
  /** 0: none; 1: inside an element whose class/id/role marks chrome; 2: inside nav/aside/footer/header or a hidden element. */
  chrome: 0 | 1 | 2;
  /** Innermost block-level element holding the block. */
  node: number;
}

export interface ElementNode {
  parent: number;
  tag: string;
  /** classVerdict of the element: 2 article body, 1 content-like, 0 neutral, -1 chrome. */
  verdict: -1 | 0 | 1 | 2;
  /** Tag and class attribute: repeated items of one kind (the posts of a thread) share it. */
  kind: string;
  /** Blocks [start, end) lie inside the element. */
  start: number;
  end: number;
}

/** An element's class attribute, as its `kind` holds it after the tag (`div.post-meta entry` → `post-meta entry`). */
export const classOf = (n: ElementNode): string => n.kind.slice(n.tag.length + 1);

/** Whether `test` holds for `element` or one of its ancestors (a walk up: the page's depth). */
export function selfOrAncestor(nodes: readonly ElementNode[], element: ElementNode, test: (n: ElementNode) => boolean): boolean {
  for (let n: ElementNode | undefined = element; n !== undefined; n = nodes[n.parent]) if (test(n)) return true;
  return false;
}

/** Whether node `target` is node `from` or one of its next `levels` ancestors (-1, the root's
 * parent, is the parent of itself). */
export function isNear(nodes: readonly ElementNode[], from: number, target: number, levels: number): boolean {
  for (let n = from, up = 0; up <= levels; n = n >= 0 ? (nodes[n] as ElementNode).parent : -1, up++) if (n === target) return true;
  return false;
}

export interface ParsedPage {
  blocks: TextBlock[];
  nodes: ElementNode[];
  /** Blocks whose every word lies inside an element in the role of an image (`role="img"`): a
   * forum's letter avatar (`<span role="img" aria-label="khixxx">K</span>`) or a rating's stars,
   * drawn rather than read. They are scored as any block and left out only when written (as
   * skipped elements they moved the pick of a thread). */
  pictures: ReadonlySet<TextBlock>;
  /** The page declares itself a discussion thread or a Q&A page (html-thread.ts). */
  thread: boolean;
  /** What its JSON-LD declares: the people it names, an article's headline (html-json-ld.ts). */
  jsonLdFacts: JsonLdFacts;
  title?: string;
}

interface Frame {
  node: number;
  chrome: 0 | 1 | 2;
  kind: BlockKind;
  level: number;
  row: number;
  link: boolean;
  pre: boolean;
}

const USED_ATTRIBUTES = wantedAttributes((v) => ({
  class: v[0], id: v[1], role: v[2], style: v[3], hidden: v[4], 'aria-hidden': v[5], 'aria-expanded': v[6],
  'aria-controls': v[7], 'aria-labelledby': v[8], 'aria-modal': v[9], href: v[10], itemtype: v[11], type: v[12],
}));

/** A label ending in a question mark (`?`, the full-width `？`), spaces after it allowed. */
const QUESTION_END_RE = /[?？]\s*$/;

const kindOf = (tag: string): BlockKind | undefined =>
  HEADING_TAGS.has(tag) ? 'h' : tag === 'li' || tag === 'dd' || tag === 'dt' ? 'li' : tag === 'td' || tag === 'th' ? 'cell' : tag === 'pre' ? 'pre' : tag === 'p' || tag === 'blockquote' ? 'p' : undefined;

// Tags that open() treats apart, as bits of TagFacts.special: testing a bit costs less than
// comparing the name with each of them (once a tag name that V8 has not interned, a custom
// element's, has come by, such a comparison can be a call).
const S_TITLE = 1;
const S_SVG = 2;
/** br, hr: they end a block and hold nothing. */
const S_BREAK = 4;
/** a: a link when it has an href. */
const S_ANCHOR = 8;
const S_PRE = 16;
const S_ROW = 32;
const S_ITEM = 64;
/** html, body, main, article: their verdict is fixed, whatever their class or id. */
const S_FIXED = 128;
/** main, article: fixed as content-like. */
const S_MAIN = 256;

const SPECIAL: ReadonlyMap<string, number> = new Map([
  ['title', S_TITLE], ['svg', S_SVG], ['br', S_BREAK], ['hr', S_BREAK], ['a', S_ANCHOR], ['pre', S_PRE], ['tr', S_ROW], ['li', S_ITEM],
  ['html', S_FIXED], ['body', S_FIXED], ['main', S_FIXED | S_MAIN], ['article', S_FIXED | S_MAIN],
]);

/** What the rules say about one tag name, looked up once per element instead of set by set. */
interface TagFacts {
  drop: boolean;
  block: boolean;
  chrome: boolean;
  kind: BlockKind | undefined;
  /** 1–6 for headings, else 0. */
  level: number;
  /** S_* bits. */
  special: number;
  /** The ElementNode kind of the tag without a class (`div.`): one string for all such elements
   * (undefined for custom elements, which share one TagFacts). */
  bareKind: string | undefined;
}

const factsOf = (tag: string): TagFacts => {
  const kind = kindOf(tag);
  // Custom elements (`<my-widget>`) are blocks: site builders lay whole pages out with them.
  return {
    drop: DROP_TAGS.has(tag),
    block: BLOCK_TAGS.has(tag) || tag.includes('-'),
    chrome: CHROME_TAGS.has(tag),
    kind,
    level: kind === 'h' ? Number(tag[1]) : 0,
    special: SPECIAL.get(tag) ?? 0,
    bareKind: tag.includes('-') ? undefined : `${tag}.`,
  };
};
const TAG_FACTS: ReadonlyMap<string, TagFacts> = new Map(
  [...DROP_TAGS, ...BLOCK_TAGS, ...CHROME_TAGS, ...HEADING_TAGS, ...SPECIAL.keys(), 'li', 'dd', 'dt', 'td', 'th', 'pre', 'p', 'blockquote'].map((t) => [t, factsOf(t)]),
);
const CUSTOM_FACTS = factsOf('-');
const INLINE_FACTS = factsOf('');

// What the rules say about an element without class, id, role, style, hidden or aria-hidden.
const BARE_VERDICT = classVerdict(NO_ATTRIBUTES);
const BARE_HIDDEN = isHidden(NO_ATTRIBUTES);

/** What the rules say about one class string of a page. */
interface ClassFacts {
  /** nameFlags of the class. */
  flags: number;
  /** isHidden of the first element with this class and none of style, hidden, aria-hidden, role (undefined until one comes). */
  hidden: boolean | undefined;
  /** The ElementNode kind of the last block element with this class, and its tag: the repeated
   * items of a page share one string, which html-extract.ts flattens and hashes once. */
  kindTag: string | undefined;
  kind: string;
}

/**
 * classVerdict and isHidden with the class judged once per page per class string: classes repeat a
 * few hundred strings over thousands of elements, and the rules split and test every name. Ids are
 * unique, so they are judged each time, apart from the class. isHidden is memoised for elements
 * that have none of style, hidden, aria-hidden and role. Both questions about one element find its class
 * by one map lookup (the last class is kept), as hashing and comparing long class strings is most
 * of a lookup's cost. The memo lives and dies with one parse. Plain functions over it rather than
 * closures made per page, for the reason PageState gives.
 */
interface ClassMemo {
  byClass: Map<string, ClassFacts>;
  lastClass: string | undefined;
  last: ClassFacts;
}

const newClassMemo = (): ClassMemo => ({ byClass: new Map(), lastClass: undefined, last: { flags: 0, hidden: undefined, kindTag: undefined, kind: '' } });

function classFacts(m: ClassMemo, cls: string): ClassFacts {
  if (cls === m.lastClass) return m.last;
  let facts = m.byClass.get(cls);
  if (facts === undefined) m.byClass.set(cls, (facts = { flags: nameFlags(cls), hidden: undefined, kindTag: undefined, kind: '' }));
  m.lastClass = cls;
  m.last = facts;
  return facts;
}

// The id comes from the caller, which keeps it for html-heading-anchor.ts: a second lookup in
// every element's attributes measured a few per cent of extraction, more than that pass itself.
function memoVerdict(m: ClassMemo, attribs: Record<string, string>, id: string | undefined): Verdict {
  const cls = attribs['class'];
  const flags = cls === undefined ? 0 : classFacts(m, cls).flags;
  return verdictOf(attribs['role'], cls !== undefined || id !== undefined, flags | idFlags(id));
}

/** The verdict without the id (html-heading-anchor.ts asks it of elements its id made chrome). */
function memoClassOnly(m: ClassMemo, attribs: Record<string, string>): Verdict {
  const cls = attribs['class'];
  return verdictOf(attribs['role'], cls !== undefined, cls === undefined ? 0 : classFacts(m, cls).flags);
}

/** The kind of a block element `tag` with class `cls` (`div.post-meta entry`). */
function memoKind(m: ClassMemo, tag: string, cls: string): string {
  const facts = classFacts(m, cls);
  if (facts.kindTag !== tag) {
    facts.kindTag = tag;
    facts.kind = `${tag}.${cls}`;
  }
  return facts.kind;
}

function memoHidden(m: ClassMemo, attribs: Record<string, string>): boolean {
  // A panel role keeps an element visible whatever its class, so the memo (keyed by class
  // alone) holds only for elements without one.
  if (attribs['style'] !== undefined || attribs['hidden'] !== undefined || attribs['aria-hidden'] !== undefined || attribs['role'] !== undefined) {
    return isHidden(attribs);
  }
  const cls = attribs['class'];
  // With none of the four, nothing can hide the element.
  if (cls === undefined) return false;
  const facts = classFacts(m, cls);
  return (facts.hidden ??= isHidden(attribs));
}


const LOWER = /^\p{Ll}$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}$/u;

// The two tests of a glued word by char code where the answer is ASCII's (`\p{Ll}` and `\p{Lu}`
// hold no other ASCII characters), the regexes only beyond it: text after an end tag is mostly
// spaces, punctuation and lower-case ASCII, and a regex call and a slice cost more than the test.
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;

/** `LOWER.test(s.slice(-1))`. */
const endsLower = (s: string): boolean => {
  const c = s.charCodeAt(s.length - 1);
  return c < 0x80 ? isAsciiLower(c) : LOWER.test(s.slice(-1));
};

/** `CAPITALISED.test(s.slice(0, 2))`. */
const startsCapitalised = (s: string): boolean => {
  const c = s.charCodeAt(0);
  if (c < 0x80 && !isAsciiUpper(c)) return false;
  const d = s.charCodeAt(1);
  return c < 0x80 && d < 0x80 ? isAsciiLower(d) : CAPITALISED.test(s.slice(0, 2));
};

/** Entities decoded (only when there is one) and whitespace collapsed: a line's text from raw markup text. */
const lineText = (raw: string): string => collapseSpace(raw.includes('&') ? decodeHTML(raw) : raw);

/** `s[start, end)` is non-empty and all `\s`. */
const isBlank = (s: string, start: number, end: number): boolean => {
  let i = start;
  while (i < end && isSpace(s.charCodeAt(i))) i++;
  return i > start && i === end;
};

/**
 * The state of one parseBlocks pass. The tokenizer's handlers are the module-level functions below,
 * called as methods of this object, rather than closures made per page: V8 inlines the handlers into
 * parseHtml, and a call site it had specialised to one page's closures deoptimised it on the next
 * page (`wrong call target`), each time followed by a recompilation of the whole tokenizer.
 */
interface PageState extends HtmlEvents {
  blocks: TextBlock[];
  nodes: ElementNode[];
  /** Frames are reused by depth (no object per element): stack[0..depth] is the open path. */
  stack: Frame[];
  depth: number;
  top: Frame;
  skipDepth: number;
  /** Whether the subtree being skipped is a <button>, perhaps an accordion's toggle. */
  skippingButton: boolean;
  /** The button being skipped opens a panel: it says so (`aria-expanded`) or holds a heading. */
  toggle: boolean;
  /** The text of the button being skipped, and the level of a heading in it (6 when none). */
  toggleText: string;
  toggleLevel: number;
  /** The skip depth of a style sheet or script inside the button being skipped (0 when none): CSS-in-JS
   * libraries (Emotion, as Chakra UI uses it) put a `<style>` in the toggle before its label, and
   * its rules are no words of the question. */
  codeInToggle: number;
  /** A toggle just closed, nothing since: a hidden element now is its collapsed panel. */
  afterToggle: boolean;
  /** The id a button being skipped names as the element it controls (`aria-controls`); after a
   * button asking a question closed (an FAQ's toggle without `aria-expanded`), the id its hidden
   * answer must have to count as its panel. A button whose label asks no question opens its panel
   * only when the panel names the button back (`aria-labelledby`, WAI-ARIA's accordion linked both
   * ways: a course's `Graduate job-ready` and its sentence). Not otherwise: a shop's buttons control
   * overlays, drawers and detail tabs (`Item details`, `Shipping`), whose opening changes what the
   * page's text is; an answer is the text. */
  controls: string | undefined;
  afterControls: string | undefined;
  /** The id of the button being skipped; after it closed, when its label asks no question, the
   * `aria-labelledby` its panel must have. */
  buttonId: string | undefined;
  afterButtonId: string | undefined;
  /** An end tag came since the last text. */
  glued: boolean;
  /** The text last added to `buf`. */
  lastText: string;
  /** End tags met since the toggle closed. */
  closesAfterToggle: number;
  svgDepth: number;
  title: string | undefined;
  inTitle: boolean;
  buf: string;
  /** The link characters of the text since the last block: one per text event inside a link so
   * far. The collapsed lengths of the linked pieces of `buf` (linkPieces) are added only when it
   * holds text outside links too (`unlinked`): when it does not, the count is at least the
   * block's length, which caps it, so most links (menus, lists of links) are not scanned. */
  linkChars: number;
  linkPieces: string[];
  unlinked: boolean;
  bulletPending: boolean;
  rows: number;
  /** Whitespace-only text met while buf was empty: not kept (a block's leading whitespace is trimmed
   * and holds no entity), only noted, which spares most of the indentation between tags. */
  blankPending: boolean;
  memo: ClassMemo;
  /** Block-level elements with an id, and (as positions in those lists) the ones that their id alone
   * made class chrome (html-heading-anchor.ts). */
  idNodes: number[];
  idValues: string[];
  chromeById: number[];
  /** The depth of the open element in the role of an image, 0 outside one. */
  pictureDepth: number;
  /** Text inside / outside such an element came since the last block. */
  pictureText: boolean;
  plainText: boolean;
  pictures: Set<TextBlock>;
  /** The element being skipped is a JSON-LD block (`<script type="application/ld+json">`). */
  jsonLd: boolean;
  /** Declared a thread by an element's microdata `itemtype`. */
  thread: boolean;
  /** The JSON-LD scripts' texts, read after the pass (the thread type, html-json-ld.ts): their
   * reading inside `text`, the parser's hottest callback, made it larger for every page. */
  jsonLdTexts: string[];
}

/** `tokenize` is the tokenizer; bench/html swaps in htmlparser2 to compare both on the same pages. */
export function parseBlocks(html: string, tokenize: Tokenize = parseHtml): ParsedPage {
  const root: Frame = { node: 0, chrome: 0, kind: 'text', level: 0, row: -1, link: false, pre: false };
  const s: PageState = {
    open,
    close,
    text,
    blocks: [],
    nodes: [{ parent: -1, tag: '#root', verdict: 0, kind: '#root', start: 0, end: 0 }],
    stack: [root],
    depth: 0,
    top: root,
    skipDepth: 0,
    skippingButton: false,
    toggle: false,
    toggleText: '',
    toggleLevel: 6,
    codeInToggle: 0,
    afterToggle: false,
    controls: undefined,
    afterControls: undefined,
    buttonId: undefined,
    afterButtonId: undefined,
    glued: false,
    lastText: '',
    closesAfterToggle: 0,
    svgDepth: 0,
    title: undefined,
    inTitle: false,
    buf: '',
    linkChars: 0,
    linkPieces: [],
    unlinked: false,
    bulletPending: false,
    rows: 0,
    blankPending: false,
    memo: newClassMemo(),
    idNodes: [],
    idValues: [],
    chromeById: [],
    pictureDepth: 0,
    pictureText: false,
    plainText: false,
    pictures: new Set(),
    jsonLd: false,
    thread: false,
    jsonLdTexts: [],
  };
  // Rewritten once here, on every page: V8 takes a field that no object of its shape has had
  // rewritten as constant, and the first page that set `thread` (a late one: few pages are
  // threads) threw away the code of parseBlocks and of `open` compiled on that premise.
  s.thread = true;
  s.thread = false;
  tokenize(html, USED_ATTRIBUTES, s);
  flush(s);
  const { blocks, nodes, chromeById, pictures } = s;
  // The JSON-LD declares a thread (by its type, read as text: html-thread.ts), and what
  // html-json-ld.ts reads from it as JSON.
  const thread = s.thread || s.jsonLdTexts.some((json) => THREAD_TYPE.test(json));
  const jsonLdFacts: JsonLdFacts = { people: [], bios: [], headlines: [] };
  for (const json of s.jsonLdTexts) addJsonLd(json, jsonLdFacts);
  (nodes[0] as ElementNode).end = blocks.length;
  if (chromeById.length > 0) clearHeadingAnchors(blocks, nodes, { nodes: s.idNodes, values: s.idValues, chrome: chromeById });
  const t = s.title === undefined ? undefined : lineText(s.title);
  return t ? { blocks, nodes, pictures, thread, jsonLdFacts, title: t } : { blocks, nodes, pictures, thread, jsonLdFacts };
}

function flush(s: PageState): void {
  if (s.buf === '') {
    // Only whitespace came: it would have collapsed to nothing, which ends the link count too.
    if (s.blankPending) {
      s.blankPending = false;
      s.linkChars = 0;
    }
    return;
  }
  s.blankPending = false;
  // Entities are decoded here, only for text that is kept: the parser's own decoding costs a
  // quarter of its speed.
  const raw = includes.call(s.buf, '&') ? decodeHTML(s.buf) : s.buf;
  const top = s.top;
  const text = top.pre
    ? raw
        .split('\n')
        .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
        .filter((l) => l !== '')
        .join('\n')
    : collapseSpace(raw);
  s.buf = '';
  const picture = s.pictureText && !s.plainText;
  s.pictureText = false;
  s.plainText = false;
  // A piece's collapsed length plus one is at least what it adds to the line (entities decode
  // shorter, and pieces join with at most one space), so a line all in links counts its length;
  // not so in <pre>, which keeps runs of the rarer spaces.
  const linkChars = s.unlinked || top.pre ? Math.min(s.linkChars + linkPieceChars(s.linkPieces), text.length) : text.length;
  s.linkPieces.length = 0;
  s.unlinked = false;
  if (text === '') {
    s.linkChars = 0;
    return;
  }
  const bullet = s.bulletPending && top.kind === 'li';
  if (bullet) s.bulletPending = false;
  const block: TextBlock = {
    text,
    linkChars,
    kind: top.kind,
    level: top.level,
    bullet,
    row: top.kind === 'cell' ? top.row : -1,
    chrome: top.chrome,
    node: top.node,
  };
  s.blocks.push(block);
  if (picture) s.pictures.add(block);
  s.linkChars = 0;
}

/** Called by reference: `buf` comes in more string representations than a lookup's cache holds. */
const { includes } = String.prototype;

function linkPieceChars(pieces: readonly string[]): number {
  let n = 0;
  for (const p of pieces) n += collapsedLength(p);
  return n;
}

/** Whether node `n` or a chrome element above it is named as a box of teasers (`div.related_blog_item`). */
const inTeaserBox = (nodes: readonly ElementNode[], n: number): boolean =>
  selfOrAncestor(nodes, nodes[n] as ElementNode, (a) => a.verdict === -1 && isTeaserBoxClass(classOf(a)));

/** A toggle's label (an FAQ's question) is the heading of the panel it opens. */
function pushToggleHeading(s: PageState): void {
  flush(s);
  const text = lineText(s.toggleText);
  if (text !== '') s.blocks.push({ text, linkChars: 0, kind: 'h', level: s.toggleLevel, bullet: false, row: -1, chrome: s.top.chrome, node: s.top.node });
}

function open(this: PageState, name: string, attribs: Record<string, string>): void {
  const facts = TAG_FACTS.get(name) ?? (name.includes('-') ? CUSTOM_FACTS : INLINE_FACTS);
  const special = facts.special;
  if ((special & S_TITLE) !== 0 && this.title === undefined && this.svgDepth === 0) this.inTitle = true;
  if ((special & S_SVG) !== 0) this.svgDepth++;
  if (this.skipDepth > 0) {
    this.skipDepth++;
    if (this.skippingButton && this.codeInToggle === 0 && (name === 'style' || name === 'script')) this.codeInToggle = this.skipDepth;
    if (this.skippingButton && facts.kind === 'h') {
      this.toggle = true;
      this.toggleLevel = facts.level;
    }
    return;
  }
  // A question's button that names the element it controls (`aria-controls`, WAI-ARIA's
  // accordion) opens that answer when it comes next: the question is the answer's heading. So
  // does any button whose panel names it back (`aria-labelledby`).
  const controlled = this.afterControls !== undefined && !this.afterToggle && attribs['id'] === this.afterControls && (this.afterButtonId === undefined || attribs['aria-labelledby'] === this.afterButtonId);
  if (controlled) pushToggleHeading(this);
  const toggled = this.afterToggle || controlled;
  this.afterToggle = false;
  this.afterControls = undefined;
  if (facts.drop) {
    if (facts.block) flush(this);
    this.skipDepth = 1;
    this.jsonLd = name === 'script' && attribs !== NO_ATTRIBUTES && attribs['type']?.includes('ld+json') === true;
    this.skippingButton = name === 'button';
    this.toggle = this.skippingButton && attribs['aria-expanded'] !== undefined;
    this.controls = this.skippingButton ? attribs['aria-controls'] : undefined;
    this.buttonId = this.skippingButton ? attribs['id'] : undefined;
    this.toggleText = '';
    this.toggleLevel = 6;
    return;
  }
  const isBlock = facts.block;
  const top = this.top;
  // Most elements have none of the used attributes: the tokenizer hands them all one object.
  const bare = attribs === NO_ATTRIBUTES;
  // An accordion's answer sits hidden right after the button that opens it (FAQ sections): the
  // page's text, not hidden chrome.
  // In a table cell, screen-reader text stands for the cell's icon (a comparison table's check
  // marks read `Yes`, `No`): the cell's value.
  const hidden = toggled ? false : bare ? BARE_HIDDEN : memoHidden(this.memo, attribs) && !(top.kind === 'cell' && isScreenReaderText(attribs));
  if (hidden && !isBlock) {
    this.skipDepth = 1;
    return;
  }
  if (isBlock) flush(this);
  if ((special & S_BREAK) !== 0) return;
  let frame = this.stack[this.depth + 1];
  if (frame === undefined) this.stack.push((frame = { ...top }));
  else {
    frame.node = top.node;
    frame.chrome = top.chrome;
    frame.kind = top.kind;
    frame.level = top.level;
    frame.row = top.row;
    frame.link = top.link;
    frame.pre = top.pre;
  }
  if ((special & S_ANCHOR) !== 0 && !bare && attribs['href'] !== undefined) frame.link = true;
  if ((special & S_PRE) !== 0) frame.pre = true;
  if (this.pictureDepth === 0 && !bare && attribs['role'] === 'img') this.pictureDepth = this.depth + 1;
  if (!bare && !this.thread && attribs['itemtype'] !== undefined) this.thread = THREAD_TYPE.test(attribs['itemtype']);
  if ((special & S_ROW) !== 0) frame.row = ++this.rows;
  if (facts.kind) {
    frame.kind = facts.kind;
    frame.level = facts.level;
    if ((special & S_ITEM) !== 0) this.bulletPending = true;
  }
  // Hidden elements count as structural chrome rather than being cut: some pages hide their whole
  // body until a script shows it, and the fallbacks in html-extract.ts must be able to recover it.
  const fixed = (special & S_FIXED) !== 0;
  const id = fixed || bare ? undefined : attribs['id'];
  let verdict = fixed ? ((special & S_MAIN) !== 0 ? 1 : 0) : bare ? BARE_VERDICT : memoVerdict(this.memo, attribs, id);
  if (verdict === -1 && facts.kind === 'h') verdict = headingVerdict(attribs);
  // A `header` whose class names the text body is the body (site builders put whole articles in
  // one), not the page's header.
  const structural = (facts.chrome && verdict !== 2) || hidden || (!bare && isDialog(attribs));
  if (structural) frame.chrome = 2;
  else if (verdict === -1 && frame.chrome === 0) frame.chrome = 1;
  // The article body itself, even inside a wrapper whose class reads like chrome; but not a
  // teaser's excerpt in a box of related posts, whose cards reuse the article's class names.
  else if (verdict === 2 && frame.chrome === 1 && !inTeaserBox(this.nodes, top.node)) frame.chrome = 0;
  if (isBlock) {
    const nodes = this.nodes;
    if (id !== undefined) {
      if (verdict === -1 && !structural && memoClassOnly(this.memo, attribs) !== -1) this.chromeById.push(this.idNodes.length);
      this.idNodes.push(nodes.length);
      this.idValues.push(id);
    }
    frame.node = nodes.length;
    const cls = bare ? undefined : attribs['class'];
    const kind = cls === undefined ? (facts.bareKind ?? `${name}.`) : memoKind(this.memo, name, cls);
    nodes.push({ parent: top.node, tag: name, verdict: structural ? -1 : verdict, kind, start: this.blocks.length, end: this.blocks.length });
  }
  this.depth++;
  this.top = frame;
}

function close(this: PageState, name: string): void {
  if (name === 'title') this.inTitle = false;
  if (name === 'svg' && this.svgDepth > 0) this.svgDepth--;
  if (this.skipDepth > 0) {
    if (this.skipDepth === this.codeInToggle) this.codeInToggle = 0;
    this.skipDepth--;
    if (this.skipDepth === 0 && this.skippingButton && !this.toggle && this.controls !== undefined) {
      // Asked only here, when a button closes: every end tag inside a skipped element comes by.
      const question = QUESTION_END_RE.test(this.toggleText);
      if (question || this.buttonId !== undefined) {
        this.afterControls = this.controls;
        this.afterButtonId = question ? undefined : this.buttonId;
        this.closesAfterToggle = 0;
      }
    }
    if (this.skipDepth === 0 && this.skippingButton && this.toggle) {
      this.afterToggle = true;
      this.closesAfterToggle = 0;
      pushToggleHeading(this);
    }
    if (this.skipDepth === 0) {
      this.skippingButton = false;
      this.jsonLd = false;
    }
    return;
  }
  // The end tag of the element holding the toggle (the accordion's `<dt>`, or the `<h3>` that
  // WAI-ARIA's accordion wraps its button in) keeps it a toggle: the panel is that element's
  // next sibling. A second end tag ends it.
  if (this.afterToggle) this.afterToggle = this.closesAfterToggle++ === 0;
  else if (this.afterControls !== undefined && this.closesAfterToggle++ !== 0) this.afterControls = undefined;
  if (name === 'br' || name === 'hr') return;
  if (this.depth === 0) return;
  this.glued = true;
  const parent = this.stack[this.depth - 1] as Frame;
  if (this.top.node !== parent.node) {
    flush(this);
    (this.nodes[this.top.node] as ElementNode).end = this.blocks.length;
  }
  if (name === 'li') this.bulletPending = false;
  if (this.depth === this.pictureDepth) this.pictureDepth = 0;
  this.depth--;
  this.top = parent;
}

// Text is sliced only where it is kept: the blank runs between tags (two in three text events
// of a news page) and the text of dropped elements are read in place.
function text(this: PageState, source: string, start: number, end: number): void {
  if (this.inTitle) {
    this.title = (this.title ?? '') + source.slice(start, end);
    return;
  }
  if (this.skipDepth > 0) {
    if (this.skippingButton && this.codeInToggle === 0) this.toggleText += source.slice(start, end);
    else if (this.jsonLd) this.jsonLdTexts.push(source.slice(start, end));
    return;
  }
  const blank = isBlank(source, start, end);
  if ((this.afterToggle || this.afterControls !== undefined) && !blank) {
    this.afterToggle = false;
    this.afterControls = undefined;
  }
  if (this.buf === '' && blank) {
    // Text right after an end tag is glued to the text before it only when it starts with a
    // letter (below), so blank text just ends the glue.
    this.glued = false;
    this.blankPending = true;
    // A blank run collapses to nothing: the count's separator alone.
    if (this.top.link) this.linkChars += 1;
    return;
  }
  const t = source.slice(start, end);
  if (this.pictureDepth > 0) this.pictureText = true;
  else if (!blank) this.plainText = true;
  // Text right after an end tag that starts a capitalised word glued to a lower-case one
  // (`<span>Merrell</span><span>Moab 3</span>`: a brand and a name that the style sets on lines
  // of their own) is a word of its own.
  // (Only the last text's last character and this one's first two are tested: reading `buf`,
  // a rope of many pieces, would flatten it on every call.)
  if (this.glued && this.buf !== '' && startsCapitalised(t) && endsLower(this.lastText)) this.buf += ' ';
  this.glued = false;
  this.buf += t;
  this.lastText = t;
  if (this.top.link) {
    this.linkChars += 1;
    this.linkPieces.push(t);
  } else this.unlinked = true;
}

// Type feedback for the rare branches before the first real page (html-primers.ts says why).
for (const p of PRIMERS) parseBlocks(p);
