// Whitespace collapsing for extracted text: the same result as `s.replace(/\s+/g, ' ').trim()`
// (JavaScript's `\s`, which is also what trim() removes), for less. That regex matches at every
// word gap, and each match costs a round trip through the regex runtime; here only runs that are
// not already one plain space match (a newline, a tab, two spaces, an NBSP), so text that reads
// normally is scanned inside the regex engine and returned without a copy.

/** Whitespace runs other than a single U+0020: a run starting with another `\s` character, or a space followed by more. */
const UNCOLLAPSED = /[^\S ]\s*| \s+/g;

// The string methods called by reference, not looked up on `s`: page text comes in more string
// representations (slices, ropes, flat copies; one- and two-byte) than a property lookup's cache
// holds, so `s.replace` was a megamorphic load on every call.
const replace: (this: string, pattern: RegExp, by: string) => string = String.prototype.replace;
const { trim } = String.prototype;

/** `s.replace(/\s+/g, ' ').trim()`. */
export function collapseSpace(s: string): string {
  return trim.call(replace.call(s, UNCOLLAPSED, ' '));
}

/** `collapseSpace(s).length`, without building the string. */
export function collapsedLength(s: string): number {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  let n = end - start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    // Letters and punctuation below U+1680 but NBSP, the bulk of text, are decided without a call.
    if ((c > 0x20 && (c < 0xa0 || (c > 0xa0 && c < 0x1680))) || !isSpace(c)) continue;
    let j = i + 1;
    while (isSpace(s.charCodeAt(j))) j++;
    n -= j - i - 1;
    i = j - 1;
  }
  return n;
}

/** Whether the UTF-16 code unit `c` is in JavaScript's `\s`. NaN (past the end) is not. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
