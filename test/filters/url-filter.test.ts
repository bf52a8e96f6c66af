// URL filter decision order and list handling, with block-list files written for the test.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Document } from '../../pipeline/document.ts';
import { loadUrlLists, urlFilter } from '../../filters/url-filter.ts';

const doc = (url: string): Document => ({ id: 'u', text: 'x', source: 's', file: 'f', url, meta: {} });

test('domain, subdomain, url, hard word, soft words, sub-word, in that order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'urlf-'));
  writeFileSync(join(dir, 'domains'), '# comment\nbad-site.co.uk\nsub.other.org\n');
  writeFileSync(join(dir, 'urls.gz'), gzipSync('http://listed.example/exact/path\n'));
  const lists = await loadUrlLists({ ut1: false, domain_lists: [join(dir, 'domains')], url_lists: [join(dir, 'urls.gz')], default_word_lists: true, banned_words: [], banned_subwords: [], soft_banned_words: [] });
  const f = urlFilter(lists, { soft_word_threshold: 2 });
  const rule = (u: string): string => {
    const o = f(doc(u));
    return o.keep ? 'keep' : o.rule;
  };
  assert.equal(rule('https://www.bad-site.co.uk/page'), 'domain');
  assert.equal(rule('https://sub.other.org/'), 'subdomain');
  assert.equal(rule('https://other.org/'), 'keep');
  assert.equal(rule('http://listed.example/exact/path'), 'url');
  assert.equal(rule('https://example.com/porn/'), 'hard_blacklisted');
  // banned words are matched case-sensitively as tokens, but the sub-word check lowercases
  assert.equal(rule('https://example.com/PORN/'), 'keep');
  assert.equal(rule('https://example.com/PornHub-clips'), 'blacklisted_subword');
  assert.equal(rule('https://example.com/auto-erotic'), 'blacklisted_subword');
  assert.equal(rule('https://example.com/news/today'), 'keep');
  assert.equal(rule('https://example.com/'), 'keep');
});

test('extra words are normalised like the shipped lists; the shipped lists can be switched off', async () => {
  const only = await loadUrlLists({ ut1: false, domain_lists: [], url_lists: [], default_word_lists: false, banned_words: ['Foo-Bar'], banned_subwords: [], soft_banned_words: [] });
  const f = urlFilter(only, { soft_word_threshold: 2 });
  assert.equal(f(doc('https://example.com/porn/')).keep, true);
  assert.equal(f(doc('https://example.com/foobar/x')).keep, false);
  await assert.rejects(loadUrlLists({ ut1: false, domain_lists: ['/nonexistent/list'], url_lists: [], default_word_lists: false, banned_words: [], banned_subwords: [], soft_banned_words: [] }), /cannot read list file \/nonexistent\/list/);
});

test('the details name the first banned word in list order and the soft-banned words in list order, whatever the URL order', async () => {
  const lists = await loadUrlLists({ ut1: false, domain_lists: [], url_lists: [], default_word_lists: false, banned_words: ['aaa', 'bbb'], banned_subwords: [], soft_banned_words: ['xxx', 'yyy', 'zzz'] });
  const f = urlFilter(lists, { soft_word_threshold: 2 });
  const detail = (u: string): string => {
    const o = f(doc(u));
    return o.keep ? 'keep' : `${o.rule}: ${o.detail}`;
  };
  assert.equal(detail('https://example.com/bbb/aaa'), 'hard_blacklisted: banned word "aaa" in URL');
  assert.equal(detail('https://example.com/zzz-yyy/xxx'), 'soft_blacklisted: soft-banned words 3 >= 2 (xxx, yyy, zzz)');
  assert.equal(detail('https://example.com/zzz/zzz'), 'keep');
});

test('the sub-word named is the first in list order that the normalised URL contains, as a search for each in turn finds', () => {
  // Sub-words sharing first characters, overlapping, one a prefix of another, one character long,
  // and at the URL's start and end; the expected sub-word is that of a plain search in list order.
  const subwords = ['abcd', 'bcx', 'ab', 'zz9', 'q', 'cdab', '9a', 'abce', 'xa'];
  const lists = { domains: new Set<string>(), urls: new Set<string>(), bannedWords: new Set<string>(), bannedSubwords: subwords, softBannedWords: [] };
  const f = urlFilter(lists, { soft_word_threshold: 2 });
  let s = 7;
  const alphabet = 'abcdqxz9';
  for (let n = 0; n < 3000; n++) {
    let path = '';
    for (let k = 1 + (n % 12); k > 0; k--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      path += alphabet[(s >>> 8) % alphabet.length];
    }
    const url = `http://e.${path}/${path.slice(2)}`;
    const normalized = url.replace(/[^a-zA-Z0-9]+/g, '').toLowerCase();
    const expected = subwords.find((w) => normalized.includes(w));
    const o = f(doc(url));
    assert.equal(o.keep ? undefined : o.detail, expected === undefined ? undefined : `banned sub-word "${expected}" in URL`, url);
  }
});
