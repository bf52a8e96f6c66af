// Stage `dedup-exact`: exact duplicates by key, one task per dedup group, enabled kind and hash range.
// - exact / url: in each group of equal keys the record with the lowest rank (url: the latest
//   capture), then the lowest (file, row), is kept; every other one is written as a pair
//   (kept file, kept row, file, row) to dedup/pairs/<group>/<kind>/, which the clusters task removes.
// - lines (C4's line dedup as TFDS's code does it, spec §5.5): in each group of equal line keys the
//   first record belongs to the owner page (smallest URL MD5) and is its first occurrence; every
//   other occurrence, in other pages or later in the owner page, is removed. Removed lines are
//   written per docs file to dedup/lines/<group>/<worker>/<source>/<NNNNN>.lines as (row, line) pairs.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathFor, writeJsonAtomic } from '../pipeline/index.ts';
import type { Stage, StageContext, TaskContext, TaskSpec } from '../pipeline/index.ts';
import { createPairWriter } from './buckets-stage.ts';
import {
  checkKindFiles,
  enabledKinds,
  type ExactKind,
  filesOfGroup,
  groupFiles,
  keysLayout,
  keysRunPath,
  kindWorkers,
  linesDir,
  linesDonePath,
  linesPath,
  listTaskFiles,
  pairsPath,
  runInputs,
  type TaskFile,
} from './layout.ts';
import { planRanges } from './ranges.ts';
import { mergeRecords, type MergeInput } from './records.ts';

function kindInputs(runDir: string, files: readonly TaskFile[], kind: ExactKind): MergeInput[] {
  return runInputs(files, (key, run) => keysRunPath(runDir, key, kind, run));
}

export const exactStage: Stage = {
  name: 'dedup-exact',
  command: 'dedup',
  description: 'exact dedup: identical normalised texts, URLs (latest capture kept), C4 lines',
  async plan(ctx: StageContext): Promise<TaskSpec[]> {
    const kinds = enabledKinds(ctx.config.dedup);
    if (kinds.length === 0) return [];
    const files = listTaskFiles(ctx.runDir);
    for (const kind of kinds) checkKindFiles(files, kind);
    const tasks: TaskSpec[] = [];
    for (const [group, members] of groupFiles(files, ctx.config.dedup.scope)) {
      for (const kind of kinds) {
        const paths = kindInputs(ctx.runDir, members, kind).map((i) => i.path);
        const ranges = planRanges(paths, keysLayout(kind).words * 4, kindWorkers(ctx.config.dedup, kind));
        ranges.forEach((range, worker) => {
          tasks.push({
            id: `${group}/${kind}/${String(worker).padStart(3, '0')}`,
            label: `${group}, ${kind} dedup, hash range ${worker}`,
            group,
            kind,
            worker,
            workers: ranges.length,
            lo: range.lo,
            hi: range.hi,
          });
        });
      }
    }
    return tasks;
  },
  async run(ctx: TaskContext): Promise<void> {
    const { group, kind, worker, workers, lo, hi } = ctx.task as TaskSpec & { group: string; kind: ExactKind; worker: number; workers: number; lo: number; hi: number };
    const all = listTaskFiles(ctx.runDir);
    checkKindFiles(all, kind);
    const inputs = kindInputs(ctx.runDir, filesOfGroup(all, ctx.config.dedup.scope, group), kind);
    if (kind === 'lines') await runLines(ctx, all, inputs, group, worker, workers, { lo, hi });
    else runDocs(ctx, kind, inputs, group, worker, { lo, hi });
    ctx.progress(inputs.length);
  },
};

function runDocs(ctx: TaskContext, kind: ExactKind, inputs: MergeInput[], group: string, worker: number, range: { lo: number; hi: number }): void {
  const layout = keysLayout(kind);
  const out = pairsPath(ctx.runDir, group, kind, worker);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = tempPathFor(out);
  const writer = createPairWriter(tmp);
  let keyHi = -1;
  let keyLo = -1;
  let keptFile = 0;
  let keptRow = 0;
  let removed = 0;
  try {
    const records = mergeRecords(inputs, layout, range, (w, o, fileId) => {
      const row = w[o + 4]!;
      if (w[o] === keyHi && w[o + 1] === keyLo) {
        writer.push(keptFile, keptRow, fileId, row);
        removed++;
      } else {
        keyHi = w[o]!;
        keyLo = w[o + 1]!;
        keptFile = fileId;
        keptRow = row;
      }
    });
    writer.close();
    renameSync(tmp, out);
    ctx.stats.count(`dedup.${kind}_keys`, records);
    ctx.stats.count(`dedup.${kind}_duplicates`, removed);
  } catch (err) {
    writer.close();
    rmSync(tmp, { force: true });
    throw err;
  }
}

async function runLines(
  ctx: TaskContext,
  files: readonly TaskFile[],
  inputs: MergeInput[],
  group: string,
  worker: number,
  workers: number,
  range: { lo: number; hi: number },
): Promise<void> {
  const dir = linesDir(ctx.runDir, group, worker);
  rmSync(linesDonePath(ctx.runDir, group, worker), { force: true });
  rmSync(dir, { recursive: true, force: true });
  // Removed (file, row, line) triples; memory ∝ removed lines of this hash range.
  let removed = new Uint32Array(3 * 4096);
  let n = 0;
  let keyHi = -1;
  let keyLo = -1;
  const records = mergeRecords(inputs, keysLayout('lines'), range, (w, o, fileId) => {
    if (w[o] === keyHi && w[o + 1] === keyLo) {
      if (n + 3 > removed.length) {
        const next = new Uint32Array(removed.length * 2);
        next.set(removed);
        removed = next;
      }
      removed[n] = fileId;
      removed[n + 1] = w[o + 4]!;
      removed[n + 2] = w[o + 5]!;
      n += 3;
    } else {
      keyHi = w[o]!;
      keyLo = w[o + 1]!;
    }
  });
  const count = n / 3;
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((x, y) => {
    for (let k = 0; k < 3; k++) {
      const d = removed[x * 3 + k]! - removed[y * 3 + k]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  let i = 0;
  while (i < count) {
    const fileId = removed[order[i]! * 3]!;
    let j = i;
    while (j < count && removed[order[j]! * 3] === fileId) j++;
    const pairs = new Uint32Array((j - i) * 2);
    for (let k = i; k < j; k++) {
      pairs[(k - i) * 2] = removed[order[k]! * 3 + 1]!;
      pairs[(k - i) * 2 + 1] = removed[order[k]! * 3 + 2]!;
    }
    const path = linesPath(ctx.runDir, group, worker, files[fileId]!.key);
    mkdirSync(dirname(path), { recursive: true });
    const tmp = tempPathFor(path);
    writeFileSync(tmp, new Uint8Array(pairs.buffer));
    renameSync(tmp, path);
    i = j;
  }
  ctx.stats.count('dedup.lines_keys', records);
  ctx.stats.count('dedup.lines_removed', count);
  // The done record tells the doc editor this worker's lists are complete (a missing list = none removed).
  await writeJsonAtomic(linesDonePath(ctx.runDir, group, worker), { group, worker, workers, removed: count, range });
}
