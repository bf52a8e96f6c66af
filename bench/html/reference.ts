// A reference commit's ingest/ code, loaded beside this tree's for the equality and speed checks of
// bench/html: `git archive` of ingest/ into a temp folder that resolves packages from this
// checkout's node_modules (bench/reference-tree.ts). By default the commit where this branch left main.

import path from 'node:path';
import type * as Blocks from '../../ingest/html-blocks.ts';
import type * as Charset from '../../ingest/charset.ts';
import type * as Extract from '../../ingest/html-extract.ts';
import type * as Rules from '../../ingest/html-rules.ts';
import { referenceTree } from '../reference-tree.ts';

export interface Reference {
  commit: string;
  /** The temp folder holding the commit's ingest/ (for workers that import it themselves). */
  dir: string;
  blocks: typeof Blocks;
  charset: typeof Charset;
  extract: typeof Extract;
  rules: typeof Rules;
}

export async function loadReference(commit: string | undefined): Promise<Reference> {
  const { commit: ref, dir } = referenceTree(commit, 'html', ['ingest']);
  return {
    commit: ref,
    dir,
    blocks: (await import(path.join(dir, 'ingest/html-blocks.ts'))) as typeof Blocks,
    charset: (await import(path.join(dir, 'ingest/charset.ts'))) as typeof Charset,
    extract: (await import(path.join(dir, 'ingest/html-extract.ts'))) as typeof Extract,
    rules: (await import(path.join(dir, 'ingest/html-rules.ts'))) as typeof Rules,
  };
}
