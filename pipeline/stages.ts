// The stage registry that `task` and `status` load: every stage, in run order
// (pipeline/stage-order.ts). A command's coordinator, and each worker thread, loads only its own
// command's stages from there instead.

import { loadStages } from './stage-order.ts';

export const stages = await loadStages();
