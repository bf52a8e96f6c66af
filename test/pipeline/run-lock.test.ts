// The run-folder lock: a second holder is refused with the first one's pid, host and command; a
// lock whose process died, or whose heartbeat stopped on another host, is taken over; release
// removes only our own lock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockRunDir, RunLockedError } from '../../pipeline/run-lock.ts';

test('a second lock on a held run folder is refused naming the holder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lock-'));
  const lock = await lockRunDir(dir, 'run sample.yaml');
  await assert.rejects(lockRunDir(dir, 'run other.yaml'), (err: Error) => {
    assert.ok(err instanceof RunLockedError);
    assert.match(err.message, new RegExp(`in use by \`cc-pretrain run sample.yaml\` \\(pid ${process.pid} on ${hostname()}, since `));
    return true;
  });
  await lock.release();
  assert.equal(existsSync(join(dir, 'lock.json')), false);
  const again = await lockRunDir(dir, 'run other.yaml');
  assert.match(await readFile(join(dir, 'lock.json'), 'utf8'), /"command":"run other.yaml"/);
  await again.release();
});

test('a lock left by a dead process on this host is taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lock-'));
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(dead.stdout);
  await writeFile(join(dir, 'lock.json'), JSON.stringify({ pid, host: hostname(), started: '2026-01-01T00:00:00Z', command: 'run' }));
  const lock = await lockRunDir(dir, 'run');
  assert.match(await readFile(join(dir, 'lock.json'), 'utf8'), new RegExp(`"pid":${process.pid}`));
  await lock.release();
});

test('another host: a fresh heartbeat holds, a silent one for two minutes is taken over', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lock-'));
  const path = join(dir, 'lock.json');
  await writeFile(path, JSON.stringify({ pid: 1, host: 'node-elsewhere', started: '2026-01-01T00:00:00Z', command: 'run' }));
  await assert.rejects(lockRunDir(dir, 'run'), /pid 1 on node-elsewhere/);
  const old = new Date(Date.now() - 5 * 60_000);
  await utimes(path, old, old);
  const lock = await lockRunDir(dir, 'run');
  await lock.release();
});

test('a torn lock file (a crash while it was written) counts as stale', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lock-'));
  await writeFile(join(dir, 'lock.json'), '{"pid":');
  const lock = await lockRunDir(dir, 'run');
  await lock.release();
});
