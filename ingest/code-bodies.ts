// The bodies of a page's `<script>` and `<style>` elements, cut out of its bytes before decoding.
// They are about a third of the HTML bytes of a crawl (36 % of the bench WARC's), and extraction
// drops them unread: the tokenizer skips a raw-text body to its end tag and html-blocks.ts ignores
// the text of dropped elements. Cut out, they cost the decoder nothing (nor the page faults of a
// larger string) and the tokenizer nothing.
//
// This scan only guesses where the bodies are, from a few byte searches; it does not follow the
// tokenizer's lexing (a copy of that over bytes cost as much as the decoding it saves). Each cut
// body is replaced by one NUL, in a page that held none, and ingest/html-tokenizer.ts checks the
// guess: the page is read alike only if every NUL is the whole body of a script or style element
// that it reads as raw text (html-tokenizer.ts, parseHtml's `markers`, says why that suffices).
// Otherwise the caller extracts from the whole page. What makes a guess exact here is only that
// each cut ends at the first end tag of its element's name (any case) after it, so that the
// tokenizer, reading the whole page, would skip exactly the bytes cut.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const DQ = 0x22;
const SQ = 0x27;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
/** Ends a tag name: whitespace, `/`, `>` (as in the tokenizer). */
const endsName = (c: number): boolean => c === GT || c === SLASH || isSpace(c);

const SCRIPT = Buffer.from('<script', 'latin1');
const STYLE = Buffer.from('<style', 'latin1');
const COMMENT = Buffer.from('!--', 'latin1');
const COMMENT_END = Buffer.from('-->', 'latin1');
const SVG = Buffer.from('<svg', 'latin1');
const SVG_END = Buffer.from('</svg', 'latin1');
const END = Buffer.from('</', 'latin1');

/** How far before a `<style` an opening `<svg` is looked for. */
const SVG_LOOKBACK = 4096;

/** Bodies shorter than this are left: a NUL in place of one byte saves nothing. */
const MIN_CUT = 2;

/** A page with its script and style bodies cut: `bytes[0, length)` holds it, `markers` NULs mark the cuts. */
export interface CutPage {
  bytes: Buffer;
  length: number;
  markers: number;
}

/** Whether `b` at `at` spells the lower-case ASCII `name`, in any case (the tokenizer's matchesLower). */
function matchesLower(b: Buffer, at: number, name: string): boolean {
  for (let j = 0; j < name.length; j++) if ((b[at + j]! | 0x20) !== name.charCodeAt(j)) return false;
  return true;
}

/** The `>` that ends the start tag whose name ends before `from`, skipping quoted attribute
 * values; -1 when there is none. (A guess: the tokenizer checks it.) */
function tagEnd(b: Buffer, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) {
    const c = b[i]!;
    if (c === GT) return i;
    if ((c === DQ || c === SQ) && b[i - 1] === 0x3d /* = */) {
      i = b.indexOf(c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The first `</name` (any case) followed by whitespace, `/` or `>` from `from`, or -1. As in the
 * tokenizer, an end tag needs a character after its name. */
function endTag(b: Buffer, name: string, from: number): number {
  for (let k = b.indexOf(END, from); k >= 0; k = b.indexOf(END, k + 1)) {
    const after = k + 2 + name.length;
    if (after >= b.length) return -1;
    if (endsName(b[after]!) && matchesLower(b, k + 2, name)) return k;
  }
  return -1;
}

/** `from` or the next occurrence of `needle` at or after `pos`, searched again only when `from` lies behind. */
const next = (b: Buffer, needle: Buffer, from: number, pos: number): number => (from >= pos || from < 0 ? from : b.indexOf(needle, pos));

/**
 * The cuts of `page`: [start, end) byte ranges, flattened, in page order; each starts right after a
 * start tag `<script …>` or `<style …>` and ends at the first end tag of that name after it. Empty
 * when the page holds a NUL (the marker) or no body worth cutting. Lower-case start tags only
 * (99.6 % of the bench WARC's code bytes); comments and inline SVG are skipped, where a guess
 * would fail the tokenizer's check and cost a second extraction.
 */
export function codeBodies(page: Buffer): number[] {
  const cuts: number[] = [];
  if (page.indexOf(0) >= 0) return cuts;
  let script = page.indexOf(SCRIPT);
  let style = page.indexOf(STYLE);
  let comment = page.indexOf(COMMENT);
  let pos = 0;
  for (;;) {
    script = next(page, SCRIPT, script, pos);
    style = next(page, STYLE, style, pos);
    const at = script < 0 ? style : style < 0 ? script : Math.min(script, style);
    if (at < 0) return cuts;
    comment = next(page, COMMENT, comment, pos);
    if (comment >= 0 && comment < at) {
      if (page[comment - 1] !== LT) {
        pos = comment + 3;
        continue;
      }
      const end = page.indexOf(COMMENT_END, comment + 3);
      if (end < 0) return cuts;
      pos = end + 3;
      continue;
    }
    const name = at === script ? 'script' : 'style';
    const nameEnd = at + 1 + name.length;
    pos = nameEnd;
    if (!endsName(page[nameEnd] ?? 0)) continue;
    if (name === 'style' && inSvg(page, at)) continue;
    const gt = tagEnd(page, nameEnd);
    if (gt < 0) return cuts;
    const end = endTag(page, name, gt + 1);
    if (end < 0) return cuts;
    if (end - gt - 1 >= MIN_CUT) cuts.push(gt + 1, end);
    pos = end + 2 + name.length;
  }
}

/** Whether the `<style` at `at` seems to be inside an inline SVG (an icon's style sheet): a `<svg` within the bytes before it and no `</svg` after that. */
function inSvg(page: Buffer, at: number): boolean {
  const before = page.subarray(Math.max(0, at - SVG_LOOKBACK), at);
  const open = before.lastIndexOf(SVG);
  return open >= 0 && before.indexOf(SVG_END, open) < 0;
}

/** Cuts pages (codeBodies, each cut replaced by one NUL) into one buffer that it keeps from page to
 * page (grown when too small): a fresh buffer per page would be faulted in again each time, which
 * costs about what the cut saves. One per reader. */
export function createCodeCutter(): (page: Buffer) => CutPage {
  let scratch = Buffer.alloc(0);
  return (page) => {
    const cuts = codeBodies(page);
    let length = page.length;
    for (let i = 0; i < cuts.length; i += 2) length -= cuts[i + 1]! - cuts[i]! - 1;
    if (scratch.length < length) scratch = Buffer.allocUnsafeSlow(Math.max(length, scratch.length * 2));
    let o = 0;
    let from = 0;
    for (let i = 0; i < cuts.length; i += 2) {
      o += page.copy(scratch, o, from, cuts[i]);
      scratch[o++] = 0;
      from = cuts[i + 1]!;
    }
    o += page.copy(scratch, o, from);
    return { bytes: scratch, length: o, markers: cuts.length / 2 };
  };
}
