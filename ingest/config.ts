// Config of the inputs and of extraction: the `sources` list and the `extract` section.

import { z } from 'zod';

const name = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'a source name uses letters, digits, "_" and "-" (it names folders and mixture weights)');

/** Which files of a crawl's path list to take: deterministic for the same crawl. */
const fileSelection = z.union([
  z.object({ first: z.number().int().positive() }).strict(),
  z.object({ sample: z.number().int().positive(), seed: z.number().int().default(1) }).strict(),
  z.object({ range: z.tuple([z.number().int().nonnegative(), z.number().int().positive()]) }).strict(),
]);

export const commonCrawlSourceSchema = z
  .object({
    name,
    kind: z.literal('commoncrawl'),
    crawl: z.string().regex(/^CC-MAIN-\d{4}-\d{2}$/, 'a crawl id looks like CC-MAIN-2024-10'),
    format: z.enum(['warc', 'wet']).default('warc'),
    files: fileSelection.default({ first: 1 }),
    base_url: z.url().default('https://data.commoncrawl.org/'),
  })
  .strict();

export const warcSourceSchema = z
  .object({
    name,
    kind: z.literal('warc'),
    /** Local paths, globs, or http(s) URLs of .warc, .warc.gz, .wet.gz files. */
    paths: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const jsonlSourceSchema = z
  .object({
    name,
    kind: z.literal('jsonl'),
    /** Local paths, globs, or http(s) URLs of .jsonl / .jsonl.gz files. */
    paths: z.array(z.string().min(1)).min(1),
    text_field: z.string().default('text'),
    id_field: z.string().default('id'),
  })
  .strict();

export const sourceSchema = z.discriminatedUnion('kind', [commonCrawlSourceSchema, warcSourceSchema, jsonlSourceSchema]);

export const extractSchema = z
  .object({
    /** Pages larger than this (decoded payload bytes) are skipped and counted. */
    max_page_bytes: z.number().int().positive().default(10 * 1024 * 1024),
    /** Keep the documents that filters drop in `removed/<filter>/`. */
    keep_removed: z.boolean().default(false),
    download: z
      .object({
        concurrency: z.number().int().positive().default(4),
        timeout_s: z.number().positive().default(60),
        retries: z.number().int().nonnegative().default(8),
        /** First retry delay; doubles per failed attempt (with jitter) up to `retry_max_ms`. */
        retry_base_ms: z.number().int().nonnegative().default(1000),
        retry_max_ms: z.number().int().nonnegative().default(60_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type SourceConfig = z.infer<typeof sourceSchema>;
export type ExtractConfig = z.infer<typeof extractSchema>;
export type DownloadConfig = ExtractConfig['download'];
