// One streaming pass of html-tokenizer.ts over a page, turning it into text blocks (one per future
// output line) and the tree of block-level elements that hold them. Drops what is never text (scripts,
// styles, form controls, hidden elements) and tags each block with the chrome it sits in, for
// html-extract.ts to score. Iterative with an explicit stack: linear in the input, whatever the
// nesting depth.

import { decodeHTML } from 'entities/decode';
import { collapseSpace, collapsedLength, isSpace } from './collapse-space.ts';
import { NO_ATTRIBUTES, parseHtml } from './html-tokenizer.ts';
import type { Tokenize } from './html-tokenizer.ts';
import { BLOCK_TAGS, CHROME_TAGS, DROP_TAGS, HEADING_TAGS, classVerdict, idFlags, isDialog, isHidden, isScreenReaderText, nameFlags, verdictOf } from './html-rules.ts';
import type { Verdict } from './html-rules.ts';
import { headingVerdict } from './html-heading-class.ts';
import { clearHeadingAnchors } from './html-heading-anchor.ts';

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

export interface ParsedPage {
  blocks: TextBlock[];
  nodes: ElementNode[];
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

const USED_ATTRIBUTES: ReadonlySet<string> = new Set(['class', 'id', 'role', 'style', 'hidden', 'aria-hidden', 'aria-expanded', 'aria-controls', 'aria-modal', 'href']);

/** A label ending in a question mark (`?`, the full-width `？`), spaces after it allowed. */
const QUESTION_END_RE = /[?？]\s*$/;

const kindOf = (tag: string): BlockKind | undefined =>
  HEADING_TAGS.has(tag) ? 'h' : tag === 'li' || tag === 'dd' || tag === 'dt' ? 'li' : tag === 'td' || tag === 'th' ? 'cell' : tag === 'pre' ? 'pre' : tag === 'p' || tag === 'blockquote' ? 'p' : undefined;

/** What the rules say about one tag name, looked up once per element instead of set by set. */
interface TagFacts {
  drop: boolean;
  block: boolean;
  chrome: boolean;
  kind: BlockKind | undefined;
  /** 1–6 for headings, else 0. */
  level: number;
}

const factsOf = (tag: string): TagFacts => {
  const kind = kindOf(tag);
  // Custom elements (`<my-widget>`) are blocks: site builders lay whole pages out with them.
  return { drop: DROP_TAGS.has(tag), block: BLOCK_TAGS.has(tag) || tag.includes('-'), chrome: CHROME_TAGS.has(tag), kind, level: kind === 'h' ? Number(tag[1]) : 0 };
};
const TAG_FACTS: ReadonlyMap<string, TagFacts> = new Map(
  [...DROP_TAGS, ...BLOCK_TAGS, ...CHROME_TAGS, ...HEADING_TAGS, 'li', 'dd', 'dt', 'td', 'th', 'pre', 'p', 'blockquote'].map((t) => [t, factsOf(t)]),
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
}

/**
 * classVerdict and isHidden with the class judged once per page per class string: classes repeat a
 * few hundred strings over thousands of elements, and the rules split and test every name. Ids are
 * unique, so they are judged each time, apart from the class. isHidden is memoised for elements
 * that have none of style, hidden, aria-hidden and role. Both questions about one element find its class
 * by one map lookup (the last class is kept), as hashing and comparing long class strings is most
 * of a lookup's cost. The memo lives and dies with one parse.
 */
function classMemo(): {
  verdict(attribs: Record<string, string>, id: string | undefined): Verdict;
  classOnly(attribs: Record<string, string>): Verdict;
  hidden(attribs: Record<string, string>): boolean;
} {
  const byClass = new Map<string, ClassFacts>();
  let lastClass: string | undefined;
  let last: ClassFacts = { flags: 0, hidden: undefined };
  const factsOf = (cls: string): ClassFacts => {
    if (cls === lastClass) return last;
    let facts = byClass.get(cls);
    if (facts === undefined) byClass.set(cls, (facts = { flags: nameFlags(cls), hidden: undefined }));
    lastClass = cls;
    last = facts;
    return facts;
  };
  return {
    // The id comes from the caller, which keeps it for html-heading-anchor.ts: a second lookup in
    // every element's attributes measured a few per cent of extraction, more than that pass itself.
    verdict(attribs, id) {
      const cls = attribs['class'];
      const flags = cls === undefined ? 0 : factsOf(cls).flags;
      return verdictOf(attribs['role'], cls !== undefined || id !== undefined, flags | idFlags(id));
    },
    // The verdict without the id (html-heading-anchor.ts asks it of elements its id made chrome).
    classOnly(attribs) {
      const cls = attribs['class'];
      return verdictOf(attribs['role'], cls !== undefined, cls === undefined ? 0 : factsOf(cls).flags);
    },
    hidden(attribs) {
      // A panel role keeps an element visible whatever its class, so the memo (keyed by class
      // alone) holds only for elements without one.
      if (attribs['style'] !== undefined || attribs['hidden'] !== undefined || attribs['aria-hidden'] !== undefined || attribs['role'] !== undefined) {
        return isHidden(attribs);
      }
      const cls = attribs['class'];
      // With none of the four, nothing can hide the element.
      if (cls === undefined) return false;
      const facts = factsOf(cls);
      return (facts.hidden ??= isHidden(attribs));
    },
  };
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

/** `tokenize` is the tokenizer; bench/html swaps in htmlparser2 to compare both on the same pages. */
export function parseBlocks(html: string, tokenize: Tokenize = parseHtml): ParsedPage {
  const blocks: TextBlock[] = [];
  const nodes: ElementNode[] = [{ parent: -1, tag: '#root', verdict: 0, kind: '#root', start: 0, end: 0 }];
  const root: Frame = { node: 0, chrome: 0, kind: 'text', level: 0, row: -1, link: false, pre: false };
  // Frames are reused by depth (no object per element): stack[0..depth] is the open path.
  const stack: Frame[] = [root];
  let depth = 0;
  let top = root;
  let skipDepth = 0;
  /** Whether the subtree being skipped is a <button>, perhaps an accordion's toggle. */
  let skippingButton = false;
  /** The button being skipped opens a panel: it says so (`aria-expanded`) or holds a heading. */
  let toggle = false;
  /** The text of the button being skipped, and the level of a heading in it (6 when none). */
  let toggleText = '';
  let toggleLevel = 6;
  /** The skip depth of a style sheet or script inside the button being skipped (0 when none): CSS-in-JS
   * libraries (Emotion, as Chakra UI uses it) put a `<style>` in the toggle before its label, and
   * its rules are no words of the question. */
  let codeInToggle = 0;
  /** A toggle just closed, nothing since: a hidden element now is its collapsed panel. */
  let afterToggle = false;
  /** The id a button being skipped names as the element it controls (`aria-controls`); after a
   * button asking a question closed (an FAQ's toggle without `aria-expanded`), the id its hidden
   * answer must have to count as its panel. Question only: a shop's buttons control overlays,
   * drawers and detail tabs (`Item details`, `Shipping`), whose opening changes what the page's
   * text is; an answer is the text. */
  let controls: string | undefined;
  let afterControls: string | undefined;
  /** An end tag came since the last text. */
  let glued = false;
  /** The text last added to `buf`. */
  let lastText = '';
  /** End tags met since the toggle closed. */
  let closesAfterToggle = 0;
  let svgDepth = 0;
  let title: string | undefined;
  let inTitle = false;
  let buf = '';
  let linkChars = 0;
  let bulletPending = false;
  let rows = 0;
  // Whitespace-only text met while buf was empty: not kept (a block's leading whitespace is trimmed
  // and holds no entity), only noted, which spares most of the indentation between tags.
  let blankPending = false;
  const memo = classMemo();
  // Block-level elements with an id, and (as positions in those lists) the ones that their id alone
  // made class chrome (html-heading-anchor.ts).
  const idNodes: number[] = [];
  const idValues: string[] = [];
  const chromeById: number[] = [];

  const flush = (): void => {
    if (buf === '') {
      // Only whitespace came: it would have collapsed to nothing, which ends the link count too.
      if (blankPending) {
        blankPending = false;
        linkChars = 0;
      }
      return;
    }
    blankPending = false;
    // Entities are decoded here, only for text that is kept: the parser's own decoding costs a
    // quarter of its speed.
    const raw = buf.includes('&') ? decodeHTML(buf) : buf;
    const text = top.pre
      ? raw
          .split('\n')
          .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
          .filter((l) => l !== '')
          .join('\n')
      : collapseSpace(raw);
    buf = '';
    if (text === '') {
      linkChars = 0;
      return;
    }
    const bullet = bulletPending && top.kind === 'li';
    if (bullet) bulletPending = false;
    blocks.push({
      text,
      linkChars: Math.min(linkChars, text.length),
      kind: top.kind,
      level: top.level,
      bullet,
      row: top.kind === 'cell' ? top.row : -1,
      chrome: top.chrome,
      node: top.node,
    });
    linkChars = 0;
  };

  /** A toggle's label (an FAQ's question) is the heading of the panel it opens. */
  const pushToggleHeading = (): void => {
    flush();
    const text = lineText(toggleText);
    if (text !== '') blocks.push({ text, linkChars: 0, kind: 'h', level: toggleLevel, bullet: false, row: -1, chrome: top.chrome, node: top.node });
  };

  const open = (name: string, attribs: Record<string, string>): void => {
    if (name === 'title' && title === undefined && svgDepth === 0) inTitle = true;
    if (name === 'svg') svgDepth++;
    if (skipDepth > 0) {
      skipDepth++;
      if (skippingButton && codeInToggle === 0 && (name === 'style' || name === 'script')) codeInToggle = skipDepth;
      if (skippingButton && HEADING_TAGS.has(name)) {
        toggle = true;
        toggleLevel = Number(name[1]);
      }
      return;
    }
    // A question's button that names the element it controls (`aria-controls`, WAI-ARIA's
    // accordion) opens that answer when it comes next: the question is the answer's heading.
    const controlled = afterControls !== undefined && !afterToggle && attribs['id'] === afterControls;
    if (controlled) pushToggleHeading();
    const toggled = afterToggle || controlled;
    afterToggle = false;
    afterControls = undefined;
    const facts = TAG_FACTS.get(name) ?? (name.includes('-') ? CUSTOM_FACTS : INLINE_FACTS);
    if (facts.drop) {
      if (facts.block) flush();
      skipDepth = 1;
      skippingButton = name === 'button';
      toggle = skippingButton && attribs['aria-expanded'] !== undefined;
      controls = skippingButton ? attribs['aria-controls'] : undefined;
      toggleText = '';
      toggleLevel = 6;
      return;
    }
    const isBlock = facts.block;
    // Most elements have none of the used attributes: the tokenizer hands them all one object.
    const bare = attribs === NO_ATTRIBUTES;
    // An accordion's answer sits hidden right after the button that opens it (FAQ sections): the
    // page's text, not hidden chrome.
    // In a table cell, screen-reader text stands for the cell's icon (a comparison table's check
    // marks read `Yes`, `No`): the cell's value.
    const hidden = toggled ? false : bare ? BARE_HIDDEN : memo.hidden(attribs) && !(top.kind === 'cell' && isScreenReaderText(attribs));
    if (hidden && !isBlock) {
      skipDepth = 1;
      return;
    }
    if (isBlock) flush();
    if (name === 'br' || name === 'hr') return;
    let frame = stack[depth + 1];
    if (frame === undefined) stack.push((frame = { ...top }));
    else {
      frame.node = top.node;
      frame.chrome = top.chrome;
      frame.kind = top.kind;
      frame.level = top.level;
      frame.row = top.row;
      frame.link = top.link;
      frame.pre = top.pre;
    }
    if (name === 'a' && !bare && attribs['href'] !== undefined) frame.link = true;
    if (name === 'pre') frame.pre = true;
    if (name === 'tr') frame.row = ++rows;
    if (facts.kind) {
      frame.kind = facts.kind;
      frame.level = facts.level;
      if (name === 'li') bulletPending = true;
    }
    // Hidden elements count as structural chrome rather than being cut: some pages hide their whole
    // body until a script shows it, and the fallbacks in html-extract.ts must be able to recover it.
    const fixed = name === 'html' || name === 'body' || name === 'main' || name === 'article';
    const id = fixed || bare ? undefined : attribs['id'];
    let verdict = fixed ? (name === 'article' || name === 'main' ? 1 : 0) : bare ? BARE_VERDICT : memo.verdict(attribs, id);
    if (verdict === -1 && facts.kind === 'h') verdict = headingVerdict(attribs);
    // A `header` whose class names the text body is the body (site builders put whole articles in
    // one), not the page's header.
    const structural = (facts.chrome && verdict !== 2) || hidden || (!bare && isDialog(attribs));
    if (structural) frame.chrome = 2;
    else if (verdict === -1 && frame.chrome === 0) frame.chrome = 1;
    // The article body itself, even inside a wrapper whose class reads like chrome.
    else if (verdict === 2 && frame.chrome === 1) frame.chrome = 0;
    if (isBlock) {
      if (id !== undefined) {
        if (verdict === -1 && !structural && memo.classOnly(attribs) !== -1) chromeById.push(idNodes.length);
        idNodes.push(nodes.length);
        idValues.push(id);
      }
      frame.node = nodes.length;
      nodes.push({ parent: top.node, tag: name, verdict: structural ? -1 : verdict, kind: bare ? `${name}.` : `${name}.${attribs['class'] ?? ''}`, start: blocks.length, end: blocks.length });
    }
    depth++;
    top = frame;
  };
  const close = (name: string): void => {
    if (name === 'title') inTitle = false;
    if (name === 'svg' && svgDepth > 0) svgDepth--;
    if (skipDepth > 0) {
      if (skipDepth === codeInToggle) codeInToggle = 0;
      skipDepth--;
      if (skipDepth === 0 && skippingButton && !toggle && controls !== undefined && QUESTION_END_RE.test(toggleText)) {
        afterControls = controls;
        closesAfterToggle = 0;
      }
      if (skipDepth === 0 && skippingButton && toggle) {
        afterToggle = true;
        closesAfterToggle = 0;
        pushToggleHeading();
      }
      if (skipDepth === 0) skippingButton = false;
      return;
    }
    // The end tag of the element holding the toggle (the accordion's `<dt>`, or the `<h3>` that
    // WAI-ARIA's accordion wraps its button in) keeps it a toggle: the panel is that element's
    // next sibling. A second end tag ends it.
    if (afterToggle) afterToggle = closesAfterToggle++ === 0;
    else if (afterControls !== undefined && closesAfterToggle++ !== 0) afterControls = undefined;
    if (name === 'br' || name === 'hr') return;
    if (depth === 0) return;
    glued = true;
    const parent = stack[depth - 1] as Frame;
    if (top.node !== parent.node) {
      flush();
      (nodes[top.node] as ElementNode).end = blocks.length;
    }
    if (name === 'li') bulletPending = false;
    depth--;
    top = parent;
  };

  tokenize(html, USED_ATTRIBUTES, {
    open,
    close,
    // Text is sliced only where it is kept: the blank runs between tags (two in three text events
    // of a news page) and the text of dropped elements are read in place.
    text(source, start, end) {
      if (inTitle) {
        title = (title ?? '') + source.slice(start, end);
        return;
      }
      if (skipDepth > 0) {
        if (skippingButton && codeInToggle === 0) toggleText += source.slice(start, end);
        return;
      }
      const blank = isBlank(source, start, end);
      if ((afterToggle || afterControls !== undefined) && !blank) {
        afterToggle = false;
        afterControls = undefined;
      }
      if (buf === '' && blank) {
        // Text right after an end tag is glued to the text before it only when it starts with a
        // letter (below), so blank text just ends the glue.
        glued = false;
        blankPending = true;
        // A blank run collapses to nothing: the count's separator alone.
        if (top.link) linkChars += 1;
        return;
      }
      const text = source.slice(start, end);
      // Text right after an end tag that starts a capitalised word glued to a lower-case one
      // (`<span>Merrell</span><span>Moab 3</span>`: a brand and a name that the style sets on lines
      // of their own) is a word of its own.
      // (Only the last text's last character and this one's first two are tested: reading `buf`,
      // a rope of many pieces, would flatten it on every call.)
      if (glued && buf !== '' && startsCapitalised(text) && endsLower(lastText)) buf += ' ';
      glued = false;
      buf += text;
      lastText = text;
      if (top.link) linkChars += collapsedLength(text) + 1;
    },
  });
  flush();
  (nodes[0] as ElementNode).end = blocks.length;
  if (chromeById.length > 0) clearHeadingAnchors(blocks, nodes, { nodes: idNodes, values: idValues, chrome: chromeById });
  const t = title === undefined ? undefined : lineText(title);
  return t ? { blocks, nodes, title: t } : { blocks, nodes };
}
