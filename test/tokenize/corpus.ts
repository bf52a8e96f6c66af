// Test text for the tokenizer tests: a generated multilingual corpus (deterministic), the hard
// strings every encoder must round-trip and match Hugging Face on, and real pages when the
// shared data is present.

import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { sharedDataDir } from '../shared-data.ts';

/** Every `every`-th raw HTML page of the shared WCXB set ([] when the shared data is absent). */
export function sharedPages(every: number): string[] {
  const data = sharedDataDir();
  if (!data) return [];
  const dir = path.join(data, 'extraction', 'wcxb-dev', 'html');
  return readdirSync(dir)
    .sort()
    .filter((_, i) => i % every === 0)
    .map((f) => gunzipSync(readFileSync(path.join(dir, f))).toString('utf8'));
}

const WORDS = [
  'the', 'of', 'and', 'tokenizer', 'pretraining', 'Common', 'Crawl', "don't", "It's", "WE'LL", 'naïve', 'café',
  'Straße', 'über', '東京', '日本語のテキスト', '中文', '한국어', 'Привет', 'мир', 'العربية', 'हिन्दी', '🦊', '👩‍👩‍👧',
  '2024', '3.14159', '1,000,000', 'x86_64', 'https://example.com/a?b=c', 'e-mail', '(parens)', '"quotes"', '...', '—',
];

/** `n` deterministic documents of mixed text, numbers, punctuation and whitespace. */
export function generatedDocs(n: number, seed = 7): string[] {
  let x = seed >>> 0;
  const rnd = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const seps = [' ', ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', ' \n', '\r\n', ', ', '. '];
  const docs: string[] = [];
  for (let d = 0; d < n; d++) {
    let s = '';
    const len = 20 + Math.floor(rnd() * 200);
    for (let i = 0; i < len; i++) s += WORDS[Math.floor(rnd() * WORDS.length)]! + seps[Math.floor(rnd() * seps.length)]!;
    docs.push(s);
  }
  return docs;
}

export const HARD_STRINGS: readonly string[] = [
  '',
  'Hello, world!',
  "I'm sure you'll see they've done it. SHE'S HERE'D",
  '  leading and trailing spaces   ',
  'line one\nline two\r\nline three\n\n\n',
  'tabs\tand\u000bvertical\ftabs\u0085nel\u00a0nbsp\u3000ideographic\u2028ls\u2029ps\ufeffbom',
  'digits 1 12 123 1234 12345 123456789012 ١٢٣٤٥ ²³',
  '東京都渋谷区 日本語の文章です。中文句子。한국어 문장입니다.',
  'emoji 🦊🦊 👩‍👩‍👧 🇫🇷 ❤️ 👍🏽',
  'control \u0000\u0001\u0007\u001b[0m\u007f\u0080\u009f chars',
  'combining e\u0301 a\u0308 Å ﬁ ǅ ſ K',
  'trailing whitespace at end   ',
  "'s 's 'S 'll 'LL 've 're 'd 'm 't",
  'symbols !!! ??? ... --- *** /// \\\\ @@@ ### $$$ %%% ^^^ &&& ((( ))) <<>> {{}} [[]]',
  'mixed CamelCaseWords and snake_case_words and ALLCAPS and MiXeD',
  String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
];
