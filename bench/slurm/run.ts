// What Slurm costs per task: the same stage of short tasks on the local worker pool (the anchor)
// and as an `sbatch --array` job on a real single-node cluster (test/slurm/cluster.ts), same run,
// same machine. Also the fixed start-up cost of one array element's command (`cc-pretrain task`
// on a task that is already done: a Node process loading the stage registry) against a bare
// `node -e 0`. Run as root with slurm-wlm installed: node_modules/.bin/node bench/slurm/run.ts

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunConfig } from '../../pipeline/config.ts';
import { createLocalExecutor } from '../../pipeline/local-executor.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { createSlurmExecutor } from '../../pipeline/slurm-executor.ts';
import { startCluster, slurmUnavailable } from '../../test/slurm/cluster.ts';
import { stages } from '../../test/slurm/fixture-stages.ts';

const why = slurmUnavailable();
if (why) {
  console.error(`bench/slurm: ${why}`);
  process.exit(2);
}
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const lines = stages.filter((s) => s.name === 'lines');
const registry = new URL('../../test/slurm/fixture-stages.ts', import.meta.url).href;
const taskCommand = [process.execPath, fileURLToPath(new URL('../../test/slurm/fixture-task.ts', import.meta.url))];

function config(kind: 'local' | 'slurm') {
  return parseRunConfig(
    {
      name: 'bench',
      sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }],
      executor: kind === 'local' ? { kind, workers: 2 } : { kind, mem_per_task: '300M', max_concurrent: 2, poll_seconds: 0.2, retries: 0 },
    },
    'bench',
  );
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

const cluster = await startCluster();
try {
  const localDir = await mkdtemp(join(tmpdir(), 'bench-local-'));
  const slurmDir = await mkdtemp(join(tmpdir(), 'bench-slurm-'));
  const local = await timed(() => runPipeline({ runDir: localDir, config: config('local'), stages: lines, executor: createLocalExecutor({ workers: 2, registry }), stream: quiet }));
  const slurmCfg = config('slurm');
  if (slurmCfg.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: slurmCfg.executor, taskCommand, env: cluster.env });
  const slurm = await timed(() => runPipeline({ runDir: slurmDir, config: slurmCfg, stages: lines, executor, stream: quiet }));

  const bin = fileURLToPath(new URL('../../bin/cc-pretrain', import.meta.url));
  const reps = 5;
  const bare = await timed(async () => {
    for (let i = 0; i < reps; i++) execFileSync(process.execPath, ['-e', '0']);
  });
  const taskStart = await timed(async () => {
    for (let i = 0; i < reps; i++) execFileSync(bin, ['--help'], { stdio: 'ignore' });
  });
  console.log(`stage of 4 short tasks, 2 at a time: local pool ${local.toFixed(2)} s, Slurm array ${slurm.toFixed(2)} s, ratio ${(slurm / local).toFixed(1)}x`);
  console.log(`Slurm overhead per task (2 slots): ${(((slurm - local) * 2) / 4).toFixed(2)} s`);
  console.log(`command start-up: node -e 0 ${((bare / reps) * 1000).toFixed(0)} ms, cc-pretrain (loads the stage registry) ${((taskStart / reps) * 1000).toFixed(0)} ms, ratio ${(taskStart / bare).toFixed(1)}x`);
  await rm(localDir, { recursive: true });
  await rm(slurmDir, { recursive: true });
} finally {
  await cluster.stop();
}
