// One benchmarked process, measured from outside by GNU time: CPU seconds (user + sys of the
// process, its threads and its waited children), peak RSS, wall time and minor page faults. Shared by the ingest
// benches so every figure they print is measured the same way.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { out, root } from './profile.ts';

export interface Run {
  cpu_s: number;
  wall_s: number;
  max_rss_mb: number;
  /** Minor page faults: memory first touched (fresh heap pages, large strings, reloaded tables). */
  minor_faults: number;
  docs_out?: number;
  pages?: number;
}

/** How a timed process runs: its environment, and the cores it may use. */
export interface TimedOptions {
  env?: NodeJS.ProcessEnv;
  /** A taskset list (`0`, `0,1`): the process and every thread it starts run only on those cores. */
  cpus?: string;
}

/** `cmd args` under GNU time. */
export function timed(cmd: string, args: string[], { env = process.env, cpus }: TimedOptions = {}): { run: Run; stdout: string } {
  // bench/results is one folder for every checkout: the file is this process's own.
  const tf = path.join(out, `time-${process.pid}.txt`);
  const command = cpus === undefined ? [cmd, ...args] : ['taskset', '--cpu-list', cpus, cmd, ...args];
  const stdout = execFileSync('/usr/bin/time', ['-o', tf, '-f', '%U %S %M %e %R', ...command], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, env, stdio: ['ignore', 'pipe', 'ignore'] });
  const [u, s, m, e, r] = readFileSync(tf, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(tf);
  return { run: { cpu_s: u! + s!, wall_s: e!, max_rss_mb: m! / 1024, minor_faults: r! }, stdout };
}

export interface ExtractOptions extends TimedOptions {
  /** Node arguments before the script (V8 flags, `--import`). */
  nodeArgs?: readonly string[];
  /** The checkout whose command runs (a reference commit's, for the benches that compare). */
  tree?: string;
}

/** `cc-pretrain extract CONFIG --out DIR --workers N` on the project's Node, timed, into a fresh `dir`. */
export function timedExtract(config: string, dir: string, workers: number, { nodeArgs = [], tree = root, ...options }: ExtractOptions = {}): Run {
  rmSync(dir, { recursive: true, force: true });
  return timed(path.join(root, 'node_modules/.bin/node'), [...nodeArgs, path.join(tree, 'cli/main.ts'), 'extract', config, '--out', dir, '--workers', String(workers)], options).run;
}
