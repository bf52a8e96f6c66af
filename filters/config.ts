// Config of the quality filters: a preset (FineWeb by default) and per-filter overrides.

import { z } from 'zod';

export const filtersSchema = z
  .object({
    preset: z.enum(['fineweb', 'c4', 'gopher', 'none']).default('fineweb'),
  })
  .strict();

export type FiltersConfig = z.infer<typeof filtersSchema>;
