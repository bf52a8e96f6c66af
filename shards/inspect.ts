// `cc-pretrain inspect shard.arrow`: a shard's metadata, sizes and its first rows.

import { readShard, shardRow, type ShardContents } from './reader.ts';

export interface ShardReport extends Omit<ShardContents, 'table'> {
  tokens_per_row: number;
  first_rows: { id: string; tokens: number; head: number[] }[];
}

export async function inspectShard(path: string, rows = 3): Promise<ShardReport> {
  const s = await readShard(path);
  const first_rows = [];
  for (let i = 0; i < Math.min(rows, s.rows); i++) {
    const r = shardRow(s, i);
    first_rows.push({ id: r.id, tokens: r.tokens.length, head: r.tokens.slice(0, 16) });
  }
  return {
    path,
    bytes: s.bytes,
    sha256: s.sha256,
    meta: s.meta,
    rows: s.rows,
    tokens: s.tokens,
    batches: s.batches,
    tokens_per_row: s.rows ? s.tokens / s.rows : 0,
    first_rows,
  };
}
