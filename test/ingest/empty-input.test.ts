// Inputs that yield no document are named in the extract stage's summary with the reason (empty,
// garbage, no HTML, no valid JSON line) instead of passing as a silent "ok".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const bin = resolve(import.meta.dirname, '../../bin/cc-pretrain');

test('the extract summary names each input that yielded nothing, and why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'empty-input-'));
  const files = {
    garbage: join(dir, 'garbage.warc.gz'),
    empty: join(dir, 'empty.jsonl'),
    notJson: join(dir, 'lines.jsonl'),
    infoOnly: join(dir, 'info.warc.gz'),
  };
  writeFileSync(files.garbage, Buffer.from('this is not a web archive at all\n'.repeat(500)));
  writeFileSync(files.empty, '');
  writeFileSync(files.notJson, 'plain text line one\nplain text line two\n');
  writeFileSync(files.infoOnly, gzipSync('WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n'));
  const r = spawnSync(bin, ['extract', ...Object.values(files), '--out', join(dir, 'run'), '--workers', '1'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.split('\n');
  const line = (file: string) => lines.find((l) => l.startsWith(`  NOTHING from ${file}: `));
  assert.match(line(files.garbage) ?? '', /not readable as WARC or JSONL \(warc_garbage \d+\)$/);
  assert.match(line(files.empty) ?? '', /: empty file$/);
  assert.match(line(files.notJson) ?? '', /: none of its 2 lines is JSON$/);
  assert.match(line(files.infoOnly) ?? '', /: no HTML response among its 1 WARC records \(warcinfo 1\)$/);
});
