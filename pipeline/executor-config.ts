// Config of the executor that runs a stage's tasks: a local worker pool or Slurm.

import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const localExecutorSchema = z
  .object({
    kind: z.literal('local'),
    workers: z.number().int().positive().default(availableParallelism()),
  })
  .strict();

export const executorSchema = z.discriminatedUnion('kind', [localExecutorSchema]);

export type ExecutorConfig = z.infer<typeof executorSchema>;
