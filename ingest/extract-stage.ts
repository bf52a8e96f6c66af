// The `extract` stage: one task per input file, planned here (inputs listed, filter assets checked,
// the decontamination index built once). Each task reads its input, extracts main text, filters,
// signs and writes documents: ingest/extract-task.ts, loaded only where a task runs.

import type { JsonValue, Stage, TaskSpec } from '../pipeline/index.ts';
import { ConfigError } from '../pipeline/index.ts';
import { checkClassifierModel, missingFilterAssets, prepareFilters, sharedFilterFiles } from '../filters/index.ts';
import { planInputs } from './plan-inputs.ts';
import { explainEmptyInput } from './empty-input.ts';

export const extractStage: Stage = {
  name: 'extract',
  command: 'extract',
  description: 'read each input, extract main text, filter, sign for dedup, write documents',
  explainEmpty: explainEmptyInput,
  sharedFiles: ({ config }) => sharedFilterFiles(config.filters),
  async plan({ config, runDir }) {
    // Before any input is listed or read: a fineweb run never goes on silently laxer, and the
    // decontamination index is built once for every task.
    const missing = missingFilterAssets(config.filters);
    if (missing) throw new ConfigError(missing);
    await checkClassifierModel(config.filters);
    try {
      await prepareFilters(config.filters, runDir);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
    const inputs = await planInputs(config.sources, config.extract);
    const perSource = new Map<string, number>();
    return inputs.map((input): TaskSpec => {
      const n = perSource.get(input.source) ?? 0;
      perSource.set(input.source, n + 1);
      return {
        id: `${input.source}/${String(n).padStart(5, '0')}`,
        label: input.location,
        source: input.source,
        ...(input.bytes !== undefined ? { bytes: input.bytes } : {}),
        input: input as unknown as JsonValue,
      };
    });
  },
  // The task's code (extraction, filters, MinHash, Parquet) loads in the worker that runs it, not
  // in the coordinator that only plans.
  async run(ctx) {
    await (await import('./extract-task.ts')).runExtractTask(ctx);
  },
};
