// Stages and tasks (DESIGN.md, "Stages and tasks"). A stage plans a deterministic list of
// independent tasks; a task is a function of (its spec, the config, its index) and nothing else,
// runs in any worker or on any Slurm node, writes its outputs atomically, and counts what it did
// into `ctx.stats`. The runner writes the stats file and the completion marker after `run` returns.

import type { RunConfig } from './config.ts';
import type { StatsCollector } from './stats.ts';
import type { TaskMemo } from './task-memo.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One task's description, saved in the stage plan so any process can run task i. */
export interface TaskSpec {
  /** Stable, unique within the stage, usable as a relative path (e.g. `web/00003`). */
  id: string;
  /** Human-readable: the input file or URL, the band, … */
  label: string;
  source?: string;
  /** Input bytes when known (for progress and ETA). */
  bytes?: number;
  [key: string]: JsonValue | undefined;
}

export interface StageContext {
  runDir: string;
  config: RunConfig;
}

export interface TaskContext extends StageContext {
  task: TaskSpec;
  index: number;
  stats: StatsCollector;
  /** Reports work done since the last call, for the progress display. */
  progress(items: number, bytes?: number): void;
  /** Aborted when the run is interrupted. */
  signal: AbortSignal;
  log(message: string): void;
  /** Read-only resources kept for the next tasks of the same worker (pipeline/task-memo.ts). */
  keep: TaskMemo;
}

/** The command-line verb that runs a stage on its own (`cc-pretrain dedup CONFIG`, …). */
export type StageCommand = 'extract' | 'dedup' | 'train-tokenizer' | 'tokenize' | 'train' | 'report';

export interface Stage {
  name: string;
  command: StageCommand;
  description: string;
  /** Runs tasks in the main process (a subprocess that owns the terminal, e.g. torchrun), not in a worker. */
  inline?: boolean;
  /** Deterministic list of tasks from the config and the outputs of earlier stages; [] when disabled. */
  plan(ctx: StageContext): Promise<TaskSpec[]>;
  /** Runs one task; throws to fail it. Must write every output atomically. */
  run(ctx: TaskContext): Promise<void>;
  /** Why a task that succeeded produced nothing (from its counters), for the stage summary; undefined when it produced something. */
  explainEmpty?(counters: Readonly<Record<string, number>>): string | undefined;
  /**
   * Read-only files every task reads whole (the UT1 domain hashes): the local executor reads them
   * once into memory its worker threads share (pipeline/shared-files.ts) instead of one copy each.
   */
  sharedFiles?(ctx: StageContext): string[];
}
