// The Ray executor on a real local Ray cluster (`ray start --head` plus a second node on this
// machine, each with its own cc-pretrain cache, as two machines would have) running the sample
// config end to end with the run folder on a real S3-compatible server: the bucket ends with the
// same bytes as a local run, and the driver prints the local executor's stage summaries.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';
import { repoRoot } from '../shared-data.ts';
import { assertSame, bucketData, localData, writeSampleConfig } from './sample-run.ts';
import { s3Unavailable, startS3Server, type S3Server } from './s3-server.ts';

const RAY = join(repoRoot, '.venv-ray', 'bin', 'ray');
const skip =
  s3Unavailable() ||
  (!existsSync(RAY) && `no Ray at ${RAY}: run \`npm run setup\``) ||
  (!existsSync(join(repoRoot, '.venv', 'bin', 'python')) && 'no .venv (the report stage needs it): run `npm run setup`');
const BUCKET = 'ray-test';
const cli = join(repoRoot, 'bin', 'cc-pretrain');
let server: S3Server;
let work: string;
let address: string;

function ray(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(RAY, args, { encoding: 'utf8', env: { ...process.env, ...env, RAY_USAGE_STATS_ENABLED: '0' } });
  assert.equal(r.status, 0, `ray ${args.join(' ')}: ${r.stderr}`);
}

before(async () => {
  if (skip) return;
  server = await startS3Server();
  Object.assign(process.env, server.env);
  await server.createBucket(BUCKET);
  work = await mkdtemp(join(tmpdir(), 'ray-run-'));
  const port = await freePort();
  address = `127.0.0.1:${port}`;
  // Each node's task processes inherit its environment: the store's endpoint and its own cache.
  const node = (name: string) => ({ ...server.env, CC_PRETRAIN_CACHE: join(work, `cache-${name}`) });
  const common = ['--num-cpus=1', '--memory=2000000000', '--disable-usage-stats'];
  ray(['start', '--head', `--port=${port}`, '--node-ip-address=127.0.0.1', '--include-dashboard=false', `--temp-dir=${join(work, 'ray')}`, ...common], node('head'));
  ray(['start', `--address=${address}`, '--node-ip-address=127.0.0.1', ...common], node('worker'));
});

after(async () => {
  if (skip) return;
  spawnSync(RAY, ['stop', '--force'], { encoding: 'utf8' });
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

test('a Ray cluster runs the sample config with the run folder on S3, byte-identical to a local run', { skip, timeout: 400_000 }, async () => {
  const localConfig = await writeSampleConfig(work);
  const env = { ...process.env, ...server.env, CI: 'true', CC_PRETRAIN_CACHE: join(work, 'cache-driver') };
  const local = spawnSync(cli, ['run', localConfig, '--out', join(work, 'local')], { cwd: work, encoding: 'utf8', env });
  assert.equal(local.status, 0, local.stderr);

  const rayConfig = await writeSampleConfig(work, { kind: 'ray', address, cpus_per_task: 1, mem_per_task: '500M', retries: 1 }, 'ray.yaml');
  const run = `s3://${BUCKET}/runs/sample`;
  const r = spawnSync(cli, ['run', rayConfig, '--out', run], { cwd: work, encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /extract: 2 tasks — 2 ok, 0 failed, 0 already done, docs \d+ → \d+/);
  assert.match(r.stderr, /tokenize: \d+ tasks — \d+ ok, 0 failed/);
  assertSame(await bucketData(BUCKET, 'runs/sample'), await localData(join(work, 'local')), 'Ray run');
});
