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

/** Bad words of a language by first character, for a single left-to-right scan. */
interface Matcher {
  byFirst: Map<string, string[]>;
  substring: boolean;
}

function listDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('naughty-words/en.json'));
}

function loadMatcher(dir: string, lang: string): Matcher | null {
  const file = join(dir, `${lang}.json`);
  if (!existsSync(file)) return null;
  const allow = new Set(ALLOW[lang] ?? []);
  const words = (JSON.parse(readFileSync(file, 'utf8')) as string[]).map((w) => w.toLowerCase()).filter((w) => w !== '' && !allow.has(w));
  const byFirst = new Map<string, string[]>();
  for (const w of new Set(words)) {
    const first = String.fromCodePoint(w.codePointAt(0)!);
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push(w);
  }
  return { byFirst, substring: SUBSTRING_LANGS.has(lang) };
}

function isWordAt(s: string, i: number): boolean {
  const cp = s.codePointAt(i);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

function isWordBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWordAt(s, start);
}

/** The first bad word found in `lower`, or undefined. */
function findBadWord(m: Matcher, lower: string): string | undefined {
  for (let i = 0; i < lower.length; i++) {
    const cp = lower.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const list = m.byFirst.get(ch);
    if (list && (m.substring || !isWordBefore(lower, i))) {
      for (const w of list) {
        if (lower.startsWith(w, i) && (m.substring || !isWordAt(lower, i + w.length))) return w;
      }
    }
    if (cp > 0xffff) i++;
  }
  return undefined;
}

/** `onMissingLanguage` is told about documents kept because their language has no list. */
export type BadWordsFilter = (doc: Document, onMissingLanguage: (lang: string) => void) => Outcome;

export function c4BadWords(p: C4BadWordsParams): BadWordsFilter {
  const dir = listDir();
  const matchers = new Map<string, Matcher | null>();
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
    const word = findBadWord(m, doc.text.toLowerCase());
    if (word === undefined) return { keep: true };
    if (p.keep_fraction > 0) {
      const h = createHash('md5').update(doc.url ?? doc.id).digest();
      if (h.readUInt32BE(0) / 0x1_0000_0000 < p.keep_fraction) return { keep: true };
    }
    return { keep: false, rule: 'document_removed_with_badwords', detail: `bad word "${word}" (${lang})` };
  };
}
