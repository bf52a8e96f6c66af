// The stage registry that worker threads, `task` and `status` load: every stage, in run order
// (pipeline/stage-order.ts). A command's coordinator loads only its own stages from there instead.

import { loadStages } from './stage-order.ts';

export const stages = await loadStages();
