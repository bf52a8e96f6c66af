// Files shared between worker threads (pipeline/shared-files.ts): a worker started after the file
// was shared reads the sharing thread's own memory, not a copy; one started without it finds
// nothing and reads the file itself.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { shareFile, sharedFile } from '../../pipeline/shared-files.ts';
import { tempDirs } from '../temp-dirs.ts';

const tempDir = tempDirs();

/** In a fresh worker: the shared bytes' length and sum, after it stored 7 at byte 0 of them. */
const probe = (path: string) =>
  new Promise<{ length: number; sum: number } | null>((resolve, reject) => {
    const code = `
      const { workerData, parentPort } = require('node:worker_threads');
      import(workerData.module).then(({ sharedFile }) => {
        const bytes = sharedFile(workerData.path);
        if (!bytes) return parentPort.postMessage(null);
        const sum = bytes.reduce((a, b) => a + b, 0);
        Atomics.store(bytes, 0, 7);
        parentPort.postMessage({ length: bytes.length, sum });
      });`;
    const module = new URL('../../pipeline/shared-files.ts', import.meta.url).href;
    const worker = new Worker(code, { eval: true, workerData: { module, path } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });

test('a worker started after shareFile reads the same memory; an unshared file is not there', async () => {
  const dir = tempDir('shared-files-');
  const file = join(dir, 'table.bin');
  const other = join(dir, 'other.bin');
  writeFileSync(file, Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 255));
  writeFileSync(other, 'x');
  assert.equal(sharedFile(file), undefined);
  shareFile(file);
  const bytes = sharedFile(file)!;
  assert.ok(bytes.buffer instanceof SharedArrayBuffer);
  const sum = bytes.reduce((a, b) => a + b, 0);
  assert.deepEqual(bytes, new Uint8Array(Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 255)));
  // Shared a second time: the same memory, not a fresh read.
  shareFile(file);
  assert.equal(sharedFile(file)!.buffer, bytes.buffer);
  assert.deepEqual(await probe(file), { length: 100_000, sum });
  // The worker's store landed in this thread's bytes: one copy for both.
  assert.equal(bytes[0], 7);
  assert.equal(await probe(other), null);
});
