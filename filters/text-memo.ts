// The measures of a document's text that several filters take: Gopher repetition, Gopher quality
// and C4 each split the same text into lines, and Gopher repetition, Gopher quality, C4 and
// FineWeb each scan it for a high surrogate (Python's length). Each is computed once per text, as
// createWordMemo does for the words; a filter that rewrites the text (C4) makes the next one
// measure the new text. What these return is shared: the filters only read it.

import { noHighSurrogate, pyLen, pySplitlines } from './text.ts';
import type { UnitCopy } from './units.ts';
import { createWordMemo, type WordMemo } from './words.ts';

export interface TextMemo extends WordMemo {
  /** `pySplitlines(text)`, computed once for the last text asked. */
  lines(text: string): readonly string[];
  /** `noHighSurrogate(text)`, computed once for the last text asked. */
  plain(text: string): boolean;
  /** `pyLen(text)`: the text's length when it is plain. */
  pyLength(text: string): number;
}

/** `units`: the word scan's unit copier, kept from one document's memo to the next by the pipeline. */
export function createTextMemo(units?: UnitCopy): TextMemo {
  let linesOf: string | undefined;
  let lines: readonly string[] = [];
  let plainOf: string | undefined;
  let isPlain = true;
  const plain = (text: string): boolean => {
    if (text !== plainOf) {
      isPlain = noHighSurrogate(text);
      plainOf = text;
    }
    return isPlain;
  };
  return {
    ...createWordMemo(units),
    lines(text) {
      if (text !== linesOf) {
        lines = pySplitlines(text);
        linesOf = text;
      }
      return lines;
    },
    plain,
    pyLength: (text) => (plain(text) ? text.length : pyLen(text)),
  };
}
