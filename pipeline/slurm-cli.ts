// The Slurm commands the executor and `status` use (sbatch, squeue, sacct, scontrol), wrapped
// so every call names the command and its error output when it fails, and parsed into plain data.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export class SlurmError extends Error {
  override name = 'SlurmError';
}

async function slurm(command: string, args: readonly string[], env: NodeJS.ProcessEnv | undefined): Promise<string> {
  try {
    const { stdout } = await exec(command, [...args], { env: env ?? process.env, maxBuffer: 256 * 2 ** 20 });
    return stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new SlurmError(`${command} not found: the Slurm executor needs the Slurm client commands on PATH`);
    throw new SlurmError(`${command} ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

/** Submits a batch script; returns the job id. */
export async function sbatch(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const out = (await slurm('sbatch', ['--parsable', ...args], env)).trim();
  const id = out.split(';')[0] ?? '';
  if (!/^\d+$/.test(id)) throw new SlurmError(`sbatch answered "${out}" instead of a job id`);
  return id;
}

/** A job's elements as the scheduler knows them: array task id → state (PENDING, RUNNING, COMPLETED, CANCELLED, …). */
export type ElementStates = Map<number, string>;

/** Elements of the given array jobs still queued or running, by job id. */
export async function queuedElements(jobIds: readonly string[], env?: NodeJS.ProcessEnv): Promise<Map<string, ElementStates>> {
  const result = new Map<string, ElementStates>(jobIds.map((id) => [id, new Map()]));
  if (jobIds.length === 0) return result;
  // -r: one line per element, pending ones included; an unknown (long finished) job is not an error.
  const out = await slurm('squeue', ['-h', '-r', '-j', jobIds.join(','), '-o', '%F|%K|%T'], env).catch((err: unknown) => {
    if (err instanceof SlurmError && /Invalid job id/i.test(err.message)) return '';
    throw err;
  });
  for (const line of out.split('\n')) {
    const [job, task, state] = line.trim().split('|');
    if (!job || !task || !state) continue;
    // A job that is not an array (the training job) counts as element 0.
    result.get(job)?.set(/^\d+$/.test(task) ? Number(task) : 0, state);
  }
  return result;
}

/**
 * Final states of the elements of a finished array job: from accounting (sacct) where the
 * cluster has it, else from the controller's memory of recent jobs (scontrol, MinJobAge).
 * Empty when neither knows the job any more.
 */
export async function finishedElements(jobId: string, env?: NodeJS.ProcessEnv): Promise<ElementStates> {
  const states: ElementStates = new Map();
  const sacct = await slurm('sacct', ['-n', '-P', '-X', '-j', jobId, '-o', 'JobID,State'], env).catch(() => undefined);
  if (sacct !== undefined) {
    for (const line of sacct.split('\n')) {
      const m = /^(\d+)(?:_(\d+))?\|(\S+)/.exec(line.trim());
      if (m && m[1] === jobId) states.set(Number(m[2] ?? 0), m[3]!);
    }
    if (states.size > 0) return states;
  }
  const shown = await slurm('scontrol', ['-o', 'show', 'job', jobId], env).catch(() => '');
  for (const line of shown.split('\n')) {
    const task = /\bArrayTaskId=(\d+)\b/.exec(line);
    const state = /\bJobState=(\S+)/.exec(line);
    if (!state) continue;
    if (task && new RegExp(`\\bArrayJobId=${jobId}\\b`).test(line)) states.set(Number(task[1]), state[1]!);
    else if (!/\bArrayJobId=/.test(line) && new RegExp(`^JobId=${jobId}\\b`).test(line)) states.set(0, state[1]!);
  }
  return states;
}

/** The cluster's largest array index + 1 (`MaxArraySize`, 1001 unless the site changed it). */
export async function maxArraySize(env?: NodeJS.ProcessEnv): Promise<number> {
  const out = await slurm('scontrol', ['show', 'config'], env);
  const m = /^MaxArraySize\s*=\s*(\d+)/m.exec(out);
  return m ? Number(m[1]) : 1001;
}
