// bench/ingest slurm: does `extract`'s per-core rate hold when its tasks run as Slurm array
// elements? The scaling WARCs (one extract task each) go through the local executor
// (`cc-pretrain extract CONFIG --workers 1`, one process, tasks one after the other) and through
// an `sbatch --array` job on a real single-node cluster with 2 CPUs (test/slurm/cluster.ts; one
// `cc-pretrain task` process per element, `cpus_per_task: 1`, so two at a time), interleaved
// rounds, default config otherwise. Each element's process is timed by GNU time (`-a`, one line
// per element); every task also records the CPU of its own thread (`cpu_seconds` in its stats).
// Printed per mode: wall seconds, process CPU seconds, task-thread CPU seconds, and pages per
// CPU-second of each. A Slurm element pays its own process start-up, lists and model per task,
// which the local worker pays once per stage: that difference is the cost of the executor.
// Usage (root, slurm-wlm installed by `npm run setup`):
//   CC_PRETRAIN_SHARED=/work/shared node bench/ingest/slurm.ts [--files N] [--pages N] [--rounds N]

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseRunConfig } from '../../pipeline/config.ts';
import { runPipeline } from '../../pipeline/runner.ts';
import { createSlurmExecutor, DEFAULT_TASK_COMMAND } from '../../pipeline/slurm-executor.ts';
import { loadStages } from '../../pipeline/stage-order.ts';
import type { TaskStats } from '../../pipeline/stats.ts';
import { startCluster, slurmUnavailable } from '../../test/slurm/cluster.ts';
import { scalingWarcs } from './build-warc.ts';
import { out } from './profile.ts';
import { timedExtract } from './timed.ts';

const why = slurmUnavailable();
if (why) {
  console.error(`bench/ingest/slurm: ${why}`);
  process.exit(2);
}
const { values } = parseArgs({ options: { files: { type: 'string', default: '4' }, pages: { type: 'string', default: '600' }, rounds: { type: 'string', default: '3' } } });
const files = Number(values.files);
const pages = Number(values.pages);
const rounds = Number(values.rounds);
const warcs = await scalingWarcs(out, files, pages);
const base = { name: 'slurm-bench', sources: [{ name: 'web', kind: 'warc', paths: warcs }] };
const localConfig = path.join(out, 'slurm-bench-local.yaml');
// JSON is YAML: the default config.
writeFileSync(localConfig, JSON.stringify({ ...base, executor: { kind: 'local' } }));

interface Measure {
  wall: number;
  processCpu: number;
  taskCpu: number;
  pages: number;
}

/** Σ cpu_seconds and Σ html.responses over the extract stage's task stats of a run folder. */
function taskTotals(runDir: string): { taskCpu: number; pages: number } {
  const dir = path.join(runDir, 'stats/extract');
  let taskCpu = 0;
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.json'))) {
    const s = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as TaskStats;
    taskCpu += s.cpu_seconds ?? Number.NaN;
    n += s.counters['html.responses'] ?? 0;
  }
  return { taskCpu, pages: n };
}

function local(): Measure {
  const dir = path.join(out, 'run-slurm-bench-local');
  const run = timedExtract(localConfig, dir, 1);
  return { wall: run.wall_s, processCpu: run.cpu_s, ...taskTotals(dir) };
}

const cluster = await startCluster({ cpus: 2 });
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
async function slurm(): Promise<Measure> {
  const dir = path.join(out, 'run-slurm-bench-slurm');
  rmSync(dir, { recursive: true, force: true });
  const times = path.join(out, 'slurm-bench-times.txt');
  rmSync(times, { force: true });
  const config = parseRunConfig({ ...base, executor: { kind: 'slurm', cpus_per_task: 1, mem_per_task: '2G', time_limit: '30:00', poll_seconds: 0.5, retries: 0 } }, 'bench');
  if (config.executor.kind !== 'slurm') throw new Error('unreachable');
  const executor = createSlurmExecutor({ config: config.executor, env: cluster.env, taskCommand: ['/usr/bin/time', '-a', '-o', times, '-f', '%U %S', ...DEFAULT_TASK_COMMAND] });
  const started = performance.now();
  const result = await runPipeline({ runDir: dir, config, stages: await loadStages(['extract']), executor, stream: quiet });
  const wall = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`the Slurm run failed; see ${dir}/logs`);
  const lines = readFileSync(times, 'utf8').trim().split('\n').filter((l) => /^[\d.]+ [\d.]+$/.test(l));
  if (lines.length !== files) throw new Error(`expected ${files} timed elements, found ${lines.length}`);
  const processCpu = lines.reduce((sum, l) => sum + l.split(' ').map(Number).reduce((a, b) => a + b, 0), 0);
  return { wall, processCpu, ...taskTotals(dir) };
}

const results = new Map<string, Measure[]>([['local, --workers 1', []], ['Slurm array, 2 CPUs', []]]);
try {
  for (let r = 0; r < rounds; r++) {
    const l = local();
    const s = await slurm();
    results.get('local, --workers 1')!.push(l);
    results.get('Slurm array, 2 CPUs')!.push(s);
    console.log(`round ${r + 1}: local ${l.wall.toFixed(1)} s wall, ${l.processCpu.toFixed(1)} CPU-s (tasks ${l.taskCpu.toFixed(1)}); Slurm ${s.wall.toFixed(1)} s wall, ${s.processCpu.toFixed(1)} CPU-s (tasks ${s.taskCpu.toFixed(1)})`);
  }
} finally {
  await cluster.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\n${files} WARCs × ${pages} pages, ${rounds} interleaved rounds, medians\n`);
console.log('| executor | wall s | process CPU s | pages per process CPU-second | task-thread CPU s | pages per task-thread CPU-second |');
console.log('|---|---|---|---|---|---|');
for (const [name, ms] of results) {
  const p = ms[0]!.pages;
  const cpu = median(ms.map((m) => m.processCpu));
  const task = median(ms.map((m) => m.taskCpu));
  console.log(`| ${name} | ${median(ms.map((m) => m.wall)).toFixed(1)} | ${cpu.toFixed(1)} | ${(p / cpu).toFixed(1)} | ${task.toFixed(1)} | ${(p / task).toFixed(1)} |`);
}
const [l, s] = [...results.values()];
const perRound = l!.map((x, i) => x.processCpu / s![i]!.processCpu);
console.log(`\nper process CPU-second, Slurm / local: min ${Math.min(...perRound).toFixed(2)}, median ${median(perRound).toFixed(2)} (per round ${perRound.map((v) => v.toFixed(2)).join(', ')})`);
