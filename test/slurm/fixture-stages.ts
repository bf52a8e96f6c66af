// Stages for the Slurm executor tests: real tasks with atomic outputs, steered by files in the run
// folder: `hold-<i>` makes task i write half its output to a temporary file and wait (so a test can
// scancel it mid-way), `flaky-<i>` makes task i fail once (so a retry round must complete it).

import { spawn } from 'node:child_process';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createAtomicStream, writeFileAtomic } from '../../pipeline/atomic.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { trainerLauncher } from '../../pipeline/slurm-train.ts';

const exists = (p: string) => access(p).then(() => true, () => false);
const TASKS = 4;

export const stages: readonly Stage[] = [
  {
    name: 'lines',
    command: 'extract',
    description: 'writes 2000 numbered lines per task',
    async plan() {
      return Array.from({ length: TASKS }, (_, i) => ({ id: `t/${String(i).padStart(5, '0')}`, label: `task ${i}`, n: i }));
    },
    async run(ctx) {
      const n = ctx.task.n as number;
      const flaky = join(ctx.runDir, `flaky-${n}`);
      if (await exists(flaky)) {
        await rm(flaky);
        throw new Error(`task ${n} failed once on purpose`);
      }
      await mkdir(join(ctx.runDir, 'out'), { recursive: true });
      ctx.log(`writing out/${n}.txt`);
      const out = await createAtomicStream(join(ctx.runDir, 'out', `${n}.txt`));
      for (let i = 0; i < 2000; i++) {
        out.stream.write(`${n}:${i}\n`);
        if (i === 1000) {
          while (await exists(join(ctx.runDir, `hold-${n}`))) await new Promise((r) => setTimeout(r, 100));
        }
      }
      await out.commit();
      ctx.stats.count('docs.in', 2000);
    },
  },
  {
    name: 'total',
    command: 'report',
    description: 'concatenates the outputs of `lines`',
    async plan() {
      return [{ id: 'all', label: 'total' }];
    },
    async run(ctx) {
      const parts: string[] = [];
      for (let i = 0; i < TASKS; i++) parts.push(await readFile(join(ctx.runDir, 'out', `${i}.txt`), 'utf8'));
      await writeFileAtomic(join(ctx.runDir, 'out', 'total.txt'), parts.join(''));
    },
  },
];

/** A `train` stage that starts a probe "trainer" the way the real one is started: through the launcher. */
export const trainStage: Stage = {
  name: 'train',
  command: 'train',
  description: 'runs test/slurm/rank_probe.py on every torchrun rank',
  inline: true,
  async plan() {
    return [{ id: 'train', label: 'train' }];
  },
  async run(ctx) {
    const launcher = trainerLauncher();
    if (!launcher) throw new Error('no training launcher in the environment: not inside a Slurm training job');
    const [command, ...args] = launcher;
    const probe = fileURLToPath(new URL('./rank_probe.py', import.meta.url));
    const child = spawn(command!, [...args, probe, ctx.runDir], { stdio: ['ignore', 'inherit', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`trainer exited with ${code}`);
  },
};
