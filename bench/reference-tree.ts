// A reference commit's files in a temporary folder, for the benches that check or time this tree
// against another commit in one run (bench/*/vs-reference.ts, identical.ts, …): `git archive` of
// the folders asked for, with this checkout's node_modules (and whatever else is named, e.g. the
// UT1 lists in .cache) linked in so the reference's imports resolve; removed when the process exits.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../test/shared-data.ts';

export interface ReferenceTree {
  /** The commit extracted (the merge base with main when none was asked for). */
  commit: string;
  dir: string;
}

/**
 * Extracts `folders` of `commit` (default: where this branch left main; all of it when `folders` is
 * empty) into a fresh temporary folder named after `label`, and links `linked` (paths of this
 * checkout that exist) into it.
 */
export function referenceTree(commit: string | undefined, label: string, folders: readonly string[], linked: readonly string[] = ['node_modules']): ReferenceTree {
  const git = (...a: string[]): Buffer => execFileSync('git', a, { cwd: repoRoot, maxBuffer: 1 << 30 });
  const ref = commit ?? git('merge-base', 'HEAD', 'main').toString().trim();
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-reference-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  execFileSync('tar', ['-x', '-C', dir], { input: git('archive', ref, ...folders) });
  for (const p of linked) {
    if (existsSync(path.join(repoRoot, p))) symlinkSync(realpathSync(path.join(repoRoot, p)), path.join(dir, p));
  }
  return { commit: ref, dir };
}
