// The token shard format (DESIGN.md "Token shards"): Arrow IPC file, columns
// `tokens: List<UInt16|UInt32>` (end-of-text appended per document, and the start token prepended
// for a `tokenizer.from` tokenizer that uses one) and `id: Utf8`, schema
// metadata `tokenizer_sha256`, `source`, `dtype`, `eot_id`.

import { Field, List, Schema, Uint16, Uint32, Utf8 } from 'apache-arrow';

export type TokenDtype = 'uint16' | 'uint32';

export interface ShardMeta {
  tokenizer_sha256: string;
  source: string;
  dtype: TokenDtype;
  eot_id: number;
}

/** UInt16 when every id fits, else UInt32. */
export function dtypeFor(vocabSize: number): TokenDtype {
  return vocabSize <= 65536 ? 'uint16' : 'uint32';
}

export function tokenType(dtype: TokenDtype): Uint16 | Uint32 {
  return dtype === 'uint16' ? new Uint16() : new Uint32();
}

export function shardSchema(meta: ShardMeta): Schema {
  return new Schema(
    [
      new Field('tokens', new List(new Field('item', tokenType(meta.dtype), false)), false),
      new Field('id', new Utf8(), false),
    ],
    new Map([
      ['tokenizer_sha256', meta.tokenizer_sha256],
      ['source', meta.source],
      ['dtype', meta.dtype],
      ['eot_id', String(meta.eot_id)],
    ]),
  );
}

/** `<NNNNN>-<MMMMM>.arrow`: docs file number, shard number within it. */
export function shardFileName(fileNumber: string, shard: number): string {
  return `${fileNumber}-${String(shard).padStart(5, '0')}.arrow`;
}
