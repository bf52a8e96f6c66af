// Config of the dataset statistics report.

import { z } from 'zod';

export const reportSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Rows in each "top" table and chart (languages, domains, TLDs, clusters). */
    top_n: z.number().int().positive().default(15),
    /** Dropped or duplicate examples shown per filter or cluster list. */
    examples: z.number().int().nonnegative().default(5),
  })
  .strict();

export type ReportConfig = z.infer<typeof reportSchema>;
