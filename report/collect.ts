// Reads a run's per-task stats files (RUN/stats/<stage>/**.json) and merges them per stage and
// source, in bounded batches so thousands of tasks cost little memory. Never reads documents.
// A file that cannot be read or parsed, or a histogram whose bins differ from its siblings', is
// left out with a warning in the report instead of failing it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { mergeStats, type Example, type TaskStats } from '../pipeline/index.ts';
import { parseClusterReason } from './clusters.ts';
import { EXAMPLES, STAGES } from './counters.ts';

export type Merged = Pick<TaskStats, 'counters' | 'histograms' | 'examples'>;

export interface Failure {
  task: string;
  error: string;
}

export interface StageStats {
  stage: string;
  tasks: number;
  failed: number;
  /** Sum of task seconds: the work, whatever the parallelism. */
  seconds: number;
  failures: Failure[];
  /** Merged stats per source; tasks without a source under "". */
  bySource: Map<string, Merged>;
}

export interface ClusterExample extends Example {
  size: number;
  cluster: string;
}

export interface Collected {
  /** In the order stages first appear in the sorted folder listing. */
  stages: Map<string, StageStats>;
  /** The largest duplicate clusters seen across all tasks (not only the first ones merged). */
  clusters: ClusterExample[];
  warnings: string[];
}

const BATCH = 256;
/** Examples kept per kind while merging: enough for any table, bounded for any run. */
const MERGE_EXAMPLES = 50;
const MAX_FAILURES = 50;
const MAX_CLUSTERS = 200;

const histogramSchema = z.object({ edges: z.array(z.number()), counts: z.array(z.number()) });
const exampleSchema = z.object({ id: z.string(), url: z.string().optional(), reason: z.string(), text: z.string() });
const taskStatsSchema = z.object({
  stage: z.string(),
  task: z.string(),
  source: z.string().optional(),
  input: z.string().optional(),
  ok: z.boolean(),
  error: z.string().optional(),
  seconds: z.number(),
  counters: z.record(z.string(), z.number()),
  histograms: z.record(z.string(), histogramSchema),
  examples: z.record(z.string(), z.array(exampleSchema)),
});

async function listStatsFiles(statsDir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(statsDir, { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .map((e) => e.split('\\').join('/'))
    .filter((e) => e.endsWith('.json') && !e.includes('.tmp-') && e.includes('/'))
    .sort();
}

async function readStats(path: string, warnings: string[]): Promise<TaskStats | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    warnings.push(`stats file ${path} left out: ${(err as Error).message}`);
    return undefined;
  }
  const parsed = taskStatsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    warnings.push(`stats file ${path} left out: ${issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'not a TaskStats object'}`);
    return undefined;
  }
  return parsed.data as TaskStats;
}

/** The cluster of an example: `clusterReason`'s format, or any reason naming a size (the example's id then names the cluster). */
function clusterOf(ex: Example): { cluster: string; size: number } | undefined {
  const exact = parseClusterReason(ex.reason);
  if (exact) return exact;
  const size = /size[\s=:]*(\d+)/i.exec(ex.reason);
  return size ? { cluster: ex.id, size: Number(size[1]) } : undefined;
}

/** Keeps `list` to the `max` largest clusters, one row per (cluster, example id), deterministic order. */
function keepLargest(list: ClusterExample[]): void {
  list.sort((a, b) => b.size - a.size || a.cluster.localeCompare(b.cluster) || a.id.localeCompare(b.id));
  if (list.length > MAX_CLUSTERS) list.length = MAX_CLUSTERS;
}

export async function collectStats(runDir: string): Promise<Collected> {
  const statsDir = join(runDir, 'stats');
  const files = await listStatsFiles(statsDir);
  const warnings: string[] = [];
  const stages = new Map<string, StageStats>();
  const clusters: ClusterExample[] = [];
  /** Bin edges first seen per stage and histogram, to leave out (and name) histograms that cannot merge. */
  const edgesSeen = new Map<string, string>();
  const warnedEdges = new Set<string>();

  for (let start = 0; start < files.length; start += BATCH) {
    const batchFiles = files.slice(start, start + BATCH);
    const batch = await Promise.all(batchFiles.map((f) => readStats(join(statsDir, f), warnings)));
    const pending = new Map<StageStats, Map<string, Merged[]>>();
    batch.forEach((s, i) => {
      if (!s) return;
      const folderStage = batchFiles[i]!.split('/')[0]!;
      const stageName = s.stage || folderStage;
      if (stageName === STAGES.report) return;
      let st = stages.get(stageName);
      if (!st) {
        st = { stage: stageName, tasks: 0, failed: 0, seconds: 0, failures: [], bySource: new Map() };
        stages.set(stageName, st);
      }
      st.tasks += 1;
      st.seconds += s.seconds;
      if (!s.ok) {
        st.failed += 1;
        if (st.failures.length < MAX_FAILURES) st.failures.push({ task: s.task, error: s.error ?? '(no message)' });
      }
      const source = s.source ?? '';
      for (const [name, h] of Object.entries(s.histograms)) {
        const key = `${stageName}\0${name}`;
        const edges = h.edges.join(',');
        const seen = edgesSeen.get(key);
        if (seen === undefined) edgesSeen.set(key, edges);
        else if (seen !== edges || h.counts.length !== h.edges.length + 1) {
          delete s.histograms[name];
          if (!warnedEdges.has(key)) {
            warnedEdges.add(key);
            warnings.push(`histogram "${name}" of stage ${stageName} has different bin edges in task ${s.task}; that task's values are left out of it`);
          }
        }
      }
      for (const kind of EXAMPLES.clusters) {
        for (const ex of s.examples[kind] ?? []) {
          const c = clusterOf(ex);
          if (c) clusters.push({ ...ex, ...c });
        }
      }
      if (clusters.length > MAX_CLUSTERS * 4) keepLargest(clusters);
      let perSource = pending.get(st);
      if (!perSource) pending.set(st, (perSource = new Map()));
      let list = perSource.get(source);
      if (!list) perSource.set(source, (list = []));
      list.push(s);
    });
    for (const [st, perSource] of pending) {
      for (const [source, list] of perSource) {
        const acc = st.bySource.get(source);
        st.bySource.set(source, mergeStats(acc ? [acc, ...list] : list, MERGE_EXAMPLES));
      }
    }
  }
  keepLargest(clusters);
  return { stages, clusters, warnings };
}

/** All sources of a stage merged into one. */
export function stageTotal(st: StageStats | undefined): Merged {
  if (!st) return { counters: {}, histograms: {}, examples: {} };
  return mergeStats([...st.bySource.values()], MERGE_EXAMPLES);
}
