// `cc-pretrain report RUN|CONFIG [--format html|md] [--against RUN_B]`: builds the report of a run
// from its stats (always anew: it reads only small files), prints the page's path or the markdown;
// with --against, the page compares the run with another (RUN/report/compare.html).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../report/index.ts';
import { resolveRun } from './run-commands.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('report', argv, { format: { type: 'string', default: 'html' }, out: { type: 'string' }, against: { type: 'string' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('report takes one RUN folder or CONFIG', 'report');
  const format = values.format;
  if (format !== 'html' && format !== 'md') throw new UsageError(`--format is html or md, not "${format}"`, 'report');
  const { runDir } = await resolveRun(positionals[0]!, values.out);
  let against: string | undefined;
  if (values.against !== undefined) {
    if (!existsSync(join(values.against, 'run.json'))) throw new UsageError(`--against needs a run folder (with run.json), not "${values.against}"`, 'report');
    against = values.against;
  }
  const result = await buildReport(runDir, { format, ...(against ? { against } : {}) });
  process.stdout.write(format === 'md' ? result : `report: ${result}\n`);
  return 0;
}
