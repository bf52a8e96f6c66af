// Stage `dedup-clusters` (datatrove's MinhashDedupCluster), exactly one task: union-find over every
// MinHash duplicate pair of every dedup group (pairs never cross groups, so neither do clusters),
// then the removal lists per docs file. Memory is proportional to the
// documents that appear in pairs, not to the corpus: the pair endpoints are collected into one
// sorted Float64Array of (file·2^32 + row) keys and the union-find runs on indices into it.
// The kept member of a cluster is its smallest (file, row) that exact/URL dedup did not remove,
// so the choice does not depend on pair order. Exact and URL duplicates are removed too; their
// survivors are not merged into MinHash clusters.
// Writes dedup/remove/<source>/<NNNNN>.remove (ascending u32 rows), .clusters (u32 row, u32 size of
// kept representatives of clusters > 1) and, last, dedup/remove/summary.json (totals and, per
// dedup group, its documents and removals; also counters dedup.group.<group>.{docs,removed}).

import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempPathFor, writeJsonAtomic } from '../pipeline/index.ts';
import type { Stage, StageContext, TaskContext, TaskSpec } from '../pipeline/index.ts';
import {
  bandGroup,
  clustersPath,
  groupFiles,
  groupOf,
  listTaskFiles,
  pairsDir,
  removeDir,
  removePath,
  removeSummaryPath,
} from './layout.ts';

const TWO_32 = 4294967296;
const CLUSTER_SIZE_EDGES = [2, 3, 5, 10, 100, 1000, 10000];

export const clustersStage: Stage = {
  name: 'dedup-clusters',
  command: 'dedup',
  description: 'union-find over duplicate pairs; removal lists per docs file',
  async plan(ctx: StageContext): Promise<TaskSpec[]> {
    const d = ctx.config.dedup;
    if (!d.minhash.enabled && !d.exact.enabled && !d.url.enabled) return [];
    return [{ id: 'clusters', label: 'clusters and removal lists' }];
  },
  async run(ctx: TaskContext): Promise<void> {
    const d = ctx.config.dedup;
    const files = listTaskFiles(ctx.runDir);
    rmSync(removeDir(ctx.runDir), { recursive: true, force: true });
    const groups = groupFiles(files, d.scope).map(([g]) => g);

    const exactPaths = groups.flatMap((g) => (['exact', 'url'] as const).filter((k) => d[k].enabled).flatMap((k) => pairFiles(pairsDir(ctx.runDir, g, k))));
    const exactRemoved = collectKeys(exactPaths, false);
    const mhPaths = d.minhash.enabled
      ? groups.flatMap((g) => Array.from({ length: d.minhash.bands }, (_, b) => pairFiles(pairsDir(ctx.runDir, g, bandGroup(b)))).flat())
      : [];
    const nodes = collectKeys(mhPaths, true);
    const n = nodes.length;
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        const p = parent[x]!;
        parent[x] = parent[p]!;
        x = p;
      }
      return x;
    };
    let pairs = 0;
    forEachPair(mhPaths, (fa, ra, fb, rb) => {
      pairs++;
      const a = find(indexOf(nodes, fa * TWO_32 + ra));
      const b = find(indexOf(nodes, fb * TWO_32 + rb));
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    });
    const rep = new Int32Array(n).fill(-1);
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = find(i);
      size[r]!++;
      if (rep[r]! < 0 && !contains(exactRemoved, nodes[i]!)) rep[r] = i;
    }

    // One ascending walk over MinHash nodes and exact removals (keys are file-major), writing each
    // docs file's lists as soon as the walk leaves it: only one file's lists are ever in memory.
    const write = (path: string, values: number[]) => {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = tempPathFor(path);
      writeFileSync(tmp, new Uint8Array(Uint32Array.from(values).buffer));
      renameSync(tmp, path);
    };
    let file = -1;
    let removedRows: number[] = [];
    let clusterRows: number[] = [];
    const perGroup = new Map<string, { docs: number; removed: number }>(groups.map((g) => [g, { docs: 0, removed: 0 }]));
    for (const f of files) perGroup.get(groupOf(f.manifest, d.scope))!.docs += f.manifest.docs;
    const enter = (key: number) => {
      const f = Math.floor(key / TWO_32);
      if (f === file) return;
      if (file >= 0) perGroup.get(groupOf(files[file]!.manifest, d.scope))!.removed += removedRows.length;
      if (removedRows.length > 0) write(removePath(ctx.runDir, files[file]!.key), removedRows);
      if (clusterRows.length > 0) write(clustersPath(ctx.runDir, files[file]!.key), clusterRows);
      removedRows = [];
      clusterRows = [];
      file = f;
    };
    let e = 0;
    let removedMinhash = 0;
    let clusters = 0;
    for (let i = 0; i <= n; i++) {
      const key = i < n ? nodes[i]! : Infinity;
      for (; e < exactRemoved.length && exactRemoved[e]! <= key; e++) {
        if (exactRemoved[e]! === key) continue; // a node too: handled below
        enter(exactRemoved[e]!);
        removedRows.push(exactRemoved[e]! % TWO_32);
      }
      enter(key);
      if (i === n) break;
      const r = find(i);
      if (rep[r] === i) {
        if (size[r]! > 1) {
          clusters++;
          ctx.stats.observe('dedup.cluster_size', size[r]!, CLUSTER_SIZE_EDGES);
          clusterRows.push(key % TWO_32, size[r]!);
        }
      } else {
        if (!contains(exactRemoved, key)) removedMinhash++;
        removedRows.push(key % TWO_32);
      }
    }

    ctx.stats.count('dedup.pairs', pairs);
    ctx.stats.count('dedup.docs_in_pairs', n);
    ctx.stats.count('dedup.clusters', clusters);
    ctx.stats.count('dedup.removed_minhash', removedMinhash);
    ctx.stats.count('dedup.removed_exact', exactRemoved.length);
    ctx.progress(pairs);
    for (const [g, c] of perGroup) {
      ctx.stats.count(`dedup.group.${g}.docs`, c.docs);
      ctx.stats.count(`dedup.group.${g}.removed`, c.removed);
    }
    await writeJsonAtomic(removeSummaryPath(ctx.runDir), {
      scope: d.scope,
      groups: [...perGroup].map(([group, c]) => ({ group, ...c })),
      files: files.length,
      pairs,
      docs_in_pairs: n,
      clusters,
      removed_minhash: removedMinhash,
      removed_exact: exactRemoved.length,
    });
  },
};

function pairFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.dups'))
    .sort()
    .map((f) => join(dir, f));
}

/** Calls `visit` for every (file, row, file, row) record, reading 1 MiB at a time. */
function forEachPair(paths: readonly string[], visit: (fa: number, ra: number, fb: number, rb: number) => void): void {
  const buf = new Uint32Array(1 << 18);
  const bytes = new Uint8Array(buf.buffer);
  for (const path of paths) {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size % 16 !== 0) throw new Error(`pair file ${path} is ${size} bytes, not a multiple of 16: truncated`);
      let pos = 0;
      while (pos < size) {
        const want = Math.min(bytes.length, size - pos);
        let got = 0;
        while (got < want) got += readSync(fd, bytes, got, want - got, pos + got);
        for (let k = 0; k < want / 4; k += 4) visit(buf[k]!, buf[k + 1]!, buf[k + 2]!, buf[k + 3]!);
        pos += want;
      }
    } finally {
      closeSync(fd);
    }
  }
}

/**
 * Sorted unique keys (file·2^32 + row) of pair endpoints: both ends, or only the removed (second)
 * one. Merged one pair file at a time, so the peak is about twice the unique keys plus one file's
 * pairs, not every pair of every band at once.
 */
function collectKeys(paths: readonly string[], bothEnds: boolean): Float64Array {
  let acc: Float64Array = new Float64Array(0);
  for (const path of paths) {
    const fd = openSync(path, 'r');
    const pairs = fstatSync(fd).size / 16;
    closeSync(fd);
    const keys = new Float64Array(Math.floor(pairs) * (bothEnds ? 2 : 1));
    let k = 0;
    forEachPair([path], (fa, ra, fb, rb) => {
      if (bothEnds) keys[k++] = fa * TWO_32 + ra;
      keys[k++] = fb * TWO_32 + rb;
    });
    acc = mergeUnique(acc, sortedUnique(keys));
  }
  return acc.slice();
}

function sortedUnique(keys: Float64Array): Float64Array {
  keys.sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (n === 0 || keys[i] !== keys[n - 1]) keys[n++] = keys[i]!;
  return keys.subarray(0, n);
}

function mergeUnique(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === 0) return b;
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.subarray(0, n);
}

function indexOf(sorted: Float64Array, key: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contains(sorted: Float64Array, key: number): boolean {
  const i = indexOf(sorted, key);
  return i < sorted.length && sorted[i] === key;
}
