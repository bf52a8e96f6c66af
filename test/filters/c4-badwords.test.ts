// The C4 bad-words scan (words indexed by their first two units, word characters memoised) against
// the plain scan it replaced: every position in order, each word of the same first code point in
// file order, bordered by non-word characters outside ja/th/zh. Same word reported, on generated
// texts full of near misses (prefixes, words inside words, astral and lone surrogates).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { c4BadWords } from '../../filters/c4-badwords.ts';
import type { Document } from '../../pipeline/document.ts';

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const ALLOW: Record<string, readonly string[]> = { ja: ['sm', 'グロ', '女の子'], zh: ['性'] };

function plainScan(lang: string, text: string): string | undefined {
  const words = (createRequire(import.meta.url)(`naughty-words/${lang}.json`) as string[]).map((w) => w.toLowerCase()).filter((w) => w !== '' && !(ALLOW[lang] ?? []).includes(w));
  const substring = ['ja', 'th', 'zh'].includes(lang);
  const isWordAt = (s: string, i: number): boolean => {
    const cp = s.codePointAt(i);
    return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
  };
  const isWordBefore = (s: string, i: number): boolean => {
    if (i === 0) return false;
    const c = s.charCodeAt(i - 1);
    return isWordAt(s, c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1);
  };
  const lower = text.toLowerCase();
  const distinct = [...new Set(words)];
  for (let i = 0; i < lower.length; i++) {
    const cp = lower.codePointAt(i)!;
    const first = String.fromCodePoint(cp);
    if (substring || !isWordBefore(lower, i)) {
      for (const w of distinct) if (w.startsWith(first) && lower.startsWith(w, i) && (substring || !isWordAt(lower, i + w.length))) return w;
    }
    if (cp > 0xffff) i++;
  }
  return undefined;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('c4_badwords reports the word the plain scan finds, in every language tried', () => {
  const f = c4BadWords({ keep_fraction: 0, default_language: 'en' });
  const pieces: Record<string, string[]> = {
    en: ['a', 'ass', 'Ass', 'class', 'asses', 'b', 'bbw', 'anal', 'analysis', 'x', '_', '1', '😀', '\ud800', '\udc00', 'é', 'İ'],
    de: ['arsch', 'Arschloch', 'bums', 'a', 'ß', 'ü'],
    ja: ['sm', 'グロ', '女の子', 'エロ', 'ア', 'a'],
    zh: ['性', '性交', '中', 'a'],
    fr: ['con', 'connard', 'a', 'é'],
  };
  for (const [lang, parts] of Object.entries(pieces)) {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      let text = '';
      const n = 1 + Math.floor(r() * 12);
      for (let k = 0; k < n; k++) text += parts[Math.floor(r() * parts.length)]! + (r() < 0.5 ? ' ' : r() < 0.5 ? '' : '-');
      const doc: Document = { id: `t${seed}`, text, lang, source: 't', file: 't', meta: {} };
      const out = f(doc, () => {});
      const want = plainScan(lang, text);
      assert.equal(out.keep ? undefined : out.detail, want === undefined ? undefined : `bad word "${want}" (${lang})`, `${lang} ${JSON.stringify(text)}`);
    }
  }
});
