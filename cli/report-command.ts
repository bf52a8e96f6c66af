// `cc-pretrain report RUN|CONFIG [--format html|md]`: builds the report of a run from its stats
// (always anew: it reads only small files), prints the page's path or the markdown.

import { buildReport } from '../report/index.ts';
import { resolveRun } from './run-commands.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('report', argv, { format: { type: 'string', default: 'html' }, out: { type: 'string' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('report takes one RUN folder or CONFIG', 'report');
  const format = values.format;
  if (format !== 'html' && format !== 'md') throw new UsageError(`--format is html or md, not "${format}"`, 'report');
  const { runDir } = await resolveRun(positionals[0]!, values.out);
  const result = await buildReport(runDir, { format });
  process.stdout.write(format === 'md' ? result : `report: ${result}\n`);
  return 0;
}
