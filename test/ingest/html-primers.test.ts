// The primers of ingest/html-primers.ts run at load for what they make V8 see: these tests check
// that a primer still takes the path it is there for, which nothing else would notice losing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBlocks } from '../../ingest/html-blocks.ts';
import { PRIMERS } from '../../ingest/html-primers.ts';

test("the last primer has clearHeadingAnchors rewrite its blocks' class chrome", () => {
  const last = PRIMERS.at(-1) as string;
  assert.deepEqual(parseBlocks(last).blocks.map((b) => b.chrome), [0, 0, 0, 0]);
  // With one heading not naming its section's id, nothing is cleared: the chrome was the ids'.
  assert.deepEqual(parseBlocks(last.replace('Footer notes', 'Other notes')).blocks.map((b) => b.chrome), [1, 1, 1, 1]);
});
