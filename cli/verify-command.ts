// `cc-pretrain verify SHARDS_DIR`: every shard the manifest lists is there with its checksum,
// and nothing else is; names what is missing or corrupt.

import { localCopy } from '../pipeline/run-mirror.ts';
import { isS3 } from '../pipeline/storage.ts';
import { verifyShards } from '../shards/index.ts';
import { UsageError } from './usage.ts';

export async function verifyCommand(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1) throw new UsageError('verify takes one SHARDS_DIR (a run\'s shards/ folder)');
  // Shards in a bucket are fetched whole (their checksums cover every byte) into the local cache.
  const dir = isS3(argv[0]!) ? await localCopy(argv[0]!) : argv[0]!;
  const { ok, problems } = await verifyShards(dir);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(ok ? `${argv[0]}: every shard matches the manifest\n` : `${argv[0]}: ${problems.length} problem(s)\n`);
  return ok ? 0 : 1;
}
