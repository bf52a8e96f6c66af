// The executor seam: something that runs a stage's pending tasks (a local worker pool, Slurm)
// and reports one outcome per task. Both call the same task function, `runTask`.

import type { Stage, TaskSpec } from './stage.ts';
import type { Progress } from './progress.ts';

export interface TaskOutcome {
  index: number;
  id: string;
  ok: boolean;
  /** Already complete from an earlier run. */
  skipped: boolean;
  error?: string;
  seconds: number;
  counters: Record<string, number>;
}

export interface Executor {
  /** `signal` aborted: stop starting tasks, end running ones (their outputs stay temporary). */
  runStage(runDir: string, stage: Stage, plan: readonly TaskSpec[], pending: readonly number[], progress: Progress, signal?: AbortSignal): Promise<TaskOutcome[]>;
}
