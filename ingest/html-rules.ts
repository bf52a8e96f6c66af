// The tag and attribute rules of main-text extraction: which elements are never text, which are
// block boundaries, and which class/id/role/style values mark chrome (menus, cookie banners, share
// bars, related links, ads, comment sections) or hidden content.

import { anchoredAlternation, gramSieve, shortestMatch, topLevelAlternatives } from './regex-prefilter.ts';

/** Subtrees that never hold main text (a form's field labels among them). */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'template', 'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas',
  'video', 'audio', 'map', 'select', 'button', 'textarea', 'option', 'optgroup', 'datalist', 'input', 'dialog', 'label',
]);

/** Structural chrome: dropped unless the page has nothing else. `noscript` is here rather than
 * in DROP_TAGS because some sites (Discourse forums) serve their whole content in it. */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'noscript']);

/** Elements that start and end a block of text (one line of output). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'noscript', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Class/id words of chrome, matched as whole `-`/`_`-separated parts of a class or id. */
const CHROME_WORDS = [
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'submenu', 'breadcrumb', 'breadcrumbs', 'crumbs', 'cookie', 'cookies', 'consent',
  'gdpr', 'share', 'sharing', 'sharedaddy', 'social', 'socials', 'related', 'recommended', 'recommendations', 'sidebar', 'widget',
  'widgets', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adsense', 'dfp', 'sponsor', 'sponsored', 'promo', 'promotion',
  'comment', 'comments', 'respond', 'replies', 'footer', 'masthead', 'header', 'newsletter', 'subscribe', 'subscription', 'signup',
  'popup', 'modal', 'overlay', 'pagination', 'pager', 'tags', 'tagcloud', 'categories', 'byline', 'bio', 'meta', 'skip', 'toolbar',
  'disqus', 'outbrain', 'taboola', 'print', 'rss', 'login', 'search', 'topbar', 'copyright', 'disclaimer', 'disclaimers', 'legal', 'author',
  'toc', 'postmeta', 'postauthor', 'postprofile', 'userinfo', 'userextras', 'signature', 'dateline', 'timestamp', 'caption', 'credits', 'prev', 'next', 'more', 'trending', 'popular', 'feedback', 'rating',
];
/** CHROME_WORDS' words in the names that German, French, Spanish, Italian, Dutch and Polish sites
 * give their chrome (`teilen`, `werbung`, `autor`, `fil-ariane`): share bars, ads, related links,
 * author boxes, search, breadcrumbs, sidebars, page footers and captions. Their words for comments
 * are left out: a shop names its customer reviews so (`comentarios` around a product's reviews,
 * which product golds keep). */
const CHROME_WORDS_BEYOND_ENGLISH = [
  'teilen', 'partage', 'partager', 'compartir', 'condividi', 'delen', 'udostepnij',
  'verwandte', 'aehnliche', 'similaires', 'relacionados', 'correlati', 'gerelateerd', 'empfehlungen', 'empfehlung', 'meistgelesen',
  'werbung', 'anzeige', 'anzeigen', 'publicite', 'publicidad', 'pubblicita', 'advertentie', 'reklama',
  'autor', 'autoren', 'auteur', 'autore', 'auteurs',
  'suche', 'recherche', 'buscador', 'ricerca', 'zoeken',
  'brotkrumen', 'ariane', 'seitenleiste', 'randspalte', 'fusszeile', 'kopfzeile',
  'bildunterschrift', 'bildnachweis', 'bildquelle',
];
const CHROME_WORD_SET: ReadonlySet<string> = new Set([...CHROME_WORDS, ...CHROME_WORDS_BEYOND_ENGLISH]);
/** Chrome words only as the last part of a name (`read-more`, `nav-next`): as the first word they
 * begin an anchor made from a heading (`more-on-lists`, `next-steps`), a section of the text. */
const LAST_PART_WORDS: ReadonlySet<string> = new Set(['more', 'next', 'prev']);
/** Chrome words only as the last part of a class name of several parts, never in ids: a shop's
 * customer reviews (`product-reviews`) and a review widget (`grw-reviews`) sit beside the product or
 * the service, which the page's gold holds without them; but an id names a page's main element
 * after the page (`id="page_mobile_app_reviews"` around a listing of app reviews), and a section of
 * testimonials on a service page (`reviews-section`, or a mover's card classed `reviews`) is its
 * text. */
const CLASS_CHROME_WORD_SET: ReadonlySet<string> = new Set(['reviews']);
/** Long chrome words glued to another word without a separator (`commentlist`, `postcomments`,
 * `commentsDiv`, `socialicons`, `footerlinks`): only words too long to occur inside content names
 * by chance, and not `commentary` (an opinion column is content). */
const GLUED_CHROME_RE =
  /^(comments?|sidebar|related|sharing|social|newsletter|breadcrumbs?|footer|navigation|advert|sponsored|cookies?|popup|pagination)(?!ary)[a-z]|[a-z](comments|sidebar|sharing|newsletter|breadcrumbs?|footer|navigation|advert|pagination)$/;

/** GLUED_CHROME_RE's shortest match: shorter names (most parts of class names: `col`, `md`, `item`)
 * skip the regex. */
const GLUED_CHROME_MIN = shortestMatch(GLUED_CHROME_RE);

/** Class/id words of the main content (weaker than chrome words: `post-meta` is chrome). */
const CONTENT_WORD_SET: ReadonlySet<string> = new Set(['article', 'content', 'entry', 'main', 'story', 'post', 'body', 'text', 'prose', 'blog', 'markdown']);
const CONTENT_BODY_RE = /article-?(body|content|text)|entry-?(body|content|more)|post-?(body|content|text)|story-?(body|content)|main-?content|content-?body|itemprop-?articlebody|rich-?text/;
const CONTENT_BODY_MIN = shortestMatch(CONTENT_BODY_RE);

/** First name parts of site builders' and rich-text editors' (CKEditor's `ck-widget`) layout classes. */
const BUILDER_PREFIXES: ReadonlySet<string> = new Set(['ck', 'elementor', 'et', 'vc', 'wpb', 'fl', 'fusion', 'avia', 'brxe', 'kb', 'uagb', 'jet', 'hs']);

/** Whether a class name is a site builder's layout class (`elementor-element`, `et_pb_row`): every
 * block of such a page has one, so it tells nothing about what an element holds. */
export function isBuilderClass(name: string): boolean {
  const sep = name.search(/[_-]/);
  return sep > 0 && BUILDER_PREFIXES.has(name.slice(0, sep).toLowerCase());
}

/** Chrome words that name a post's meta line (its author, its date): beside a listing's teaser
 * they are the item's own lines, which listing golds keep under each title. Not `meta`: a
 * `post-meta` also holds the post's categories, tags and share links. */
const META_WORDS: ReadonlySet<string> = new Set(['author', 'byline', 'postauthor', 'dateline', 'timestamp']);

/** A class attribute's words, lower-cased, split at `-`, `_` and spaces (`author-area--name`). */
const classWords = (cls: string): string[] => cls.toLowerCase().split(/[-_\s]+/);

/** Whether a class's chrome words are all meta words (`author-area--name`, `entry-byline`): a teaser's
 * byline and date, not a menu or a share bar. */
export function isMetaClass(cls: string): boolean {
  let meta = false;
  for (const part of classWords(cls)) {
    if (META_WORDS.has(part)) meta = true;
    else if (CHROME_WORD_SET.has(part)) return false;
  }
  return meta;
}

/** Chrome words that name a box of teasers for other pages (related or popular posts). */
const TEASER_BOX_WORDS: ReadonlySet<string> = new Set(['related', 'recommended', 'recommendations', 'popular', 'trending']);

/** Whether a class names a box of teasers (`related_blog_item`, `popular-posts`): its cards reuse the
 * article's class names for their excerpts (`qs-article-content-area`), which are not the article. */
export function isTeaserBoxClass(cls: string): boolean {
  for (const part of classWords(cls)) if (TEASER_BOX_WORDS.has(part)) return true;
  return false;
}

/** Utility-first CSS (Tailwind) and grid-framework classes: they say how an element is laid out
 * (`w-full`, `lg:w-[60%]`, `flex`, `col`, `row`), never what it holds. */
const UTILITY_CLASS_RE = /[:[]|^-?(w|h|min-[wh]|max-[wh]|[pm][xytrbl]?|gap|space-[xy]|text|bg|border|rounded|shadow|flex|grid|col|row|items|justify|self|order|z|top|left|right|bottom|inset|leading|tracking|font|overflow|opacity)-|^(flex|grid|block|inline-block|relative|absolute|sticky|col|row|container|clearfix|group)$/;

/** Whether a class name is a layout utility (`w-full`, `lg:w-[60%]`, `flex`, `col`): siblings that
 * share one (a page's main column and its sidebar column) are not items of one kind. */
export function isUtilityClass(name: string): boolean {
  return UTILITY_CLASS_RE.test(name);
}

const CHROME_ROLES: ReadonlySet<string> = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'toolbar']);

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Classes of text for screen readers only: hidden from sight, read out in place of what is shown. */
const SCREEN_READER_CLASSES = 'sr-only|screen-reader-text|visually-hidden|visuallyhidden';
const HIDDEN_CLASS_RE = new RegExp(`(^|\\s)(hidden|hide|${SCREEN_READER_CLASSES}|d-none|invisible)(\\s|$)`, 'i');

const DIALOG_ROLES: ReadonlySet<string> = new Set(['dialog', 'alertdialog']);

/** A dialog (a cookie consent, a newsletter pop-up, a cart drawer) is shown over the page on
 * demand, like the <dialog> element, whose content is never the page's: structural chrome. */
export function isDialog(attribs: Record<string, string>): boolean {
  const role = attribs['role'];
  return (role !== undefined && DIALOG_ROLES.has(role.toLowerCase())) || attribs['aria-modal'] === 'true';
}

/** Roles of tab and accordion panels: hidden until a click, they hold the page's text. */
const PANEL_ROLES: ReadonlySet<string> = new Set(['tabpanel', 'region']);

const SCREEN_READER_CLASS_RE = new RegExp(`(^|\\s)(${SCREEN_READER_CLASSES})(\\s|$)`, 'i');

/** Text for screen readers only: hidden from sight, but read out in place of what is shown (an
 * icon's `Yes` or `No` in a comparison table's cell). */
export function isScreenReaderText(attribs: Record<string, string>): boolean {
  const cls = attribs['class'];
  return cls !== undefined && SCREEN_READER_CLASS_RE.test(cls);
}

/** Class names of tab panels without the role (Bootstrap's `tab-pane`, and the spellings of other
 * tab widgets): a shop's inactive tab, hidden by an inline `display:none`, holds the item's
 * specifications. */
const TAB_PANEL_CLASS_RE = /(^|\s)(tab-?pane|tabs?-panel)(\s|$)/i;

export function isHidden(attribs: Record<string, string>): boolean {
  const role = attribs['role'];
  if (role !== undefined && PANEL_ROLES.has(role.toLowerCase())) return false;
  const cls = attribs['class'];
  const style = attribs['style'];
  const hidden =
    attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true' || (style !== undefined && HIDDEN_STYLE_RE.test(style)) || (cls !== undefined && HIDDEN_CLASS_RE.test(cls));
  return hidden && !(cls !== undefined && TAB_PANEL_CLASS_RE.test(cls));
}

/** What an element's class/id/role say: 2 the article body itself, 1 looks like content, 0 neutral, -1 chrome. */
export type Verdict = -1 | 0 | 1 | 2;

// What the names of one class or id value say, as bits (nameFlags): a value's names are judged one
// by one and their bits or-ed, so an element's class and id can be judged apart (a page's class
// strings repeat and are judged once; its ids are unique).
const NAME_CHROME = 1;
const NAME_CONTENT = 2;
const NAME_BODY = 4;
/** A class-only chrome word (CLASS_CHROME_WORD_SET): chrome in a class, nothing in an id (idFlags). */
const NAME_CLASS_CHROME = 8;
/** nameBits returns a name's end times this plus its bits (exact as a double for any string length;
 * `& (NAME_END - 1)` keeps the bits, as ToInt32 keeps an integer's low bits). */
const NAME_END = 16;

/** Names that say nothing of the element: state classes (`has-sidebar`, `no-js`) describe the page,
 * and WordPress's captions (`wp-caption`, `wp-caption-text`) are kept by golds as often as not. Its
 * other `wp-` names are read by their words (`wp-block-post-author`, an author box's
 * `wp-about-author-text`). */
const NEUTRAL_NAME_RE = /^(?:(?:has|with|no|is|js|page-template)-|wp-.*caption)/s;

// What one `-`/`_`-separated part of a name is, by the word sets above, as bits. The parts are
// looked up by a hash taken while the name is scanned, so no part is sliced out or hashed as a
// string (a slice and a string-set lookup per part were about half of nameBits' samples); only parts long
// enough for GLUED_CHROME_RE are sliced, for the regex.
const PART_CHROME = 1;
const PART_LAST_ONLY = 2;
const PART_CONTENT = 4;
const PART_CLASS_CHROME = 8;
const PART_BUILDER = 16;
const PART_SIDEBAR = 32;
const PART_WRAPPER = 64;
const PART_WIDGET = 128;

/** The hash of a part: `partHash(partHash(0, c0), c1)…` over its char codes. */
const partHash = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

/** PART_WORDS' buckets: a part's bucket is the low bits of its hash. Most parts are no word and
 * find their bucket empty by one typed-array read, where a `Map` keyed by the hash cost a lookup. */
const PART_BUCKETS = 1024;

/** The words of the PART_* bits, bucketed by hash: `first[h & (PART_BUCKETS - 1)]` is the first
 * word's index in the bucket (-1: none), `next[k]` the next word's, `hash[k]` its whole hash. */
interface PartWords {
  first: Int16Array;
  next: Int16Array;
  hash: Int32Array;
  words: readonly string[];
  bits: Uint8Array;
}

const PART_WORDS: PartWords = (() => {
  const bits = new Map<string, number>();
  const add = (words: Iterable<string>, bit: number): void => {
    for (const w of words) bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  add(CHROME_WORD_SET, PART_CHROME);
  add(LAST_PART_WORDS, PART_LAST_ONLY);
  add(CONTENT_WORD_SET, PART_CONTENT);
  add(CLASS_CHROME_WORD_SET, PART_CLASS_CHROME);
  add(BUILDER_PREFIXES, PART_BUILDER);
  add(['sidebar'], PART_SIDEBAR);
  add(['layout', 'wrap', 'container'], PART_WRAPPER);
  add(['widget', 'widgets'], PART_WIDGET);
  const table: PartWords = {
    first: new Int16Array(PART_BUCKETS).fill(-1),
    next: new Int16Array(bits.size),
    hash: new Int32Array(bits.size),
    words: [...bits.keys()],
    bits: Uint8Array.from(bits.values()),
  };
  table.words.forEach((word, k) => {
    let h = 0;
    for (let i = 0; i < word.length; i++) h = partHash(h, word.charCodeAt(i));
    const bucket = h & (PART_BUCKETS - 1);
    table.hash[k] = h;
    table.next[k] = table.first[bucket] as number;
    table.first[bucket] = k;
  });
  return table;
})();

/** The PART_* bits of `s[start, end)`, whose partHash is `h`. */
function partBits(s: string, start: number, end: number, h: number): number {
  const t = PART_WORDS;
  for (let k = t.first[h & (PART_BUCKETS - 1)] as number; k >= 0; k = t.next[k] as number) {
    const word = t.words[k] as string;
    if (t.hash[k] === h && word.length === end - start && s.startsWith(word, start)) return t.bits[k] as number;
  }
  return 0;
}

/** Parts this long or longer may be glued chrome; the rest need no slice. */
const SLICE_MIN = Math.min(GLUED_CHROME_MIN, CONTENT_BODY_MIN);

/** The bits of one lower-case class or id name, the one starting at `s[start]` (not a space), and
 * where it ends (the next space, or the end of `s`), as `end * NAME_END + bits`: chrome if any part is
 * a chrome word (`post-meta`), else content if any part is a content word; the text body itself if
 * the whole name says so. The name's end is found by the scan of its parts, so its characters are
 * read once. `body`: CONTENT_BODY_RE matches somewhere in `s` (if not, it matches none of its names). */
function nameBits(s: string, start: number, body: boolean): number {
  let h = 0;
  let i = start;
  let c = 0;
  for (; i < s.length; i++) {
    c = s.charCodeAt(i);
    if (isNameSeparator(c) || isJsSpace(c)) break;
    h = partHash(h, c);
  }
  if (i === s.length || !isNameSeparator(c)) {
    // One part (most ids and many classes): no state prefix, builder filter or sidebar pairing applies.
    const whole = i - start < SLICE_MIN ? '' : start === 0 && i === s.length ? s : s.slice(start, i);
    const bits = partBits(s, start, i, h);
    if (body && isContentBody(whole)) return i * NAME_END + NAME_BODY;
    if ((bits & PART_CHROME) !== 0 || isGluedChrome(whole)) return i * NAME_END + NAME_CHROME;
    return i * NAME_END + ((bits & PART_CONTENT) !== 0 ? NAME_CONTENT : 0);
  }
  // The parts are split on runs of separators, as `split(/[_-]+/)`: a leading or trailing
  // separator makes an empty first or last part, but runs make no empty part between.
  // Site builders call every block of a page a widget (`elementor-widget-text-editor`): the word
  // says nothing there, the rest of the name still does (`elementor-widget-author-box`).
  const builder = (partBits(s, start, i, h) & PART_BUILDER) !== 0;
  let sidebar = false;
  let wrapper = false;
  let content = false;
  let chrome = false;
  /** The bits of the last part (widgets left out in a builder's name). */
  let lastBits = 0;
  /** Where the first part long enough for GLUED_CHROME_RE begins (-1: none): hasGluedPart starts there. */
  let longFrom = -1;
  let end = i;
  for (let from = start, to = i; ; ) {
    const bits = partBits(s, from, to, h);
    if (!builder || (bits & PART_WIDGET) === 0) {
      if ((bits & PART_SIDEBAR) !== 0) sidebar = true;
      if ((bits & PART_WRAPPER) !== 0) wrapper = true;
      if ((bits & PART_CONTENT) !== 0) content = true;
      // A last-part-only word is chrome if it stays the last part (lastBits, below).
      if ((bits & PART_CHROME) !== 0 && (bits & PART_LAST_ONLY) === 0) chrome = true;
      if (longFrom < 0 && to - from >= GLUED_CHROME_MIN) longFrom = from;
      lastBits = bits;
    }
    if (to === s.length || !isNameSeparator(s.charCodeAt(to))) {
      end = to;
      break;
    }
    from = to + 1;
    while (from < s.length && isNameSeparator(s.charCodeAt(from))) from++;
    h = 0;
    for (to = from; to < s.length; to++) {
      c = s.charCodeAt(to);
      if (isNameSeparator(c) || isJsSpace(c)) break;
      h = partHash(h, c);
    }
  }
  const name = start === 0 && end === s.length ? s : s.slice(start, end);
  if (NEUTRAL_NAME_RE.test(name)) return end * NAME_END;
  if (body && isContentBody(name)) return end * NAME_END + NAME_BODY;
  // A name pairing the sidebar with the content or the layout (`content-sidebar-wrap`,
  // `layout-docs--sidebar`, `sidebar-container` around a table of contents and the post) is a
  // wrapper of the page's columns, main one included.
  if (sidebar && (wrapper || content)) return end * NAME_END;
  if (chrome || (lastBits & PART_CHROME) !== 0 || (longFrom >= 0 && hasGluedPart(s, longFrom, end, builder))) return end * NAME_END + NAME_CHROME;
  return end * NAME_END + ((content ? NAME_CONTENT : 0) | ((lastBits & PART_CLASS_CHROME) !== 0 ? NAME_CLASS_CHROME : 0));
}

/** Whether a part of `s[start, end)` (`start` a part's start) is GLUED_CHROME_RE (widgets left out of a builder's name). */
function hasGluedPart(s: string, start: number, end: number, builder: boolean): boolean {
  for (let from = start; from <= end; ) {
    let to = from;
    let h = 0;
    for (; to < end; to++) {
      const c = s.charCodeAt(to);
      if (isNameSeparator(c)) break;
      h = partHash(h, c);
    }
    if (to - from >= GLUED_CHROME_MIN && !(builder && (partBits(s, from, to, h) & PART_WIDGET) !== 0) && GLUED_CHROME_RE.test(s.slice(from, to))) return true;
    if (to === end) return false;
    from = to + 1;
    while (from < end && isNameSeparator(s.charCodeAt(from))) from++;
  }
  return false;
}

const isContentBody = (name: string): boolean => name.length >= CONTENT_BODY_MIN && CONTENT_BODY_RE.test(name);
const isGluedChrome = (name: string): boolean => name.length >= GLUED_CHROME_MIN && GLUED_CHROME_RE.test(name);

const isNameSeparator = (c: number): boolean => c === 0x2d || c === 0x5f;

/** The or-ed bits of the whitespace-separated names of one class or id value. */
export function nameFlags(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const lower = value.toLowerCase();
  // CONTENT_BODY_RE's matches hold no whitespace, so each lies within one name: one test of the
  // whole value spares one per name (and a slice) wherever it fails, as it does for nearly all.
  const body = isContentBody(lower);
  let flags = 0;
  for (let i = 0; i < lower.length; ) {
    if (isJsSpace(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const named = nameBits(lower, i, body);
    const bits = named & (NAME_END - 1);
    flags |= bits;
    i = (named - bits) / NAME_END;
  }
  return flags;
}

/** nameFlags of an id value: class-only chrome words say nothing there. */
export function idFlags(value: string | undefined): number {
  return nameFlags(value) & ~NAME_CLASS_CHROME;
}

/** JavaScript's `\s` (the class names are split on it). */
function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The verdict from the role and the nameFlags of class and id (`named`: either is present). An
 * element with both kinds of names (`article-template under-menu`) is neutral. */
export function verdictOf(role: string | undefined, named: boolean, flags: number): Verdict {
  if (role !== undefined && CHROME_ROLES.has(role.toLowerCase())) return -1;
  if (!named) return role === 'main' || role === 'article' ? 1 : 0;
  if ((flags & NAME_BODY) !== 0) return 2;
  if ((flags & (NAME_CHROME | NAME_CLASS_CHROME)) !== 0) return (flags & NAME_CONTENT) !== 0 ? 0 : -1;
  return (flags & NAME_CONTENT) !== 0 ? 1 : 0;
}

export function classVerdict(attribs: Record<string, string>): Verdict {
  const cls = attribs['class'];
  const id = attribs['id'];
  return verdictOf(attribs['role'], cls !== undefined || id !== undefined, nameFlags(cls) | idFlags(id));
}

/** Headings of related-post lists, in the languages of BOILERPLATE_LINE. */
const RELATED_HEADINGS = [
  'related (posts|articles|stories|links|topics)', 'you (may|might) also like', 'ähnliche (beiträge|artikel)', 'verwandte (beiträge|artikel)',
  'das könnte (sie|dich) auch interessieren', 'articles similaires', 'à lire aussi', 'artículos relacionados', 'te puede interesar',
  'articoli correlati', 'potrebbe interessarti', 'gerelateerde (berichten|artikelen)', 'posts relacionados', 'artigos relacionados',
  'podobne (wpisy|artykuły)', 'похожие (записи|статьи)', '相关文章',
  // news and blog teasers beyond English
  'mehr zum thema', 'weitere (artikel|beiträge|nachrichten|meldungen)', 'auch interessant', '(dies|diese[sr]?) könnten? (sie|dich) auch (interessieren|gefallen)',
  'vielleicht (gefällt (dir|ihnen) auch|auch interessant)', '(neueste|letzte) kommentare', 'recent comments', 'commentaires récents', 'comentarios recientes', 'commenti recenti',
  'recente reacties', 'comentários recentes', 'lesen sie auch', 'lies auch', 'passend zum thema',
  '(neueste|letzte|beliebte|empfohlene) (beiträge|artikel)', 'meistgelesene (artikel|beiträge)', 'verwandt$',
  'sur le même (sujet|thème)', 'à voir aussi', 'dans la même rubrique', 'les plus lus', '(articles récents|derniers articles)', 'vous aimerez aussi',
  '(noticias|entradas) relacionadas', 'también te puede interesar', 'lo más visto', 'entradas recientes', 'últimas (noticias|entradas)',
  'ti potrebbe(ro)? interessare', 'potrebbero interessarti', 'articoli recenti', 'i più letti', 'ultimi articoli', '(notizie|post) correlati',
  'meer nieuws', 'meest gelezen', 'recente berichten', '(misschien )?ook interessant',
  'notícias relacionadas', 'mais lidas', 'posts recentes', 'você também pode gostar', 'veja também',
];

/** Headings of teaser sections after a text: related, popular, recent and "read also" posts. */
export const TEASER_HEADING = new RegExp(
  `^(${[
    ...RELATED_HEADINGS,
    'more( \\p{L}+)? (stories|articles|news|headlines)', '(most )?popular( posts| articles| stories)?', 'recent( \\p{L}+){0,3} (posts|articles|stories|news)', 'read (next|more|also)',
    'also read', 'also in', 'latest( \\p{L}+)? (posts|news|articles|stories|headlines|reports)', 'top (stories|headlines)', 'breaking( \\p{L}+)? news$', '(eilmeldungen|dernière minute|última hora|ultim.ora)$',
    '(aktuelle|neueste|weitere|letzte)( \\p{L}+)? (nachrichten|meldungen|news)', 'top-(themen|artikel|news)', 'dernières (nouvelles|actualités|infos)', 'about the (author|reviewer|writer)s?', 'über (den|die) (autor|autorin)', 'à propos de l.auteur', 'sobre (el|o) autor', 'sull.autore', 'over de auteur', 'o autorze', 'об авторе', 'meistgelesen', 'lire aussi', 'lo más leído', 'leggi anche', 'lees ook',
    'leia também', 'zobacz także', 'czytaj także', 'читайте также', 'самые популярные', 'популярные', '热门',
    // most-read boxes and trending lists; picks not to miss ("Don't miss...", "Must read", "Editor's picks")
    "(don.t miss|must read|editor.s (picks?|choice)|nicht verpassen|à ne pas manquer|no te (lo )?pierdas|da non perdere|niet (te )?missen|não perca|nie przegap|не пропустите)\\W*$",
    "((today|this week)['’]?s )?most (read|viewed|emailed|e-mailed|shared|commented|discussed)", 'trending( now| news| stories| posts| articles| topics)?$',
    // more of a section or a source ("More in South Asia news", "More from BostonWorks", "Mehr aus dem Ressort")
    'more (in|from)', 'mehr (aus|von)', 'plus (dans|de la rubrique)', 'más (en|de la sección)', 'altro (da|in)', 'meer (in|uit|van)', 'mais em', 'więcej (z|w)', 'ещё (в|из)', 'еще (в|из)',
    // more of a kind of story, the whole heading ("More Perspectives", "More Videos", "Mehr Videos", "Weitere Bilderstrecken")
    'more (coverage|videos|photos|galleries|opinions?|analysis|perspectives|reading|podcasts)$',
    // recommendations, the whole heading ("Recommended Reading", "Recommended for you";
    // "Recommended Books for Managers" is a text's own)
    'recommended (reading|stories|articles|posts|videos|for you)$', '(unsere )?empfehlungen( der redaktion| für (sie|dich))?$', 'empfohlen für (sie|dich)$', 'recommandé(s)? pour vous$', '(nos )?recommandations$',
    'recomendado(s)? para (ti|usted)$', '(nuestras )?recomendaciones$', 'consigliati per te$', 'aanbevolen (voor (jou|u)|artikelen|verhalen)$', 'recomendado(s)? para você$', '(mehr|weitere) (videos|bilder|fotos|bilderstrecken|meinungen|podcasts|nachrichten)$',
    'meist(kommentiert|geteilt|gesehen|geklickt)', 'am meisten (gelesen|kommentiert|geteilt)', 'les plus (commentés|partagés|consultés)',
    'lo más (comentado|compartido)', 'i più (commentati|condivisi|visti)', 'meest (bekeken|gedeeld|besproken)', 'najczęściej czytane',
    // a comment section's heading ("Comments", "3 Kommentare", "Commentaires (2)", "Have your say")
    'have your say', 'ihre meinung', 'diskutieren sie mit', 'leserkommentare', 'votre avis', 'réagissez', 'tu opinión', 'la tua opinione', 'uw mening', 'sua opinião',
    '(\\d+ )?(comments?|responses|kommentare?|commentaires?|comentarios?|commenti|reacties|comentários|komentarze|комментарии)( \\(\\d+\\))?:?$',
  ].join('|')})(?!\\p{L})`,
  'iu',
);

/** A heading naming the works a text cites ("References", "References & Sources", "Einzelnachweise"):
 * the linked list under it is the text's, which golds keep, not a list of teasers. Not "Sources"
 * alone, nor "Bibliography" or "Works Cited": with them a tuning page fell. */
export const REFERENCES_HEADING =
  /^(references?|references (&|and) sources|referenzen|einzelnachweise|références|referencias|riferimenti|referenties|referências)\W*$/iu;

/** Lines announcing a list of teasers after a text (`Related:`, `More stories from …:`, `You might
 * like:`), in the languages of BOILERPLATE_LINE. */
export const TEASER_INTRO =
  /^(more|related|similar|recommended|you (may|might|will|could)|see also|read (also|more|next)|also (on|read|in)|elsewhere|mehr|weitere|ähnliche|verwandte|das könnte|plus d|à lire|lire aussi|vous aimerez|más|otras|otros|ver también|te puede|altri|altre|leggi anche|potrebbe|meer|lees ook|mais|leia também|veja também|więcej|czytaj|zobacz|ещё|еще|читайте|похожие|相关)/iu;

/** A post's filing line, WordPress's theme footer ("This entry was posted on … and is filed under
 * …", "Posted in …"), in the languages of BOILERPLATE_LINE. */
const FILING = [
  '^(this entry was posted (on|in) |dieser (eintrag|beitrag) wurde (am|in) |cette entrée a été publiée |esta entrada fue publicada |questo articolo è stato pubblicato |dit bericht (werd|is) geplaatst )',
  '^(posted|filed) (in|under) |^(veröffentlicht|abgelegt) (in|unter) |^(publié|classé) dans |^publicado en |^pubblicato in |^geplaatst in |^opublikowano w ',
].join('|');

/** FILING alone, for the long filing lines that also list the post's categories, tags and feeds. */
export const FILING_LINE = new RegExp(FILING, 'iu');

/** Short lines that blog and news CMSs put around a post, each at the start of its line, in the
 * languages of BOILERPLATE_LINE: a comment list's heading ("One thought on “…”", "2 Antworten auf
 * „…“"; it needs the quote that opens the post's title: a bare count, "14 comments", is a
 * listing item's metadata, which listing golds keep), the comment form's other prompts
 * ("Hinterlasse einen Kommentar", "Antworten abbrechen", "Erforderliche Felder sind mit *
 * markiert"), prompts to comment or recommend ("Add your comment", "Recommend this story"), a
 * like button's "Gefällt mir Wird geladen …", share prompts that do not open with
 * the verb ("Diesen Beitrag teilen", "Klicke, um auf Facebook zu teilen"), follow prompts,
 * helpfulness and star-rating widgets ("War dieser Artikel hilfreich?", "Durchschnittliche
 * Bewertung 4.5 / 5."; a rating alone, "Average rating: 4.9", is a listing's data), back-to-top
 * links and links back to the site's index ("« Back to blog", "Zurück zur Übersicht"), the
 * footer's "Powered by WordPress" (the CMS named: "Powered by AI" is a pitch) and
 * "Bloggen auf WordPress.com", a post's navigation labels ("Nächster Beitrag", "Ältere Beiträge",
 * "Beitragsnavigation"; the whole line: "Previous posts in the series" is a heading), an
 * advertisement's label ("Anzeige", "Werbung") and the lines leading round it ("Advertisement -
 * Continue Reading Below", "Weiter nach der Anzeige"), a sponsor's label ("Brought to you by"), a
 * paywall's notices ("To read this article in full you must be registered", "Dieser Artikel ist
 * exklusiv für Abonnenten"), a login wall's prompts ("Already a member? Login now", "Remember
 * me"), print buttons ("Print This Page", "Printer friendly page", "Artikel drucken"), a table of
 * contents' label ("Table of Contents", "Inhaltsverzeichnis") and an author box's role line
 * ("Contributing Writer", "Freier Autor"). */
export const CMS_LINES = [
  // comment lists: "One thought on “Title”", "2 Antworten auf „Titel“"; counts
  '(one|\\d+) (comments?|responses?|replies|thoughts?) (on|to) [“"„«‘\']',
  '(ein|\\d+) (gedanken?|kommentare?|antworten|antwort|reaktionen?) (zu|auf) [„“"»«‚\']',
  '(une?|\\d+) (réflexions?|commentaires?|réponses?) (sur|à|au) [«“"„\']',
  '(una?|\\d+) (comentarios?|respuestas?|opiniones?|pensamientos?) (a|en|sobre|para) [«“"„\']',
  '(un|\\d+) (pensieri?|commenti?|risposte?) (su|a) [«“"„\']',
  '(één|\\d+) (gedachten?|reacties?|reactie) op [„“"«\']',
  '(um|\\d+) (comentários?|pensamentos?|respostas?) (em|sobre|para) [«“"„\']',
  // the comment form
  'hinterlasse (einen kommentar|eine antwort)|(einen )?kommentar hinterlassen|antwort(en)? abbrechen|cancel reply|annuler la réponse|laisser une réponse|cancelar (la )?respuesta|annulla (la )?risposta|lascia una risposta|reactie annuleren|cancelar resposta',
  // prompts to comment or recommend ("Add your comment", "Click Here to Comment on This Article", "Recommend this story")
  '(add|post|write) your comments?\\b|click here to (comment|read all (posts|comments))|(comment on|recommend) this (article|story|post)\\W*$|(schreiben sie|schreib) (einen|ihren|deinen) kommentar|(ajoutez|ajouter) (un|votre) commentaire|(añade|añadir) (un|tu) comentario|aggiungi (un|il tuo) commento|(voeg|plaats) (een|je|uw) reactie|(adicione|adicionar) (um|seu) comentário|dodaj swój komentarz|добавить комментарий',
  // a comment or contact form's field labels, with "your" or a mark of a required or optional field
  // ("Your Name:", "Your email address: * (We won't publish this.)", "Email: (optional)", "Ihre E-Mail-Adresse *")
  '(your|ihr|ihre|dein|deine|votre|tu|su|il tuo|la tua|uw|je|seu|sua) (full |real )?(name|e-?mail( address)?|website|comment|message|vor- und nachname|e-mail-adresse|webseite|kommentar|nachricht|nom|adresse e-mail|site web|commentaire|nombre|correo( electrónico)?|comentario|mensaje|nome|commento|messaggio|naam|e-mailadres|reactie|bericht|comentário|mensagem)\\s*:?\\s*\\*?\\s*(\\([^)]{0,40}\\))?$',
  '(name|e-?mail( address)?|website|url|comment|message|password|e-mail-adresse|webseite|kommentar|nachricht|passwort)\\s*:?\\s*(\\*|\\((required|optional|erforderlich|pflichtfeld|freiwillig|will not be published|not published|never shared|wird nicht veröffentlicht)\\))',
  'required fields are marked|erforderliche felder sind( mit)? \\*? ?markiert|les champs obligatoires sont indiqués|los campos obligatorios están marcados|i campi obbligatori sono contrassegnati|verplichte velden zijn gemarkeerd|os campos obrigatórios (são|estão) marcados',
  // a form's key to its marks and a field's length limit ("* Required field", "Limit: 1000 characters", "500 characters
  // remaining"), and a text-size tool's label ("Font:")
  '\\*? ?(required fields?|pflichtfelder?|champs? obligatoires?|campos? obligatorios?|campo obbligatorio|campi obbligatori|verplichte? velden?|campos? obrigatórios?)\\W*$|(limit|maximum|max\\.?|höchstens|maximal):? \\d[\\d,.]* (characters|zeichen|caractères|caracteres|caratteri|tekens)\\W*$|\\d+ (characters? (remaining|left)|zeichen (übrig|verbleibend)|caractères restants|caracteres restantes|caratteri rimanenti|tekens over)\\W*$|(font|font size|schrift|schriftart|police|fuente|carattere|lettertype):$',
  // like, share and follow prompts
  '(like|gefällt mir|j.aime|me gusta|mi piace|vind ik leuk|curtir|lubię to) (loading|wird geladen|chargement|cargando|caricamento|laden|carregando|ładowanie)',
  '(diesen|den) (beitrag|artikel) teilen|(artikel|beitrag|seite|jetzt) teilen|teile (dies|diesen (beitrag|artikel))|partage[rz]? (cet|l.)article|compart(e|ir|a) (este|el) (artículo|post)|condividi (questo|l.)articolo|deel dit (artikel|bericht)|compartilhe (este|esse) (artigo|post)',
  'click to (share|print|email)|klicke?n?,? um (auf|über|per) .{1,30} zu teilen|klicken zum (ausdrucken|teilen)|cliquez pour (partager|imprimer)|haz clic para (compartir|imprimir)|fai clic per (condividere|stampare)|klik om te (delen|printen)|clique para (compartilhar|imprimir)',
  '(follow us|folge uns|folgen sie uns|suivez-nous|síguenos|seguici|volg ons|siga-nos|obserwuj nas)(?!\\p{L})|(follow|folge|folgen sie|suivez|sigue|segui|volg|siga|twitter:?) @\\w',
  // the author's own follow prompt and "connect with us" ("Follow me on Twitter.", "Connect With Us on Twitter")
  '(follow me|connect with (us|me)|folge mir|folgen sie mir|vernetze dich mit (mir|uns)|suivez-moi|sígueme|seguimi|volg mij|siga-me)( (on|auf|bei|sur|en|su|op|no|na) (twitter|x|facebook|instagram|linkedin|pinterest|youtube|tiktok|mastodon|bluesky|threads|xing)\\b|\\W*$)',
  // a follow prompt naming the site or the show on two networks or more ("Follow Newsbeat on Instagram, Facebook,
  // Twitter and YouTube."; an author's "Follow Marcas on Twitter @MarcasG" is the post's, which Dragnet's golds keep)
  '(follow|folge|folgen sie|suivez|sigue|segui|volg|siga) ([^\\s.!?]+ ){1,3}(on|auf|bei|sur|en|su|op|no|na) (twitter|x|facebook|instagram|linkedin|pinterest|youtube|tiktok|mastodon|bluesky|threads|xing)(, (twitter|x|facebook|instagram|linkedin|pinterest|youtube|tiktok|mastodon|bluesky|threads|xing))*,? (and|und|et|y|e|en|i|или) (twitter|x|facebook|instagram|linkedin|pinterest|youtube|tiktok|mastodon|bluesky|threads|xing)\\b',
  // an audio player's label ("Listen to this story via streaming audio …", "Artikel anhören")
  'listen to (this|the) (story|article|post)|(diesen |den )?artikel (anhören|vorlesen( lassen)?)|écouter (cet |l.)article|escuchar (este |el )?artículo|ascolta (questo |l.)articolo|luister naar (dit|het) artikel|ouvir (este |o )?artigo|posłuchaj (tego )?artykułu',
  // helpfulness and star ratings
  'was this (article|page|post|answer) (helpful|useful)|did you find this (article|page|post) (helpful|useful)|war (dieser|der|die|das) (artikel|beitrag|seite|text) hilfreich|wie hat (ihnen|dir) (dieser|der) (artikel|beitrag) gefallen|cet article (vous )?a-t-il été utile|¿?(te|le) (ha resultado|resultó|fue|ha sido) útil|(hai trovato|trovi) utile|(questo articolo|questa pagina) (ti )?è stat[oa] utile|was (dit|deze) (artikel|pagina) (nuttig|behulpzaam)|este artigo foi útil',
  'click on a star to rate|klicke? (sie )?auf (einen|die) sterne?|no votes so far|bisher keine bewertungen|noch keine bewertungen',
  '(average rating|durchschnittliche bewertung|note moyenne|puntuación media|voto medio|gemiddelde (waardering|beoordeling)|classificação média):? [\\d.,]+ ?/ ?5\\.',
  // back to top (also between symbols, "* * * Back to the top * * *") and links back to the site's
  // index ("« Back to blog", "Zurück zur Übersicht"): one alternative, as its leading \W* costs the
  // regex less once than twice; then the footer's credits
  '\\W*(back to (the )?top|(zurück )?nach oben|retour en haut( de (la )?page)?|volver arriba|torna (su|in alto|all.inizio)|terug naar boven|voltar ao topo|powrót na górę|наверх|back to (the )?(home ?page|blog|news|overview|index|(.{1,30} )?(menu|page|index))|zurück zu(r|m)? (übersicht|startseite|blog|news|(.{1,30} )?(seite|menü|liste))|retour (à l.accueil|à la page d.accueil|au blog|à la liste|au sommaire)|volver (al inicio|al blog|a la portada|al índice)|torna (alla home|al blog|all.indice)|terug naar (het )?(overzicht|home|blog)|voltar (ao início|para o blog|à página inicial)|powrót do (strony głównej|bloga|listy)|вернуться (на главную|к списку))\\W*$',
  '((proudly |stolz |mit stolz )?(powered by|präsentiert von|betrieben (mit|von))|(fièrement )?propulsé par|funciona (gracias a|con)|(orgogliosamente )?(powered by|realizzato con)|(trots )?aangedreven door|mogelijk gemaakt door|wspierane przez|(orgulhosamente )?(desenvolvido|mantido) (com|por)) (wordpress|blogger|drupal|joomla|typo3|ghost|tumblr|typepad|jimdo|wix|squarespace|weebly)|(blog at|bloggen auf) wordpress|(create|erstelle) (a|eine) (free |kostenlose )?website',
  // a post's navigation
  '(post|beitrags|artikel|kommentar)navigation$|(navigation des articles|navegación de entradas|navigazione articoli|berichtnavigatie|navegação de posts)$',
  '[←«‹]? ?((previous|next|older|newer) (posts?|articles?|entry|entries|stor(y|ies))|(vorheriger|nächster|voriger|vorheriger|nächste|vorige) (beitrag|artikel|eintrag)|(ältere|neuere) (beiträge|einträge|artikel)|article (précédent|suivant)|(entrada|artículo) (anterior|siguiente)|articolo (precedente|successivo)|(vorig|volgend) bericht|(post|artigo) (anterior|seguinte)|próximo (post|artigo))(:|\\W*$)',
  // a post's tag line ("Schlagwörter: Hafen, Boote"; not a wiki's "Tag:Portage"); category lines are a directory's data
  '(getaggt|verschlagwortet) mit|(tags|tagged( with)?|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|étiquettes|mots-clés|etiquetas|etichette|etiketten|tagi|метки|теги) ?: \\S',
  // a copyright line written with "(c)" for "©"
  '\\(c\\) ?\\d{4}',
  // an advertisement's label
  '(advertisement|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|publicidade|reklama|реклама|广告)$',
  // a sponsor's label alone ("Brought to you by", "Sponsored by:"; the sponsor's logo follows) or
  // with a name of a few words ("Brought to you by NZPA", a wire service's credit)
  '(brought to you by|sponsored by|gesponsert von|präsentiert von|sponsorisé par|présenté par|patrocinado por|presentado por|sponsorizzato da|offerto da|gesponsord door|aangeboden door|oferecido por|sponsorem jest|спонсор)(\\W*$| [^\\s.!?]+( [^\\s.!?]+){0,3}$)',
  // the text's way round an advertisement ("Advertisement - Continue Reading Below", "Story continues below advertisement",
  // "Scroll down to read more:", a lone "Read more...")
  '(advertisement|ad)\\W+(continue reading|scroll to continue)|(story|article) continues below( (this )?(ad|advertisement))?$|continue reading below$|skip advertisement$|scroll to continue( with content)?$|scroll down to (read|continue)( reading)?( more)?\\W*$|read more\\W*$',
  '(der )?artikel (wird|geht) (unter|nach) der (werbung|anzeige) (fortgesetzt|weiter)|weiter nach der (anzeige|werbung)$|lesen sie nach der (anzeige|werbung) weiter|l.article continue (sous|après) (la|cette) publicité|la suite après (cette|la) publicité|el artículo continúa (debajo|después) de la publicidad|l.articolo continua dopo la pubblicità|het artikel (gaat verder|loopt door) (na|onder) de advertentie|(o )?artigo continua (depois|após) (da|a) publicidade',
  // a paywall's notices ("To read this article in full you must be registered", "Already a subscriber?")
  'to (read|continue reading) (this|the) (full )?(article|story)|to read the rest of this (article|story)|(this|the) (full )?(article|story|content) (is|contains) (exclusive|only available|available only|reserved|\\d+ words)|unlock this (article|story)|already (have an account|a subscriber)|(premium|registered|subscriber|subscribers.only) (article|content)\\W*$',
  'um (diesen|den) (artikel|beitrag) (vollständig |ganz )?zu lesen|(dieser|der) (artikel|beitrag|inhalt) ist (nur |exklusiv )?für (abonnenten|abonnentinnen|abonnent)|exklusiv für abonnenten|(sie sind )?bereits abonnent|sie haben bereits ein abo|(jetzt )?(mit (einem )?abo )?weiterlesen (mit|für)',
  'cet article est réservé aux abonnés|(vous êtes )?déjà abonné|pour lire la suite|il vous reste \\d+ ?% de cet article|este (artículo|contenido) es exclusivo para (suscriptores|abonados)|¿?ya eres (suscriptor|abonado)|para (seguir|continuar) leyendo',
  'questo articolo è riservato agli abbonati|sei già abbonato|per continuare a leggere|dit artikel is (alleen|exclusief) (beschikbaar )?voor abonnees|ben je al abonnee|om dit artikel (verder )?te lezen|este (artigo|conteúdo) é exclusivo para assinantes|já é assinante|para continuar lendo',
  // a login wall's prompts and its form's notes ("Already a member? Login now", "Please create an account or login to read
  // this story", "Remember my ID and password on this computer.", "Remember Me?", "Forgot your password?")
  'already (a member|registered)\\b|(please )?(create an account|register|log ?in|sign in)( or (log ?in|sign in|register))? to (read|continue reading|view) (this|the) (full )?(article|story)|(for (free )?access to|to access) this (article|story),? you (must|need to) (be a member|register|log ?in|sign in)|remember (me|my( member)? id( and password)?( on this computer)?)\\W*$|forgot(ten)? (your )?password\\W*$',
  '(sie sind )?bereits (mitglied|registriert)\\b|passwort vergessen\\W*$|angemeldet bleiben\\W*$|(vous êtes )?déjà (membre|inscrit)\\b|mot de passe oublié\\W*$|se souvenir de moi\\W*$|¿?ya (eres miembro|estás registrado)|¿?(olvidaste|has olvidado) tu contraseña\\W*$|recordarme\\W*$|sei già (registrato|iscritto)|password dimenticata\\W*$|ricordami\\W*$|al (lid|geregistreerd)\\?|wachtwoord vergeten\\W*$|onthoud mij\\W*$|já (é membro|está registrado)|esqueceu (sua|a) senha\\W*$|lembrar-me\\W*$',
  // a story's page counter and mail and bookmark tools, a wire story's credit line ("Staff and agencies")
  '(page|seite|página|pagina|strona) \\d+ (of|von|de|di|van|z) \\d+$|(bookmark|lesezeichen|refer to a friend|e-?mail (this|to a friend)( article| story| page)?|send (this|the) (article|story|page)( to (a )?friends?)?( by e-?mail)?|(artikel|beitrag) (per e-?mail )?(versenden|empfehlen))\\W*$|(staff and )?agencies$',
  // page tools: print buttons, a table of contents' label, German back-to-top
  '(print (this )?(page|article|post|story|recipe)|printer[- ]friendly( page| version| format)?|druckversion|druckansicht|version imprimable|versión (para )?imprimir|versione stampabile|printvriendelijke versie|versão para impressão|wersja do druku|версия для печати|(artikel|seite|beitrag) drucken|imprimer (cet article|la page)|imprimir (el )?(artículo|página)|stampa (l.)?(articolo|pagina)|(artikel|pagina) printen|imprimir (artigo|página))$',
  '(table of contents|contents|in this (article|post|guide)|on this page|jump to section|inhaltsverzeichnis|inhalt|sommaire|table des matières|índice|tabla de contenidos?|indice|sommario|inhoudsopgave|spis treści|содержание|目录)\\W*$',
  'zum seitenanfang|nach oben scrollen$',
  // a forum poster's box, one label and value a line ("Join Date: Aug 2008", "Posts: 1,077",
  // "Registriert seit: 12.03.2009", "Beiträge: 512"): they describe the poster, not the post
  '(join date|joined|registriert seit|mitglied seit|dabei seit|inscrit le|inscrit depuis|fecha de ingreso|registrato il|lid sinds)\\s*:\\s*[\\p{L}\\d][\\p{L}\\d ,./-]{0,20}$|(posts|messages|beiträge|mensajes|messaggi|berichten)\\s*:\\s*\\d[\\d.,]*$',
  // a forum post's reaction summary ("Reactions: felixen, Bob and 3 others"; XenForo's label is
  // screen-reader text under a class of its own), its like count ("7 Likes") and the opening
  // poster's badge ("Original poster"): about the post, not of it
  '(reactions|reaktionen|réactions|reacciones|reazioni)\\s*:\\s*[^.!?]{1,120}$|\\d+ likes?$|original poster$',
  // an author box's role line ("Contributing Writer", "Staff writer", "Contributor", "Freier Autor"); a bare "Editor"
  // may be a text's own line
  '((contributing|staff|senior|associate|deputy|managing|executive|freelance|guest|news|features?|digital|assistant|commerce|lead) )+(writer|editor|reporter|correspondent|contributor|journalist|columnist)\\W*$|contributor$',
  '(freier?|freie[nr]?|leitender?|stellvertretender?) (redakteur|redakteurin|autor|autorin|mitarbeiter|mitarbeiterin|korrespondent|korrespondentin)\\W*$|gastautor(in)?\\W*$|(rédacteur|rédactrice|journaliste|collaborateur|collaboratrice) (invitée?|indépendante?|pigiste)\\W*$|(redactor|redactora|colaborador|colaboradora|periodista) (invitad[oa]|independiente)\\W*$',
  // a search box's label alone
  '(search|suche|suchen|rechercher|recherche|buscar|búsqueda|cerca|zoeken|pesquisar|szukaj|поиск)\\W*$',
  // a story's print-edition note ("A version of this article appeared in print on 11/06/2012, on page D6 …")
  'a version of this (article|story|review|column|editorial|op-ed) appear(ed|s) in print|(dieser|der) (artikel|beitrag|text) erschien (zuerst |erstmals )?in der (print-?ausgabe|gedruckten ausgabe)|(une version de )?cet article (est )?paru dans l.édition (imprimée|papier)',
  // a post's teaser links on a blog's front page: the rest of the post ("Continue reading “Title”",
  // "Weiterlesen") and its comments ("View/Add Comments (6)")
  '(continue reading|read more of)\\W*[“"„«]|(view/add|view|add|read) comments \\(\\d+\\)|(weiterlesen|lire la suite|seguir leyendo|continua a leggere|leggi tutto|verder lezen|continuar lendo|czytaj dalej|читать далее)\\W*$',
  // a story's tool bar: reprints, the single-page view, saving, text size ("Text size:", "Schriftgröße")
  '(reprints?|single page|save this (article|story)|(text size|schriftgröße|taille du texte|tamaño del? (texto|letra)|dimensione del testo|tekstgrootte|tamanho do texto)\\W*)$',
];

/** A notice that a post's comments are closed ("Comments are closed.", "Comments are now closed for this story", "Die
 * Kommentarfunktion ist geschlossen"), in the languages of BOILERPLATE_LINE: a boilerplate line, and in a
 * flat text the end of the story (html-extract.ts: the comments follow it). */
const CLOSED_COMMENTS =
  'comments are (now )?closed|comments (to|on|for) this (entry|post|article|story) are (now )?closed|kommentare sind geschlossen|(die )?kommentarfunktion (ist|wurde) (hier |für diesen (artikel|beitrag) )?(geschlossen|deaktiviert)|les commentaires sont fermés|los comentarios están cerrados|i commenti sono chiusi|reacties zijn gesloten|comentários (estão )?encerrados|komentarze (są )?wyłączone|комментарии закрыты|评论已关闭';
const CLOSED_COMMENTS_LINE = new RegExp(CLOSED_COMMENTS, 'iu');
/** Most lines hold none of CLOSED_COMMENTS_LINE's n-grams (regex-prefilter.ts) and never run it:
 * its alternatives in ten languages cost irregexp a try at every position of every line. */
const CLOSED_COMMENTS_SIEVE = gramSieve([CLOSED_COMMENTS_LINE]);

/** Whether a line says its post's comments are closed (CLOSED_COMMENTS). */
export const isClosedCommentsLine = (text: string): boolean => CLOSED_COMMENTS_SIEVE(text) !== 0 && CLOSED_COMMENTS_LINE.test(text);

/** Lines that are boilerplate whatever element holds them (when short): legal and cookie notices,
 * share, like and rating prompts, related-post headings, pingbacks, "comments closed" notices and
 * comment-form notes ("Your email address will not be published"), a post's filing line and
 * reading time,
 * in English and the big European languages, Russian and Chinese. Regex sources, `iu`: those
 * anchored at the line's start go with CMS_LINES (LINE_START), the others form BOILERPLATE_ANYWHERE. */
export const BOILERPLATE_LINE = [
    // legal, cookies, skip links (© is tested apart, in isBoilerplateLine); a copyright page named
    // as a footer's link ends its item ("PMC Copyright Notice", "FOIA | Copyright Information | …")
    '^copyright\\b|\\bcopyright( notice)?(\\W{0,3}(\\(c\\)|\\d{4})|:)|\\bcopyright (information|policy|notice)\\s*([|•·]|$)|\\d{4}\\W{0,3}copyright|\\b(image|photo|picture|bild|foto) copyright\\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados|wszelkie prawa zastrzeżone|все права защищены|版权所有',
    'privacy policy|terms of (use|service)|skip to (main )?content|skip to (main|navigation)$|zum inhalt springen|aller au contenu|ir al contenido|vai al contenuto|naar de inhoud',
    '^(impressum|datenschutz(erklärung)?|mentions légales|aviso legal|note legali|colofon|política de privacidad|informativa sulla privacy|politique de confidentialité|polityka prywatności)(?!\\p{L})',
    // share, like and rating prompts
    '^(share|teilen|partager|compartir|condividi|delen|compartilh[ae]|udostępnij|поделиться|分享)( (this|dies|on|it|auf|sur|en|su|op|em|na))?( [^ ]+)?:?$',
    // WordPress's share and like labels open their line: "looks something like this:" ends a
    // tutorial's sentence before its code
    '^(teilen sie dies mit|share this (article|story|post|page)\\b|share this:|like this:|gefällt mir:|j.aime ceci|me gusta esto|mi piace:|vind ik leuk:|curtir isso:|lubię to:|нравится:)',
    '^(rate this|bewerten sie|bewertung abgeben|évaluer|valora|vota (questo|l.articolo)|beoordeel|avalie|oceń|оцените)',
    '^(loading|wird geladen|chargement|cargando|caricamento|laden|carregando|ładowanie|загрузка)[.…]*$',
    // related posts, pingbacks, closed comments, comment prompts
    `^(${RELATED_HEADINGS.join('|')})(?!\\p{L})`,
    '\\b(pingback|trackback)\\b',
    // also with what they are closed on ("The comments to this entry are closed.", "Die Kommentarfunktion ist geschlossen")
    CLOSED_COMMENTS,
    // a comment form's notices, a post's filing line
    'your email address will not be published|deine e-mail-adresse wird nicht veröffentlicht|ihre e-mail-adresse wird nicht veröffentlicht|votre adresse (e-mail|de messagerie) ne sera pas publiée|tu (dirección de )?correo electrónico no será publicad|il tuo indirizzo email non sarà pubblicato|je e-mailadres wordt niet gepubliceerd|o seu endereço de e-?mail não será publicado|twój adres e-?mail nie zostanie opublikowany|ваш (адрес )?e-?mail не будет опубликован|您的电子邮箱地址不会被公开',
    '^you may use these html tags',
    // a comment form's moderation notices ("Comments are moderated by our editors, so …", "Please
    // click the post button only once - your comment will not be published immediately."); a
    // sentence about moderation elsewhere in a line ("Most sites say comments are moderated") is prose
    '^(all )?comments (are|will be) (moderated|reviewed)|your comment (is|will be) (awaiting|held for|subject to) moderation|your comment will not (be published|appear) (immediately|until)|^(alle )?kommentare werden (moderiert|vor der veröffentlichung geprüft)|(ihr|dein) kommentar (wartet auf (freischaltung|moderation)|wird (erst )?nach (prüfung|freigabe) (freigeschaltet|veröffentlicht)|muss (noch )?freigegeben werden)|^les commentaires sont modérés|votre commentaire est en attente de modération|^los comentarios (son|están) moderados|tu comentario está (esperando|pendiente de) moderación|^i commenti sono moderati|il tuo commento è in attesa di moderazione|^reacties worden gemodereerd|je reactie wacht op (goedkeuring|moderatie)|^os comentários são moderados|seu comentário está aguardando moderação',
    // a form plugin's hidden fields' labels (Gravity Forms' honeypot and hidden inputs), at the
    // line's start: as an alternative anywhere it made isBoilerplateLine about a quarter slower
    '^this field is (for validation purposes|hidden when viewing the form)',
    FILING,
    '^(be the first to (like|comment)|click to expand)|^sponsored( links| content)?$',
    // a forum's attachment placeholders, one or several run together ("View attachment 2028258")
    '^(view attachment \\d+\\s*)+$',
    // a post's reading time
    '^(\\d+ ?(min(ute)?s?\\.?|mins?\\.) read|reading time:? \\d+ ?min(ute)?s?|\\d+ ?min(uten)?\\.? (lesezeit|lesedauer)|(lesezeit|lesedauer):? \\d+ ?min(uten)?\\.?|(temps de )?lecture:? \\d+ ?min(utes)?|\\d+ ?min(utos)? de lectura|lettura di \\d+ ?min(uti)?|\\d+ ?min(uten)? leestijd|leestijd:? \\d+ ?min(uten)?)$',
    '^(leave a (reply|comment)|post a comment|schreibe einen kommentar|kommentar (verfassen|schreiben)|laisser un commentaire|deja un comentario|deja una respuesta|lascia un commento|laat een reactie achter|deixe um comentário|deixe uma resposta|dodaj komentarz|оставить комментарий|发表评论)',
];

const BOILERPLATE_ALTERNATIVES = BOILERPLATE_LINE.flatMap(topLevelAlternatives);

/** BOILERPLATE_LINE's alternatives that may match anywhere in a line, one regex per entry of it that
 * has some (copyright, legal links, pingbacks, closed comments, the comment form's notices, its
 * moderation notices): LINE_SIEVE says which entries' n-grams a line holds, and only those run. As
 * one regex of all 55, irregexp tried every alternative at every position of each line that held
 * any of their n-grams ("you" of "your comment …" lets through many lines that say "you"). */
const BOILERPLATE_ANYWHERE = BOILERPLATE_LINE.map((entry) => topLevelAlternatives(entry).filter((a) => !a.startsWith('^')))
  .filter((alternatives) => alternatives.length > 0)
  .map((alternatives) => new RegExp(alternatives.join('|'), 'iu'));

/** BOILERPLATE_LINE's `^` alternatives and CMS_LINES, tested at the line's start, by its first three
 * characters (regex-prefilter.ts): as one `^(…)` regex their ~140 alternatives cost 0.5 µs a
 * line, more than the rest of BOILERPLATE_LINE (inside it, CMS_LINES were tried at every position
 * and doubled its time). */
const LINE_START = anchoredAlternation([...BOILERPLATE_ALTERNATIVES.filter((a) => a.startsWith('^')), ...CMS_LINES.flatMap(topLevelAlternatives)], 'iu');

/** The comment form's spam-filter notice ("This site uses Akismet to reduce spam"), in any language. */
const SPAM_FILTER = /\bakismet\b/i;

/** A cookie notice: a line naming cookies together with the site, the reader's consent or a
 * setting ("We use cookies to improve your experience", "Cookie settings", "Diese Website verwendet
 * Cookies"), or the word alone. A line about cookies that names none of these is a programming
 * guide's prose ("Let’s persist some cookies across requests:", "To set cookies you can use the"),
 * which a bare `cookies?` dropped. Asked only of lines holding COOKIE_WORD. */
const COOKIE_WORD = /\bcookies?\b/i;
const COOKIE_NOTICE = new RegExp(
  [
    '^cookies?\\W*$',
    '\\b(we|our|this (web)?site|website|accept|agree|consent|polic(y|ies)|settings?|preferences?|manage|allow|reject|decline|browsing|experience|privacy|necessary|essential|analytics|third[- ]party|tracking|advertising)\\b',
    '\\b(wir|unsere?|diese (web)?seite|website|akzeptier|zustimm|einstellungen|datenschutz|nous|notre|ce site|accepter|paramètres|utilise|usamos|utilizamos|nuestr[ao]s?|este sitio|aceptar|configuración|utilizziamo|questo sito|accett|wij|onze|deze (web)?site|accepteren|instellingen)',
  ].join('|'),
  'iu',
);

/** A `©` anywhere: apart from BOILERPLATE_ANYWHERE, where it cost a third of the regex's time
 * (irregexp then tries every alternative at every position), and it has no case to fold. */
const COPYRIGHT_SIGN = /©/;

/** Which of COPYRIGHT_SIGN (bit 1), SPAM_FILTER (2), COOKIE_WORD (4) and the regexes of
 * BOILERPLATE_ANYWHERE (bit 8 and up, in order) may match a line, by one pass over it
 * (regex-prefilter.ts): most lines hold none of their n-grams and run none of them. */
const LINE_SIEVE = gramSieve([COPYRIGHT_SIGN, SPAM_FILTER, COOKIE_WORD, ...BOILERPLATE_ANYWHERE]);

/** Whether a regex of BOILERPLATE_ANYWHERE whose bit is set in `may` (LINE_SIEVE's) matches `text`. */
function anywhere(may: number, text: string): boolean {
  for (let k = 0; k < BOILERPLATE_ANYWHERE.length; k++) if ((may & (8 << k)) !== 0 && (BOILERPLATE_ANYWHERE[k] as RegExp).test(text)) return true;
  return false;
}

/** Whether a (short) line is boilerplate by BOILERPLATE_LINE, CMS_LINES, SPAM_FILTER or COOKIE_NOTICE. */
export function isBoilerplateLine(text: string): boolean {
  const may = LINE_SIEVE(text);
  return (
    ((may & 1) !== 0 && COPYRIGHT_SIGN.test(text)) ||
    (may >= 8 && anywhere(may, text)) ||
    LINE_START(text) ||
    ((may & 2) !== 0 && SPAM_FILTER.test(text)) ||
    ((may & 4) !== 0 && COOKIE_WORD.test(text) && COOKIE_NOTICE.test(text))
  );
}

/** A word every NEWSLETTER_LINE holds, tested first: most lines lack it, and it costs a fraction as
 * much. */
export const NEWSLETTER_HINT = /inbox|mail|signing|sign up|newsletter|nieuwsbrief|boletín|subscri|рассылк|订阅/i;

/** A newsletter's sign-up prompt and its form's replies ("Get the latest posts delivered straight to
 * your inbox", "Check your inbox to confirm your subscription"), in the languages of
 * BOILERPLATE_LINE: never written, but scored as the lines they are, since a landing page's sign-up
 * section is one of its sections. */
export const NEWSLETTER_LINE = new RegExp(
  [
    '^([^.?!]{0,60}[?!] )?(subscribe|sign up|join)\\b.{0,80}\\b(newsletter|inbox|mailing list|(email |e-mail )?updates|news|posts)|(delivered|straight|directly|right) to your inbox|check your inbox|confirm your subscription|enter a valid email|by signing up,? you agree|\\bsubscribe to (our|the|my) (free )?(e-?mail )?newsletter',
    'newsletter abonnieren|abonnieren sie unseren newsletter|(abonnez|inscrivez)-vous à (notre|la) newsletter|suscr[ií]bete a (nuestro|nuestra) (boletín|newsletter)|iscriviti alla (nostra )?newsletter|schrijf je in voor (onze|de) nieuwsbrief|(assine|inscreva-se n)a? nossa newsletter|zapisz się do newslettera|подпишитесь на (нашу )?рассылку|订阅(我们的)?(新闻|邮件)',
  ].join('|'),
  'iu',
);

/** A notice about the reader's browser (best viewed with, enable JavaScript, this site requires
 * JavaScript, upgrade your browser):
 * never the page's text, however long, in English and the big European languages. The hint, a
 * word every notice holds, is tested first: most lines lack it, and it costs a tenth as much. */
export const BROWSER_NOTICE_HINT = /browser|javascript|best view/i;
export const BROWSER_NOTICE = new RegExp(
  [
    '\\bbest view(ed|ing)\\b',
    '\\b(enable|enabling|turn on|activate|activating) javascript|javascript (is |has been )?(disabled|not enabled|required)|needs javascript|javascript must be enabled',
    '\\b(this|the) (web ?site|site|page|slideshow|gallery|app|application|content) requires javascript',
    '(seite|website|anwendung) (erfordert|benötigt) javascript|(site|page) nécessite javascript|(sitio|página) requiere javascript|(sito|pagina) richiede javascript|(site|pagina) vereist javascript|(site|página) requer javascript',
    '(upgrade|update) your (web )?browser|your browser (does not|doesn.t) support|(outdated|unsupported) browser|browser is (not|no longer) (actively )?supported',
    'javascript (aktivieren|einschalten)|(activez|activer) (le )?javascript|(activa|habilita) (el )?javascript|(attiva|abilita) (il )?javascript',
  ].join('|'),
  'iu',
);

/** A paragraph that opens with a disclaimer's label ("Disclaimer: The information contained herein is
 * for informational purposes only …", "LEGAL DISCLAIMER:", "Haftungsausschluss:"): the site's or the
 * publisher's notice under a post, never the post's text. Only the label with its colon:
 * a heading "Disclaimer" heads a section a page's gold may keep. In the languages of BOILERPLATE_LINE
 * (Dutch sites use the English word). */
export const DISCLAIMER_LINE =
  /^\W*(legal )?(disclaimer|haftungsausschluss|clause de non-responsabilité|descargo de responsabilidad|esclusione di responsabilità|isenção de responsabilidade|zastrzeżenie prawne|отказ от ответственности)\s*:/iu;

/** Month names: English by their first three letters, and the other languages of BOILERPLATE_LINE. */
const MONTHS = [
  '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?',
  'januar|februar|märz|mai|juni|juli|oktober|dezember',
  'janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre',
  'januari|februari|maart|mei|augustus',
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro',
  'stycz(eń|nia)|lut(y|ego)|mar(zec|ca)|kwie(cień|tnia)|maja?|czerw(iec|ca)|lip(iec|ca)|sierp(ień|nia)|wrze(sień|śnia)|październik(a)?|listopad(a)?|grud(zień|nia)',
  'январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]',
].join('|');
const DAY = '\\d{1,2}(\\.|st|nd|rd|th)?';
const DATE = `((${DAY} (de )?)?(${MONTHS}),? (de )?(${DAY},? )?\\d{4}( г\\.)?|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)`;

/** What a post's date line opens with ("Posted on", "Veröffentlicht am", "Stand:", "Publié le"), in
 * the languages of MONTHS. */
const DATE_PREFIX = [
  '(posted|published|updated|last updated|first published)( on)?',
  '(zuletzt )?(veröffentlicht|aktualisiert|geändert|erstellt|erschienen)( am)?|stand|am',
  '(publié|mis à jour|modifié)( le)?|le',
  '(publicado|actualizado)( el)?|el',
  '(pubblicato|aggiornato)( il)?|il',
  '(gepubliceerd|bijgewerkt|geplaatst)( op)?|op',
  '(publicado|atualizado)( em)?|em',
  '(opublikowano|zaktualizowano)( dnia)?|опубликовано|обновлено',
].map((p) => `(${p}):? `).join('|');

/** A time of day: seconds, a.m./p.m. and a time zone's letters optional ("16:10:00", "2:55am
 * GMT", "4:53 PM EST", "14:35 Uhr"). */
const TIME = `(at |um |à |a las |alle |om |às )?\\d{1,2}[:.h]\\d{2}(:\\d{2})?( ?[ap]\\.?m\\.?| uhr| h)?( (gmt|utc|mez|mesz|cet|cest|[ecmp][sd]?t))?`;

/** A wire service or a paper named before a story's timestamp ("Associated Press - January 7, 2008
 * 4:05 PM ET", "Thomson Financial News | Wed, Jan 16 2008, 07:50 GMT"): up to four words. Only with
 * the time of day: a title before a date alone is a dated item's heading ("American Beauty -
 * Sunday, January 21, 2007"). */
const SOURCE = "[\\p{L}.&']+( [\\p{L}.&']+){0,3}";

/** A line that is only a date, perhaps with a weekday, a time (before or after it), a "posted
 * on" and a separator left dangling where a name was not filled in: a post's metadata ("Last
 * updated at 8:37 AM on 18/01/08", "14:35 Uhr, 12.03.2019", "2008-01-14 03:50:02 -"). */
const DATE_ONLY = new RegExp(
  `^(${DATE_PREFIX})?(${TIME},? (on |am |le |el |il |op |em )?)?([\\p{L}]+\\.?,? )?${DATE}((,| [|·•–-])? ${TIME})?( [|·•–-])?$`,
  'iu',
);

/** SOURCE, a separator, then a date and a time. Apart from DATE_ONLY and asked only of lines
 * holding such a separator: as a second branch of DATE_ONLY it doubled that regex's time. */
const SOURCE_DATE = new RegExp(`^${SOURCE} [-–|] ([\\p{L}]+\\.?,? )?${DATE}(,| [|·•–-])? ${TIME}$`, 'iu');
const SOURCE_SEPARATOR = / [-–|] /;

/** A line that is only a relative date after a "published" or "updated": a story's age as news
 * sites write it ("Published 7 hours ago", "Aktualisiert vor 5 Minuten", "Publié il y a 2 jours"),
 * in the languages of MONTHS. Not the age alone ("1 week ago", "vor 3 Stunden"): a listing's
 * items carry it, and listing golds keep it. */
const RELATIVE_DATE = new RegExp(
  `^(${DATE_PREFIX})(about |over |almost |etwa |rund )?(${[
    '\\d+ (second|sec|minute|min|hour|hr|day|week|month|year)s?\\.? ago',
    'vor \\d+ (sekunden?|minuten?|min\\.?|stunden?|std\\.?|tagen?|wochen?|monaten?|jahren?)',
    'il y a \\d+ (secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)',
    'hace \\d+ (segundos?|minutos?|min|horas?|h|días?|semanas?|meses|años?)',
    '\\d+ (secondi|minuti|min|ore|giorni|settimane|mesi|anni) fa',
    '\\d+ (seconden|minuten|min|uur|dagen|weken|maanden|jaar) geleden',
    'há \\d+ (segundos?|minutos?|min|horas?|h|dias?|semanas?|meses|anos?)',
  ].join('|')})$`,
  'iu',
);

/** Whether a (short) line is only a date: DATE_ONLY, a relative date, or a source's name before a
 * timestamp. */
export function isDateLine(text: string): boolean {
  return DATE_ONLY.test(text) || RELATIVE_DATE.test(text) || (SOURCE_SEPARATOR.test(text) && SOURCE_DATE.test(text));
}

/** A name in a byline: capitalised words (`Max Mustermann`, `MIRJAM SWANSON`, `Conner O’Brien`),
 * joined by the particles of names and by "and". Case-sensitive: a sentence's next word is lower-case
 * ("By the time we arrived", "Von der Idee zum Produkt"). */
const NAME = "\\p{Lu}[\\p{L}'’.-]*(\\s+(\\p{Lu}[\\p{L}'’.-]*|and|und|et|y|e|en|&|van|von|de|der|den|da|di|del|la|le|du|dos|das))*";

/** A byline ("By Max Mustermann", "VON MIRJAM SWANSON", "Par Jean Dupont | 12.03.2019"): the
 * author's name after the word for "by", alone or with what follows a separator (a role, a date),
 * but no sentence's end ("Von Berlin, Hamburg und München aus fahren Züge."). */
export const BYLINE = new RegExp(`^([Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR|[Pp]rzez|PRZEZ) ${NAME}(\\s*[,|–—·•-]\\s*.*)?(?<!\\p{Ll}\\p{Ll}[.!?])$`, 'u');
