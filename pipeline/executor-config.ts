// Config of the executor that runs a stage's tasks: a local worker pool, Slurm or Ray.

import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const localExecutorSchema = z
  .object({
    kind: z.literal('local'),
    workers: z.number().int().positive().default(availableParallelism()),
  })
  .strict();

/** Slurm's time format: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS. */
const slurmTime = z.string().regex(/^(\d+-)?\d+(:\d{1,2}){0,2}$/, 'a Slurm time limit such as 04:00:00 or 1-12:00:00');
/** Slurm's memory format: a number with an optional K/M/G/T suffix (megabytes when bare). */
const slurmMemory = z.string().regex(/^\d+[KMGT]?$/, 'a Slurm memory size such as 4G or 3500M');

/**
 * The training job: `srun torchrun` over `nodes` × `gpus_per_node` (pipeline/slurm-train.ts).
 * With `gpus_per_node: 0` training is an ordinary one-task array job (CPU, or whatever the
 * task's allocation holds).
 */
export const slurmTrainSchema = z
  .object({
    nodes: z.number().int().positive().default(1),
    gpus_per_node: z.number().int().nonnegative().default(0),
    cpus_per_gpu: z.number().int().positive().default(8),
    /** Memory per node; Slurm's default for the partition when absent. */
    mem_per_node: slurmMemory.optional(),
    time_limit: slurmTime.default('1-00:00:00'),
    /** The rendezvous port on the first node. */
    rdzv_port: z.number().int().min(1024).max(65535).default(29500),
    partition: z.string().min(1).optional(),
    extra_sbatch_flags: z.array(z.string()).default([]),
  })
  .strict();

/** One `sbatch --array` job per stage, each element running `cc-pretrain task RUN STAGE INDEX` (docs/slurm.md). */
export const slurmExecutorSchema = z
  .object({
    kind: z.literal('slurm'),
    partition: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
    cpus_per_task: z.number().int().positive().default(1),
    mem_per_task: slurmMemory.default('4G'),
    time_limit: slurmTime.default('04:00:00'),
    /** Array elements running at once (`--array=…%N`). */
    max_concurrent: z.number().int().positive().default(256),
    /** Passed to sbatch as they are, e.g. ["--qos=low", "--constraint=amd"]. */
    extra_sbatch_flags: z.array(z.string()).default([]),
    /** Resubmissions of the tasks that failed or were killed, before the stage counts as failed. */
    retries: z.number().int().nonnegative().default(2),
    /** Seconds between queue polls while a stage runs. */
    poll_seconds: z.number().positive().default(15),
    train: slurmTrainSchema.prefault({}),
  })
  .strict();

/**
 * Each task a Ray task running `cc-pretrain task RUN STAGE INDEX` on whichever node Ray picks
 * (docs/cloud.md): Node 24 and this project must be on every worker, and the run folder must be
 * in a bucket (or on the one node when the cluster is one machine).
 */
export const rayExecutorSchema = z
  .object({
    kind: z.literal('ray'),
    /** `ray.init` address: `auto` (the cluster this machine belongs to), `HOST:PORT` or `ray://HOST:10001`. */
    address: z.string().min(1).default('auto'),
    cpus_per_task: z.number().positive().default(1),
    /** Ray's memory request per task (admission, not a limit), in Slurm's size format. */
    mem_per_task: slurmMemory.default('4G'),
    /** Reruns of a task that failed or whose worker died, before it counts as failed. */
    retries: z.number().int().nonnegative().default(2),
    /** The cc-pretrain command on the workers; default: this checkout's bin/cc-pretrain (same path on every node). */
    cc_pretrain: z.string().min(1).optional(),
    /** Python with `ray` installed on the driver; default: `<repo>/.venv-ray/bin/python` (scripts/setup.sh). */
    python: z.string().min(1).optional(),
  })
  .strict();

export const executorSchema = z.discriminatedUnion('kind', [localExecutorSchema, slurmExecutorSchema, rayExecutorSchema]);

export type ExecutorConfig = z.infer<typeof executorSchema>;
export type SlurmExecutorConfig = z.infer<typeof slurmExecutorSchema>;
export type SlurmTrainConfig = z.infer<typeof slurmTrainSchema>;
export type RayExecutorConfig = z.infer<typeof rayExecutorSchema>;

/** Bytes of a size in Slurm's format (`4G`, `3500M`, bare megabytes). */
export function memoryBytes(size: string): number {
  const m = /^(\d+)([KMGT]?)$/.exec(size);
  if (!m) throw new Error(`not a memory size: ${size}`);
  const power = { '': 2, K: 1, M: 2, G: 3, T: 4 }[m[2] as '' | 'K' | 'M' | 'G' | 'T'];
  return Number(m[1]) * 1024 ** power;
}
