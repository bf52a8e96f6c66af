// The compact block-list set holds exactly the lines a Set of readListFile's strings would: comments,
// blank and space-only lines skipped, CRLF and Unicode spaces trimmed, duplicates counted once,
// several files (plain and .gz) joined, invalid UTF-8 and lone surrogates handled as strings would be.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { lineSet, loadLineSet } from '../../filters/line-set.ts';
import { readListFile } from '../../filters/url-filter.ts';

const TEXT = Buffer.concat([
  Buffer.from('# comment\nexample.com\r\n  spaced.org  \n\n   \nexample.com\n#not-a-domain\n \u00a0unicode-space.net\u3000\nbücher.de\nxn--bcher-kva.de\n'),
  Buffer.from([0x62, 0x61, 0x64, 0xff, 0x2e, 0x63, 0x6f, 0x0a]), // "bad\xff.co": invalid UTF-8 becomes U+FFFD
  Buffer.from('last-line-no-newline.io'),
]);

test('same members and size as a Set of the list file lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lineset-'));
  writeFileSync(join(dir, 'list'), TEXT);
  const strings = await readListFile(join(dir, 'list'), false);
  const expected = new Set(strings);
  const set = lineSet(TEXT);
  assert.equal(set.size, expected.size);
  for (const s of expected) assert.ok(set.has(s), s);
  for (const s of ['example.co', 'xample.com', 'spaced.org ', '# comment', '', 'unicode-space', 'bad\ud800.co', 'bad.co', 'bücher.d']) assert.equal(set.has(s), expected.has(s), JSON.stringify(s));
  assert.ok(set.has('bad\ufffd.co') && set.has('unicode-space.net') && set.has('last-line-no-newline.io'));
});

test('several files, plain and gzip, join line-wise; a missing file is one clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lineset-'));
  writeFileSync(join(dir, 'a'), 'one.example\ntwo.example');
  writeFileSync(join(dir, 'b.gz'), gzipSync('three.example\none.example\n'));
  const set = await loadLineSet([join(dir, 'a'), join(dir, 'b.gz')], 'url filter');
  assert.equal(set.size, 3);
  assert.ok(set.has('two.example') && set.has('three.example'));
  assert.ok(!set.has('two.examplethree.example'));
  await assert.rejects(loadLineSet([join(dir, 'none')], 'url filter'), /url filter: cannot read list file .*none/);
});
