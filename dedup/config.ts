// Config of deduplication: MinHash near-duplicates (FineWeb's recipe by default) and exact dedup.

import { z } from 'zod';

export const dedupSchema = z
  .object({
    minhash: z
      .object({
        enabled: z.boolean().default(true),
        bands: z.number().int().positive().default(14),
        rows: z.number().int().positive().default(8),
        ngram: z.number().int().positive().default(5),
        seed: z.number().int().default(1),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type DedupConfig = z.infer<typeof dedupSchema>;
