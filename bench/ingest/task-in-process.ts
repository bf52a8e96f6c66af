// The extract task of a reference commit against this tree's, both in one process: each tree's
// `runExtractTask` on the Common-Crawl-shaped WARC of N real pages (profile.ts's benchInput,
// default config), the trees alternating task by task (the first alternating by round), each task
// timed by the process's CPU clock. Without the start-up of a process per run
// (task-vs-reference.ts), a pair of tasks resolves a few per cent of the per-page work; a change of
// how reading, extraction and filtering interleave (ingest/extract-task.ts's batches) shows only
// here and in task-vs-reference.ts, not in docs-vs-reference.ts. Outputs are compared after every
// round: the documents Parquet and the signature files byte for byte, the stats' counters,
// histograms and examples by name.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/task-in-process.ts [--ref COMMIT] [--pages 1000] [--rounds 4]

import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as ExtractTask from '../../ingest/extract-task.ts';
import type * as Pipeline from '../../pipeline/index.ts';
import type * as Memo from '../../pipeline/task-memo.ts';
import { loadRunConfig } from '../../pipeline/index.ts';
import { referenceTree } from '../reference-tree.ts';
import { benchInput, out, root } from './profile.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, pages: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '4' } } });
const { commit: ref, dir: refTree } = referenceTree(args.ref, 'task-in-process', [], ['node_modules', '.cache']);
const { config: configFile, warc } = await benchInput(Number(args.pages));
const config = await loadRunConfig(configFile);

interface Side {
  name: string;
  run: typeof ExtractTask.runExtractTask;
  stats: () => Pipeline.StatsCollector;
  keep: Memo.TaskMemo;
  dir: string;
}

async function side(name: string, tree: string): Promise<Side> {
  const t = (await import(path.join(tree, 'ingest/extract-task.ts'))) as typeof ExtractTask;
  const p = (await import(path.join(tree, 'pipeline/index.ts'))) as typeof Pipeline;
  const m = (await import(path.join(tree, 'pipeline/task-memo.ts'))) as typeof Memo;
  return { name, run: t.runExtractTask, stats: p.createStats, keep: m.createTaskMemo(), dir: path.join(out, `task-in-process-${name}`) };
}

/** One task of a side; its CPU milliseconds, and its outputs as a string to compare. */
async function task(s: Side): Promise<[number, string]> {
  rmSync(s.dir, { recursive: true, force: true });
  const stats = s.stats();
  const spec = { id: 'web/00000', label: warc, source: 'web', input: { source: 'web', kind: 'warc', location: warc } };
  const t0 = process.cpuUsage();
  await s.run({ runDir: s.dir, config, task: spec, index: 0, stats, progress: () => undefined, signal: new AbortController().signal, log: () => undefined, keep: s.keep });
  const u = process.cpuUsage(t0);
  const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile()).sort();
  const parts = files(s.dir).map((f) => `${f} ${readFileSync(path.join(s.dir, f)).toString('base64')}`);
  const sorted = (o: object): unknown[] => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parts.push(JSON.stringify([sorted(stats.counters), sorted(stats.histograms), sorted(stats.examples)]));
  return [(u.user + u.system) / 1000, parts.join('\n')];
}

const sides = [await side('reference', refTree), await side('this-tree', root)];
console.log(`reference ${ref.slice(0, 12)}, ${args.pages} pages`);
const ratios: number[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const ms = [0, 0];
  const outs = ['', ''];
  for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) [ms[k], outs[k]] = await task(sides[k]!);
  if (outs[0] !== outs[1]) {
    console.log(`round ${r + 1}: outputs DIFFER (documents, signatures or stats)`);
    process.exit(1);
  }
  ratios.push(ms[0]! / ms[1]!);
  console.log(`round ${r + 1}: reference ${ms[0]!.toFixed(0)} CPU-ms, this tree ${ms[1]!.toFixed(0)} CPU-ms, ${(ms[0]! / ms[1]!).toFixed(3)}x, outputs identical`);
}
const sorted = [...ratios].sort((a, b) => a - b);
console.log(`extract task: reference / this tree CPU, min ${sorted[0]!.toFixed(3)}x, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)}x`);
