// Config of the Arrow token shards.

import { z } from 'zod';

export const shardsSchema = z
  .object({
    /** Target shard size in tokens. */
    shard_tokens: z.number().int().positive().default(100_000_000),
  })
  .strict();

export type ShardsConfig = z.infer<typeof shardsSchema>;
