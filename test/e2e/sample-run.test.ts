// The README's main job, end to end: `cc-pretrain run examples/sample.yaml` completes with a
// trained model and a report; a second run of the same config with one worker, killed with
// SIGKILL in the middle of `extract` and resumed stage by stage, ends with byte-identical data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../shared-data.ts';

const cli = join(repoRoot, 'bin', 'cc-pretrain');
const config = join(repoRoot, 'examples', 'sample.yaml');
const hasVenv = existsSync(join(repoRoot, '.venv', 'bin', 'python'));
/** The outputs that must not depend on worker count or interruptions (training and the report carry timings). */
const DATA = ['docs', 'removed', 'minhash', 'dedup', 'tokenizer', 'shards'];

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const top of DATA) {
    const root = join(dir, top);
    if (!existsSync(root)) continue;
    for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) {
        const p = join(e.parentPath, e.name);
        out.set(relative(dir, p), await readFile(p));
      }
    }
  }
  return out;
}

function cc(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cli, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the main job and an interrupted, resumed one-worker run agree byte for byte', { skip: !hasVenv && 'no .venv: run `npm run setup`', timeout: 600_000 }, async () => {
  const base = await mkdtemp(join(tmpdir(), 'e2e-'));
  const full = join(base, 'full');
  const resumed = join(base, 'resumed');

  const main = cc(['run', config, '--out', full, '--workers', '2']);
  assert.equal(main.status, 0, main.stderr);
  assert.match(main.stdout, /report: .*report\/index\.html/);
  assert.ok(existsSync(join(full, 'report', 'index.html')));
  assert.ok(existsSync(join(full, 'train', 'log.jsonl')), 'training ran');
  assert.ok(existsSync(join(full, 'shards', 'manifest.json')));
  const manifest = JSON.parse(await readFile(join(full, 'shards', 'manifest.json'), 'utf8'));
  assert.deepEqual(Object.keys(manifest.sources).sort(), ['web', 'wiki']);
  assert.equal(cc(['verify', join(full, 'shards')]).status, 0);

  // One worker, killed as soon as the first extract task is complete; then resumed.
  const child = spawn(cli, ['extract', config, '--out', resumed, '--workers', '1'], { cwd: repoRoot, stdio: 'ignore', detached: true });
  const firstMarker = join(resumed, 'markers', 'extract', 'web', '00000.done');
  const deadline = Date.now() + 120_000;
  while (!existsSync(firstMarker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(existsSync(firstMarker), 'the first extract task completed');
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((r) => child.once('exit', r));
  assert.ok(!existsSync(join(resumed, 'markers', 'extract', 'wiki', '00000.done')), 'killed before the stage ended');

  const again = cc(['extract', config, '--out', resumed, '--workers', '1']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /extract: 2 tasks — 1 ok, 0 failed, 1 already done/);
  for (const command of ['dedup', 'train-tokenizer', 'tokenize']) {
    const r = cc([command, config, '--out', resumed, '--workers', '1']);
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
  }

  const a = await filesUnder(full);
  const b = await filesUnder(resumed);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs between the runs`);
  await rm(base, { recursive: true });
});
