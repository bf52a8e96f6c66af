// Temporary folders for a test file, removed when the file's tests are done (pass or fail), so a
// run leaves nothing in the system's temp folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** Returns a `mkdtemp` function whose folders are all removed after the calling file's tests. */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return (prefix) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    made.push(d);
    return d;
  };
}
