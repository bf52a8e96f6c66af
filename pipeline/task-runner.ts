// Runs one task of one stage, in whatever process it lands in (a pool worker, a Slurm array
// element, the main thread): skip it when its marker exists, run it, then write its stats and,
// last, its marker, so a task is complete exactly when its marker is there.

import { readFile, access, appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeJsonAtomic } from './atomic.ts';
import { parseRunConfig, type RunConfig } from './config.ts';
import type { TaskOutcome } from './executor.ts';
import { runPaths } from './run-dir.ts';
import type { Stage, TaskSpec } from './stage.ts';
import { createStats, type TaskStats } from './stats.ts';
import { createTaskMemo, type TaskMemo } from './task-memo.ts';

export interface RunRecord {
  config: RunConfig;
  config_hash: string;
}

export async function loadRun(runDir: string): Promise<RunRecord> {
  const path = runPaths.runJson(runDir);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${runDir} is not a run folder (no run.json): start it with \`cc-pretrain run CONFIG --out ${runDir}\``);
  }
  const record = JSON.parse(raw) as { config: unknown; config_hash: string };
  return { config: parseRunConfig(record.config, path), config_hash: record.config_hash };
}

export async function loadPlan(runDir: string, stage: string): Promise<TaskSpec[]> {
  const path = runPaths.plan(runDir, stage);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as TaskSpec[];
  } catch {
    throw new Error(`stage "${stage}" has no plan in ${runDir} (expected ${path}); run its earlier stages first`);
  }
}

export async function isTaskDone(runDir: string, stage: string, taskId: string): Promise<boolean> {
  try {
    await access(runPaths.marker(runDir, stage, taskId));
    return true;
  } catch {
    return false;
  }
}

/** A task's stats file, or undefined while it has none. */
export async function readTaskStats(runDir: string, stage: string, taskId: string): Promise<TaskStats | undefined> {
  try {
    return JSON.parse(await readFile(runPaths.stats(runDir, stage, taskId), 'utf8')) as TaskStats;
  } catch {
    return undefined;
  }
}

/**
 * Outcomes of tasks that ran in other processes (Slurm elements, Ray tasks), read back from the
 * run folder: done when the marker is there; otherwise failed, with the reason `why` gives.
 */
export async function outcomesFromRunFolder(
  runDir: string,
  stage: string,
  plan: readonly TaskSpec[],
  pending: readonly number[],
  why: (index: number, stats: TaskStats | undefined) => Promise<string> | string,
): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  for (const index of pending) {
    const id = plan[index]!.id;
    const stats = await readTaskStats(runDir, stage, id);
    const counters = stats?.counters ?? {};
    const seconds = stats?.seconds ?? 0;
    if (await isTaskDone(runDir, stage, id)) outcomes.push({ index, id, ok: true, skipped: false, seconds, counters });
    else outcomes.push({ index, id, ok: false, skipped: false, error: await why(index, stats), seconds, counters });
  }
  return outcomes;
}

export interface TaskHooks {
  progress?: (items: number, bytes?: number) => void;
  signal?: AbortSignal;
  /** Echo log lines here besides the task's log file. */
  echo?: (line: string) => void;
  /** The worker's memo, shared by the tasks it runs; a task alone gets a fresh one. */
  keep?: TaskMemo;
}

export async function runTask(
  runDir: string,
  config: RunConfig,
  stage: Stage,
  plan: readonly TaskSpec[],
  index: number,
  hooks: TaskHooks = {},
): Promise<TaskOutcome> {
  const task = plan[index];
  if (!task) throw new Error(`stage "${stage.name}" has ${plan.length} tasks; there is no task ${index}`);
  if (await isTaskDone(runDir, stage.name, task.id)) {
    return { index, id: task.id, ok: true, skipped: true, seconds: 0, counters: {} };
  }
  const stats = createStats();
  const logPath = runPaths.log(runDir, stage.name, task.id);
  await mkdir(dirname(logPath), { recursive: true });
  const log = (message: string) => {
    const line = `${new Date().toISOString()} ${message}\n`;
    void appendFile(logPath, line);
    hooks.echo?.(message);
  };
  const started = performance.now();
  // The thread's own clock, so that tasks of a worker pool sharing one process do not count
  // each other (V8's background threads — JIT, concurrent GC — are not in it; docs/ingest.md).
  const cpuStarted = process.threadCpuUsage();
  let error: string | undefined;
  try {
    await stage.run({
      runDir,
      config,
      task,
      index,
      stats,
      progress: hooks.progress ?? (() => undefined),
      signal: hooks.signal ?? new AbortController().signal,
      log,
      keep: hooks.keep ?? createTaskMemo(),
    });
  } catch (err) {
    // A stage that stops on the abort signal throws its reason (the signal's name): say what happened.
    const signal = hooks.signal;
    error = signal?.aborted && err === signal.reason ? `interrupted by ${String(err)} (Ctrl-C, kill or scancel)` : err instanceof Error ? err.message : String(err);
    log(`failed: ${error}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.threadCpuUsage(cpuStarted);
  const record: TaskStats = {
    stage: stage.name,
    task: task.id,
    ...(task.source !== undefined ? { source: task.source } : {}),
    input: task.label,
    ok: error === undefined,
    ...(error !== undefined ? { error } : {}),
    seconds,
    cpu_seconds: (cpu.user + cpu.system) / 1e6,
    counters: stats.counters,
    histograms: stats.histograms,
    examples: stats.examples,
  };
  await writeJsonAtomic(runPaths.stats(runDir, stage.name, task.id), record);
  if (error === undefined) {
    await writeJsonAtomic(runPaths.marker(runDir, stage.name, task.id), { seconds });
  }
  return { index, id: task.id, ok: error === undefined, skipped: false, ...(error !== undefined ? { error } : {}), seconds, counters: stats.counters };
}
