// Where the real third-party data shared by all tests lives (`../shared` beside the repo, or
// $CC_PRETRAIN_SHARED): tests that read it call `sharedDataDir()` and skip when it is undefined.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The `data/` folder of the shared root, or undefined when it is absent. */
export function sharedDataDir(): string | undefined {
  const root = process.env['CC_PRETRAIN_SHARED'] || path.resolve(repoRoot, '../shared');
  const dir = path.join(root, 'data');
  return existsSync(dir) ? dir : undefined;
}
