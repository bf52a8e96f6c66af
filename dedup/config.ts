// Config of deduplication: MinHash near-duplicates (FineWeb's recipe by default) and exact dedup
// (whole documents, URLs, C4's corpus-wide line rule), each switchable on its own.

import { z } from 'zod';

/** Hash-range tasks per band / per exact kind: more tasks, less work and memory each. */
const workers = z.number().int().positive().max(256).default(1);

export const dedupSchema = z
  .object({
    /**
     * Which documents are compared: `crawl` deduplicates each Common Crawl crawl (dump) on its own,
     * as FineWeb did (it found cross-dump dedup made the data worse); documents of a source that is
     * not a crawl form one group per source. `run` compares every document of the run.
     */
    scope: z.enum(['crawl', 'run']).default('crawl'),
    minhash: z
      .object({
        enabled: z.boolean().default(true),
        /** LSH bands ("buckets" in datatrove). */
        bands: z.number().int().positive().default(14),
        /** Hashes per band. */
        rows: z.number().int().positive().default(8),
        /** Word n-gram size of the shingles. */
        ngram: z.number().int().positive().default(5),
        seed: z.number().int().nonnegative().max(0xffffffff).default(1),
        /**
         * `fineweb-compat`: SHA-1 64-bit shingle hashes and numpy's seeded (a·h+b mod 2^64) mod 2^61−1
         * permutations, bit-identical to datatrove as configured for FineWeb.
         * `fast`: 32-bit shingle hashes and multiply-add permutations mod 2^32 (same LSH curve, ~5× faster).
         */
        hash: z.enum(['fineweb-compat', 'fast']).default('fineweb-compat'),
        bucket_workers: workers,
        /** Write `dedup_cluster_id` / `dedup_cluster_size` on kept cluster representatives. */
        cluster_meta: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Exact duplicates of the normalised text (MinHash's normalisation): the first copy is kept. */
    exact: z.object({ enabled: z.boolean().default(false), workers }).strict().prefault({}),
    /** C4's URL dedup: normalised URL, the latest capture (WARC-Date) is kept. */
    url: z.object({ enabled: z.boolean().default(false), workers }).strict().prefault({}),
    /** C4's line dedup as its code applies it: a line survives only in the page that owns it. */
    c4_lines: z.object({ enabled: z.boolean().default(false), workers }).strict().prefault({}),
    /** Documents a task buffers before it spills a sorted run to disk (bounds extract memory). */
    sort_buffer_docs: z.number().int().positive().default(100_000),
  })
  .strict();

export type DedupConfig = z.infer<typeof dedupSchema>;
export type MinhashConfig = DedupConfig['minhash'];
