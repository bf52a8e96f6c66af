// The stages of a full run, in order. Each folder owns its stages; this list only orders them.

import { dedupStages } from '../dedup/index.ts';
import { extractStage } from '../ingest/index.ts';
import { classifierCutoffStage } from '../filters/index.ts';
import { manifestStage, tokenizeStage } from '../shards/index.ts';
import { reportStage } from '../report/index.ts';
import { tokenizerStage } from '../tokenize/index.ts';
import { trainStage } from './train-stage.ts';
import type { Stage } from './stage.ts';

export const stages: readonly Stage[] = [extractStage, ...dedupStages, classifierCutoffStage, tokenizerStage, tokenizeStage, manifestStage, trainStage, reportStage];

export function stagesFor(commands: readonly string[] | undefined): readonly Stage[] {
  return commands ? stages.filter((s) => commands.includes(s.command)) : stages;
}
