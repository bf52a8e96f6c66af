// The train stage end to end on fixture shards: it writes RUN/train/config.json, runs the Python
// trainer from the virtualenv, counts results into stats, resumes from a checkpoint on a rerun,
// and `runTrainer` passes CLI subcommands through. Skips when the virtualenv is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseRunConfig } from '../../pipeline/config.ts';
import { createStats } from '../../pipeline/stats.ts';
import type { TaskContext } from '../../pipeline/stage.ts';
import { createTaskMemo } from '../../pipeline/task-memo.ts';
import { runTrainer, trainStage } from '../../pipeline/train-stage.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const python = join(repoRoot, '.venv', 'bin', 'python');
const skip = existsSync(python) ? false : 'no .venv (run npm run setup)';

function makeShards(runDir: string): void {
  const script = `import sys; sys.path.insert(0, 'test/trainer'); from pathlib import Path; import fixtures; fixtures.make_run(Path(sys.argv[1]))`;
  execFileSync(python, ['-c', script, runDir], { cwd: repoRoot });
}

function context(runDir: string, train: Record<string, unknown>, lines: string[]): TaskContext {
  const config = parseRunConfig({ sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }], train }, 'test');
  return {
    runDir,
    config,
    task: { id: 'train', label: 'train' },
    index: 0,
    stats: createStats(),
    progress: () => undefined,
    signal: new AbortController().signal,
    log: (line) => lines.push(line),
    keep: createTaskMemo(),
  };
}

const train = { steps: 6, seq_len: 32, batch_size: 4, lr: 0.003, log_every: 2, eval_every: 3, eval_tokens: 64, ckpt_every: 3, val_fraction: 0.05, device: 'cpu' };

test('train stage: plans one task, trains, writes config/plan/log/export and counts results', { skip }, async () => {
  const runDir = await mkdtemp(join(tmpdir(), 'train-stage-'));
  try {
    makeShards(runDir);
    const lines: string[] = [];
    const ctx = context(runDir, train, lines);
    const plan = await trainStage.plan(ctx);
    assert.equal(plan.length, 1);
    await trainStage.run(ctx);
    const cfg = JSON.parse(await readFile(join(runDir, 'train', 'config.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(cfg['shards_dir'], join(runDir, 'shards'));
    assert.equal(cfg['enabled'], undefined);
    const planJson = JSON.parse(await readFile(join(runDir, 'train', 'plan.json'), 'utf8')) as { sources: { source: string }[] };
    assert.deepEqual(planJson.sources.map((s) => s.source), ['code', 'web']);
    assert.ok(existsSync(join(runDir, 'train', 'export', 'model.safetensors')));
    assert.equal(ctx.stats.counters['train.steps'], 6);
    assert.ok((ctx.stats.counters['train.val_loss.web'] ?? 0) > 0);
    assert.ok(lines.some((l) => l.startsWith('step 6/6')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('sample: ')), lines.join('\n'));

    // a rerun (as after a crash) resumes from the checkpoint instead of refusing the folder
    const again: string[] = [];
    await trainStage.run(context(runDir, train, again));
    assert.ok(again.some((l) => l.includes('resuming')), again.join('\n'));

    assert.equal(await runTrainer('sample', [join(runDir, 'train'), '--prompt', 'the', '--max-new-tokens', '5']), 0);
    assert.equal(await runTrainer('eval', [join(runDir, 'train'), '--shards', join(runDir, 'shards'), '--max-rows', '2']), 0);
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
});

test('train stage: a mixture naming an unknown source fails the task with the trainer exit code', { skip }, async () => {
  const runDir = await mkdtemp(join(tmpdir(), 'train-stage-'));
  try {
    makeShards(runDir);
    const lines: string[] = [];
    await assert.rejects(trainStage.run(context(runDir, { ...train, mixture: { books: 1 } }, lines)), /exited with code 2/);
    assert.ok(lines.some((l) => l.includes("'books'")), lines.join('\n'));
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
});
