// C4 bad-words filter: drop a page whose lowercased text contains a word of the LDNOOBW list for
// its language (npm `naughty-words`). Words must be bordered by a non-word character or the text
// edge, except ja/th/zh (substring match), as in TFDS C4 and datatrove. A share of matching pages
// can be kept, chosen by the MD5 of the URL (TFDS's reproducible soft filter, not an RNG).

import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Document } from '../pipeline/index.ts';
import type { Outcome } from './types.ts';

export interface C4BadWordsParams {
  keep_fraction: number;
  default_language: string;
}

const SUBSTRING_LANGS = new Set(['ja', 'th', 'zh']);
const ALLOW: Record<string, readonly string[]> = { ja: ['sm', 'グロ', '女の子'], zh: ['性'] };
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A trie node: the word ending here (with its place in the file) and the next units. */
interface TrieNode {
  word: string | undefined;
  order: number;
  next: Map<number, TrieNode>;
}

/**
 * Bad words of a language as a trie of UTF-16 units, for a single left-to-right scan: at a
 * position, one walk along the text finds every word that starts there (usually a step or two),
 * instead of testing each word that shares the first letter (English has ~25 per letter). The
 * word reported is the first in file order among them, as a scan of the file's list would find.
 */
interface Matcher {
  /** 1 for the first unit of some word: a table read per character rejects most before the trie. */
  starts: Uint8Array;
  root: TrieNode;
  substring: boolean;
}

const trieNode = (): TrieNode => ({ word: undefined, order: 0, next: new Map() });

function listDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('naughty-words/en.json'));
}

function loadMatcher(dir: string, lang: string): Matcher | null {
  const file = join(dir, `${lang}.json`);
  if (!existsSync(file)) return null;
  const allow = new Set(ALLOW[lang] ?? []);
  const words = (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((w) => w.toLowerCase()).filter((w) => w !== '' && !allow.has(w));
  const root = trieNode();
  const starts = new Uint8Array(0x10000);
  let order = 0;
  for (const w of new Set(words)) {
    starts[w.charCodeAt(0)] = 1;
    let node = root;
    for (let k = 0; k < w.length; k++) {
      let child = node.next.get(w.charCodeAt(k));
      if (!child) node.next.set(w.charCodeAt(k), (child = trieNode()));
      node = child;
    }
    node.word = w;
    node.order = order++;
  }
  return { starts, root, substring: SUBSTRING_LANGS.has(lang) };
}

/**
 * WORD_CHAR per BMP code point as it is first asked (0 unknown, 1 word, 2 not), one per filter:
 * the scan asks about most characters of a page, and a regex test of a one-character string per
 * character was most of the filter's time (a table of all 65,536 would cost ~70 ms per start-up).
 */
type WordCharMemo = Uint8Array;

function isWordAt(memo: WordCharMemo, s: string, i: number): boolean {
  const cp = s.codePointAt(i);
  if (cp === undefined) return false;
  if (cp >= 0x10000) return WORD_CHAR.test(String.fromCodePoint(cp));
  if (memo[cp] === 0) memo[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
  return memo[cp] === 1;
}

function isWordBefore(memo: WordCharMemo, s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWordAt(memo, s, start);
}

/**
 * The first bad word found in `lower`, or undefined: at the first position where one starts (and,
 * outside ja/th/zh, is bordered by non-word characters), the first such word in file order. Every
 * unit is visited, the low half of an astral pair too: no word starts with a low surrogate.
 */
function findBadWord(m: Matcher, memo: WordCharMemo, lower: string): string | undefined {
  for (let i = 0; i < lower.length; i++) {
    if (m.starts[lower.charCodeAt(i)] === 0 || (!m.substring && isWordBefore(memo, lower, i))) continue;
    let found: TrieNode | undefined;
    for (let j = i, node = m.root.next.get(lower.charCodeAt(i)); node !== undefined; node = node.next.get(lower.charCodeAt(++j))) {
      if (node.word !== undefined && (found === undefined || node.order < found.order) && (m.substring || !isWordAt(memo, lower, j + 1))) found = node;
    }
    if (found !== undefined) return found.word;
  }
  return undefined;
}

/** `onMissingLanguage` is told about documents kept because their language has no list. */
export type BadWordsFilter = (doc: Document, onMissingLanguage: (lang: string) => void) => Outcome;

export function c4BadWords(p: C4BadWordsParams): BadWordsFilter {
  const dir = listDir();
  const matchers = new Map<string, Matcher | null>();
  const memo: WordCharMemo = new Uint8Array(0x10000);
  return (doc, onMissingLanguage) => {
    const lang = (doc.lang ?? p.default_language).split('-')[0]!;
    let m = matchers.get(lang);
    if (m === undefined) {
      m = loadMatcher(dir, lang);
      matchers.set(lang, m);
    }
    if (!m) {
      onMissingLanguage(lang);
      return { keep: true };
    }
    const word = findBadWord(m, memo, doc.text.toLowerCase());
    if (word === undefined) return { keep: true };
    if (p.keep_fraction > 0) {
      const h = createHash('md5').update(doc.url ?? doc.id).digest();
      if (h.readUInt32BE(0) / 0x1_0000_0000 < p.keep_fraction) return { keep: true };
    }
    return { keep: false, rule: 'document_removed_with_badwords', detail: `bad word "${word}" (${lang})` };
  };
}
