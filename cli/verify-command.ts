// `cc-pretrain verify SHARDS_DIR`: every shard the manifest lists is there with its checksum,
// and nothing else is; names what is missing or corrupt.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localCopy } from '../pipeline/run-mirror.ts';
import { isS3 } from '../pipeline/storage.ts';
import { verifyShards } from '../shards/index.ts';
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
  if (argv.length !== 1) throw new UsageError('verify takes one SHARDS_DIR (a run\'s shards/ folder)');
  const dir = isS3(argv[0]!) ? await fetchShards(argv[0]!) : argv[0]!;
  const { ok, problems } = await verifyShards(dir);
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(ok ? `${argv[0]}: every shard matches the manifest\n` : `${argv[0]}: ${problems.length} problem(s)\n`);
  return ok ? 0 : 1;
}
