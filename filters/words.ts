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

type Rule = readonly [RegExp, string];
const r = (src: string, flags = ''): RegExp => new RegExp(src, `gu${flags}`);

const STARTING_QUOTES: readonly Rule[] = [
  [r('([«“‘„]|[`]+)'), ' $1 '],
  [r(`(?<=^|${SEP})"`), '``'],
  [r('(``)'), ' $1 '],
  [r('([ (\\[{<])("|\'{2})'), '$1 `` '],
  [r(`${NOT_W_BEHIND}(')(?!(?:re|ve|ll|m|t|s|d|n)${B_AFTER_WORD})(?=${W})`, 'i'), '$1 '],
];

const PUNCTUATION: readonly Rule[] = [
  [r(`([^.])(\\.)([\\])}>"'»”’ ]*)${WS}*${END}`), '$1 $2 $3 '],
  [r('([:,])([^\\p{Nd}])'), ' $1 $2'],
  [r(`([:,])${END}`), ' $1 '],
  [r('\\.{2,}'), ' $& '],
  [r('[;@#$%&]'), ' $& '],
  [r('[\\u2012-\\u2015]'), ' $& '],
  [r(`([^.])(\\.)([\\])}>"']*)${WS}*${END}`), '$1 $2$3 '],
  [r('[?!]'), ' $& '],
  [r("([^'])' "), "$1 ' "],
  [r('[*]'), ' $& '],
];

const PARENS_BRACKETS: Rule = [r('[\\][(){}<>]'), ' $& '];
const DOUBLE_DASHES: Rule = [r('--'), ' -- '];

const ENDING_QUOTES: readonly Rule[] = [
  [r('([»”’])'), ' $1 '],
  [r("''"), " '' "],
  [r('"'), " '' "],
  [r(`${WS}{2,}|[${WS.slice(1, -1).replace(' ', '')}]`), ' '],
  [r("([^' ])('[sS]|'[mM]|'[dD]|') "), '$1 $2 '],
  [r("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) "), '$1 $2 '],
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

function applyRules(text: string, rules: readonly Rule[]): string {
  let t = text;
  for (const [re, sub] of rules) t = t.replace(re, sub);
  return t;
}

const TOKEN_RE = new RegExp(`[^${WS.slice(1, -1)}${SEP}]+`, 'gu');
const SEP_RE = new RegExp(SEP, 'g');

/** NLTK `NLTKWordTokenizer().tokenize(s)` for each SEP-separated sentence of `joined`, concatenated. */
function treebankJoined(joined: string): string[] {
  let t = applyRules(joined, STARTING_QUOTES);
  t = applyRules(t, PUNCTUATION);
  t = t.replace(PARENS_BRACKETS[0], PARENS_BRACKETS[1]);
  t = t.replace(DOUBLE_DASHES[0], DOUBLE_DASHES[1]);
  t = applyRules(` ${t.replace(SEP_RE, ` ${SEP} `)} `, ENDING_QUOTES);
  t = applyRules(t, CONTRACTIONS);
  return t.match(TOKEN_RE) ?? [];
}

/** NLTK `NLTKWordTokenizer().tokenize(sentence)`. */
export function treebankTokenize(sentence: string): string[] {
  return treebankJoined(sentence.replace(SEP_RE, '\uFDD1'));
}

/** NLTK `word_tokenize(text, 'english')`: Punkt sentences, then Treebank tokens of each. */
export function wordTokenize(text: string): string[] {
  const clean = text.includes(SEP) ? text.replace(SEP_RE, '\uFDD1') : text;
  return treebankJoined(splitSentences(clean).join(SEP));
}
