// A real S3-compatible server for tests: SeaweedFS (`weed server -s3`, built from the Go module
// proxy by scripts/setup.sh into .cache/weed), started on free loopback ports with its data in a
// temporary folder, and stopped with everything it wrote. Clients reach it through `env`
// (AWS_ENDPOINT_URL_S3, static credentials, region), the standard AWS variables the product reads.
// `CC_PRETRAIN_TEST_S3=http://host:port` points the tests at a server already running instead
// (one that accepts unsigned bucket creation, as SeaweedFS and MinIO without identities do).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port.ts';
import { repoRoot } from '../shared-data.ts';

export const WEED = process.env['CC_PRETRAIN_WEED'] ?? join(repoRoot, '.cache', 'weed');

/** Why the S3 tests cannot run here, or false. */
const EXTERNAL = process.env['CC_PRETRAIN_TEST_S3'];

export function s3Unavailable(): string | false {
  return EXTERNAL || existsSync(WEED) ? false : `no SeaweedFS binary at ${WEED}: run \`npm run setup\``;
}

export interface S3Server {
  endpoint: string;
  port: number;
  /** Environment for clients of this server (the product's CLI among them). */
  env: NodeJS.ProcessEnv;
  /** Creates a bucket (an unsigned PUT: the test server has no identities), retrying while the server settles. */
  createBucket(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** A port p with p + 10000 (SeaweedFS's gRPC port for it) free too. */
/** n distinct ports free now. Each server's gRPC port is given too: SeaweedFS would otherwise take
 * its HTTP port + 10000, which nothing checked was free (another test's server held one once). */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const clientEnv = (endpoint: string): NodeJS.ProcessEnv => ({
  AWS_ENDPOINT_URL_S3: endpoint,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test-secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
});

function bucketMaker(endpoint: string): (name: string) => Promise<void> {
  return async (name) => {
    const until = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${endpoint}/${name}`, { method: 'PUT' }).catch((err: unknown) => err as Error);
      if (!(res instanceof Error) && (res.ok || res.status === 409)) return;
      if (Date.now() > until) throw new Error(`cannot create bucket ${name}: ${res instanceof Error ? res.message : `HTTP ${res.status} ${await res.text()}`}`);
      await sleep(250);
    }
  };
}

export async function startS3Server(): Promise<S3Server> {
  if (EXTERNAL) {
    const endpoint = EXTERNAL.replace(/\/+$/, '');
    return { endpoint, port: Number(new URL(endpoint).port), env: clientEnv(endpoint), createBucket: bucketMaker(endpoint), stop: async () => undefined };
  }
  const dir = await mkdtemp(join(tmpdir(), 'weed-'));
  const ports = await freePorts(8);
  const [master, volume, filer, s3, masterGrpc, volumeGrpc, filerGrpc, s3Grpc] = ports as [number, number, number, number, number, number, number, number];
  const child: ChildProcess = spawn(
    WEED,
    [
      'server',
      `-dir=${dir}`,
      '-ip=127.0.0.1',
      '-ip.bind=127.0.0.1',
      `-master.port=${master}`,
      `-volume.port=${volume}`,
      `-filer.port=${filer}`,
      '-s3',
      `-s3.port=${s3}`,
      `-master.port.grpc=${masterGrpc}`,
      `-volume.port.grpc=${volumeGrpc}`,
      `-filer.port.grpc=${filerGrpc}`,
      `-s3.port.grpc=${s3Grpc}`,
      // Off: their fixed default ports would collide between test files running at once.
      '-s3.port.iceberg=0',
      '-s3.port.lance=0',
      '-master.volumeSizeLimitMB=64',
      '-volume.max=20',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (log = (log + s).slice(-4000)));
  const endpoint = `http://127.0.0.1:${s3}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  // Ready when a bucket listing answers (the S3 gateway waits for the filer, the filer for a volume).
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`weed server exited with ${child.exitCode}: ${log}`);
    }
    const ok = await fetch(`${endpoint}/`).then((r) => r.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`weed server did not answer on ${endpoint} in 90 s: ${log}`);
    }
    await sleep(250);
  }
  return { endpoint, port: s3, env: clientEnv(endpoint), createBucket: bucketMaker(endpoint), stop };
}
