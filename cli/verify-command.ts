// `cc-pretrain verify SHARDS_DIR`: every shard the manifest lists is there with its checksum,
// and nothing else is; names what is missing or corrupt.

import { verifyShards } from '../shards/index.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

export async function verifyCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('verify', argv, {});
  if (!parsed) return 0;
  const dir = parsed.positionals[0];
  if (dir === undefined || parsed.positionals.length !== 1) throw new UsageError("verify takes one SHARDS_DIR (a run's shards/ folder)", 'verify');
  const { ok, problems } = await verifyShards(dir);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(ok ? `${dir}: every shard matches the manifest\n` : `${dir}: ${problems.length} problem(s)\n`);
  return ok ? 0 : 1;
}
