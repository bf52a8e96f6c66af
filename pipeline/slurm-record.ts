// What the Slurm executor submitted for a stage, kept in the run folder (`RUN/slurm/<stage>.json`):
// a rerun reattaches to jobs still in the queue instead of submitting them twice, and `status`
// maps a task to its array element, its Slurm state and its Slurm log.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from './atomic.ts';

export interface SubmittedJob {
  id: string;
  /** Position of element 0 in the round's indices. */
  offset: number;
  count: number;
}

export interface SubmissionRound {
  submitted_at: string;
  /** Task indices in array position order. */
  indices: number[];
  jobs: SubmittedJob[];
}

export interface StageSubmissions {
  rounds: SubmissionRound[];
}

const elementLogDir = (runDir: string, stage: string) => join(runDir, 'logs', stage, 'slurm');

export const slurmPaths = {
  record: (runDir: string, stage: string) => join(runDir, 'slurm', `${stage}.json`),
  roundFile: (runDir: string, stage: string, round: number, ext: 'sbatch' | 'indices') => join(runDir, 'slurm', stage, `round-${round}.${ext}`),
  elementLogDir,
  /** sbatch `--output` pattern: one file per array element, appended to across requeues. */
  elementLogPattern: (runDir: string, stage: string) => join(elementLogDir(runDir, stage), '%A_%a.out'),
  elementLog: (runDir: string, stage: string, jobId: string, element: number) => join(elementLogDir(runDir, stage), `${jobId}_${element}.out`),
};

export async function readSubmissions(runDir: string, stage: string): Promise<StageSubmissions> {
  try {
    return JSON.parse(await readFile(slurmPaths.record(runDir, stage), 'utf8')) as StageSubmissions;
  } catch {
    return { rounds: [] };
  }
}

export async function writeSubmissions(runDir: string, stage: string, record: StageSubmissions): Promise<void> {
  await writeJsonAtomic(slurmPaths.record(runDir, stage), record);
}

/** Task index → the last array element that ran it (job id and element number). */
export function elementsByTask(record: StageSubmissions): Map<number, { jobId: string; element: number }> {
  const map = new Map<number, { jobId: string; element: number }>();
  for (const round of record.rounds) {
    for (const job of round.jobs) {
      for (let k = 0; k < job.count; k++) {
        const index = round.indices[job.offset + k];
        if (index !== undefined) map.set(index, { jobId: job.id, element: k });
      }
    }
  }
  return map;
}
