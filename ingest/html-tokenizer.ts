// The HTML tokenizer and tree-event layer of extraction: one pass over the page that reports open
// tags (lower-cased name, only the attributes the caller asks for), close tags and text, with the
// element nesting rules of htmlparser2 (void elements, implied end tags, the second <form>, `</p>`
// and `</br>` without an open element, foreign SVG/MathML content), whose events html-blocks.ts was
// written against. It exists because htmlparser2 walks every character through a state machine and
// keeps its open-element stack with `unshift`, which makes N unclosed elements cost O(N²) (400k
// unclosed <div>: 68 s). Here text, comments and raw-text bodies (script, style, …) are skipped with
// indexOf, every close tag costs O(1) amortised (per-name counts reject a close that matches nothing;
// a close that pops many elements pays for them once), and nesting is capped at MAX_DEPTH: deeper
// elements are not stacked and their text belongs to the element at the cap, so any page costs time
// in proportion to its size and memory bounded by the cap. Entities are left encoded: the caller
// decodes only the text it keeps.

export type Attributes = Readonly<Record<string, string>>;

export interface HtmlEvents {
  open(name: string, attribs: Attributes): void;
  close(name: string): void;
  text(text: string): void;
}

export type Tokenize = (html: string, wanted: ReadonlySet<string>, on: HtmlEvents) => void;

/** Elements nested deeper than this are not stacked (browsers cap the tree depth too: Blink at 512). */
export const MAX_DEPTH = 1024;

const NO_ATTRIBUTES: Attributes = Object.freeze({});

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

/** One tag name of one page, with its count on the open-element stack and above the cap. */
interface Tag {
  name: string;
  isVoid: boolean;
  raw: boolean;
  member: number;
  closes: number;
  /** Open elements of this name on the stack. */
  count: number;
  /** Elements of this name opened past MAX_DEPTH and not yet closed. */
  overflow: number;
}

const newTag = (name: string): Tag => ({
  name,
  isVoid: VOID.has(name),
  raw: RAW_TEXT.has(name),
  member: MEMBER.get(name) ?? 0,
  closes: CLOSES.get(name) ?? 0,
  count: 0,
  overflow: 0,
});

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isAlpha = (c: number): boolean => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
/** Ends a tag or attribute name: whitespace, `/`, `>` (NaN at the end of input does not). */
const endsName = (c: number): boolean => c === GT || c === SLASH || isSpace(c);

/**
 * Tokenises `html` and reports its elements to `on`. `wanted` holds the lower-cased attribute
 * names the caller reads; only those are sliced out (the first of duplicates wins, as in browsers).
 * Every opened element is closed, at the latest at the end of input.
 */
export function parseHtml(html: string, wanted: ReadonlySet<string>, on: HtmlEvents): void {
  const n = html.length;
  // Per page: the names met so far (raw spelling and lower case both map to one Tag).
  const tags = new Map<string, Tag>();
  const tagOf = (raw: string): Tag => {
    let t = tags.get(raw);
    if (t === undefined) {
      const lower = raw.toLowerCase();
      t = tags.get(lower);
      if (t === undefined) {
        t = newTag(lower);
        tags.set(lower, t);
      }
      tags.set(raw, t);
    }
    return t;
  };
  const stack: Tag[] = [];
  /** Foreign context in force above each stack entry. */
  const contexts: number[] = [];
  let ctx = HTML_CTX;
  const formTag = tagOf('form');
  const imgTag = tagOf('img');

  const pop = (): void => {
    const t = stack.pop() as Tag;
    contexts.pop();
    t.count--;
    ctx = contexts.length > 0 ? (contexts[contexts.length - 1] as number) : HTML_CTX;
    on.close(t.name);
  };

  /** Opens `t`; returns whether it was stacked (false for void, ignored or capped elements). */
  const openTag = (t: Tag, attribs: Attributes, selfClosing: boolean): boolean => {
    // A <form> inside a form is ignored, as browsers do.
    if (t === formTag && t.count > 0) return false;
    if (t.closes !== 0) while (stack.length > 0 && ((stack[stack.length - 1] as Tag).member & t.closes) !== 0) pop();
    if (t.isVoid) {
      on.open(t.name, attribs);
      on.close(t.name);
      return false;
    }
    if (stack.length >= MAX_DEPTH) {
      t.overflow++;
      return false;
    }
    stack.push(t);
    t.count++;
    if (t.name === 'svg') ctx = SVG_CTX;
    else if (t.name === 'math') ctx = MATH_CTX;
    else if (INTEGRATION.has(t.name) || (t.name === 'foreignobject' && ctx === SVG_CTX)) ctx = HTML_CTX;
    contexts.push(ctx);
    on.open(t.name, attribs);
    // `<x/>` closes x only in foreign content; in HTML the slash is ignored.
    if (selfClosing && ctx !== HTML_CTX) pop();
    return true;
  };

  const closeTag = (t: Tag): void => {
    if (t.isVoid) {
      // `</br>` is a line break; other void end tags are ignored.
      if (t.name === 'br') {
        on.open('br', NO_ATTRIBUTES);
        on.close('br');
      }
      return;
    }
    if (t.overflow > 0) {
      t.overflow--;
      return;
    }
    if (t.count > 0) {
      // Everything above the nearest open `t` is closed with it; each pop is paid for once.
      for (;;) {
        const top = stack[stack.length - 1] as Tag;
        pop();
        if (top === t) return;
      }
    }
    // `</p>` without an open p is an empty paragraph.
    if (t.name === 'p') {
      on.open('p', NO_ATTRIBUTES);
      on.close('p');
    }
  };

  let textStart = 0;
  const emitText = (end: number): void => {
    if (end > textStart) on.text(html.slice(textStart, end));
  };

  let pos = 0;
  scan: while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (isAlpha(c)) {
      emitText(lt);
      textStart = n; // a tag cut off by the end of input is dropped
      const ctxAtTag = ctx;
      let i = lt + 2;
      while (i < n && !endsName(html.charCodeAt(i))) i++;
      if (i >= n) break;
      let tag = tagOf(html.slice(lt + 1, i));
      if (tag.name === 'image' && ctx === HTML_CTX) tag = imgTag;
      let attribs: Record<string, string> | undefined;
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
        while (i < n) {
          ch = html.charCodeAt(i);
          if (ch === EQ || endsName(ch)) break;
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
        const name = html.slice(nameStart, nameEnd).toLowerCase();
        if (wanted.has(name)) {
          attribs ??= {};
          if (attribs[name] === undefined) attribs[name] = html.slice(valueStart, valueEnd);
        }
      }
      pos = textStart = i + 1;
      const stacked = openTag(tag, attribs ?? NO_ATTRIBUTES, selfClosing);
      if (!tag.raw || ctxAtTag !== HTML_CTX) continue;
      if (tag.name === 'plaintext') {
        if (!stacked) textStart = n;
        break;
      }
      // Raw text: the body runs to the first `</name` followed by whitespace, `/` or `>`, any case.
      const len = tag.name.length;
      let k = pos;
      for (;;) {
        const end = html.indexOf('</', k);
        if (end < 0 || end + 2 + len >= n) {
          if (!stacked) textStart = n;
          break scan;
        }
        if (endsName(html.charCodeAt(end + 2 + len)) && matchesLower(html, end + 2, tag.name)) {
          if (stacked) emitText(end);
          closeTag(tag);
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
      emitText(lt);
      const c2 = html.charCodeAt(lt + 2);
      if (Number.isNaN(c2)) {
        // A lone `</` at the end of input is text.
        textStart = lt;
        break;
      }
      textStart = n;
      if (isAlpha(c2)) {
        let i = lt + 3;
        while (i < n && !endsName(html.charCodeAt(i))) i++;
        if (i >= n) break;
        let tag = tagOf(html.slice(lt + 2, i));
        if (tag.name === 'image' && ctx === HTML_CTX) tag = imgTag;
        closeTag(tag);
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
      emitText(lt);
      textStart = n; // unterminated comments and declarations run to the end of input
      let end: number;
      if (html.startsWith('--', lt + 2)) {
        const s = lt + 4;
        // `<!-->` and `<!--->` are empty comments; otherwise the first `-->` or `--!>` ends it.
        if (html.charCodeAt(s) === GT) end = s;
        else if (html.startsWith('->', s)) end = s + 1;
        else {
          const a = html.indexOf('-->', s);
          const b = html.indexOf('--!>', s);
          end = a < 0 ? (b < 0 ? -1 : b + 3) : b < 0 || a < b ? a + 2 : b + 3;
        }
      } else if (html.startsWith('[CDATA[', lt + 2)) {
        const s = lt + 9;
        const e = html.indexOf(']]>', s);
        // CDATA is text in foreign content and a comment in HTML.
        if (e >= 0 && ctx !== HTML_CTX && e > s) on.text(html.slice(s, e));
        end = e < 0 ? -1 : e + 2;
      } else {
        end = html.indexOf('>', lt + 2);
      }
      if (end < 0) break;
      pos = textStart = end + 1;
    } else if (c === 0x3f /* ? */) {
      emitText(lt);
      textStart = n;
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) break;
      pos = textStart = gt + 1;
    } else {
      // `<` that starts no tag is text; the text before it is reported apart, as htmlparser2 does.
      emitText(lt);
      textStart = lt;
      pos = lt + 1;
    }
  }
  emitText(n);
  while (stack.length > 0) on.close((stack.pop() as Tag).name);
}

/** Whether `html` at `at` spells the lower-case ASCII `name`, in any case. */
function matchesLower(html: string, at: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) if ((html.charCodeAt(at + j) | 0x20) !== name.charCodeAt(j)) return false;
  return true;
}
