// The sample run for the object-storage and Ray tests, and the byte-for-byte comparison of its data.
// The config: the README's sample (examples/sample.yaml)
// with absolute input paths, so it runs from any folder, and without training, which these tests
// do not exercise (the train stage runs on the driver whatever the executor: docs/cloud.md).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { listObjects, readObjectAll } from '../../pipeline/storage.ts';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../shared-data.ts';

/** Writes the config as `dir/file` with `executor` (default: the local pool) and returns its path. */
export async function writeSampleConfig(dir: string, executor: Record<string, unknown> = { kind: 'local', workers: 2 }, file = 'sample.yaml'): Promise<string> {
  const config = parse(await readFile(join(repoRoot, 'examples', 'sample.yaml'), 'utf8')) as {
    sources: { paths: string[] }[];
    train: Record<string, unknown>;
    executor: unknown;
  };
  for (const s of config.sources) s.paths = s.paths.map((p) => join(repoRoot, p));
  config.train = { ...config.train, enabled: false };
  config.executor = executor;
  const path = join(dir, file);
  await writeFile(path, stringify(config));
  return path;
}

/** The outputs that must be byte-identical whatever the executor, storage or interruptions. */
export const DATA = ['docs', 'removed', 'minhash', 'dedup', 'tokenizer', 'shards'];

/** The data files of a local run folder, by path relative to it. */
export async function localData(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const top of DATA) {
    if (!existsSync(join(dir, top))) continue;
    for (const e of await readdir(join(dir, top), { withFileTypes: true, recursive: true })) {
      if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
    }
  }
  return out;
}

/** The data objects of a run folder in a bucket, by key relative to the run's prefix. */
export async function bucketData(bucket: string, prefix: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const o of listObjects(`s3://${bucket}/${prefix}/`)) {
    const rel = o.key.slice(prefix.length + 1);
    if (DATA.includes(rel.split('/')[0]!)) out.set(rel, await readObjectAll(o.url));
  }
  return out;
}

export function assertSame(got: Map<string, Buffer>, want: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), `${what}: the same files`);
  for (const [path, bytes] of want) assert.ok(bytes.equals(got.get(path)!), `${what}: ${path} differs from the local run`);
}
