// Pre-tokenisation: the regex that cuts text into pieces before BPE (merges never cross a piece).
// Each style is written once, in a syntax that JavaScript (flags `gu`) and Oniguruma (used by
// Hugging Face tokenizers when it reads tokenizer.json) parse with the same meaning:
// no possessive quantifiers, no `(?i:…)` (Oniguruma's case folding also matches `ſ`, `K`),
// no `$` (end of line in Oniguruma, end of input in JS), and whitespace as an explicit class of
// Unicode White_Space (JS `\s` adds U+FEFF and leaves out U+0085, Oniguruma's does not).

import { createGpt4Scanner } from './scan-gpt4.ts';

export type PretokenizerStyle = 'gpt4' | 'gpt2' | 'o200k';

/** Unicode White_Space, as literal characters (valid inside a class in both syntaxes). */
const WS = '\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';

const CONTRACTION = "'(?:[sSdDmMtT]|[lL][lL]|[vV][eE]|[rR][eE])";

function digits(group: number): string {
  return group === 0 ? '\\p{N}+' : `\\p{N}{1,${group}}`;
}

/** The pattern source for a style and digit grouping (0 = unbounded digit runs). */
export function pretokenizerPattern(style: PretokenizerStyle, digitGroup: number): string {
  switch (style) {
    case 'gpt4':
      return [
        CONTRACTION,
        '[^\\r\\n\\p{L}\\p{N}]?\\p{L}+',
        digits(digitGroup),
        ` ?[^${WS}\\p{L}\\p{N}]+[\\r\\n]*`,
        `[${WS}]*[\\r\\n]`,
        `[${WS}]+(?![^${WS}])`,
        `[${WS}]+`,
      ].join('|');
    case 'gpt2':
      return [
        CONTRACTION,
        ' ?\\p{L}+',
        ` ?${digits(digitGroup)}`,
        ` ?[^${WS}\\p{L}\\p{N}]+`,
        `[${WS}]+(?![^${WS}])`,
        `[${WS}]+`,
      ].join('|');
    case 'o200k': {
      const upper = '[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]';
      const lower = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]';
      const suffix = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?";
      return [
        `[^\\r\\n\\p{L}\\p{N}]?${upper}*${lower}+${suffix}`,
        `[^\\r\\n\\p{L}\\p{N}]?${upper}+${lower}*${suffix}`,
        digits(digitGroup),
        ` ?[^${WS}\\p{L}\\p{N}]+[\\r\\n/]*`,
        `[${WS}]*[\\r\\n]+`,
        `[${WS}]+(?![^${WS}])`,
        `[${WS}]+`,
      ].join('|');
    }
  }
}

/** Calls `piece(start, end)` for every piece of `text`, in order (UTF-16 offsets). */
export type Splitter = (text: string, piece: (start: number, end: number) => void) => void;

/** A splitter for a pattern (well-formed text): the hand-written scanner for the GPT-4 style,
 * else the regex. */
export function createSplitter(pattern: string, dropGaps = false): Splitter {
  if (!dropGaps) for (let group = 0; group <= 9; group++) if (pattern === pretokenizerPattern('gpt4', group)) return createGpt4Scanner(group);
  return createRegexSplitter(pattern, dropGaps);
}

/** Calls `piece(start, end)` for every match of the pattern, in order. Text between matches (none for
 * the built-in styles) is a piece of its own, as in Hugging Face's `Isolated` split, or dropped
 * (`Removed` inverted: only the matches are kept). */
export function createRegexSplitter(pattern: string, dropGaps = false): Splitter {
  const re = new RegExp(pattern, 'gu');
  return (text, piece) => {
    re.lastIndex = 0;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const length = m[0].length;
      if (length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m.index > last && !dropGaps) piece(last, m.index);
      piece(m.index, m.index + length);
      last = m.index + length;
    }
    if (last < text.length && !dropGaps) piece(last, text.length);
  };
}
