// Reads token shards back (inspect, verify, the report): the whole file is parsed with
// apache-arrow and checked against the shard format.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { ShardMeta, TokenDtype } from './format.ts';

export interface ShardContents {
  path: string;
  bytes: number;
  sha256: string;
  meta: ShardMeta;
  rows: number;
  tokens: number;
  batches: number;
  table: Table;
}

export class ShardFormatError extends Error {
  override name = 'ShardFormatError';
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Parses a shard; throws ShardFormatError naming the file and what is wrong. */
export async function readShard(file: string): Promise<ShardContents> {
  const buf = await readFile(file);
  const fail = (why: string): never => {
    throw new ShardFormatError(`${file}: ${why}`);
  };
  const magic = 'ARROW1';
  if (buf.length < 12 || buf.toString('latin1', 0, 6) !== magic || buf.toString('latin1', buf.length - 6) !== magic) {
    fail('not an Arrow IPC file (missing ARROW1 magic at start or end: truncated?)');
  }
  let table: Table;
  try {
    table = tableFromIPC(buf);
  } catch (err) {
    return fail(`cannot parse Arrow IPC: ${(err as Error).message}`);
  }
  const md = table.schema.metadata;
  const dtype = md.get('dtype');
  if (dtype !== 'uint16' && dtype !== 'uint32') fail(`schema metadata dtype is ${JSON.stringify(dtype)}, expected uint16 or uint32`);
  const tokensCol = table.getChild('tokens');
  if (!tokensCol || !table.getChild('id')) fail('missing the tokens or id column');
  let tokens = 0;
  for (const data of tokensCol!.data) tokens += data.children[0]!.length;
  return {
    path: file,
    bytes: buf.length,
    sha256: sha256Hex(buf),
    meta: {
      tokenizer_sha256: md.get('tokenizer_sha256') ?? '',
      source: md.get('source') ?? '',
      dtype: dtype as TokenDtype,
      eot_id: Number(md.get('eot_id')),
    },
    rows: table.numRows,
    tokens,
    batches: table.batches.length,
    table,
  };
}

/** The token ids of row `i`. */
export function shardRow(contents: ShardContents, i: number): { id: string; tokens: number[] } {
  const tokens = contents.table.getChild('tokens')!.get(i) as { toArray(): ArrayLike<number> } | null;
  const id = contents.table.getChild('id')!.get(i) as string | null;
  return { id: id ?? '', tokens: tokens ? Array.from(tokens.toArray()) : [] };
}
