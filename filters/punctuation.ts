// datatrove's PUNCTUATION set (FineWeb-era, 129 code points): ASCII punctuation, 34 non-ASCII
// symbols and 63 control characters. A "non-symbol word" (Gopher quality) is a token with at least
// one character outside this set. TAB, LF, space, NBSP and U+2018 are not members; CR is.

const SYMBOLS = '!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„\';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_."}►»';

function controls(): string {
  let s = '';
  for (const [a, b] of [
    [0, 9],
    [11, 13],
    [13, 32],
    [127, 160],
  ] as const) {
    for (let c = a; c < b; c++) s += String.fromCharCode(c);
  }
  return s;
}

export const PUNCTUATION_SET: ReadonlySet<string> = new Set([...SYMBOLS, ...controls()]);

/** PUNCTUATION_SET by UTF-16 unit (every member is one unit): a table read per character instead of a string-set lookup. */
const IS_PUNCTUATION = new Uint8Array(0x10000);
for (const ch of PUNCTUATION_SET) IS_PUNCTUATION[ch.charCodeAt(0)] = 1;

/** True when the token has a code point outside PUNCTUATION_SET (any surrogate is part of one). */
export function isNonSymbolWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!IS_PUNCTUATION[word.charCodeAt(i)]) return true;
  return false;
}
