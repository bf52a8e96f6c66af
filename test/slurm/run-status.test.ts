// `status` on a run made by the local executor (no Slurm needed): counts per stage, the failure
// message and the task's log path, and stages not planned yet.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseRunConfig } from '../../pipeline/config.ts';
import { createLocalExecutor } from '../../pipeline/local-executor.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { formatRunStatus, runStatus } from '../../pipeline/run-status.ts';
import { stages } from './fixture-stages.ts';

const registry = new URL('./fixture-stages.ts', import.meta.url).href;
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
const config = parseRunConfig({ name: 's', sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }] }, 'test');
const order = ['lines', 'total'];

test('status counts done, failed and pending tasks and names the failure and its log', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'status-'));
  await writeFile(join(dir, 'flaky-3'), '');
  const run = () => runPipeline({ runDir: dir, config, stages, executor: createLocalExecutor({ workers: 2, registry }), stream: quiet });
  assert.equal((await run()).ok, false);
  const failed = await runStatus(dir, { stageOrder: order });
  assert.deepEqual(
    failed.stages.map((s) => [s.stage, s.planned, s.tasks, s.done, s.running, s.failed, s.pending]),
    [['lines', true, 4, 3, 0, 1, 0], ['total', false, 0, 0, 0, 0, 0]],
  );
  const f = failed.stages[0]!.failures[0]!;
  assert.deepEqual([f.id, f.label, f.error], ['t/00003', 'task 3', 'task 3 failed once on purpose']);
  assert.equal(f.log, join(dir, 'logs', 'lines', 't', '00003.log'));
  assert.equal(f.slurmLog, undefined);
  const text = formatRunStatus(failed);
  assert.match(text, /lines +4 tasks: 3 done, 0 running, 1 failed, 0 pending/);
  assert.match(text, /total +not planned yet/);

  const bin = fileURLToPath(new URL('../../bin/cc-pretrain', import.meta.url));
  const cli = spawnSync(bin, ['status', dir], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /lines +4 tasks: 3 done, 0 running, 1 failed, 0 pending\n +FAILED t\/00003 \(task 3\): task 3 failed once on purpose\n +log: .*00003\.log/);
  const json = JSON.parse(spawnSync(bin, ['status', dir, '--json'], { encoding: 'utf8' }).stdout) as { stages: { stage: string; failed: number }[] };
  assert.equal(json.stages.find((st) => st.stage === 'lines')?.failed, 1);

  assert.equal((await run()).ok, true);
  const done = await runStatus(dir, { stageOrder: order });
  assert.deepEqual(done.stages.map((s) => [s.stage, s.done, s.failed, s.pending]), [['lines', 4, 0, 0], ['total', 1, 0, 0]]);
  await rm(dir, { recursive: true });
});

test('status refuses a folder that is not a run', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'status-'));
  await assert.rejects(runStatus(dir), /not a run folder/);
  await rm(dir, { recursive: true });
});
