// The progress display: plain periodic lines off a terminal, one redrawn line on a terminal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress, formatDuration } from '../../pipeline/progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

test('off a terminal: plain lines at most once per interval, and a final line with the totals', () => {
  const { writes, stream } = fakeStream(false);
  const p = createProgress({ label: 'extract', tasks: 4, stream, intervalS: 3600 });
  for (let i = 0; i < 1000; i++) p.add(1, 1000);
  p.taskFinished(true);
  p.taskFinished(false);
  assert.equal(writes.length, 0, 'no line before the interval has passed');
  p.finish();
  assert.equal(writes.length, 1);
  assert.match(writes[0]!, /^\[extract\] {2}2\/4 tasks \(1 failed\) {2}1,000 items {2}[\d,]+ items\/s {2}[\d.]+ MB\/s .*ETA/);
  assert.ok(writes[0]!.endsWith('\n'));
  assert.ok(!writes[0]!.includes('\r'));
});

test('on a terminal: the line is redrawn in place with a bar', () => {
  const { writes, stream } = fakeStream(true);
  const p = createProgress({ label: 'tokenize', tasks: 2, stream });
  p.taskFinished(true);
  p.finish();
  assert.ok(writes.some((w) => w.startsWith('\r\x1b[2K[tokenize]') && w.includes('█')));
  assert.equal(writes.at(-1), '\n');
});

test('durations read as m:ss or h:mm:ss', () => {
  assert.equal(formatDuration(5), '0:05');
  assert.equal(formatDuration(125), '2:05');
  assert.equal(formatDuration(3 * 3600 + 61), '3:01:01');
});
