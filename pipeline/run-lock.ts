// One command at a time per run folder: two `run`s on one folder would do every task twice. The
// lock is RUN/lock.json, created atomically (link(2) of a complete file: it exists whole or not at
// all, on local disks and NFS alike), naming its holder. A lock whose holder is gone is taken over:
// on the same host when its pid no longer exists, from another host when its heartbeat (the file's
// mtime, touched every 30 s) is older than two minutes.

import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { runPaths } from './run-dir.ts';

const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;

interface Holder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export class RunLockedError extends Error {
  override name = 'RunLockedError';
}

export interface RunLock {
  release(): Promise<void>;
}

/** Whether a process with this pid exists on this host (one we may not signal counts). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Found {
  /** Undefined when the file does not parse: we never write one like that, so it is stale. */
  holder: Holder | undefined;
  text: string;
  mtimeMs: number;
}

/** The lock file as found, or undefined when there is none (released meanwhile). */
async function readHolder(path: string): Promise<Found | undefined> {
  let text: string;
  let mtimeMs: number;
  try {
    [text, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
  } catch {
    return undefined;
  }
  try {
    return { holder: JSON.parse(text) as Holder, text, mtimeMs };
  } catch {
    return { holder: undefined, text, mtimeMs };
  }
}

function isStale({ holder, mtimeMs }: Found): boolean {
  if (!holder) return true;
  if (holder.host === hostname()) return !isProcessAlive(holder.pid);
  return Date.now() - mtimeMs > STALE_MS;
}

/** Takes the run folder's lock for `command`, or fails naming who holds it. */
export async function lockRunDir(runDir: string, command: string): Promise<RunLock> {
  const path = runPaths.lock(runDir);
  const mine: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  const text = `${JSON.stringify(mine)}\n`;
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, text);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
      }
      const current = await readHolder(path);
      if (!current) continue;
      if (current.holder && !isStale(current)) {
        const h = current.holder;
        throw new RunLockedError(
          `run folder ${runDir} is in use by \`cc-pretrain ${h.command}\` (pid ${h.pid} on ${h.host}, since ${h.started}); ` +
            `wait for it to finish or stop it — a lock left by a process that died is taken over automatically`,
        );
      }
      // Take the stale lock aside, then make sure what was taken aside is the stale one and not a
      // lock another process created in between (put that one back).
      const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await rename(path, aside);
      } catch {
        continue;
      }
      const taken = await readFile(aside, 'utf8').catch(() => '');
      if (taken !== current.text) await link(aside, path).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const releaseSync = () => {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once('exit', releaseSync);
  return {
    async release() {
      clearInterval(heartbeat);
      process.off('exit', releaseSync);
      const current = await readHolder(path);
      if (current?.text === text) await unlink(path).catch(() => undefined);
    },
  };
}
