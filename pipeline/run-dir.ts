// Where a run keeps its state (DESIGN.md "Stages and tasks"): the resolved config, each stage's
// plan, one stats file and one completion marker per task, and per-task logs.

import { join } from 'node:path';

export const runPaths = {
  runJson: (runDir: string) => join(runDir, 'run.json'),
  lock: (runDir: string) => join(runDir, 'lock.json'),
  plan: (runDir: string, stage: string) => join(runDir, 'tasks', `${stage}.json`),
  stats: (runDir: string, stage: string, taskId: string) => join(runDir, 'stats', stage, `${taskId}.json`),
  statsDir: (runDir: string, stage: string) => join(runDir, 'stats', stage),
  marker: (runDir: string, stage: string, taskId: string) => join(runDir, 'markers', stage, `${taskId}.done`),
  log: (runDir: string, stage: string, taskId: string) => join(runDir, 'logs', stage, `${taskId}.log`),
};
