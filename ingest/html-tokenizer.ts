// The HTML tokenizer and tree-event layer of extraction: one pass over the page that reports open
// tags (lower-cased name, only the attributes the caller asks for), close tags and text, with the
// element nesting rules of htmlparser2 (void elements, implied end tags, the second <form>, `</p>`
// and `</br>` without an open element, foreign SVG/MathML content), whose events html-blocks.ts was
// written against. It exists because htmlparser2 walks every character through a state machine and
// keeps its open-element stack with `unshift`, which makes N unclosed elements cost O(N²) (400k
// unclosed <div>: 68 s). Here text, comments and raw-text bodies (script, style, …) are skipped with
// indexOf, every close tag costs O(1) amortised (per-name counts reject a close that matches nothing;
// a close that pops many elements pays for them once), and nesting is capped at MAX_DEPTH: deeper
// elements become siblings at the cap, so any page costs time in proportion to its size and the
// stacks (ours and the caller's) stay bounded. Entities are left encoded and text is reported as a
// range of the page: the caller slices and decodes only the text it keeps.

/** An element's wanted attributes (NO_ATTRIBUTES when it has none): every wanted name is an own
 * property, undefined when the element lacks it, so that all records of a caller share one shape
 * (V8 reads them by offset, where a dictionary per element was hashed on every read). */
export type Attributes = Readonly<Record<string, string>>;

export interface HtmlEvents {
  open(name: string, attribs: Attributes): void;
  close(name: string): void;
  /** The text `source[start, end)`, not sliced: most text between tags is indentation or lies in
   * dropped elements, and the caller slices only what it keeps. */
  text(source: string, start: number, end: number): void;
}

/** The attributes a caller reads (wantedAttributes makes it once, not per page). */
export interface WantedAttributes {
  /** Lower-case ASCII names. */
  names: ReadonlySet<string>;
  /** An element's record from its wanted values, by the names' indices (undefined where absent):
   * the caller's object literal, of one fixed shape, which V8 allocates inline with every field
   * set at once. The values are gathered in an array by index first: stored into the record by
   * name, each store was a keyed store with a different name (KeyedStoreIC_Megamorphic, 1 % of the
   * ticks), and a field first written on a late page (`itemtype`) flipped V8's constness of that
   * field and threw away the code of parseHtml and of every handler that read it. */
  record: (values: readonly (string | undefined)[]) => Attributes;
  /** The names and their indices by the low bits of the names' foldHash (see wantedTable). */
  byHash: readonly (readonly WantedName[] | undefined)[];
}

interface WantedName {
  name: string;
  index: number;
}

export type Tokenize = (html: string, wanted: WantedAttributes, on: HtmlEvents) => void;

/** The most names a caller may want. */
const MAX_WANTED = 64;

/** The attributes `record`'s keys name; `record` returns a new object literal that reads each of
 * `values[0]` … `values[n - 1]` once, e.g. `(v) => ({ class: v[0], 'aria-hidden': v[1] })`. */
export function wantedAttributes(record: (values: readonly (string | undefined)[]) => Readonly<Record<string, string | undefined>>): WantedAttributes {
  // Which index each key reads, found by handing the literal the indices themselves.
  const probe = record(Array.from({ length: MAX_WANTED }, (_, k) => String(k)));
  const keys = Object.keys(probe);
  const indices = keys.map((name) => Number(probe[name]));
  if (indices.some((k, j) => indices.indexOf(k) !== j || !(k < keys.length))) throw new Error('wantedAttributes: the record must read values[0] … values[n - 1], each once');
  for (const name of keys) if (name !== name.toLowerCase() || !/^[\x21-\x7e]+$/.test(name)) throw new Error(`wantedAttributes: ${JSON.stringify(name)} is not a lower-case ASCII attribute name`);
  return { names: new Set(keys), record: record as (values: readonly (string | undefined)[]) => Attributes, byHash: wantedTable(keys.map((name, j) => ({ name, index: indices[j] as number }))) };
}

/** Elements nested deeper than this are flattened into siblings (Blink flattens past 512). */
export const MAX_DEPTH = 1024;

/** The attributes of every element that has none of the wanted ones (one object, so callers can skip their reads). */
export const NO_ATTRIBUTES: Attributes = Object.freeze({});

// Element groups an opening tag closes when they are on top of the stack (htmlparser2's
// openImpliesClose), as bits: an element's `member` bits say which groups it belongs to.
const G_TR = 1 << 0; // tr th td
const G_TH = 1 << 1; // th
const G_TD = 1 << 2; // thead th td
const G_BODY = 1 << 3; // head link script
const G_A = 1 << 4; // a
const G_LI = 1 << 5; // li
const G_P = 1 << 6; // p
const G_HEADING = 1 << 7; // h1-h6 p
const G_FORM = 1 << 8; // input option optgroup select button datalist textarea
const G_OPTION = 1 << 9; // option
const G_OPTGROUP = 1 << 10; // optgroup option
const G_DDT = 1 << 11; // dd dt
const G_RTP = 1 << 12; // rt rp
const G_SECTION = 1 << 13; // thead tbody

const MEMBER = new Map<string, number>([
  ['tr', G_TR],
  ['th', G_TR | G_TH | G_TD],
  ['td', G_TR | G_TD],
  ['thead', G_TD | G_SECTION],
  ['tbody', G_SECTION],
  ['head', G_BODY],
  ['link', G_BODY],
  ['script', G_BODY],
  ['a', G_A],
  ['li', G_LI],
  ['p', G_P | G_HEADING],
  ['h1', G_HEADING], ['h2', G_HEADING], ['h3', G_HEADING], ['h4', G_HEADING], ['h5', G_HEADING], ['h6', G_HEADING],
  ['input', G_FORM], ['select', G_FORM], ['button', G_FORM], ['datalist', G_FORM], ['textarea', G_FORM],
  ['option', G_FORM | G_OPTION | G_OPTGROUP],
  ['optgroup', G_FORM | G_OPTGROUP],
  ['dd', G_DDT], ['dt', G_DDT],
  ['rt', G_RTP], ['rp', G_RTP],
]);

const CLOSES = new Map<string, number>([
  ['tr', G_TR], ['th', G_TH], ['td', G_TD], ['body', G_BODY], ['a', G_A], ['li', G_LI], ['p', G_P],
  ['h1', G_HEADING], ['h2', G_HEADING], ['h3', G_HEADING], ['h4', G_HEADING], ['h5', G_HEADING], ['h6', G_HEADING],
  ['select', G_FORM], ['input', G_FORM], ['output', G_FORM], ['button', G_FORM], ['datalist', G_FORM], ['textarea', G_FORM],
  ['option', G_OPTION], ['optgroup', G_OPTGROUP], ['dd', G_DDT], ['dt', G_DDT], ['rt', G_RTP], ['rp', G_RTP],
  ['tbody', G_SECTION], ['tfoot', G_SECTION],
  ...['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map((t): [string, number] => [t, G_P]),
]);

const VOID: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta',
  'param', 'source', 'track', 'wbr',
]);

/** Elements whose body is text up to their end tag (raw text and RCDATA; plaintext runs to the end). */
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// Foreign content: inside <svg>/<math> there is no raw text and `<x/>` closes x. HTML integration
// points (foreignObject in SVG, MathML text elements, desc, title) switch back to HTML rules.
const HTML_CTX = 0;
const SVG_CTX = 1;
const MATH_CTX = 2;
const INTEGRATION: ReadonlySet<string> = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'desc', 'title']);

// The element names of HTML, SVG and MathML that pages use, each mapped to itself: a page's tag
// names are handed out as these literals, which V8 interns, so the caller's map lookups and `===`
// tests by name (several per element) compare pointers instead of characters, and hash nothing.
const ELEMENT_NAMES: ReadonlyMap<string, string> = new Map(
  [
    'a', 'abbr', 'acronym', 'address', 'applet', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont', 'bdi', 'bdo', 'big',
    'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'command', 'data',
    'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure',
    'font', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i',
    'iframe', 'image', 'img', 'input', 'ins', 'isindex', 'kbd', 'keygen', 'label', 'legend', 'li', 'link', 'main', 'map', 'mark',
    'marquee', 'menu', 'meta', 'meter', 'nav', 'nobr', 'noembed', 'noframes', 'noscript', 'object', 'ol', 'optgroup', 'option',
    'output', 'p', 'param', 'picture', 'plaintext', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'script', 'search',
    'section', 'select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody',
    'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr', 'xmp',
    'svg', 'g', 'path', 'use', 'symbol', 'defs', 'rect', 'circle', 'ellipse', 'line', 'polygon', 'polyline', 'text', 'tspan',
    'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'filter', 'pattern', 'foreignobject', 'desc',
    'math', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml',
  ].map((name): [string, string] => [name, name]),
);

/** One tag name of one page, with its count on the open-element stack and above the cap. */
interface Tag {
  name: string;
  isVoid: boolean;
  raw: boolean;
  /** 1 svg, 2 math, 3 HTML integration point, 4 foreignObject (one inside SVG), 0 none. */
  foreign: number;
  member: number;
  closes: number;
  /** Open elements of this name on the stack. */
  count: number;
  /** Elements of this name opened past MAX_DEPTH whose end tag is still to come. */
  overflow: number;
  /** Raw-text elements: no end tag of this name lies at or after this offset (Infinity: unknown). */
  endless: number;
}

const newTag = (name: string): Tag => ({
  name: ELEMENT_NAMES.get(name) ?? name,
  isVoid: VOID.has(name),
  raw: RAW_TEXT.has(name),
  foreign: name === 'svg' ? 1 : name === 'math' ? 2 : INTEGRATION.has(name) ? 3 : name === 'foreignobject' ? 4 : 0,
  member: MEMBER.get(name) ?? 0,
  closes: CLOSES.get(name) ?? 0,
  count: 0,
  overflow: 0,
  endless: Infinity,
});

const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** Ends a tag or attribute name: whitespace, `/`, `>` (NaN at the end of input does not). */
const endsName = (c: number): boolean => c === GT || c === SLASH || isSpace(c);

// The tree state of one parse. Plain functions over it rather than closures made per page: V8
// optimises one set of functions for every page instead of deoptimising on each page's closures.
interface Tree {
  on: HtmlEvents;
  /** The names met so far, by raw spelling and by lower case. */
  tags: Map<string, Tag>;
  /** The last raw spelling met for each slot of spelling hashes (SPELLING_SLOTS of them, indexed
   * by the hash's low bits): most tags are found here by an array read, without slicing their name
   * or a map lookup. */
  spellings: ({ raw: string; tag: Tag } | undefined)[];
  stack: Tag[];
  /** Foreign context in force above each stack entry. */
  contexts: number[];
  ctx: number;
  /** The element open past MAX_DEPTH, if any: one at a time, each closing the one before. */
  slot: Tag | undefined;
  form: Tag;
  img: Tag;
}

/** Slots of Tree.spellings: a power of two, several times the distinct spellings of a large real page. */
const SPELLING_SLOTS = 512;

/** The tag spelled `html[start, end)`, whose spelling hashes to `hash` (nameHash over the same characters). */
function tagAt(tree: Tree, html: string, start: number, end: number, hash: number): Tag {
  const slot = hash & (SPELLING_SLOTS - 1);
  const known = tree.spellings[slot];
  let t: Tag | undefined;
  if (known !== undefined && known.raw.length === end - start && html.startsWith(known.raw, start)) t = known.tag;
  else {
    const raw = html.slice(start, end);
    t = tree.tags.get(raw);
    if (t === undefined) {
      const lower = raw.toLowerCase();
      t = tree.tags.get(lower);
      if (t === undefined) {
        t = newTag(lower);
        tree.tags.set(lower, t);
      }
      tree.tags.set(raw, t);
    }
    tree.spellings[slot] = { raw, tag: t };
  }
  // `<image>` is `<img>` in HTML.
  return t.name === 'image' && tree.ctx === HTML_CTX ? tree.img : t;
}

function pop(tree: Tree): void {
  closeSlot(tree);
  const t = tree.stack.pop() as Tag;
  tree.contexts.pop();
  t.count--;
  tree.ctx = tree.contexts.length > 0 ? (tree.contexts[tree.contexts.length - 1] as number) : HTML_CTX;
  tree.on.close(t.name);
}

function closeSlot(tree: Tree): void {
  if (tree.slot === undefined) return;
  tree.on.close(tree.slot.name);
  tree.slot = undefined;
}

/** Opens `t`; returns whether it is open now (false for void and ignored elements). */
function openTag(tree: Tree, t: Tag, attribs: Attributes, selfClosing: boolean): boolean {
  const stack = tree.stack;
  // A <form> inside a form is ignored, as browsers do.
  if (t === tree.form && t.count > 0) return false;
  if (t.closes !== 0) while (stack.length > 0 && ((stack[stack.length - 1] as Tag).member & t.closes) !== 0) pop(tree);
  if (t.isVoid) {
    tree.on.open(t.name, attribs);
    tree.on.close(t.name);
    return false;
  }
  if (stack.length >= MAX_DEPTH) {
    // Past the cap, elements are siblings in one slot (as Blink flattens past its depth limit):
    // a paragraph still ends a block, and the caller's depth stays bounded.
    closeSlot(tree);
    t.overflow++;
    tree.slot = t;
    tree.on.open(t.name, attribs);
    return true;
  }
  stack.push(t);
  t.count++;
  if (t.foreign !== 0) {
    if (t.foreign === 1) tree.ctx = SVG_CTX;
    else if (t.foreign === 2) tree.ctx = MATH_CTX;
    else if (t.foreign === 3 || tree.ctx === SVG_CTX) tree.ctx = HTML_CTX;
  }
  tree.contexts.push(tree.ctx);
  tree.on.open(t.name, attribs);
  // `<x/>` closes x only in foreign content; in HTML the slash is ignored.
  if (selfClosing && tree.ctx !== HTML_CTX) pop(tree);
  return true;
}

function closeTag(tree: Tree, t: Tag): void {
  if (t.isVoid) {
    // `</br>` is a line break; other void end tags are ignored.
    if (t.name === 'br') {
      tree.on.open('br', NO_ATTRIBUTES);
      tree.on.close('br');
    }
    return;
  }
  if (t.overflow > 0) {
    t.overflow--;
    if (tree.slot === t) closeSlot(tree);
    return;
  }
  if (t.count > 0) {
    // Everything above the nearest open `t` is closed with it; each pop is paid for once.
    for (;;) {
      const top = tree.stack[tree.stack.length - 1] as Tag;
      pop(tree);
      if (top === t) return;
    }
  }
  // `</p>` without an open p is an empty paragraph.
  if (t.name === 'p') {
    tree.on.open('p', NO_ATTRIBUTES);
    tree.on.close('p');
  }
}

/** foldHash of `s[start, end)`: ASCII letters of either case hash alike (other characters are
 * folded too, harmlessly: the hash only filters, matchesAnyCase decides). */
const foldHash = (s: string, start: number, end: number): number => {
  let h = s.charCodeAt(start) | 0x20;
  for (let j = start + 1; j < end; j++) h = (Math.imul(h, 31) + (s.charCodeAt(j) | 0x20)) | 0;
  return h;
};

/** Slots of the wanted names' table: a power of two, several times the names a caller wants. */
const WANTED_SLOTS = 64;

/** The wanted names by the low bits of their foldHash: an attribute name is hashed while it is
 * scanned, and compared only with the wanted names of its slot (most names are no wanted one). */
function wantedTable(wanted: readonly WantedName[]): (WantedName[] | undefined)[] {
  const table = new Array<WantedName[] | undefined>(WANTED_SLOTS).fill(undefined);
  for (const w of wanted) (table[foldHash(w.name, 0, w.name.length) & (WANTED_SLOTS - 1)] ??= []).push(w);
  return table;
}

/** The index of the wanted name of `slot` that `html[start, end)` spells in any case, or -1. */
function wantedIndex(html: string, start: number, end: number, slot: readonly WantedName[] | undefined): number {
  if (slot === undefined) return -1;
  for (const w of slot) if (w.name.length === end - start && matchesAnyCase(html, start, w.name)) return w.index;
  return -1;
}

/** Whether `html` at `at` spells the lower-case ASCII `name`, in any case. */
function matchesAnyCase(html: string, at: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) {
    const c = html.charCodeAt(at + j);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== name.charCodeAt(j)) return false;
  }
  return true;
}

/**
 * Tokenises `html` and reports its elements to `on`. `wanted` names the lower-case ASCII attributes
 * the caller reads; only those are sliced out (the first of duplicates wins, as in browsers).
 * Every opened element is closed, at the latest at the end of input.
 */
export function parseHtml(html: string, wanted: WantedAttributes, on: HtmlEvents): void {
  const n = html.length;
  const wantedByHash = wanted.byHash;
  const newRecord = wanted.record;
  // The wanted values of the element being read, by index; undefined again after each element.
  const values: (string | undefined)[] = [];
  for (let k = 0; k < wanted.names.size; k++) values.push(undefined);
  const tags = new Map<string, Tag>();
  const form = newTag('form');
  const img = newTag('img');
  tags.set('form', form);
  tags.set('img', img);
  const tree: Tree = { on, tags, spellings: new Array<{ raw: string; tag: Tag } | undefined>(SPELLING_SLOTS).fill(undefined), stack: [], contexts: [], ctx: HTML_CTX, slot: undefined, form, img };
  let textStart = 0;

  let pos = 0;
  scan: while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      if (lt > textStart) on.text(html, textStart, lt);
      textStart = n; // a tag cut off by the end of input is dropped
      const ctxAtTag = tree.ctx;
      let hash = c;
      let i = lt + 2;
      for (; i < n; i++) {
        const ch = html.charCodeAt(i);
        if (endsName(ch)) break;
        hash = (Math.imul(hash, 31) + ch) | 0;
      }
      if (i >= n) break;
      const tag = tagAt(tree, html, lt + 1, i, hash);
      let found = false;
      let selfClosing = false;
      // Attributes, following the HTML tokenizer's states; `i` is at the next unread character.
      for (;;) {
        let ch = html.charCodeAt(i);
        if (isSpace(ch)) {
          i++;
          continue;
        }
        if (ch === GT) break;
        if (ch === SLASH) {
          i++;
          while (i < n && isSpace(html.charCodeAt(i))) i++;
          if (html.charCodeAt(i) === GT) {
            selfClosing = true;
            break;
          }
          continue;
        }
        if (i >= n) break scan;
        // Attribute name: its first character may be anything but whitespace, `/` or `>`.
        const nameStart = i++;
        // foldHash of the name, taken during its scan.
        let nameHash = ch | 0x20;
        while (i < n) {
          ch = html.charCodeAt(i);
          if (ch === EQ || endsName(ch)) break;
          nameHash = (Math.imul(nameHash, 31) + (ch | 0x20)) | 0;
          i++;
        }
        const nameEnd = i;
        while (i < n && isSpace(html.charCodeAt(i))) i++;
        if (i >= n) break scan;
        let valueStart = i;
        let valueEnd = i;
        if (html.charCodeAt(i) === EQ) {
          i++;
          while (i < n && isSpace(html.charCodeAt(i))) i++;
          if (i >= n) break scan;
          const q = html.charCodeAt(i);
          if (q === DQ || q === SQ) {
            valueStart = i + 1;
            valueEnd = html.indexOf(q === DQ ? '"' : "'", valueStart);
            if (valueEnd < 0) break scan;
            i = valueEnd + 1;
          } else {
            valueStart = i;
            while (i < n && !isSpace((ch = html.charCodeAt(i))) && ch !== GT) i++;
            if (i >= n) break scan;
            valueEnd = i;
          }
        }
        const k = wantedIndex(html, nameStart, nameEnd, wantedByHash[nameHash & (WANTED_SLOTS - 1)]);
        if (k >= 0 && values[k] === undefined) {
          values[k] = html.slice(valueStart, valueEnd);
          found = true;
        }
      }
      pos = textStart = i + 1;
      let attribs = NO_ATTRIBUTES;
      if (found) {
        attribs = newRecord(values);
        for (let k = 0; k < values.length; k++) values[k] = undefined;
      }
      const stacked = openTag(tree, tag, attribs, selfClosing);
      if (!tag.raw || ctxAtTag !== HTML_CTX) continue;
      if (tag.name === 'plaintext') {
        if (!stacked) textStart = n;
        break;
      }
      // Raw text: the body runs to the first `</name` followed by whitespace, `/` or `>`, any case.
      const len = tag.name.length;
      // Past `endless` this element has no end tag: no need to look again (hostile pages repeat it).
      let k = pos >= tag.endless ? n : pos;
      for (;;) {
        const end = html.indexOf('</', k);
        if (end < 0 || end + 2 + len >= n) {
          tag.endless = Math.min(tag.endless, pos);
          // Unterminated inside a <noscript> (`<noscript><iframe … /></noscript>`, a tag manager's
          // snippet written as self-closing): browsers, scripts on, read the noscript as raw text up
          // to `</noscript>`, so the rest of the page is still the page, not this element's text.
          const ns = tree.tags.get('noscript');
          const nsEnd = ns !== undefined && ns.count > 0 ? endTagAt(html, 'noscript', pos) : -1;
          if (stacked && nsEnd >= 0) {
            closeTag(tree, tag);
            pos = textStart = nsEnd;
            continue scan;
          }
          // A <title> that no `</title>` ends is a damaged page (a crawl that cut the head and
          // glued on a later piece): browsers would show a blank page with the whole page as its
          // title; the title ends at the next tag instead, as libxml2 (lxml, trafilatura) reads
          // it, and the rest of the page is still the page.
          if (stacked && tag.name === 'title') {
            const next = html.indexOf('<', pos);
            const stop = next < 0 ? n : next;
            if (stop > textStart) on.text(html, textStart, stop);
            closeTag(tree, tag);
            pos = textStart = stop;
            continue scan;
          }
          if (!stacked) textStart = n;
          break scan;
        }
        if (endsName(html.charCodeAt(end + 2 + len)) && matchesLower(html, end + 2, tag.name)) {
          if (stacked && end > textStart) on.text(html, textStart, end);
          closeTag(tree, tag);
          const gt = html.indexOf('>', end + 2 + len);
          if (gt < 0) {
            textStart = n;
            break scan;
          }
          pos = textStart = gt + 1;
          continue scan;
        }
        k = end + 1;
      }
    } else if (c === SLASH) {
      if (lt > textStart) on.text(html, textStart, lt);
      const c2 = html.charCodeAt(lt + 2);
      if (Number.isNaN(c2)) {
        // A lone `</` at the end of input is text.
        textStart = lt;
        break;
      }
      textStart = n;
      if (isAlpha(c2)) {
        let hash = c2;
        let i = lt + 3;
        for (; i < n; i++) {
          const ch = html.charCodeAt(i);
          if (endsName(ch)) break;
          hash = (Math.imul(hash, 31) + ch) | 0;
        }
        if (i >= n) break;
        closeTag(tree, tagAt(tree, html, lt + 2, i, hash));
        const gt = html.charCodeAt(i) === GT ? i : html.indexOf('>', i);
        if (gt < 0) break;
        pos = textStart = gt + 1;
      } else {
        // `</>` is nothing; `</` followed by anything else is a bogus comment up to `>`.
        const gt = c2 === GT ? lt + 2 : html.indexOf('>', lt + 2);
        if (gt < 0) break;
        pos = textStart = gt + 1;
      }
    } else if (c === 0x21 /* ! */) {
      if (lt > textStart) on.text(html, textStart, lt);
      textStart = n; // unterminated comments and declarations run to the end of input
      let end: number;
      if (html.startsWith('--', lt + 2)) {
        const s = lt + 4;
        // `<!-->` and `<!--->` are empty comments; otherwise the first `-->` or `--!>` ends it.
        if (html.charCodeAt(s) === GT) end = s;
        else if (html.startsWith('->', s)) end = s + 1;
        else end = commentEnd(html, s);
      } else if (html.startsWith('[CDATA[', lt + 2) && tree.ctx !== HTML_CTX) {
        // CDATA is text in foreign content. In HTML it is a bogus comment up to the first `>`, as
        // browsers read it (htmlparser2 runs it to `]]>`: a stray `<![CDATA[` hid whole pages).
        const s = lt + 9;
        const e = html.indexOf(']]>', s);
        if (e > s) on.text(html, s, e);
        end = e < 0 ? -1 : e + 2;
      } else {
        end = html.indexOf('>', lt + 2);
      }
      if (end < 0) break;
      pos = textStart = end + 1;
    } else if (c === 0x3f /* ? */) {
      if (lt > textStart) on.text(html, textStart, lt);
      textStart = n;
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) break;
      pos = textStart = gt + 1;
    } else {
      // `<` that starts no tag is text; the text before it is reported apart, as htmlparser2 does.
      if (lt > textStart) on.text(html, textStart, lt);
      textStart = lt;
      pos = lt + 1;
    }
  }
  if (n > textStart) on.text(html, textStart, n);
  closeSlot(tree);
  while (tree.stack.length > 0) on.close((tree.stack.pop() as Tag).name);
}

/** The `>` of the first `-->` or `--!>` from `from`, or -1. Each `--` is looked at once. */
function commentEnd(html: string, from: number): number {
  for (let k = html.indexOf('--', from); k >= 0; k = html.indexOf('--', k + 1)) {
    const c = html.charCodeAt(k + 2);
    if (c === GT) return k + 2;
    if (c === 0x21 && html.charCodeAt(k + 3) === GT) return k + 3;
  }
  return -1;
}

/** Whether `html` at `at` spells the lower-case ASCII `name`, in any case. */
function matchesLower(html: string, at: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) if ((html.charCodeAt(at + j) | 0x20) !== name.charCodeAt(j)) return false;
  return true;
}

/** Where the first end tag `</name` (any case, then whitespace, `/` or `>`) from `from` starts, or -1. */
function endTagAt(html: string, name: string, from: number): number {
  for (let k = from; ; ) {
    const end = html.indexOf('</', k);
    if (end < 0) return -1;
    if (endsName(html.charCodeAt(end + 2 + name.length)) && matchesLower(html, end + 2, name)) return end;
    k = end + 1;
  }
}
