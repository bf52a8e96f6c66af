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

/** True when the token has a code point outside PUNCTUATION_SET. */
export function isNonSymbolWord(word: string): boolean {
  for (const ch of word) if (!PUNCTUATION_SET.has(ch)) return true;
  return false;
}
