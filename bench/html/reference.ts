// A reference commit's ingest/ code, loaded beside this tree's for the equality and speed checks of
// bench/html: `git archive` of ingest/ into a temp folder that resolves packages from this
// checkout's node_modules. By default the commit where this branch left main.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Blocks from '../../ingest/html-blocks.ts';
import type * as Charset from '../../ingest/charset.ts';
import type * as Extract from '../../ingest/html-extract.ts';
import type * as Rules from '../../ingest/html-rules.ts';
import { repoRoot } from '../../test/shared-data.ts';

export interface Reference {
  commit: string;
  /** The temp folder holding the commit's ingest/ (for workers that import it themselves). */
  dir: string;
  blocks: typeof Blocks;
  charset: typeof Charset;
  extract: typeof Extract;
  rules: typeof Rules;
  /** Removes the temp folder. */
  remove(): void;
}

export async function loadReference(commit: string | undefined): Promise<Reference> {
  const git = (...a: string[]): Buffer => execFileSync('git', a, { cwd: repoRoot, maxBuffer: 1 << 30 });
  const ref = commit ?? git('merge-base', 'HEAD', 'main').toString().trim();
  const dir = mkdtempSync(path.join(tmpdir(), 'html-reference-'));
  execFileSync('tar', ['-x', '-C', dir], { input: git('archive', ref, 'ingest') });
  symlinkSync(realpathSync(path.join(repoRoot, 'node_modules')), path.join(dir, 'node_modules'));
  return {
    commit: ref,
    dir,
    blocks: (await import(path.join(dir, 'ingest/html-blocks.ts'))) as typeof Blocks,
    charset: (await import(path.join(dir, 'ingest/charset.ts'))) as typeof Charset,
    extract: (await import(path.join(dir, 'ingest/html-extract.ts'))) as typeof Extract,
    rules: (await import(path.join(dir, 'ingest/html-rules.ts'))) as typeof Rules,
    remove: () => rmSync(dir, { recursive: true }),
  };
}
