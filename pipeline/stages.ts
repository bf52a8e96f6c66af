// The stages of a full run, in order. Each folder owns its stages; this list only orders them.

import type { Stage } from './stage.ts';

export const stages: readonly Stage[] = [];

export function stagesFor(commands: readonly string[] | undefined): readonly Stage[] {
  return commands ? stages.filter((s) => commands.includes(s.command)) : stages;
}
