// Config of the tokenizer: byte-level BPE training and encoding, or an existing tokenizer.json.

import { z } from 'zod';

export const tokenizerSchema = z
  .object({
    /** Total vocabulary: 256 byte tokens + merges + special tokens. */
    vocab_size: z.number().int().min(257).max(1 << 21).default(32768),
    /** Pre-tokenisation split: GPT-4 (cl100k) style, GPT-2 style, or o200k style (case-split words). */
    pretokenizer: z.enum(['gpt4', 'gpt2', 'o200k']).default('gpt4'),
    /** Longest run of digits kept in one pre-token; 0 = unbounded (GPT-2's original). */
    digit_group: z.number().int().min(0).max(9).default(3),
    /** Bytes of text sampled (deterministically, across sources) to train on. */
    train_bytes: z.number().int().positive().default(100 * 1024 * 1024),
    /** Each training document is cut to this many characters, so a few huge pages do not dominate the counts. */
    train_doc_chars: z.number().int().positive().default(10_000),
    /** Share of the training sample per source name; sources not named weigh 1. */
    source_weights: z.record(z.string(), z.number().nonnegative()).default({}),
    /** Salt of the hash that picks training documents. */
    seed: z.number().int().default(1),
    /** User-defined special tokens, after `<|endoftext|>` (which is always present). */
    special_tokens: z.array(z.string().min(1)).default([]),
    /** An existing Hugging Face tokenizer.json to use instead of training one (the keys above are then unused). */
    from: z.string().min(1).optional(),
    /** With `from`: the token ending each document (default: the file's `<|endoftext|>`, `<|end_of_text|>`, `</s>` or `<eos>`). */
    eos: z.string().min(1).optional(),
    /** With `from`: the token starting each document; null = none (default: the one its post-processor adds). */
    bos: z.string().min(1).nullable().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const key of ['eos', 'bos'] as const) {
      if (c[key] !== undefined && !c.from) ctx.addIssue({ code: 'custom', path: [key], message: `${key} applies only to a tokenizer taken with tokenizer.from` });
    }
  });

export type TokenizerConfig = z.infer<typeof tokenizerSchema>;
