// `cc-pretrain status RUN`: per stage, how many tasks are done, running, failed and pending, with
// each failure's message and log paths. It reads the run folder (plans, markers, stats) and, for
// stages the Slurm executor submitted, the queue (squeue) and the final element states (sacct, or
// scontrol while the controller still remembers the job), so it works for local and Slurm runs alike.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runPaths } from './run-dir.ts';
import { finishedElements, queuedElements, SlurmError, type ElementStates } from './slurm-cli.ts';
import { elementsByTask, readSubmissions, slurmPaths } from './slurm-record.ts';
import type { TaskSpec } from './stage.ts';
import type { TaskStats } from './stats.ts';

export type TaskState = 'done' | 'running' | 'failed' | 'pending';

export interface TaskFailure {
  id: string;
  label: string;
  error: string;
  /** The task's own log (written by the task runner), when it exists. */
  log?: string;
  /** The Slurm array element's output, for tasks run by the Slurm executor. */
  slurmLog?: string;
}

export interface StageStatus {
  stage: string;
  /** False for a stage whose plan is not written yet (an earlier stage is not complete). */
  planned: boolean;
  tasks: number;
  done: number;
  running: number;
  failed: number;
  pending: number;
  failures: TaskFailure[];
  /** Slurm array jobs submitted for the stage, oldest first. */
  slurmJobs: string[];
}

export interface RunStatus {
  runDir: string;
  stages: StageStatus[];
  /** Why the queue could not be read, when it could not (the counts then rest on the run folder alone). */
  queueError?: string;
}

const RUNNING_STATES = new Set(['RUNNING', 'COMPLETING', 'CONFIGURING', 'STAGE_OUT', 'SIGNALING']);

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(() => true, () => false);
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Stage names with a plan in the run folder, in `order` first, then by name. */
async function plannedStages(runDir: string, order: readonly string[]): Promise<string[]> {
  const files = await readdir(join(runDir, 'tasks')).catch(() => [] as string[]);
  const names = files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface RunStatusOptions {
  /** Every stage of a full run, in order: those not planned yet are listed too. */
  stageOrder?: readonly string[];
  /** Environment for squeue/sacct (SLURM_CONF). */
  env?: NodeJS.ProcessEnv;
}

export async function runStatus(runDir: string, options: RunStatusOptions = {}): Promise<RunStatus> {
  if (!(await exists(runPaths.runJson(runDir)))) throw new Error(`${runDir} is not a run folder (no run.json)`);
  const order = options.stageOrder ?? [];
  const planned = await plannedStages(runDir, order);
  const names = [...planned, ...order.filter((n) => !planned.includes(n))];
  const status: RunStatus = { runDir, stages: [] };

  for (const stage of names) {
    const plan = await readJson<TaskSpec[]>(runPaths.plan(runDir, stage));
    const record = await readSubmissions(runDir, stage);
    const jobIds = record.rounds.flatMap((r) => r.jobs.map((j) => j.id));
    const s: StageStatus = { stage, planned: plan !== undefined, tasks: plan?.length ?? 0, done: 0, running: 0, failed: 0, pending: 0, failures: [], slurmJobs: jobIds };
    status.stages.push(s);
    if (!plan) continue;

    let queued = new Map<string, ElementStates>();
    if (jobIds.length > 0 && status.queueError === undefined) {
      try {
        queued = await queuedElements(jobIds, options.env);
      } catch (err) {
        status.queueError = err instanceof SlurmError ? err.message : String(err);
      }
    }
    const elements = elementsByTask(record);
    const finished = new Map<string, ElementStates>();

    for (const [index, task] of plan.entries()) {
      if (await exists(runPaths.marker(runDir, stage, task.id))) {
        s.done++;
        continue;
      }
      const element = elements.get(index);
      const queueState = element ? queued.get(element.jobId)?.get(element.element) : undefined;
      if (queueState !== undefined) {
        if (RUNNING_STATES.has(queueState)) s.running++;
        else s.pending++;
        continue;
      }
      const stats = await readJson<TaskStats>(runPaths.stats(runDir, stage, task.id));
      let error: string | undefined;
      if (stats && !stats.ok) error = stats.error ?? 'failed';
      else if (element && status.queueError === undefined) {
        let states = finished.get(element.jobId);
        if (!states) finished.set(element.jobId, (states = await finishedElements(element.jobId, options.env).catch(() => new Map())));
        error = `Slurm array element ${element.jobId}_${element.element} ended ${states.get(element.element) ?? '(state no longer known)'} before the task finished`;
      }
      if (error === undefined) {
        s.pending++;
        continue;
      }
      s.failed++;
      const failure: TaskFailure = { id: task.id, label: task.label, error };
      const log = runPaths.log(runDir, stage, task.id);
      if (await exists(log)) failure.log = log;
      if (element) failure.slurmLog = slurmPaths.elementLog(runDir, stage, element.jobId, element.element);
      s.failures.push(failure);
    }
  }
  return status;
}

export function formatRunStatus(status: RunStatus): string {
  const lines = [`run ${status.runDir}`];
  if (status.queueError) lines.push(`(queue not read: ${status.queueError})`);
  const width = Math.max(5, ...status.stages.map((s) => s.stage.length));
  for (const s of status.stages) {
    const name = s.stage.padEnd(width);
    if (!s.planned) {
      lines.push(`${name}  not planned yet`);
      continue;
    }
    const jobs = s.slurmJobs.length ? `  (Slurm jobs ${s.slurmJobs.join(', ')})` : '';
    lines.push(`${name}  ${s.tasks} tasks: ${s.done} done, ${s.running} running, ${s.failed} failed, ${s.pending} pending${jobs}`);
    for (const f of s.failures) {
      lines.push(`  FAILED ${f.id} (${f.label}): ${f.error}`);
      if (f.log) lines.push(`    log: ${f.log}`);
      if (f.slurmLog) lines.push(`    Slurm log: ${f.slurmLog}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
