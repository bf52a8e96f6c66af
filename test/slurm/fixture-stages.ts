// Stages for the Slurm executor tests: real tasks with atomic outputs, steered by files in the run
// folder: `hold-<i>` makes task i write half its output to a temporary file and wait (so a test can
// scancel it mid-way), `flaky-<i>` makes task i fail once (so a retry round must complete it).

import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAtomicStream, writeFileAtomic } from '../../pipeline/atomic.ts';
import type { Stage } from '../../pipeline/stage.ts';

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
