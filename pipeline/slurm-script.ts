// The batch script and sbatch arguments of one stage's array job. Element k of a job runs the task
// whose index is on line OFFSET+k+1 of the round's indices file, through the same command a user
// would type (`cc-pretrain task RUN STAGE INDEX`), so only incomplete tasks take array slots and
// a site's MaxArraySize never limits how many tasks a stage has.

import type { SlurmExecutorConfig } from './executor-config.ts';

/** Quotes a word for bash. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export interface ArrayScriptInput {
  runDir: string;
  stage: string;
  /** File with one task index per line, in array position order. */
  indicesFile: string;
  /** The command that runs one task, before `RUN STAGE INDEX` (e.g. `[".../bin/cc-pretrain", "task"]`). */
  taskCommand: readonly string[];
}

export function arrayJobScript(input: ArrayScriptInput): string {
  const command = [...input.taskCommand, input.runDir, input.stage].map(shellQuote).join(' ');
  return [
    '#!/bin/bash',
    `# cc-pretrain: stage "${input.stage}" of ${input.runDir}, one array element per task.`,
    '# Element k runs the task whose index is on line CC_PRETRAIN_ARRAY_OFFSET+k+1 of the indices file.',
    'set -euo pipefail',
    `index=$(sed -n "$((SLURM_ARRAY_TASK_ID + CC_PRETRAIN_ARRAY_OFFSET + 1))p" ${shellQuote(input.indicesFile)})`,
    'if [ -z "$index" ]; then echo "no task at array position $SLURM_ARRAY_TASK_ID + $CC_PRETRAIN_ARRAY_OFFSET" >&2; exit 2; fi',
    'echo "$(date -u +%FT%TZ) host $(hostname) job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}: task $index" >&2',
    `exec ${command} "$index"`,
    '',
  ].join('\n');
}

export interface ArrayJobInput {
  runDir: string;
  runName: string;
  stage: string;
  scriptPath: string;
  /** Position of this job's element 0 in the indices file. */
  offset: number;
  count: number;
  /** Path pattern of the element's own output (Slurm's %A and %a allowed). */
  output: string;
  /** The elements' working directory: the driver's, so relative paths in the config mean the same. */
  workDir: string;
  /** Job id this one waits for (a previous chunk of the same round). */
  after?: string;
  config: SlurmExecutorConfig;
}

export function arrayJobArgs(input: ArrayJobInput): string[] {
  const c = input.config;
  const args = [
    `--job-name=ccp-${input.runName}-${input.stage}`,
    `--array=0-${input.count - 1}%${c.max_concurrent}`,
    `--output=${input.output}`,
    '--open-mode=append',
    `--chdir=${input.workDir}`,
    '--ntasks=1',
    `--cpus-per-task=${c.cpus_per_task}`,
    `--mem=${c.mem_per_task}`,
    `--time=${c.time_limit}`,
    // A preempted element goes back to the queue; its task restarts from nothing (atomic outputs).
    '--requeue',
    `--export=ALL,CC_PRETRAIN_ARRAY_OFFSET=${input.offset}`,
  ];
  if (c.partition) args.push(`--partition=${c.partition}`);
  if (c.account) args.push(`--account=${c.account}`);
  // Chunks of a round run one after another so no more than max_concurrent elements run at once.
  if (input.after) args.push(`--dependency=afterany:${input.after}`);
  args.push(...c.extra_sbatch_flags, input.scriptPath);
  return args;
}
