// Config of the dataset statistics report.

import { z } from 'zod';

export const reportSchema = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();

export type ReportConfig = z.infer<typeof reportSchema>;
