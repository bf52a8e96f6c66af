// A run folder on object storage (`--out s3://bucket/prefix`). Stage code keeps reading and
// writing a local folder (many stages seek, memory-map and append, which object stores cannot),
// and this file keeps that folder and the bucket in step:
//  - pull: before a stage is planned or a task runs, the objects it may read are fetched into
//    the local copy (a per-machine cache, so each object is fetched once per machine);
//  - push: after tasks finish, every complete local file the bucket lacks is uploaded (whole, or
//    as a multipart upload for large ones), then the plans, and only then the completion markers, each with a
//    conditional write (If-None-Match: *). One snapshot of the local folder feeds both steps, so
//    a marker never reaches the bucket before the outputs of its task: the bucket holds a task's
//    marker only when it holds all its outputs, and an output only when complete.
// A kill at any point leaves the bucket with complete objects and no marker for an unfinished
// task; the rerun (here or on another machine) pulls the markers and redoes just those tasks.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import PQueue from 'p-queue';
import { isTemporary, tempPathFor } from './atomic.ts';
import type { Executor } from './executor.ts';
import { runPaths } from './run-dir.ts';
import { isS3, joinS3, listObjects, parseS3, putObject, readObject, type ObjectInfo } from './storage.ts';

export interface RunFolder {
  /** Where stage code reads and writes. */
  local: string;
  /** The `s3://` run folder the local one mirrors; absent for a plain local run folder. */
  remote?: string;
}

/** Objects transferred at once. */
const PARALLEL = 8;

/** The local copy of a remote run folder: `$CC_PRETRAIN_CACHE/runs/<bucket>/<prefix>` (default ~/.cache/cc-pretrain). */
export function mirrorDirFor(remote: string): string {
  const { bucket, key } = parseS3(remote);
  const root = process.env['CC_PRETRAIN_CACHE'] ?? join(homedir(), '.cache', 'cc-pretrain');
  const prefix = key.replace(/\/+$/, '');
  // The tagged leaf keeps one run's copy from nesting inside another's (s3://b/r and s3://b/r/x).
  const tag = createHash('sha256').update(remote).digest('hex').slice(0, 8);
  return join(root, 'runs', bucket, ...(prefix ? prefix.split('/') : []), `.run-${tag}`);
}

export function runFolderFor(location: string): RunFolder {
  return isS3(location) ? { local: mirrorDirFor(location), remote: location.replace(/\/+$/, '') } : { local: location };
}

async function remoteObjects(remote: string): Promise<Map<string, ObjectInfo>> {
  const objects = new Map<string, ObjectInfo>();
  const base = parseS3(remote).key.replace(/\/+$/, '');
  for await (const o of listObjects(`${remote}/`)) objects.set(o.key.slice(base.length + 1), o);
  return objects;
}

async function localFiles(dir: string): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || isTemporary(e.name)) continue;
    const path = join(e.parentPath, e.name);
    const size = await stat(path).then((s) => s.size, () => undefined);
    if (size !== undefined) files.set(relative(dir, path).split(sep).join('/'), size);
  }
  return files;
}

async function download(url: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    await pipeline(readObject(url), createWriteStream(tmp));
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export interface PullOptions {
  /**
   * Only objects written up to this time (with `run.json` and the stage plans always): a task
   * pulls what the stages before its own wrote, never its siblings' outputs.
   */
  upTo?: Date;
}

const ALWAYS_PULLED = (rel: string) => rel === 'run.json' || rel.startsWith('tasks/');

/** Fetches the remote run folder's objects that the local copy lacks (task logs stay remote). */
export async function pullRun(folder: RunFolder, options: PullOptions = {}): Promise<number> {
  if (!folder.remote) return 0;
  const remote = folder.remote;
  const [objects, local] = await Promise.all([remoteObjects(remote), localFiles(folder.local)]);
  const queue = new PQueue({ concurrency: PARALLEL });
  let fetched = 0;
  for (const [rel, o] of objects) {
    if (rel.startsWith('logs/')) continue;
    if (options.upTo && o.modified > options.upTo && !ALWAYS_PULLED(rel)) continue;
    // Outputs never change once written; run.json (its executor section) and plans may be rewritten.
    if (local.get(rel) === o.size && !ALWAYS_PULLED(rel)) continue;
    void queue.add(async () => {
      await download(o.url, join(folder.local, ...rel.split('/')));
      fetched++;
    });
  }
  await queue.onIdle();
  return fetched;
}

export interface PushOptions {
  /** Upload `run.json` even when the bucket has one of the same size (the driver rewrites it). */
  runJson?: boolean;
}

/** Uploads complete local files the bucket lacks, then their completion markers (see the header). */
export async function pushRun(folder: RunFolder, options: PushOptions = {}): Promise<number> {
  if (!folder.remote) return 0;
  const remote = folder.remote;
  const [local, objects] = await Promise.all([localFiles(folder.local), remoteObjects(remote)]);
  const isMarker = (rel: string) => rel.startsWith('markers/');
  const wanted = [...local].filter(([rel, size]) => objects.get(rel)?.size !== size || (options.runJson && rel === 'run.json'));
  let pushed = 0;
  const upload = async (rel: string) => {
    const ok = await putObject(joinS3(remote, rel), { file: join(folder.local, ...rel.split('/')) }, isMarker(rel) ? { ifAbsent: true } : {});
    if (ok) pushed++;
  };
  // Outputs, then plans (a stage's plan must postdate the earlier stages' outputs: tasks pull
  // what precedes it), then markers.
  const phase = (rel: string) => (isMarker(rel) ? 2 : ALWAYS_PULLED(rel) ? 1 : 0);
  const queue = new PQueue({ concurrency: PARALLEL });
  for (const p of [0, 1, 2]) {
    for (const [rel] of wanted) if (phase(rel) === p) void queue.add(() => upload(rel));
    await queue.onIdle();
  }
  return pushed;
}

/** When the stage's plan was written to the bucket: the cut-off for what its tasks pull. */
export async function planWrittenAt(folder: RunFolder, stage: string): Promise<Date | undefined> {
  if (!folder.remote) return undefined;
  const rel = relative(folder.local, runPaths.plan(folder.local, stage)).split(sep).join('/');
  for await (const o of listObjects(joinS3(folder.remote, rel))) if (o.key.endsWith(rel)) return o.modified;
  return undefined;
}

/**
 * An executor whose stages run against the local copy and whose finished tasks reach the bucket
 * as they finish (pushes run one at a time, each a fresh snapshot). After the stage it pulls what
 * tasks on other machines (Ray workers) wrote, so the next stage is planned from all of it.
 */
export function mirroredExecutor(inner: Executor, folder: RunFolder): Executor {
  if (!folder.remote) return inner;
  return {
    async runStage(runDir, stage, plan, pending, progress) {
      await pushRun(folder, { runJson: true });
      let pushes = Promise.resolve(0);
      let failure: unknown;
      const push = () => {
        pushes = pushes.then(() => pushRun(folder)).catch((err: unknown) => {
          failure ??= err;
          return 0;
        });
      };
      const outcomes = await inner.runStage(runDir, stage, plan, pending, {
        ...progress,
        taskFinished(ok) {
          progress.taskFinished(ok);
          push();
        },
      });
      push();
      await pushes;
      if (failure) throw failure;
      await pullRun(folder);
      return outcomes;
    },
  };
}

/**
 * A local copy of an object or of every object under a prefix (`verify s3://…/shards`, `inspect
 * s3://…/x.parquet`), under `$CC_PRETRAIN_CACHE/objects/<bucket>/<key>`; objects already there
 * with the same size are not fetched again.
 */
export async function localCopy(url: string): Promise<string> {
  const { bucket, key } = parseS3(url);
  const root = process.env['CC_PRETRAIN_CACHE'] ?? join(homedir(), '.cache', 'cc-pretrain');
  const base = key.replace(/\/+$/, '');
  const target = join(root, 'objects', bucket, ...base.split('/'));
  const queue = new PQueue({ concurrency: PARALLEL });
  let found = false;
  for await (const o of listObjects(`s3://${bucket}/${base}`)) {
    const rel = o.key === base ? '' : o.key.startsWith(`${base}/`) ? o.key.slice(base.length + 1) : undefined;
    if (rel === undefined) continue;
    found = true;
    const path = rel ? join(target, ...rel.split('/')) : target;
    if ((await stat(path).then((s) => s.size, () => -1)) === o.size) continue;
    void queue.add(() => download(o.url, path));
  }
  await queue.onIdle();
  if (!found) throw new Error(`${url}: no such object or prefix`);
  return target;
}
