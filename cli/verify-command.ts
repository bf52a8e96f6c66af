// `cc-pretrain verify SHARDS_DIR`: every shard the manifest lists is there with its checksum,
// and nothing else is; names what is missing or corrupt.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localCopy } from '../pipeline/run-mirror.ts';
import { isS3 } from '../pipeline/storage.ts';
import { verifyShards } from '../shards/index.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

/**
 * Shards in a bucket are fetched whole (their checksums cover every byte) into the local cache,
 * with the tokenizer the manifest names; the cache mirrors the bucket's layout, so the manifest's
 * relative tokenizer path holds there too.
 */
async function fetchShards(url: string): Promise<string> {
  const dir = await localCopy(url);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => '{}')) as { tokenizer?: { path?: string } };
  const tokenizer = manifest.tokenizer?.path;
  if (tokenizer) await localCopy(new URL(tokenizer, `${url.replace(/\/+$/, '')}/`).href).catch(() => undefined);
  return dir;
}

export async function verifyCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('verify', argv, {});
  if (!parsed) return 0;
  const target = parsed.positionals[0];
  if (target === undefined || parsed.positionals.length !== 1) throw new UsageError("verify takes one SHARDS_DIR (a run's shards/ folder)", 'verify');
  const dir = isS3(target) ? await fetchShards(target) : target;
  const { ok, problems } = await verifyShards(dir);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(ok ? `${target}: every shard matches the manifest\n` : `${target}: ${problems.length} problem(s)\n`);
  return ok ? 0 : 1;
}
