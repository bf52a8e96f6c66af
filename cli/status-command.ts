// `cc-pretrain status RUN [--json]`: the tasks of each stage of a run, done / running / failed /
// pending, with failure messages and log paths (pipeline/run-status.ts).

import { pullRun, runFolderFor } from '../pipeline/run-mirror.ts';
import { formatRunStatus, runStatus } from '../pipeline/run-status.ts';
import { STAGE_COMMANDS } from '../pipeline/stage-order.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

export async function statusCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('status', argv, { json: { type: 'boolean' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('status takes one RUN folder', 'status');
  // A run folder in a bucket is read from its local copy, brought up to date first.
  const folder = runFolderFor(positionals[0]!);
  await pullRun(folder);
  const status = { ...(await runStatus(folder.local, { stageOrder: [...STAGE_COMMANDS.keys()] })), runDir: folder.remote ?? folder.local };
  process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatRunStatus(status));
  return 0;
}
