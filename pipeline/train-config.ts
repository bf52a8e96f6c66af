// Config of the training stage: handed, resolved, to the Python trainer in `trainer/`.

import { z } from 'zod';

export const trainSchema = z
  .object({
    enabled: z.boolean().default(true),
    model: z.string().default('tiny'),
    /** Weight per source name, over tokens. Missing: proportional to tokens available. */
    mixture: z.record(z.string(), z.number().nonnegative()).optional(),
    steps: z.number().int().positive().default(50),
    seq_len: z.number().int().positive().default(256),
    batch_size: z.number().int().positive().default(8),
    device: z.enum(['auto', 'cpu', 'cuda']).default('auto'),
    seed: z.number().int().default(1337),
  })
  .strict();

export type TrainConfig = z.infer<typeof trainSchema>;
