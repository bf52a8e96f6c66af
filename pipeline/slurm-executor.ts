// The Slurm executor: a stage's incomplete tasks become one `sbatch --array` job (split in chunks
// only past the site's MaxArraySize) whose elements each run one task through the same command
// as everywhere else, `cc-pretrain task RUN STAGE INDEX`. The driver (`cc-pretrain run`) waits for
// the job, resubmits the tasks that failed or were killed up to `retries` times, and only then
// plans the next stage, because a stage's plan reads the outputs of the one before (docs/slurm.md).
// A driver that dies loses nothing: a rerun reattaches to the jobs still queued.

import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SlurmExecutorConfig } from './executor-config.ts';
import type { Executor } from './executor.ts';
import type { Progress } from './progress.ts';
import { finishedElements, maxArraySize, queuedElements, sbatch, SlurmError } from './slurm-cli.ts';
import { readSubmissions, slurmPaths, writeSubmissions, elementsByTask, type SubmittedJob } from './slurm-record.ts';
import { arrayJobArgs, arrayJobScript } from './slurm-script.ts';
import { isDistributedTraining, trainJobArgs, trainJobScript } from './slurm-train.ts';
import type { Stage, TaskSpec } from './stage.ts';
import { loadRun, outcomesFromRunFolder, readTaskStats } from './task-runner.ts';

export interface SlurmExecutorOptions {
  config: SlurmExecutorConfig;
  /** Runs one task given `RUN STAGE INDEX`; default: this checkout's `bin/cc-pretrain task`. */
  taskCommand?: readonly string[];
  /** Python with torch for the torchrun training job; default: the trainer's virtualenv. */
  python?: string;
  /** Environment for the Slurm commands (SLURM_CONF, PATH); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_TASK_COMMAND: readonly string[] = [fileURLToPath(new URL('../bin/cc-pretrain', import.meta.url)), 'task'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Task ids (relative paths like `web/00003`) whose completion marker exists. */
async function doneTaskIds(runDir: string, stage: string): Promise<Set<string>> {
  const dir = join(runDir, 'markers', stage);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const ids = new Set<string>();
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith('.done')) ids.add(join(e.parentPath, e.name).slice(dir.length + 1, -'.done'.length));
  }
  return ids;
}

export function createSlurmExecutor(options: SlurmExecutorOptions): Executor {
  const cfg = options.config;
  const env = options.env;
  const taskCommand = options.taskCommand ?? DEFAULT_TASK_COMMAND;
  // The trainer's virtualenv: `CC_PRETRAIN_VENV` overrides `<repo>/.venv`, as for the trainer itself.
  const python = options.python ?? join(process.env['CC_PRETRAIN_VENV'] ?? fileURLToPath(new URL('../.venv', import.meta.url)), 'bin', 'python');

  /** Waits until none of `jobs` is queued or running, reporting tasks as their markers appear. */
  async function waitForJobs(runDir: string, stage: Stage, plan: readonly TaskSpec[], jobs: readonly string[], watch: Set<number>, progress: Progress) {
    for (;;) {
      const queued = await queuedElements(jobs, env);
      const done = await doneTaskIds(runDir, stage.name);
      for (const index of [...watch]) {
        const id = plan[index]!.id;
        if (!done.has(id)) continue;
        watch.delete(index);
        const stats = await readTaskStats(runDir, stage.name, id);
        progress.add(stats?.counters['docs.in'] ?? 0, stats?.counters['bytes.in']);
      }
      if ([...queued.values()].every((elements) => elements.size === 0)) return;
      await sleep(cfg.poll_seconds * 1000);
    }
  }

  async function submitRound(runDir: string, runName: string, stage: Stage, round: number, indices: readonly number[]): Promise<SubmittedJob[]> {
    const indicesFile = slurmPaths.roundFile(runDir, stage.name, round, 'indices');
    const scriptPath = slurmPaths.roundFile(runDir, stage.name, round, 'sbatch');
    await mkdir(dirname(indicesFile), { recursive: true });
    await mkdir(slurmPaths.elementLogDir(runDir, stage.name), { recursive: true });
    await writeFile(indicesFile, indices.map((i) => `${i}\n`).join(''));
    if (isDistributedTraining(stage.command, cfg)) {
      if (indices.length !== 1) throw new Error(`stage "${stage.name}" has ${indices.length} pending tasks; a torchrun job runs one`);
      const train = { runDir, runName, stage: stage.name, index: indices[0]!, taskCommand, python, workDir: process.cwd(), output: slurmPaths.elementLog(runDir, stage.name, '%j', 0), config: cfg };
      await writeFile(scriptPath, trainJobScript(train), { mode: 0o755 });
      return [{ id: await sbatch(trainJobArgs({ ...train, scriptPath }), env), offset: 0, count: 1 }];
    }
    await writeFile(scriptPath, arrayJobScript({ runDir, stage: stage.name, indicesFile, taskCommand }), { mode: 0o755 });
    const chunk = Math.max(1, (await maxArraySize(env)) - 1);
    const jobs: SubmittedJob[] = [];
    for (let offset = 0; offset < indices.length; offset += chunk) {
      const count = Math.min(chunk, indices.length - offset);
      const args = arrayJobArgs({
        runDir,
        runName,
        stage: stage.name,
        scriptPath,
        workDir: process.cwd(),
        offset,
        count,
        output: slurmPaths.elementLogPattern(runDir, stage.name),
        ...(jobs.length ? { after: jobs[jobs.length - 1]!.id } : {}),
        config: cfg,
      });
      jobs.push({ id: await sbatch(args, env), offset, count });
    }
    return jobs;
  }

  return {
    async runStage(runDirIn, stage, plan, pending, progress) {
      const runDir = resolve(runDirIn);
      const { config } = await loadRun(runDir);
      const record = await readSubmissions(runDir, stage.name);

      // A previous driver's jobs still in the queue: wait for them rather than run their tasks twice.
      const last = record.rounds.at(-1);
      if (last) await waitForJobs(runDir, stage, plan, last.jobs.map((j) => j.id), new Set(), progress);

      let submitError: string | undefined;
      let remaining = [...pending];
      for (let attempt = 0; attempt <= cfg.retries && remaining.length > 0; attempt++) {
        const done = await doneTaskIds(runDir, stage.name);
        remaining = remaining.filter((i) => !done.has(plan[i]!.id));
        if (remaining.length === 0) break;
        const round = record.rounds.length;
        let jobs: SubmittedJob[];
        try {
          jobs = await submitRound(runDir, config.name, stage, round, remaining);
        } catch (err) {
          // A refused submission (unknown partition, over a limit) fails the tasks, not the driver.
          if (!(err instanceof SlurmError)) throw err;
          submitError = err.message;
          break;
        }
        record.rounds.push({ submitted_at: new Date().toISOString(), indices: remaining, jobs });
        await writeSubmissions(runDir, stage.name, record);
        const watch = new Set(remaining);
        await waitForJobs(runDir, stage, plan, jobs.map((j) => j.id), watch, progress);
        for (const index of remaining) if (!watch.has(index)) progress.taskFinished(true);
        remaining = [...watch];
      }

      const elements = elementsByTask(record);
      const finalStates = new Map<string, Map<number, string>>();
      return outcomesFromRunFolder(runDir, stage.name, plan, pending, async (index, stats) => {
        let error: string;
        const element = elements.get(index);
        if (stats && !stats.ok) error = stats.error ?? 'failed';
        else if (!element) error = submitError ?? 'never submitted';
        else {
          let states = finalStates.get(element.jobId);
          if (!states) finalStates.set(element.jobId, (states = await finishedElements(element.jobId, env)));
          const state = states.get(element.element) ?? 'state unknown';
          error = `Slurm array element ${element.jobId}_${element.element} ended ${state} before the task finished`;
        }
        if (element) error += ` (Slurm log ${slurmPaths.elementLog(runDir, stage.name, element.jobId, element.element)})`;
        progress.taskFinished(false);
        return error;
      });
    },
  };
}
