// Where the real third-party data lives: `<repo>/../shared/data`, or `$CC_PRETRAIN_SHARED/data`.
// Tests that use it skip when it is absent.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');

export function sharedDataDir(): string | undefined {
  const root = process.env.CC_PRETRAIN_SHARED ?? resolve(repoRoot, '../shared');
  const dir = join(root, 'data');
  return existsSync(dir) ? dir : undefined;
}
