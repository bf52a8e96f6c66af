// Stage `dedup-buckets` (datatrove's MinhashDedupBuckets): one task per dedup group, band and hash
// range. It k-way merges the band's sorted signature runs of the group's extract tasks and writes a duplicate pair
// (first file, first row, file, row) for every record whose band signature equals the previous
// one's, each pair pointing at the first record of its run of equal signatures. Memory: one read
// buffer per input run, whatever the corpus size.

import { mkdirSync, rmSync, renameSync, openSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathFor } from '../pipeline/index.ts';
import type { Stage, StageContext, TaskContext, TaskSpec } from '../pipeline/index.ts';
import {
  bandGroup,
  bandLayout,
  bandRunPath,
  checkMinhashFiles,
  filesOfGroup,
  groupFiles,
  listTaskFiles,
  minhashFingerprint,
  pairsPath,
  runInputs,
  type TaskFile,
} from './layout.ts';
import { planRanges } from './ranges.ts';
import { mergeRecords, type MergeInput } from './records.ts';

function bandInputs(runDir: string, files: readonly TaskFile[], band: number): MergeInput[] {
  return runInputs(files, (key, run) => bandRunPath(runDir, key, band, run));
}

export const bucketsStage: Stage = {
  name: 'dedup-buckets',
  command: 'dedup',
  description: 'MinHash LSH: merge each band\'s sorted signatures and write duplicate pairs',
  async plan(ctx: StageContext): Promise<TaskSpec[]> {
    const cfg = ctx.config.dedup.minhash;
    if (!cfg.enabled) return [];
    const files = listTaskFiles(ctx.runDir);
    checkMinhashFiles(files, cfg);
    const recBytes = bandLayout(minhashFingerprint(cfg)).words * 4;
    const tasks: TaskSpec[] = [];
    for (const [group, members] of groupFiles(files, ctx.config.dedup.scope)) {
      for (let band = 0; band < cfg.bands; band++) {
        const inputs = bandInputs(ctx.runDir, members, band);
        planRanges(inputs.map((i) => i.path), recBytes, cfg.bucket_workers).forEach((range, worker) => {
          tasks.push({
            id: `${group}/${bandGroup(band)}/${String(worker).padStart(3, '0')}`,
            label: `${group}, band ${band}, hash range ${worker}`,
            group,
            band,
            worker,
            lo: range.lo,
            hi: range.hi,
          });
        });
      }
    }
    return tasks;
  },
  async run(ctx: TaskContext): Promise<void> {
    const cfg = ctx.config.dedup.minhash;
    const { group, band, worker, lo, hi } = ctx.task as TaskSpec & { group: string; band: number; worker: number; lo: number; hi: number };
    const files = filesOfGroup(listTaskFiles(ctx.runDir), ctx.config.dedup.scope, group);
    checkMinhashFiles(files, cfg);
    const layout = bandLayout(minhashFingerprint(cfg));
    const sigWords = layout.words - 1;
    const out = pairsPath(ctx.runDir, group, bandGroup(band), worker);
    mkdirSync(dirname(out), { recursive: true });
    const tmp = tempPathFor(out);
    const writer = createPairWriter(tmp);
    const first = new Uint32Array(sigWords);
    let firstFile = -1;
    let firstRow = 0;
    let pairs = 0;
    try {
      const records = mergeRecords(bandInputs(ctx.runDir, files, band), layout, { lo, hi }, (w, o, fileId) => {
        let same = firstFile >= 0;
        for (let k = 0; same && k < sigWords; k++) same = w[o + k] === first[k];
        const row = w[o + sigWords]!;
        if (same) {
          writer.push(firstFile, firstRow, fileId, row);
          pairs++;
        } else {
          for (let k = 0; k < sigWords; k++) first[k] = w[o + k]!;
          firstFile = fileId;
          firstRow = row;
        }
      });
      writer.close();
      renameSync(tmp, out);
      ctx.stats.count('dedup.band_records', records);
      ctx.stats.count('dedup.pairs', pairs);
      ctx.progress(records);
    } catch (err) {
      writer.close();
      rmSync(tmp, { force: true });
      throw err;
    }
  },
};

/** Streams (u32 × 4) pair records to a file through a 1 MiB buffer. */
export function createPairWriter(path: string): { push(a: number, b: number, c: number, d: number): void; close(): void } {
  const fd = openSync(path, 'w');
  const buf = new Uint32Array(1 << 18);
  let n = 0;
  let open = true;
  const flush = () => {
    if (n > 0) writeSync(fd, new Uint8Array(buf.buffer, 0, n * 4));
    n = 0;
  };
  return {
    push(a, b, c, d) {
      buf[n] = a;
      buf[n + 1] = b;
      buf[n + 2] = c;
      buf[n + 3] = d;
      n += 4;
      if (n === buf.length) flush();
    },
    close() {
      if (!open) return;
      open = false;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}
