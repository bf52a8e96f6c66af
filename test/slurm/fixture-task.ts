// `cc-pretrain task RUN STAGE INDEX` for the fixture stages: what the test array elements run
// until the real stage registry has stages of its own.

import { loadPlan, loadRun, runTask } from '../../pipeline/task-runner.ts';
import { stages as lineStages, trainStage } from './fixture-stages.ts';

const stages = [...lineStages, trainStage];

const [runDir, stageName, indexText] = process.argv.slice(2);
const stage = stages.find((s) => s.name === stageName);
if (!runDir || !stage || indexText === undefined) throw new Error(`usage: fixture-task.ts RUN STAGE INDEX (stages: ${stages.map((s) => s.name).join(', ')})`);
const { config } = await loadRun(runDir);
const outcome = await runTask(runDir, config, stage, await loadPlan(runDir, stage.name), Number(indexText), {
  echo: (line) => process.stderr.write(`${line}\n`),
});
process.stderr.write(`${stage.name} ${outcome.id}: ${outcome.ok ? 'ok' : `FAILED: ${outcome.error}`}\n`);
process.exitCode = outcome.ok ? 0 : 1;
