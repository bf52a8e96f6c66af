// Atomic outputs: every file a task writes appears under its final name only when complete,
// so a crash, a kill or a rerun never leaves a partial file where a reader would find it.

import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile, readdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

const TMP_MARK = '.tmp-';

/** Whether a file name is a temporary one (an output still being written). */
export function isTemporary(name: string): boolean {
  return basename(name).includes(TMP_MARK);
}

/** A temporary sibling of `path`; `.tmp-` names are ignored by readers and swept by reruns. */
export function tempPathFor(path: string): string {
  return `${path}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

export interface AtomicStream {
  stream: WriteStream;
  /** Flushes, closes and renames into place. */
  commit(): Promise<void>;
  /** Closes and deletes the temporary file. */
  abort(): Promise<void>;
}

/** A write stream to a temporary name that `commit()` renames to `path`. */
export async function createAtomicStream(path: string): Promise<AtomicStream> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  const stream = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  return {
    stream,
    async commit() {
      stream.end();
      await closed;
      await rename(tmp, path);
    },
    async abort() {
      stream.destroy();
      await closed.catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

/** Deletes temporary files left in `dir` (recursively) by a crashed or killed task. */
export async function sweepTemporaries(dir: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isFile() && isTemporary(entry.name)) {
      await rm(join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}
