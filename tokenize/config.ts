// Config of the tokenizer: byte-level BPE training and encoding.

import { z } from 'zod';

export const tokenizerSchema = z
  .object({
    vocab_size: z.number().int().min(257).default(32768),
    pretokenizer: z.enum(['gpt4', 'gpt2', 'o200k']).default('gpt4'),
    /** Bytes of text sampled (deterministically, across sources) to train on. */
    train_bytes: z.number().int().positive().default(100 * 1024 * 1024),
    special_tokens: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type TokenizerConfig = z.infer<typeof tokenizerSchema>;
