// The training job on Slurm: one `sbatch` job over `nodes` × `gpus_per_node` GPUs. Its batch
// script runs the ordinary task command once (`cc-pretrain task RUN train INDEX`, so there is one
// stats file and one marker), with a launcher in the environment: the train stage starts the
// Python trainer through it (`trainerLauncher()`), i.e. `srun` → one `torchrun` per node → one
// rank per GPU, all meeting at a c10d rendezvous on the job's first node.

import type { SlurmExecutorConfig } from './executor-config.ts';
import { shellQuote } from './slurm-script.ts';

export interface TrainJobInput {
  runDir: string;
  runName: string;
  stage: string;
  /** The training task's index in the stage plan (0: training plans one task). */
  index: number;
  /** The command that runs one task, before `RUN STAGE INDEX`. */
  taskCommand: readonly string[];
  /** The Python with torch (the project's `.venv/bin/python`): runs `-m torch.distributed.run`, i.e. torchrun. */
  python: string;
  /** The job's working directory: the driver's, so relative paths in the config mean the same. */
  workDir: string;
  /** sbatch `--output` path (Slurm's %j allowed). */
  output: string;
  config: SlurmExecutorConfig;
}

/** True when the stage is training and the config asks for GPUs: it then runs as a torchrun job. */
export function isDistributedTraining(stageCommand: string, config: SlurmExecutorConfig): boolean {
  return stageCommand === 'train' && config.train.gpus_per_node > 0;
}

/** The environment variable that carries the launcher into the training task (see `trainerLauncher`). */
export const TRAIN_LAUNCHER_ENV = 'CC_PRETRAIN_TRAIN_LAUNCHER';

/** Shell variables the job script resolves into the launcher at run time. */
const RUNTIME_VARS = ['SLURM_JOB_NUM_NODES', 'SLURM_JOB_ID', 'head_node'];

/** `word` inside bash double quotes, with only the known run-time variables left to expand. */
function bashDoubleQuoted(word: string): string {
  let escaped = word.replace(/[\\"$`]/g, (c) => `\\${c}`);
  for (const v of RUNTIME_VARS) escaped = escaped.replaceAll(`\\$${v}`, `\${${v}}`);
  return `"${escaped}"`;
}

export function trainJobScript(input: TrainJobInput): string {
  const t = input.config.train;
  const launcher = [
    'srun',
    '--kill-on-bad-exit=1',
    '--ntasks-per-node=1',
    input.python,
    '-m',
    'torch.distributed.run',
    '--nnodes=$SLURM_JOB_NUM_NODES',
    `--nproc-per-node=${t.gpus_per_node}`,
    '--rdzv-id=$SLURM_JOB_ID',
    '--rdzv-backend=c10d',
    `--rdzv-endpoint=$head_node:${t.rdzv_port}`,
  ];
  const task = [...input.taskCommand, input.runDir, input.stage, String(input.index)].map(shellQuote).join(' ');
  return [
    '#!/bin/bash',
    `# cc-pretrain: training of ${input.runDir} on ${t.nodes} node(s) × ${t.gpus_per_node} GPU(s).`,
    '# The task runs once, here on the first node; it starts the trainer through the launcher below:',
    '# srun starts one torchrun per node, each starting one rank per GPU, all meeting at a c10d',
    '# rendezvous on this node.',
    'set -euo pipefail',
    'head_node=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
    `export OMP_NUM_THREADS=${t.cpus_per_gpu}`,
    `export ${TRAIN_LAUNCHER_ENV}=${bashDoubleQuoted(JSON.stringify(launcher))}`,
    `exec ${task}`,
    '',
  ].join('\n');
}

/**
 * The command prefix that replaces `python` when the trainer is started (`[...prefix, "-m",
 * "trainer", "train", …]`), when the task runs inside a Slurm training job; undefined elsewhere.
 */
export function trainerLauncher(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env[TRAIN_LAUNCHER_ENV];
  if (!raw) return undefined;
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((w): w is string => typeof w === 'string')) {
    throw new Error(`${TRAIN_LAUNCHER_ENV} must be a JSON array of strings, not ${raw}`);
  }
  return parsed;
}

export function trainJobArgs(input: TrainJobInput & { scriptPath: string }): string[] {
  const c = input.config;
  const t = c.train;
  const args = [
    `--job-name=ccp-${input.runName}-${input.stage}`,
    `--nodes=${t.nodes}`,
    '--ntasks-per-node=1',
    `--gpus-per-node=${t.gpus_per_node}`,
    `--cpus-per-task=${t.cpus_per_gpu * t.gpus_per_node}`,
    `--time=${t.time_limit}`,
    `--output=${input.output}`,
    '--open-mode=append',
    `--chdir=${input.workDir}`,
    '--export=ALL',
  ];
  if (t.mem_per_node) args.push(`--mem=${t.mem_per_node}`);
  const partition = t.partition ?? c.partition;
  if (partition) args.push(`--partition=${partition}`);
  if (c.account) args.push(`--account=${c.account}`);
  args.push(...t.extra_sbatch_flags, input.scriptPath);
  return args;
}
