// A stage registry that loads stages by command, as pipeline/stage-order.ts does for the workers,
// and logs each request to the run folder of the worker that made it, so a test sees what every
// worker thread asked for.

import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import type { Stage, StageCommand } from '../../pipeline/stage.ts';
import type { WorkerInit } from '../../pipeline/task-worker.ts';
import { stages } from './fixture-stages.ts';

export async function loadStages(commands: readonly StageCommand[]): Promise<readonly Stage[]> {
  appendFileSync(join((workerData as WorkerInit).runDir, 'registry.log'), `${commands.join(',')}\n`);
  return stages.filter((s) => commands.includes(s.command));
}
