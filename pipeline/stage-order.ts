// The stages of a full run, in order, each command's stages loaded on first use. A command's
// coordinator (`extract --workers N`) plans its stages and hands tasks to worker threads; loading
// every other stage's code beside it cost tens of MB of RSS in the one process (docs/ingest.md,
// thirteenth round). Each folder owns its stages; this list only orders them.

import type { Stage, StageCommand } from './stage.ts';

const BY_COMMAND: readonly [StageCommand, () => Promise<readonly Stage[]>][] = [
  ['extract', async () => [(await import('../ingest/extract-stage.ts')).extractStage]],
  ['dedup', async () => [...(await import('../dedup/index.ts')).dedupStages, (await import('../filters/index.ts')).classifierCutoffStage]],
  ['train-tokenizer', async () => [(await import('../tokenize/index.ts')).tokenizerStage]],
  ['tokenize', async () => {
    const { tokenizeStage, manifestStage } = await import('../shards/index.ts');
    return [tokenizeStage, manifestStage];
  }],
  ['train', async () => [(await import('./train-stage.ts')).trainStage]],
  ['report', async () => [(await import('../report/index.ts')).reportStage]],
];

/**
 * Each stage's command by name, in run order: what `task` (one Slurm array element or Ray task)
 * and `status` need without loading every stage (test/pipeline/stage-order.test.ts keeps it equal
 * to the loaded stages).
 */
export const STAGE_COMMANDS: ReadonlyMap<string, StageCommand> = new Map([
  ['extract', 'extract'],
  ['dedup-buckets', 'dedup'],
  ['dedup-exact', 'dedup'],
  ['dedup-clusters', 'dedup'],
  ['classifier-cutoff', 'dedup'],
  ['tokenizer', 'train-tokenizer'],
  ['tokenize', 'tokenize'],
  ['manifest', 'tokenize'],
  ['train', 'train'],
  ['report', 'report'],
]);

/** The stages of the given commands (every stage when undefined), in run order. */
export async function loadStages(commands?: readonly string[]): Promise<readonly Stage[]> {
  const loads = BY_COMMAND.filter(([command]) => !commands || commands.includes(command)).map(([, load]) => load());
  return (await Promise.all(loads)).flat();
}
