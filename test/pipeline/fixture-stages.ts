// Stages for testing the runner and executors: real tasks that write atomic outputs, steered by
// files in the run folder (`fail-<i>` makes task i throw, `crash-<i>` kills its worker thread,
// `share-me` is shared with the workers and copied by each task that finds it shared).

import { access, appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../../pipeline/atomic.ts';
import { sharedFile } from '../../pipeline/shared-files.ts';
import type { Stage } from '../../pipeline/stage.ts';

const exists = (p: string) => access(p).then(() => true, () => false);

export const stages: readonly Stage[] = [
  {
    name: 'square',
    command: 'extract',
    description: 'writes i*i for six tasks',
    sharedFiles: ({ runDir }) => (existsSync(join(runDir, 'share-me')) ? [join(runDir, 'share-me')] : []),
    async plan() {
      return Array.from({ length: 6 }, (_, i) => ({ id: `t/${String(i).padStart(5, '0')}`, label: `task ${i}`, n: i }));
    },
    async run(ctx) {
      const n = ctx.task.n as number;
      await mkdir(ctx.runDir, { recursive: true });
      await appendFile(join(ctx.runDir, 'executions.log'), `${ctx.task.id}\n`);
      if (await exists(join(ctx.runDir, `crash-${n}`))) process.exit(3);
      if (await exists(join(ctx.runDir, `fail-${n}`))) throw new Error(`task ${n} was told to fail`);
      await writeFileAtomic(join(ctx.runDir, 'out', `${n}.txt`), `${n * n}\n`);
      const shared = sharedFile(join(ctx.runDir, 'share-me'));
      if (shared) await writeFileAtomic(join(ctx.runDir, 'out', `shared-${n}.txt`), Buffer.from(shared));
      ctx.stats.count('docs.in', n);
      ctx.stats.count('docs.out', n);
      ctx.progress(n);
    },
  },
  {
    name: 'sum',
    command: 'report',
    description: 'sums the squares',
    async plan() {
      return [{ id: 'all', label: 'sum' }];
    },
    async run(ctx) {
      const { readFile } = await import('node:fs/promises');
      let total = 0;
      for (let i = 0; i < 6; i++) total += Number(await readFile(join(ctx.runDir, 'out', `${i}.txt`), 'utf8'));
      await writeFileAtomic(join(ctx.runDir, 'out', 'sum.txt'), `${total}\n`);
    },
  },
];
