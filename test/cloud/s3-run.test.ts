// A run folder on a real S3-compatible server (SeaweedFS), through the command line: the sample
// config run with `--out s3://…` writes the same bytes as a local run; a run killed with SIGKILL
// in the middle of extract leaves only complete objects and no marker for the unfinished task,
// and a rerun from another machine's empty cache finishes it with the same bytes; status, verify, inspect and report
// read the run from the bucket.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listObjects, objectExists } from '../../pipeline/storage.ts';
import { repoRoot } from '../shared-data.ts';
import { assertSame, bucketData, localData, writeSampleConfig } from './sample-run.ts';
import { s3Unavailable, startS3Server, type S3Server } from './s3-server.ts';

const skip = s3Unavailable() || (!existsSync(join(repoRoot, '.venv', 'bin', 'python')) && 'no .venv (the report stage needs it): run `npm run setup`');
const BUCKET = 'run-test';
const cli = join(repoRoot, 'bin', 'cc-pretrain');
let server: S3Server;
let work: string;
let config: string;
let local: Map<string, Buffer>;

function cc(args: string[], cache: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cli, args, { cwd: work, encoding: 'utf8', env: { ...process.env, ...server.env, CI: 'true', CC_PRETRAIN_CACHE: cache } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  if (skip) return;
  server = await startS3Server();
  Object.assign(process.env, server.env);
  await server.createBucket(BUCKET);
  work = await mkdtemp(join(tmpdir(), 's3-run-'));
  config = await writeSampleConfig(work);
  const r = cc(['run', config, '--out', join(work, 'local')], join(work, 'unused-cache'));
  assert.equal(r.status, 0, r.stderr);
  local = await localData(join(work, 'local'));
  assert.ok([...local.keys()].some((k) => k.startsWith('shards/')), 'the local run wrote shards');
});

after(async () => {
  if (skip) return;
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

test('a run folder on S3 holds the same bytes as a local run; status, verify, inspect and report read it', { skip, timeout: 300_000 }, async () => {
  const run = `s3://${BUCKET}/runs/sample`;
  const r = cc(['run', config, '--out', run], join(work, 'cache-a'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`done: ${run}`));
  assertSame(await bucketData(BUCKET, 'runs/sample'), local, 'S3 run');
  assert.ok(await objectExists(`${run}/report/index.html`));

  // Read from a machine that never saw the run (an empty cache).
  const status = cc(['status', run], join(work, 'cache-b'));
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, new RegExp(`run ${run}`));
  assert.match(status.stdout, /extract\s+2 tasks: 2 done, 0 running, 0 failed, 0 pending/);
  assert.match(status.stdout, /report\s+1 tasks: 1 done/);
  const verify = cc(['verify', `${run}/shards`], join(work, 'cache-b'));
  assert.equal(verify.status, 0, verify.stderr + verify.stdout);
  const inspect = cc(['inspect', `${run}/docs/web/00000.parquet`, '--json'], join(work, 'cache-b'));
  assert.equal(inspect.status, 0, inspect.stderr);
  assert.ok((JSON.parse(inspect.stdout) as { rows: number }).rows > 0);
  const report = cc(['report', run, '--format', 'md'], join(work, 'cache-b'));
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /extract/);
});

test('kill -9 mid-extract leaves only complete objects; a rerun elsewhere finishes with the same bytes', { skip, timeout: 300_000 }, async () => {
  const prefix = 'runs/killed';
  const run = `s3://${BUCKET}/${prefix}`;
  const child = spawn(cli, ['extract', config, '--out', run, '--workers', '1'], {
    cwd: work,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ...server.env, CI: 'true', CC_PRETRAIN_CACHE: join(work, 'cache-k1') },
  });
  const firstMarker = `${run}/markers/extract/web/00000.done`;
  const deadline = Date.now() + 120_000;
  while (!(await objectExists(firstMarker)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await objectExists(firstMarker), 'the first extract task reached the bucket');
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((r) => child.once('exit', r));
  assert.equal(await objectExists(`${run}/markers/extract/wiki/00000.done`), false, 'killed before the stage ended');
  // Every marker in the bucket has its task's documents beside it, and nothing half-written is there.
  assert.ok(await objectExists(`${run}/docs/web/00000.parquet`));
  for await (const o of listObjects(`${run}/`)) assert.ok(!o.key.includes('.tmp-'), `${o.key} is a temporary`);

  // Another machine (an empty cache) resumes: only the unfinished task runs.
  const again = cc(['extract', config, '--out', run, '--workers', '1'], join(work, 'cache-k2'));
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /extract: 2 tasks — 1 ok, 0 failed, 1 already done/);
  // The extract stage's outputs are what the kill could have damaged; the later stages are the first test's.
  const extracted = (files: Map<string, Buffer>) => new Map([...files].filter(([k]) => ['docs', 'removed', 'minhash'].includes(k.split('/')[0]!)));
  assertSame(await bucketData(BUCKET, prefix), extracted(local), 'killed and resumed S3 run');
});
