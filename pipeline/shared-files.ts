// Read-only files that each worker thread would otherwise read into memory of its own (the UT1
// domain hashes of the fineweb preset: 36 MB a worker): the thread that starts the workers reads
// such a file once into a SharedArrayBuffer, and worker_threads' environment data hands that same
// memory to every worker started after it, so N workers hold one copy instead of N. A file that
// was not shared is read as before, so a Slurm element or a test needs nothing of this.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

const key = (path: string) => `cc-pretrain shared file ${path}`;

/** Reads `path` into shared memory for the workers this thread starts from now on (once per path). */
export function shareFile(path: string): void {
  if (sharedFile(path)) return;
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new Error(`${path}: ended at byte ${at} of ${bytes.length} while it was read`);
      at += n;
    }
    setEnvironmentData(key(path), bytes.buffer);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of `path` if this thread or the one that started it shared them; they must not be written. */
export function sharedFile(path: string): Uint8Array | undefined {
  const buffer = getEnvironmentData(key(path));
  return buffer instanceof SharedArrayBuffer ? new Uint8Array(buffer) : undefined;
}
