// bench/ingest threads: where the CPU of one `cc-pretrain extract --workers 1` process goes by
// thread, to explain why one worker keeps more than one core busy (and so why two workers on two
// cores cannot reach 2×). Each run is preloaded with thread-cpu.ts; three V8 settings separate
// the background work: default; `--single-threaded-gc` (GC moves onto the worker thread, so
// what stays on V8's background threads is JIT compilation); `--no-concurrent-recompilation`
// (optimizing compiles move onto the worker thread, so what stays is concurrent GC). It runs on
// the first file and on all files of the scaling WARCs, so the one-time share (JIT warm-up) shows
// against the per-page work. Rounds are interleaved over the settings.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/threads.ts [--files N] [--pages N] [--rounds N]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scalingWarcs } from './build-warc.ts';
import { out, root } from './profile.ts';
import { timedExtract } from './timed.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '4' }, pages: { type: 'string', default: '600' }, rounds: { type: 'string', default: '2' } } });
const files = Number(values.files);
const pages = Number(values.pages);
const rounds = Number(values.rounds);
mkdirSync(out, { recursive: true });
const warcs = await scalingWarcs(out, files, pages);

const SETTINGS: [string, string[]][] = [
  ['default', []],
  ['--single-threaded-gc', ['--single-threaded-gc']],
  ['--no-concurrent-recompilation', ['--no-concurrent-recompilation']],
];
const inputs: [string, string[]][] = [
  [`1 file, ${pages} pages`, warcs.slice(0, 1)],
  [`${files} files, ${files * pages} pages`, warcs],
];

interface Split {
  cpu: number;
  wall: number;
  worker: number;
  v8: number;
  main: number;
  libuv: number;
}
const threadsOut = path.join(out, 'threads.json');
function measure(paths: string[], flags: string[]): Split {
  const config = path.join(out, 'threads.yaml');
  // JSON is YAML: the default config.
  writeFileSync(config, JSON.stringify({ name: 'threads', sources: [{ name: 'web', kind: 'warc', paths }], executor: { kind: 'local' } }));
  const dir = path.join(out, 'run-threads');
  const run = timedExtract(config, dir, 1, { nodeArgs: [...flags, '--import', path.join(root, 'bench/ingest/thread-cpu.ts')], env: { ...process.env, THREAD_CPU_OUT: threadsOut } });
  const byName = new Map(Object.entries(JSON.parse(readFileSync(threadsOut, 'utf8')) as Record<string, number>));
  const v8 = byName.get('V8Worker') ?? 0;
  const main = byName.get('MainThread') ?? 0;
  const libuv = byName.get('libuv-worker') ?? 0;
  const others = [...byName.values()].reduce((a, b) => a + b, 0);
  return { cpu: run.cpu_s, wall: run.wall_s, worker: run.cpu_s - others, v8, main, libuv };
}

const results = new Map<string, Split[]>();
for (let r = 0; r < rounds; r++) {
  for (const [inputName, paths] of inputs) {
    for (const [setting, flags] of SETTINGS) {
      const key = `${inputName} | ${setting}`;
      const s = measure(paths, flags);
      results.set(key, [...(results.get(key) ?? []), s]);
      console.log(`round ${r + 1}: ${key}: ${s.cpu.toFixed(2)} CPU-s, ${s.wall.toFixed(2)} s wall, V8 background ${s.v8.toFixed(2)}`);
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\n${rounds} interleaved rounds, medians; "task thread" is the worker thread running the tasks (the total minus the other threads)\n`);
console.log('| input | V8 setting | CPU s | wall s | cores busy | task thread | V8 background | main thread | libuv pool |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [key, runs] of results) {
  const m = (f: (s: Split) => number) => median(runs.map(f));
  console.log(`| ${key} | ${m((s) => s.cpu).toFixed(2)} | ${m((s) => s.wall).toFixed(2)} | ${(m((s) => s.cpu) / m((s) => s.wall)).toFixed(2)} | ${m((s) => s.worker).toFixed(2)} | ${m((s) => s.v8).toFixed(2)} | ${m((s) => s.main).toFixed(2)} | ${m((s) => s.libuv).toFixed(2)} |`);
}
