// The test cluster itself: it starts, runs an array job on the one node, and stops without
// leaving daemons behind. When this fails the other Slurm tests cannot mean anything.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCluster, slurmUnavailable } from './cluster.ts';

const run = promisify(execFile);
const skip = slurmUnavailable();

test('a single-node Slurm cluster runs an array job and stops cleanly', { skip, timeout: 90_000 }, async () => {
  const cluster = await startCluster();
  let pids: number[] = [];
  try {
    const { stdout } = await run(
      'sbatch',
      ['--parsable', '--array=0-2%2', `--output=${cluster.dir}/out-%a.txt`, '--wrap', 'echo "task $SLURM_ARRAY_TASK_ID"'],
      { env: cluster.env, cwd: cluster.dir },
    );
    const jobId = stdout.trim();
    assert.match(jobId, /^\d+$/);
    const deadline = Date.now() + 60_000;
    while ((await run('squeue', ['-h', '-j', jobId], { env: cluster.env })).stdout.trim() !== '') {
      assert.ok(Date.now() < deadline, 'array job did not finish in 60 s');
      await new Promise((r) => setTimeout(r, 300));
    }
    for (const i of [0, 1, 2]) assert.equal(await readFile(join(cluster.dir, `out-${i}.txt`), 'utf8'), `task ${i}\n`);
    pids = await Promise.all(['slurmctld.pid', 'slurmd.pid', 'munge/munged.pid'].map(async (f) => Number((await readFile(join(cluster.dir, f), 'utf8')).trim())));
  } finally {
    await cluster.stop();
  }
  assert.equal(existsSync(cluster.dir), false);
  for (const pid of pids) assert.throws(() => process.kill(pid, 0), `daemon ${pid} still running`);
});
