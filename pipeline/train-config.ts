// Config of the training stage: the `train` section of the run config, handed resolved to the
// Python trainer (`trainer/config.py` holds the same fields and defaults; keep them in step).

import { z } from 'zod';

/** Explicit model sizes instead of a preset (trainer/model.py ModelConfig). */
const modelSizesSchema = z
  .object({
    n_layer: z.number().int().positive(),
    n_head: z.number().int().positive(),
    d_model: z.number().int().positive(),
    ffn_hidden: z.number().int().positive().optional(),
    n_kv_head: z.number().int().positive().optional(),
    vocab_size: z.number().int().positive().optional(),
    max_seq_len: z.number().int().positive().optional(),
    rope_theta: z.number().positive().optional(),
    norm_eps: z.number().positive().optional(),
    tie_embeddings: z.boolean().optional(),
  })
  .strict();

export const trainSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** A preset (tiny, 124m, 350m, 760m, 1.3b) or explicit sizes. */
    model: z.union([z.enum(['tiny', '124m', '350m', '760m', '1.3b']), modelSizesSchema]).default('tiny'),
    /** Weight per source name, over tokens. Missing: proportional to tokens available. */
    mixture: z.record(z.string(), z.number().nonnegative()).optional(),
    steps: z.number().int().positive().default(50),
    seq_len: z.number().int().positive().default(256),
    /** Global batch in rows of seq_len tokens; fixed whatever the number of processes. */
    batch_size: z.number().int().positive().default(8),
    /** Rows per process per forward pass; the rest is gradient accumulation. Default: batch_size / nproc. */
    micro_batch_size: z.number().int().positive().optional(),
    /** Processes on this node; more than one launches torchrun (DDP, or FSDP2 with `fsdp`). */
    nproc: z.number().int().positive().default(1),
    lr: z.number().positive().default(6e-4),
    min_lr_ratio: z.number().min(0).max(1).default(0.1),
    /** Default: 5% of steps. */
    warmup_steps: z.number().int().nonnegative().optional(),
    schedule: z.enum(['cosine', 'wsd']).default('cosine'),
    /** wsd: share of the steps spent decaying. */
    decay_fraction: z.number().gt(0).max(1).default(0.2),
    weight_decay: z.number().nonnegative().default(0.1),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.95),
    grad_clip: z.number().positive().default(1.0),
    device: z.enum(['auto', 'cpu', 'cuda']).default('auto'),
    dtype: z.enum(['auto', 'bfloat16', 'float32']).default('auto'),
    /** torch.compile: `auto` compiles where CUDA is present (eager, with the reason logged, if it fails). */
    compile: z.union([z.boolean(), z.literal('auto')]).default('auto'),
    fsdp: z.boolean().default(false),
    seed: z.number().int().default(1337),
    /** Share of each source's tokens held out for validation (at least one row). */
    val_fraction: z.number().gt(0).lt(1).default(0.01),
    eval_every: z.number().int().nonnegative().default(100),
    /** Held-out tokens scored per source at each evaluation. Default: 1M on a GPU, 8K on CPU. */
    eval_tokens: z.number().int().positive().optional(),
    log_every: z.number().int().positive().default(10),
    ckpt_every: z.number().int().nonnegative().default(500),
    keep_checkpoints: z.number().int().positive().default(2),
    /** A mixture needing more epochs than this of any source is refused. */
    max_epochs: z.number().positive().default(4),
    /** bf16 peak FLOP/s per device for MFU; default: detected for known GPUs. */
    peak_flops: z.number().positive().optional(),
    /** Intra-op CPU threads per process; 0: fitted to the cores and the model's width. */
    threads: z.number().int().nonnegative().default(0),
    /** Attention does not cross end-of-text tokens inside a packed row (torchtitan's document masking). */
    doc_mask: z.boolean().default(false),
    /** Check every shard's SHA-256 against the manifest before training. */
    checksum: z.boolean().default(true),
    /** Write a Hugging Face export to RUN/train/export after the last step. */
    export: z.boolean().default(true),
    /** Print a sample of this many tokens (from an empty prompt) after the last step; 0: none. */
    sample_tokens: z.number().int().nonnegative().default(64),
  })
  .strict();

export type TrainConfig = z.infer<typeof trainSchema>;
