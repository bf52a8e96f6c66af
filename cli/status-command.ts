// `cc-pretrain status RUN [--json]`: the tasks of each stage of a run, done / running / failed /
// pending, with failure messages and log paths (pipeline/run-status.ts).

import { formatRunStatus, runStatus } from '../pipeline/run-status.ts';
import { stages } from '../pipeline/stages.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

export async function statusCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('status', argv, { json: { type: 'boolean' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('status takes one RUN folder', 'status');
  const status = await runStatus(positionals[0]!, { stageOrder: stages.map((s) => s.name) });
  process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatRunStatus(status));
  return 0;
}
