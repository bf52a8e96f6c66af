// One benchmarked process, measured from outside by GNU time: CPU seconds (user + sys of the
// process, its threads and its waited children), peak RSS and wall time. Shared by the ingest
// benches so every figure they print is measured the same way.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { out, root } from './profile.ts';

export interface Run {
  cpu_s: number;
  wall_s: number;
  max_rss_mb: number;
  docs_out?: number;
  pages?: number;
}

export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { run: Run; stdout: string } {
  const tf = path.join(out, 'time.txt');
  const stdout = execFileSync('/usr/bin/time', ['-o', tf, '-f', '%U %S %M %e', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env, stdio: ['ignore', 'pipe', 'ignore'] });
  const [u, s, m, e] = readFileSync(tf, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { run: { cpu_s: u! + s!, wall_s: e!, max_rss_mb: m! / 1024 }, stdout };
}

/**
 * `cc-pretrain extract CONFIG --out DIR --workers N` on the project's Node, timed, into a fresh
 * `dir`; `nodeArgs` go before the script (V8 flags, `--import`).
 */
export function timedExtract(config: string, dir: string, workers: number, nodeArgs: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Run {
  rmSync(dir, { recursive: true, force: true });
  return timed(path.join(root, 'node_modules/.bin/node'), [...nodeArgs, path.join(root, 'cli/main.ts'), 'extract', config, '--out', dir, '--workers', String(workers)], env).run;
}
