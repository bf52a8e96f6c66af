// Runs a pipeline: stages in order, each planned once (the plan is saved, so task numbers never
// move), its incomplete tasks handed to the executor, and the run stopped at the first stage with
// a failed task, since every later stage reads all of an earlier one's outputs.

import { mkdir, readFile, access, stat } from 'node:fs/promises';
import { writeJsonAtomic, sweepTemporaries } from './atomic.ts';
import { configHash, type RunConfig } from './config.ts';
import type { Executor, TaskOutcome } from './executor.ts';
import { createProgress } from './progress.ts';
import { runPaths } from './run-dir.ts';
import { lockRunDir } from './run-lock.ts';
import type { Stage, TaskSpec } from './stage.ts';
import { isTaskDone } from './task-runner.ts';

export interface StageSummary {
  stage: string;
  tasks: number;
  ok: number;
  failed: number;
  skipped: number;
  seconds: number;
  counters: Record<string, number>;
  failures: { id: string; label: string; error: string }[];
  /** Tasks that succeeded but produced nothing, with the stage's reason. */
  empty: { id: string; label: string; reason: string }[];
}

export interface RunSummary {
  ok: boolean;
  stages: StageSummary[];
  /** The signal that stopped the run (SIGINT, SIGTERM), when one did. */
  interrupted?: string;
}

export interface RunOptions {
  runDir: string;
  config: RunConfig;
  stages: readonly Stage[];
  executor: Executor;
  /** Where progress and summaries go. */
  stream?: NodeJS.WriteStream;
  /**
   * Delete temporary files that crashed tasks left (default true). Off when tasks of an earlier
   * invocation may still be running elsewhere (a Slurm rerun reattaching to queued elements).
   */
  sweep?: boolean;
  /** What the lock names as the holder's command (default "run"). */
  command?: string;
  /** Aborted by SIGINT/SIGTERM (pipeline/shutdown.ts): the run stops after the running tasks end. */
  signal?: AbortSignal;
}

export class RunFolderError extends Error {
  override name = 'RunFolderError';
}

async function makeRunFolder(runDir: string): Promise<void> {
  const existingKind = await stat(runDir).then((s) => (s.isDirectory() ? 'folder' : 'file'), () => 'none');
  if (existingKind === 'file') throw new RunFolderError(`run folder ${runDir} is a file, not a folder: choose another --out`);
  await mkdir(runDir, { recursive: true });
}

/** Creates the run folder or checks that an existing one was made with the same config. */
export async function prepareRunDir(runDir: string, config: RunConfig): Promise<void> {
  await makeRunFolder(runDir);
  const hash = configHash(config);
  const path = runPaths.runJson(runDir);
  let existing: { config_hash?: string } | undefined;
  try {
    existing = JSON.parse(await readFile(path, 'utf8')) as { config_hash?: string };
  } catch {
    existing = undefined;
  }
  if (existing && existing.config_hash !== hash) {
    throw new RunFolderError(
      `run folder ${runDir} was started with a different config (${existing.config_hash} ≠ ${hash}); ` +
        `resume it with its original config, or use a new --out folder`,
    );
  }
  // The executor section does not count towards the hash, so store the current one.
  await writeJsonAtomic(path, { config, config_hash: hash });
}

export async function planStage(runDir: string, config: RunConfig, stage: Stage): Promise<TaskSpec[]> {
  const path = runPaths.plan(runDir, stage.name);
  try {
    await access(path);
    return JSON.parse(await readFile(path, 'utf8')) as TaskSpec[];
  } catch {
    const plan = await stage.plan({ runDir, config });
    const ids = new Set<string>();
    for (const t of plan) {
      if (ids.has(t.id)) throw new Error(`stage "${stage.name}" planned two tasks with id "${t.id}"`);
      ids.add(t.id);
    }
    await writeJsonAtomic(path, plan);
    return plan;
  }
}

export async function pendingTasks(runDir: string, stage: Stage, plan: readonly TaskSpec[]): Promise<number[]> {
  const pending: number[] = [];
  for (let i = 0; i < plan.length; i++) if (!(await isTaskDone(runDir, stage.name, plan[i]!.id))) pending.push(i);
  return pending;
}

export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const { runDir, config } = options;
  // The lock comes before run.json is checked and written: two commands with different configs
  // must not race on it.
  await makeRunFolder(runDir);
  const lock = await lockRunDir(runDir, options.command ?? 'run');
  try {
    await prepareRunDir(runDir, config);
    return await runStages(options);
  } finally {
    await lock.release();
  }
}

async function runStages(options: RunOptions): Promise<RunSummary> {
  const { runDir, config, executor } = options;
  const stream = options.stream ?? process.stderr;
  if (options.sweep ?? true) await sweepTemporaries(runDir);
  const summaries: StageSummary[] = [];
  for (const stage of options.stages) {
    const started = performance.now();
    const plan = await planStage(runDir, config, stage);
    const pending = await pendingTasks(runDir, stage, plan);
    const skipped = plan.length - pending.length;
    let outcomes: TaskOutcome[] = [];
    if (pending.length > 0) {
      const bytes = pending.reduce((sum, i) => sum + (plan[i]!.bytes ?? 0), 0);
      const progress = createProgress({ label: stage.name, tasks: pending.length, ...(bytes ? { bytes } : {}), stream });
      outcomes = await executor.runStage(runDir, stage, plan, pending, progress, options.signal);
      progress.finish();
    }
    if (options.signal?.aborted) {
      stream.write(`interrupted during stage "${stage.name}": completed tasks are kept; rerun the same command to resume\n`);
      return { ok: false, stages: summaries, interrupted: String(options.signal.reason) };
    }
    const summary = summarize(stage, plan, outcomes, skipped, (performance.now() - started) / 1000);
    summaries.push(summary);
    stream.write(`${formatStageSummary(summary)}\n`);
    for (const e of summary.empty) stream.write(`  NOTHING from ${e.label}: ${e.reason}\n`);
    for (const f of summary.failures) stream.write(`  FAILED ${f.id} (${f.label}): ${f.error}\n`);
    if (summary.failed > 0) {
      stream.write(`stopping: stage "${stage.name}" has failed tasks; fix the cause and rerun the same command to retry only those\n`);
      return { ok: false, stages: summaries };
    }
  }
  return { ok: true, stages: summaries };
}

function summarize(stage: Stage, plan: readonly TaskSpec[], outcomes: readonly TaskOutcome[], skipped: number, seconds: number): StageSummary {
  const counters = Object.create(null) as Record<string, number>; // names carry data
  for (const o of outcomes) for (const [k, v] of Object.entries(o.counters)) counters[k] = (counters[k] ?? 0) + v;
  const failures = outcomes
    .filter((o) => !o.ok)
    .map((o) => ({ id: o.id, label: plan[o.index]?.label ?? o.id, error: o.error ?? 'unknown error' }));
  const empty = outcomes.flatMap((o) => {
    const reason = o.ok && !o.skipped ? stage.explainEmpty?.(o.counters) : undefined;
    return reason === undefined ? [] : [{ id: o.id, label: plan[o.index]?.label ?? o.id, reason }];
  });
  return {
    stage: stage.name,
    tasks: plan.length,
    ok: outcomes.filter((o) => o.ok).length,
    failed: failures.length,
    skipped,
    seconds,
    counters,
    failures,
    empty,
  };
}

export function formatStageSummary(s: StageSummary): string {
  const parts = [`${s.stage}: ${s.tasks} tasks — ${s.ok} ok, ${s.failed} failed, ${s.skipped} already done`];
  const docsIn = s.counters['docs.in'];
  const docsOut = s.counters['docs.out'];
  if (docsIn !== undefined && docsOut !== undefined) parts.push(`docs ${docsIn} → ${docsOut}`);
  else if (docsIn !== undefined || docsOut !== undefined) parts.push(`docs ${docsIn ?? docsOut}`);
  const bytes = s.counters['bytes.in'];
  if (bytes) parts.push(`${(bytes / 1e6).toFixed(1)} MB in`);
  if (s.seconds > 0 && docsIn) parts.push(`${Math.round(docsIn / s.seconds)} docs/s`);
  parts.push(`${s.seconds.toFixed(1)} s`);
  return parts.join(', ');
}
