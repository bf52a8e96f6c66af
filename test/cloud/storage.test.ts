// The storage layer against a real S3-compatible server (SeaweedFS) reached through a proxy that
// cuts connections: ranged reads resume where the connection dropped, multipart uploads survive
// resets, conditional writes refuse a second writer, prefix globs expand in key order, and the
// extract reader streams an s3:// WARC to the same documents as the local file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planInputs, readDocuments, InputError } from '../../ingest/index.ts';
import { extractSchema } from '../../ingest/config.ts';
import { createStats } from '../../pipeline/index.ts';
import { deleteObject, listObjects, objectExists, putObject, readObject, readObjectAll } from '../../pipeline/storage.ts';
import { repoRoot } from '../shared-data.ts';
import { startCuttingProxy, type CuttingProxy } from './cutting-proxy.ts';
import { s3Unavailable, startS3Server, type S3Server } from './s3-server.ts';

const skip = s3Unavailable();
const BUCKET = 'storage-test';
let server: S3Server;
let proxy: CuttingProxy;
let work: string;

before(async () => {
  if (skip) return;
  server = await startS3Server();
  proxy = await startCuttingProxy(server.port);
  // This process's client goes through the proxy (the client is made once, on first use).
  Object.assign(process.env, server.env, { AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${proxy.port}` });
  await server.createBucket(BUCKET);
  work = await mkdtemp(join(tmpdir(), 'storage-test-'));
});

after(async () => {
  if (skip) return;
  await proxy.close();
  await server.stop();
  await rm(work, { recursive: true, force: true });
});

const url = (key: string) => `s3://${BUCKET}/${key}`;

test('whole writes, listing by prefix, exists, delete and a conditional write', { skip }, async () => {
  assert.equal(await putObject(url('a/one.txt'), 'one'), true);
  assert.equal(await putObject(url('a/two.txt'), Buffer.from('two')), true);
  assert.equal(await putObject(url('ab/three.txt'), 'three'), true);
  const keys = [];
  for await (const o of listObjects(url('a/'))) keys.push(`${o.key}:${o.size}`);
  assert.deepEqual(keys, ['a/one.txt:3', 'a/two.txt:3']);
  assert.equal((await readObjectAll(url('a/two.txt'))).toString(), 'two');
  assert.equal(await objectExists(url('a/one.txt')), true);
  await deleteObject(url('a/one.txt'));
  assert.equal(await objectExists(url('a/one.txt')), false);
  await assert.rejects(readObjectAll(url('a/one.txt')), /cannot read s3:\/\/storage-test\/a\/one\.txt: NoSuchKey/);

  // A marker is written once: the second writer learns it is there and changes nothing.
  assert.equal(await putObject(url('markers/x.done'), 'first', { ifAbsent: true }), true);
  assert.equal(await putObject(url('markers/x.done'), 'second', { ifAbsent: true }), false);
  assert.equal((await readObjectAll(url('markers/x.done'))).toString(), 'first');
});

test('a read resumes with a ranged GET after the connection is cut mid-body', { skip }, async () => {
  const data = randomBytes(3 * 1024 * 1024 + 17);
  await putObject(url('big/blob.bin'), data);
  proxy.cut({ downBytes: 1024 * 1024, times: 2 });
  const before = proxy.cuts();
  const retries: string[] = [];
  const parts: Uint8Array[] = [];
  for await (const chunk of readObject(url('big/blob.bin'), { onRetry: (why) => retries.push(why) })) parts.push(chunk);
  proxy.cut(undefined);
  assert.equal(proxy.cuts() - before, 2, 'the proxy cut two connections');
  assert.equal(retries.length, 2);
  assert.ok(Buffer.concat(parts).equals(data), 'the bytes arrive whole and in order');
});

test('a multipart upload survives connections cut in the middle of a part', { skip }, async () => {
  const data = randomBytes(12 * 1024 * 1024 + 5);
  const file = join(work, 'multipart.bin');
  await writeFile(file, data);
  proxy.cut({ upBytes: 2 * 1024 * 1024, times: 2 });
  const before = proxy.cuts();
  assert.equal(await putObject(url('big/multipart.bin'), { file }, { partSize: 5 * 1024 * 1024 }), true);
  proxy.cut(undefined);
  assert.ok(proxy.cuts() - before >= 1, 'the proxy cut an upload');
  assert.ok((await readObjectAll(url('big/multipart.bin'))).equals(data));
});

test('s3:// globs expand by prefix listing, in key order; a path naming nothing fails before work', { skip }, async () => {
  for (const key of ['in/b/2.warc.gz', 'in/a/1.warc.gz', 'in/a/notes.txt', 'in/c/x.jsonl.gz']) await putObject(url(key), 'x');
  const cfg = extractSchema.parse({});
  const refs = await planInputs([{ name: 'web', kind: 'warc', paths: [url('in/*/*.warc.gz')] }], cfg);
  assert.deepEqual(refs.map((r) => [r.location, r.bytes]), [[url('in/a/1.warc.gz'), 1], [url('in/b/2.warc.gz'), 1]]);
  const jsonl = await planInputs([{ name: 'j', kind: 'jsonl', paths: [url('in/c/x.jsonl.gz')], text_field: 'text', id_field: 'id' }], cfg);
  assert.equal(jsonl[0]!.kind, 'jsonl');
  await assert.rejects(planInputs([{ name: 'web', kind: 'warc', paths: [url('in/*/*.wet.gz')] }], cfg), (err) => err instanceof InputError && /matches no object/.test(err.message));
  await assert.rejects(planInputs([{ name: 'web', kind: 'warc', paths: [url('in/a/missing.warc.gz')] }], cfg), /does not exist/);
});

test('an s3:// WARC reads to the same documents as the local file, through cut connections', { skip }, async () => {
  const local = join(repoRoot, 'examples', 'sample', 'web.warc.gz');
  await putObject(url('warc/web.warc.gz'), await readFile(local));
  const cfg = extractSchema.parse({});
  const read = async (location: string) => {
    const stats = createStats();
    const docs = [];
    for await (const d of readDocuments({ source: 'web', kind: 'warc', location }, cfg, stats, new AbortController().signal)) docs.push([d.id, d.text]);
    return { docs, stats };
  };
  const want = await read(local);
  proxy.cut({ downBytes: 200_000, times: 3 });
  const got = await read(url('warc/web.warc.gz'));
  proxy.cut(undefined);
  assert.ok(want.docs.length > 10);
  assert.deepEqual(got.docs, want.docs);
  assert.equal(got.stats.counters['download.retries'], 3);
});

test('a public object reads without credentials (unsigned requests)', { skip }, async () => {
  const home = await mkdtemp(join(tmpdir(), 'no-aws-'));
  const local = join(repoRoot, 'examples', 'sample', 'wiki.jsonl.gz');
  await putObject(url('public/wiki.jsonl.gz'), await readFile(local));
  const env = { PATH: process.env['PATH'], HOME: home, AWS_ENDPOINT_URL_S3: server.endpoint, AWS_EC2_METADATA_DISABLED: 'true' };
  const r = spawnSync(join(repoRoot, 'bin', 'cc-pretrain'), ['inspect', url('public/wiki.jsonl.gz'), '--json', '--limit', '1'], { env, encoding: 'utf8' });
  await rm(home, { recursive: true, force: true });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { counts: Record<string, number>; docs: unknown[] };
  assert.ok((out.counts['docs.in'] ?? 0) > 0);
  assert.equal(out.docs.length, 1);
});
