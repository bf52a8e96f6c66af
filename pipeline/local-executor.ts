// The local executor: a pool of worker threads (one per core by default) that each run one task
// at a time. A worker that dies (out of memory, a native crash) fails only its task and is
// replaced; the other tasks go on.

import { Worker } from 'node:worker_threads';
import type { Executor, TaskOutcome } from './executor.ts';
import { runTask, loadRun } from './task-runner.ts';
import { createTaskMemo } from './task-memo.ts';
import { shareFile } from './shared-files.ts';
import type { FromWorker, ToWorker, WorkerInit } from './task-worker.ts';

export interface LocalExecutorOptions {
  workers: number;
  /** URL of the module the workers load their stage from (pipeline/stage-order.ts unless a test brings its own; task-worker.ts's `WorkerInit`). */
  registry?: string;
}

export const DEFAULT_REGISTRY = new URL('./stage-order.ts', import.meta.url).href;
const WORKER_URL = new URL('./task-worker.ts', import.meta.url);
/**
 * V8's young generation per worker, in MB (three times a semi-space). A task allocates megabytes
 * per page that die young; V8 sizes the semi-spaces from the heap limit, grows them under that
 * allocation rate and keeps them, which held one extract worker's process near 620 MB on a
 * 3,000-page WARC. With 8 MB semi-spaces it peaked at 466–493 MB for the same CPU (docs/ingest.md).
 */
const YOUNG_GENERATION_MB = 24;

export function createLocalExecutor(options: LocalExecutorOptions): Executor {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  return {
    async runStage(runDir, stage, plan, pending, progress, signal) {
      if (stage.inline) {
        const { config } = await loadRun(runDir);
        const outcomes: TaskOutcome[] = [];
        const keep = createTaskMemo();
        for (const index of pending) {
          if (signal?.aborted) break;
          const outcome = await runTask(runDir, config, stage, plan, index, {
            ...(signal ? { signal } : {}),
            keep,
            progress: (n, b) => progress.add(n, b),
            echo: (line) => process.stderr.write(`${line}\n`),
          });
          progress.taskFinished(outcome.ok);
          outcomes.push(outcome);
        }
        return outcomes;
      }

      if (stage.sharedFiles && pending.length > 0) {
        const { config } = await loadRun(runDir);
        for (const file of stage.sharedFiles({ runDir, config })) shareFile(file);
      }
      const queue = [...pending];
      const outcomes: TaskOutcome[] = [];
      const init: WorkerInit = { runDir, stageName: stage.name, command: stage.command, registry };
      const poolSize = Math.max(1, Math.min(options.workers, queue.length));

      const runWorker = () =>
        new Promise<void>((resolve) => {
          const worker = new Worker(WORKER_URL, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
          let current: number | undefined;
          let ready = false;
          let dead = false;
          // Interrupted: the running task ends with the worker; its outputs were still temporary.
          const stop = () => {
            queue.length = 0;
            void worker.terminate();
          };
          signal?.addEventListener('abort', stop, { once: true });
          const next = () => {
            current = signal?.aborted ? undefined : queue.shift();
            if (current === undefined) {
              signal?.removeEventListener('abort', stop);
              dead = true;
              void worker.terminate().then(() => resolve());
              return;
            }
            worker.postMessage({ type: 'run', index: current } satisfies ToWorker);
          };
          worker.on('message', (msg: FromWorker | { type: 'ready' }) => {
            if (msg.type === 'ready') {
              ready = true;
              next();
            }
            else if (msg.type === 'progress') progress.add(msg.items, msg.bytes);
            else {
              outcomes.push(msg.outcome);
              progress.taskFinished(msg.outcome.ok);
              next();
            }
          });
          const crashed = (why: string) => {
            if (dead) return;
            dead = true;
            const failed = current !== undefined ? [current] : [];
            // A worker that could not even start would fail the same way again: fail the rest too.
            if (!ready) failed.push(...queue.splice(0));
            const error = signal?.aborted ? `interrupted by ${String(signal.reason)}` : `worker died: ${why}`;
            for (const index of failed) {
              outcomes.push({ index, id: plan[index]!.id, ok: false, skipped: false, error, seconds: 0, counters: {} });
              progress.taskFinished(false);
            }
            current = undefined;
            if (queue.length > 0) void runWorker().then(resolve);
            else resolve();
          };
          worker.on('error', (err) => crashed(err.stack ?? err.message));
          worker.on('exit', (code) => {
            if (code !== 0) crashed(`exit code ${code}`);
          });
        });

      await Promise.all(Array.from({ length: poolSize }, runWorker));
      return outcomes.sort((a, b) => a.index - b.index);
    },
  };
}
