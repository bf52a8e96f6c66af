// The Ray executor: a stage's incomplete tasks become Ray tasks, each running the same command as
// everywhere else, `cc-pretrain task RUN STAGE INDEX`, with the configured CPU and memory requests
// and retries (pipeline/ray_tasks.py holds the Ray side; Ray's API is Python). The driver shows
// progress as tasks finish and, after the stage, reads outcomes from markers and stats, as the
// Slurm executor does. Stages that run inline (training: torchrun owns the driver's GPUs) stay
// on the driver, through the local executor (docs/cloud.md says why).

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RayExecutorConfig } from './executor-config.ts';
import { memoryBytes } from './executor-config.ts';
import type { Executor } from './executor.ts';
import { createLocalExecutor } from './local-executor.ts';
import { pullRun, runFolderFor } from './run-mirror.ts';
import { outcomesFromRunFolder } from './task-runner.ts';

export interface RayExecutorOptions {
  config: RayExecutorConfig;
  /** The run folder as the workers see it: an `s3://` URL, or a local path on a one-node cluster. */
  run: string;
}

const SCRIPT = fileURLToPath(new URL('./ray_tasks.py', import.meta.url));
const DEFAULT_COMMAND = fileURLToPath(new URL('../bin/cc-pretrain', import.meta.url));
const DEFAULT_PYTHON = fileURLToPath(new URL('../.venv-ray/bin/python', import.meta.url));
const STDERR_TAIL = 4000;

interface Finished {
  index: number;
  ok: boolean;
  error?: string;
}

export function createRayExecutor(options: RayExecutorOptions): Executor {
  const cfg = options.config;
  const inline = createLocalExecutor({ workers: 1 });
  return {
    async runStage(runDir, stage, plan, pending, progress, signal) {
      if (stage.inline) return inline.runStage(runDir, stage, plan, pending, progress, signal);
      const job = {
        address: cfg.address,
        run: options.run,
        stage: stage.name,
        indices: pending,
        command: [cfg.cc_pretrain ?? DEFAULT_COMMAND, 'task'],
        cpus: cfg.cpus_per_task,
        memory: memoryBytes(cfg.mem_per_task),
        retries: cfg.retries,
      };
      const python = cfg.python ?? process.env['CC_PRETRAIN_RAY_PYTHON'] ?? DEFAULT_PYTHON;
      const child = spawn(python, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
      // Interrupted: the driver gets SIGTERM (Ray cancels its tasks) and is waited for, as every
      // subprocess is (pipeline/child-process.ts).
      const stop = () => child.kill('SIGTERM');
      if (signal?.aborted) stop();
      else signal?.addEventListener('abort', stop, { once: true });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-STDERR_TAIL)));
      const exited = new Promise<number>((resolve) => {
        child.once('error', (err) => {
          stderr += `cannot start ${python}: ${err.message}`;
          resolve(-1);
        });
        child.once('close', (code) => resolve(code ?? -1));
      });
      child.stdin.end(JSON.stringify(job));
      const reported = new Map<number, Finished>();
      for await (const line of createInterface({ input: child.stdout })) {
        if (!line.startsWith('{')) continue;
        const f = JSON.parse(line) as Finished;
        reported.set(f.index, f);
        progress.taskFinished(f.ok);
      }
      const code = await exited;
      signal?.removeEventListener('abort', stop);
      const lastError = stderr.trim().split('\n').at(-1) ?? '';
      const driverError = code === 0 ? undefined : `the Ray driver (${python} ${SCRIPT}) exited with code ${code}: ${lastError}`;

      // Tasks on other machines wrote to the bucket: fetch their markers and stats.
      await pullRun(runFolderFor(options.run));
      return outcomesFromRunFolder(runDir, stage.name, plan, pending, (index, stats) => {
        const f = reported.get(index);
        if (!f) progress.taskFinished(false);
        return (stats && !stats.ok ? stats.error : undefined) ?? f?.error ?? driverError ?? 'the Ray task ended without finishing';
      });
    },
  };
}
