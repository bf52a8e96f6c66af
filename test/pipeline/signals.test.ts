// SIGTERM or SIGINT to `cc-pretrain train` while the Python trainer runs: the trainer gets the
// signal and is waited for (no orphan keeps writing), the command exits 128 + n, the run folder's
// lock is released, and meanwhile a second command on the same folder is refused.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseRunConfig } from '../../pipeline/config.ts';
import { prepareRunDir } from '../../pipeline/runner.ts';
import { isProcessAlive } from '../../pipeline/run-lock.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const bin = join(repoRoot, 'bin', 'cc-pretrain');
const python = join(repoRoot, '.venv', 'bin', 'python');
const skip = existsSync(python) ? false : 'no .venv (run npm run setup)';

async function longTrainingRun(): Promise<string> {
  const runDir = await mkdtemp(join(tmpdir(), 'signals-'));
  const script = `import sys; sys.path.insert(0, 'test/trainer'); from pathlib import Path; import fixtures; fixtures.make_run(Path(sys.argv[1]))`;
  execFileSync(python, ['-c', script, runDir], { cwd: repoRoot });
  const train = { steps: 100000, max_epochs: 1000, seq_len: 32, batch_size: 4, log_every: 1, eval_every: 100000, ckpt_every: 100000, device: 'cpu' };
  await prepareRunDir(runDir, parseRunConfig({ sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }], train }, 'test'));
  return runDir;
}

function childrenOf(pid: number): number[] {
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((l) => l.trim()).map(Number);
}


for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  test(`${signal} to cc-pretrain train stops the trainer and waits for it`, { skip, timeout: 180_000 }, async () => {
    const runDir = await longTrainingRun();
    const cli = spawn(bin, ['train', runDir, '--workers', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    await new Promise<void>((resolveStep, reject) => {
      createInterface({ input: cli.stderr }).on('line', (line) => {
        lines.push(line);
        if (/step \d+\//.test(line)) resolveStep();
      });
      cli.on('exit', () => reject(new Error(`cc-pretrain exited before training:\n${lines.join('\n')}`)));
    });
    const trainers = childrenOf(cli.pid!);
    assert.ok(trainers.length > 0, 'the trainer runs as a child of cc-pretrain');

    const second = spawnSync(bin, ['train', runDir], { encoding: 'utf8' });
    assert.equal(second.status, 2);
    assert.match(second.stderr, new RegExp(`^cc-pretrain: run folder ${runDir} is in use by \`cc-pretrain train ${runDir} --workers 1\` \\(pid ${cli.pid} on `));

    const exited = new Promise<number | null>((r) => cli.on('exit', (c) => r(c)));
    cli.kill(signal);
    assert.equal(await exited, code, lines.join('\n'));
    for (const pid of trainers) assert.equal(isProcessAlive(pid), false, `trainer ${pid} outlived cc-pretrain`);
    assert.equal(existsSync(join(runDir, 'lock.json')), false, 'the lock is released');
    assert.ok(lines.some((l) => l.includes(`${signal}: stopping`)), lines.join('\n'));
  });
}
