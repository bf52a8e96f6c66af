// Word tokenizer of the filters: NLTK's `word_tokenize(text, 'english')` (Punkt sentence split,
// then the improved Treebank rules of NLTK 3.10 `NLTKWordTokenizer` on each sentence), the
// tokenizer FineWeb-era datatrove used for every "number of words". Tokens include punctuation
// tokens (`,` `.` `''` `` ` `` …). Python `re` semantics are kept: `\w`, `\d`, `\s` and `\b` are
// Unicode-aware there, so they are written as explicit Unicode classes and lookarounds here.

import { splitSentences } from './sentences.ts';
import { PY_WS_CLASS } from './text.ts';

const W = '[\\p{L}\\p{N}_]';
const NOT_W_AHEAD = `(?!${W})`;
const NOT_W_BEHIND = `(?<!${W})`;
/** Python `\b` next to a word character on the given side. */
const B_BEFORE_WORD = NOT_W_BEHIND;
const B_AFTER_WORD = NOT_W_AHEAD;
const WS = PY_WS_CLASS;
/**
 * Sentences are tokenized together, joined by SEP (U+FDD0, a Unicode noncharacter reserved for
 * internal use): one regex pass per rule over the whole text instead of one per sentence. Rules
 * anchored at a sentence's start or end treat SEP as that edge; SEP is a token boundary like
 * whitespace. A text that itself contains U+FDD0 has it read as U+FDD1 (same length and class).
 */
const SEP = '\uFDD0';
/** Python `$` without MULTILINE (end, or before a final newline) at the end of a sentence. */
const END = `(?=\\n?(?:$|${SEP}))`;

/**
 * Where NLTK writes `([^x])(…)` and puts `\1` back unchanged, the character is a lookbehind here
 * (`(?<=[^x])`): irregexp then starts match attempts only at the literal that follows, several
 * times faster. The matches are the same because each such rule's match ends where the class
 * cannot match (a space the class excludes, or a sentence edge), so a lookbehind never sees a
 * character an earlier match consumed. A rule's third element, when present, is a string every
 * match contains: a text without it skips the rule's pass (an includes, not a regex scan).
 */
type Rule = readonly [RegExp, string, string?];
const r = (src: string, flags = ''): RegExp => new RegExp(src, `gu${flags}`);

const STARTING_QUOTES: readonly Rule[] = [
  [r('([«“‘„]|[`]+)'), ' $1 '],
  [r(`(?<=^|${SEP})"`), '``', '"'],
  [r('(``)'), ' $1 ', '``'],
  [r('([ (\\[{<])("|\'{2})'), '$1 `` '],
  [r(`${NOT_W_BEHIND}(')(?!(?:re|ve|ll|m|t|s|d|n)${B_AFTER_WORD})(?=${W})`, 'i'), '$1 ', "'"],
];

const PUNCTUATION: readonly Rule[] = [
  [r(`(?<=[^.])(\\.)([\\])}>"'»”’ ]*)${WS}*${END}`), ' $1 $2 '],
  [r('([:,])([^\\p{Nd}])'), ' $1 $2'],
  [r(`([:,])${END}`), ' $1 '],
  [r('\\.{2,}|[;@#$%&\\u2012-\\u2015]'), ' $& '],
  [r(`(?<=[^.])(\\.)([\\])}>"']*)${WS}*${END}`), ' $1$2 '],
  [r('[?!]'), ' $& '],
  [r("([^'])' "), "$1 ' ", "' "],
  // NLTK's `[*]`, then its PARENS_BRACKETS and DOUBLE_DASHES rules: disjoint paddings, one pass.
  [r('[*\\][(){}<>]|--'), ' $& '],
];

const ENDING_QUOTES: readonly Rule[] = [
  [r('([»”’])'), ' $1 '],
  [r(`''|"`), " '' "],
  [r(`${WS}{2,}|[${WS.slice(1, -1).replace(' ', '')}]`), ' '],
  [r("(?<=[^' ])('[sS]|'[mM]|'[dD]|') "), ' $1 ', "'"],
  [r("(?<=[^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), ' $1 ', "'"],
];

const CONTRACTIONS: readonly Rule[] = [
  [r(`${B_BEFORE_WORD}(can)(not)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(d)('ye)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(gim)(me)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(gon)(na)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(got)(ta)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(lem)(me)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(more)('n)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(`${B_BEFORE_WORD}(wan)(na)(?=${WS})`, 'i'), ' $1 $2 '],
  [r(` ('t)(is)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
  [r(` ('t)(was)${B_AFTER_WORD}`, 'i'), ' $1 $2 '],
];

/** Every contraction rule needs one of these strings: most chunks skip all ten passes. */
const CONTRACTION_HINT = /cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna|'tis|'twas/iu;

function applyRules(text: string, rules: readonly Rule[]): string {
  let t = text;
  for (const [re, sub, needs] of rules) if (needs === undefined || t.includes(needs)) t = t.replace(re, sub);
  return t;
}

const CHUNK_CHARS = 32_768;
const SEP_RE = new RegExp(SEP, 'g');

/** The Treebank rule passes over SEP-joined sentences; every SEP survives them, once. */
function treebankRules(joined: string): string {
  let t = applyRules(joined, STARTING_QUOTES);
  t = applyRules(t, PUNCTUATION);
  t = applyRules(` ${t.replace(SEP_RE, ` ${SEP} `)} `, ENDING_QUOTES);
  if (CONTRACTION_HINT.test(t)) t = applyRules(t, CONTRACTIONS);
  return t;
}

/**
 * Treebank tokens of each sentence, appended to `out`; each sentence's token count goes to
 * `counts` when given. Whole sentences go in chunks of ~32K characters: the rule passes then work
 * on cache- and young-generation-sized strings instead of re-allocating one huge string per rule.
 */
function treebankSentences(sentences: readonly string[], out: string[], counts?: Map<string, number>): void {
  let from = 0;
  let size = 0;
  const flush = (to: number): void => {
    let k = from;
    let n = 0;
    // The rules leave every whitespace character a single space (ENDING_QUOTES' third rule makes
    // them so; later rules add only spaces) and SEP between spaces, so tokens and SEPs are what
    // split(' ') gives, empty strings aside: a string split, not a regex match over the text.
    const parts = treebankRules(sentences.slice(from, to).join(SEP)).split(' ');
    for (let p = 0; p < parts.length; p++) {
      const m = parts[p]!;
      if (m === '') continue;
      if (m === SEP) {
        counts?.set(sentences[k++]!, n);
        n = 0;
      } else {
        out.push(m);
        n++;
      }
    }
    counts?.set(sentences[k]!, n);
    from = to;
    size = 0;
  };
  for (let i = 0; i < sentences.length; i++) {
    size += sentences[i]!.length + 1;
    if (size >= CHUNK_CHARS) flush(i + 1);
  }
  if (from < sentences.length) flush(sentences.length);
}

/** NLTK `NLTKWordTokenizer().tokenize(sentence)`. */
export function treebankTokenize(sentence: string): string[] {
  const out: string[] = [];
  treebankSentences([sentence.replace(SEP_RE, '\uFDD1')], out);
  return out;
}

/** Punkt sentences of the text, U+FDD0 read as U+FDD1. */
const sentencesOf = (text: string): string[] => splitSentences(text.includes(SEP) ? text.replace(SEP_RE, '\uFDD1') : text);

/** NLTK `word_tokenize(text, 'english')`: Punkt sentences, then Treebank tokens of each. */
export function wordTokenize(text: string): string[] {
  const out: string[] = [];
  treebankSentences(sentencesOf(text), out);
  return out;
}

export interface WordMemo {
  /** `wordTokenize(text)`, computed once for the last text asked. */
  words(text: string): readonly string[];
  /** `wordTokenize(text).length`; sentences already tokenized for `words` are not tokenized again. */
  count(text: string): number;
}

/**
 * One document's word tokenization shared by the filters. Treebank rules see one sentence at a
 * time, so when a filter rewrites the text (C4 drops lines) and a later one counts its words,
 * only sentences that Punkt now splits differently go through the rules again.
 */
export function createWordMemo(): WordMemo {
  let wordsOf: string | undefined;
  let words: string[] = [];
  const counts = new Map<string, number>();
  return {
    words(text) {
      if (text !== wordsOf) {
        counts.clear();
        words = [];
        treebankSentences(sentencesOf(text), words, counts);
        wordsOf = text;
      }
      return words;
    },
    count(text) {
      if (text === wordsOf) return words.length;
      let total = 0;
      const missing: string[] = [];
      for (const s of sentencesOf(text)) {
        const n = counts.get(s);
        if (n === undefined) missing.push(s);
        else total += n;
      }
      if (missing.length > 0) {
        const more: string[] = [];
        treebankSentences(missing, more);
        total += more.length;
      }
      return total;
    },
  };
}
