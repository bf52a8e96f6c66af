// `cc-pretrain report RUN|CONFIG [--format html|md]`: builds the report of a run from its stats
// (always anew: it reads only small files), prints the page's path or the markdown.

import { parseArgs } from 'node:util';
import { buildReport } from '../report/index.ts';
import { pushRun } from '../pipeline/run-mirror.ts';
import { resolveRun } from './run-commands.ts';
import { UsageError } from './usage.ts';

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { format: { type: 'string', default: 'html' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('report takes one RUN folder or CONFIG');
  const format = values.format;
  if (format !== 'html' && format !== 'md') throw new UsageError(`--format is html or md, not "${format}"`);
  const { runDir, folder } = await resolveRun(positionals[0]!, values.out);
  const result = await buildReport(runDir, { format });
  await pushRun(folder);
  process.stdout.write(format === 'md' ? result : `report: ${result}\n`);
  return 0;
}
