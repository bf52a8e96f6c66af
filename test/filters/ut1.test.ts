// The UT1 block lists of the fineweb preset: the cache built from an unpacked tarball answers as
// the plain lists do, a missing cache is a one-line error that says how to get it or opt out, and
// (when `npm run setup` has fetched the real lists) the default preset drops a UT1 domain, its
// subdomains and a UT1 URL while `url.ut1: false` keeps them.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import { filtersSchema } from '../../filters/config.ts';
import { createFilterPipeline, missingFilterAssets, sharedFilterFiles } from '../../filters/index.ts';
import { shareFile } from '../../pipeline/shared-files.ts';
import { resolveFilters } from '../../filters/presets.ts';
import { buildUt1Cache, hasDomain, loadUt1, UT1_DIR, UT1_MISSING, ut1DomainsFile, ut1Present } from '../../filters/ut1.ts';
import { tempDirs } from '../temp-dirs.ts';

const tempDir = tempDirs();

const doc = (url: string): Document => ({ id: 'd', text: 'x', source: 'web', file: 'f', url, meta: {} });

test('only the fineweb preset turns UT1 on, and a config opts out explicitly', () => {
  assert.equal(resolveFilters(filtersSchema.parse({})).url.ut1, true);
  assert.equal(resolveFilters(filtersSchema.parse({ url: { ut1: false } })).url.ut1, false);
  for (const preset of ['c4', 'gopher', 'none'] as const) assert.equal(resolveFilters(filtersSchema.parse({ preset })).url.ut1, false);
  assert.equal(missingFilterAssets(filtersSchema.parse({ url: { ut1: false } })), null);
  assert.equal(missingFilterAssets(filtersSchema.parse({ url: { enabled: false } })), null);
  // Where the cache is absent, a fineweb config (and only one that needs it) is refused in one line.
  const empty = tempDir('ut1-none-');
  assert.equal(missingFilterAssets(filtersSchema.parse({}), empty), UT1_MISSING);
  assert.equal(missingFilterAssets(filtersSchema.parse({ url: { ut1: false } }), empty), null);
  assert.equal(missingFilterAssets(filtersSchema.parse({ preset: 'c4' }), empty), null);
});

test('the hashed cache answers as the lists; a missing cache says how to get it', async () => {
  const src = tempDir('ut1-src-');
  const dir = join(src, 'cache');
  mkdirSync(join(src, 'adult'));
  const domains = Array.from({ length: 5000 }, (_, i) => `site-${i}.example`);
  writeFileSync(join(src, 'adult', 'domains'), `# comment\n${domains.join('\n')}\n  padded.example  \n`);
  writeFileSync(join(src, 'adult', 'urls'), 'b.example/x\na.example/y\nb.example/x\n');
  await assert.rejects(loadUt1(dir), (err: Error) => err.message === UT1_MISSING && !err.message.includes('\n') && /npm run setup/.test(err.message) && /ut1: false/.test(err.message));
  assert.equal(ut1Present(dir), false);
  assert.deepEqual(await buildUt1Cache(src, dir), { domains: 5001, urls: 2 });
  const lists = await loadUt1(dir);
  const scratch = new Uint32Array(2);
  for (const d of [...domains, 'padded.example']) assert.ok(hasDomain(lists.domains, d, scratch), d);
  for (const d of ['site-5000.example', 'example', '# comment', 'site-1.example.', '']) assert.ok(!hasDomain(lists.domains, d, scratch), d);
  assert.deepEqual(lists.urls, ['a.example/y', 'b.example/x']);
  assert.equal(readFileSync(join(dir, 'adult-domains.u64')).byteLength, 5001 * 8);
  // Shared between worker threads (the local executor does so for a fineweb run): the set reads
  // the shared memory and answers the same.
  assert.deepEqual(sharedFilterFiles(filtersSchema.parse({}), dir), [ut1DomainsFile(dir)]);
  assert.deepEqual(sharedFilterFiles(filtersSchema.parse({ url: { ut1: false } }), dir), []);
  assert.deepEqual(sharedFilterFiles(filtersSchema.parse({}), join(src, 'nowhere')), []);
  assert.ok(!(lists.domains.words.buffer instanceof SharedArrayBuffer));
  shareFile(ut1DomainsFile(dir));
  const shared = await loadUt1(dir);
  assert.ok(shared.domains.words.buffer instanceof SharedArrayBuffer);
  assert.deepEqual(shared.domains.words, lists.domains.words);
  for (const d of [...domains, 'padded.example']) assert.ok(hasDomain(shared.domains, d, scratch), d);
  assert.ok(!hasDomain(shared.domains, 'site-5000.example', scratch));
});

test('the fineweb preset drops UT1 domains, subdomains and URLs; ut1: false keeps them', { skip: ut1Present() ? false : `UT1 lists not in ${UT1_DIR} (npm run setup fetches them)` }, async () => {
  const on = await createFilterPipeline(filtersSchema.parse({ language: { enabled: false } }));
  const off = await createFilterPipeline(filtersSchema.parse({ language: { enabled: false }, url: { ut1: false } }));
  // Neutral words only, so that the word lists cannot be what drops them. UT1's URLs have no
  // scheme and datatrove compares the document URL as it is, so only a scheme-less URL matches.
  const cases: [string, string][] = [
    ['http://0-800-email.com/contact', 'domain'],
    ['https://0-puppy-0.tumblr.com/a', 'subdomain'],
    ['0b1-bofa.org/bofa/', 'url'],
  ];
  for (const [url, rule] of cases) {
    const v = on.apply(doc(url), createStats());
    assert.equal(v.keep, false, url);
    assert.match(v.keep ? '' : v.reason, new RegExp(`\\(${rule}\\)$`), url);
    const stats = createStats();
    off.apply(doc(url), stats);
    assert.equal(stats.counters[`filter.url.${rule}`], undefined, url);
  }
});
