// A pool worker: loads the run's config, the stage and its plan once, then runs the tasks the
// pool hands it one at a time, streaming progress back (batched, so a fast stage does not flood
// the main thread).

import { parentPort, workerData } from 'node:worker_threads';
import { loadPlan, loadRun, runTask } from './task-runner.ts';
import type { Stage, StageCommand } from './stage.ts';
import { createTaskMemo } from './task-memo.ts';

export interface WorkerInit {
  runDir: string;
  stageName: string;
  /** The stage's command: a registry that loads stages by command loads only that command's. */
  command: StageCommand;
  /** URL of a module exporting `loadStages(commands)` (pipeline/stage-order.ts) or `stages: Stage[]`. */
  registry: string;
}

/** What a registry module exports: stages loaded by command, or all of them. */
interface Registry {
  loadStages?: (commands: readonly StageCommand[]) => Promise<readonly Stage[]>;
  stages?: readonly Stage[];
}

export type ToWorker = { type: 'run'; index: number } | { type: 'abort' };
export type FromWorker =
  | { type: 'progress'; items: number; bytes: number }
  | { type: 'done'; outcome: import('./executor.ts').TaskOutcome };

const port = parentPort;
if (!port) throw new Error('task-worker.ts runs inside a worker thread');
const init = workerData as WorkerInit;
const registry = (await import(init.registry)) as Registry;
// Each worker thread loads its modules anew: only its own command's stages, not every folder's (the
// extract worker would load the tokenizer's and the shards' code, Arrow's 146-module entry with it).
const stages = registry.loadStages ? await registry.loadStages([init.command]) : (registry.stages ?? []);
const stage = stages.find((s) => s.name === init.stageName);
if (!stage) throw new Error(`unknown stage "${init.stageName}"`);
const { config } = await loadRun(init.runDir);
const plan = await loadPlan(init.runDir, init.stageName);
const controller = new AbortController();
const keep = createTaskMemo();

let items = 0;
let bytes = 0;
let lastPost = 0;
const post = (force: boolean) => {
  const now = performance.now();
  if ((items || bytes) && (force || now - lastPost > 200)) {
    port.postMessage({ type: 'progress', items, bytes } satisfies FromWorker);
    items = 0;
    bytes = 0;
    lastPost = now;
  }
};

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'abort') {
    controller.abort();
    return;
  }
  void runTask(init.runDir, config, stage, plan, msg.index, {
    signal: controller.signal,
    keep,
    progress(n, b = 0) {
      items += n;
      bytes += b;
      post(false);
    },
  }).then((outcome) => {
    post(true);
    port.postMessage({ type: 'done', outcome } satisfies FromWorker);
  });
});
port.postMessage({ type: 'ready' });
