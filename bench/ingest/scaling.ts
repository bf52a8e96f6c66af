// bench/ingest scaling: does `extract` use a second core? N (≥ 4) distinct Common-Crawl-shaped
// WARCs (disjoint sets of the shared real pages, one extract task each) go through
// `cc-pretrain extract CONFIG --workers 1` and `--workers 2` in interleaved rounds (1, 2, 1, 2, …);
// it prints wall and CPU seconds of each run and the speed-up (wall time of 1 worker / 2 workers),
// min and median over rounds. Wall time is only meaningful on a machine with two idle cores: on
// a loaded one this measures contention, not scaling. The CPU ratio (2 workers / 1) shows what
// the second worker costs in extra work (its start-up and its own JIT warm-up), which a loaded
// machine measures too. Each run is preloaded with thread-cpu.ts, so the CPU also splits into the
// tasks' own threads (their `cpu_seconds`), V8's background threads (JIT, concurrent GC), the
// workers' start-up (modules, before the first task) and the main thread; minor page faults
// and peak RSS come from GNU time. With `--ref COMMIT` a reference tree's command runs in the
// same rounds (the order alternating), and the CPU of each worker count is compared: reference /
// this tree. Each run's documents must be byte-identical to the first run's (determinism
// whatever the worker count, and the same output as the reference).
// With `--pin` every run is confined to cores (taskset): `--workers 1` once on one core and once
// on two, `--workers 2` on two. One worker keeps about 1.25 cores busy (V8's background threads
// compile and collect beside its task), so on two cores `--workers 1` already borrows the second:
// the one-core run is "one core's worth of work" taken literally, the two-core run the unpinned
// figure, and both speed-ups are printed.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/ingest/scaling.ts [--files N] [--pages N] [--rounds N] [--ref COMMIT] [--pin]
//   --pages is per file.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../interleave.ts';
import { referenceTree } from '../reference-tree.ts';
import { scalingWarcs } from './build-warc.ts';
import { out, root } from './profile.ts';
import { timedExtract, type Run } from './timed.ts';

const { values } = parseArgs({ options: { files: { type: 'string', default: '4' }, pages: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' }, ref: { type: 'string' }, pin: { type: 'boolean', default: false } } });
const files = Number(values.files);
const pages = Number(values.pages);
const rounds = Number(values.rounds);
if (!(files >= 4)) throw new Error('--files: at least 4, so that two workers each get more than one task');
if (values.pin && availableParallelism() < 2) throw new Error(`--pin: needs two cores, this process may use ${availableParallelism()}`);

/** One kind of run in every round: a worker count and, with --pin, the cores it may use. */
interface Setting {
  label: string;
  workers: number;
  cpus?: string;
}
// The two-worker run comes last: every speed-up divides by it.
const settings: readonly Setting[] = values.pin
  ? [
      { label: '--workers 1 on 1 core', workers: 1, cpus: '0' },
      { label: '--workers 1 on 2 cores', workers: 1, cpus: '0,1' },
      { label: '--workers 2 on 2 cores', workers: 2, cpus: '0,1' },
    ]
  : [
      { label: '--workers 1', workers: 1 },
      { label: '--workers 2', workers: 2 },
    ];
const two = settings.at(-1)!;
const ones = settings.slice(0, -1);
mkdirSync(out, { recursive: true });

const trees = new Map<string, string>([['this tree', root]]);
const ref = values.ref === undefined ? undefined : referenceTree(values.ref, 'scaling', [], ['node_modules', '.cache']);
if (ref) trees.set('reference', ref.dir);

const warcs = await scalingWarcs(out, files, pages);
// bench/results is one folder for every checkout: the config, like the run folder below, is this process's own.
const config = path.join(out, `scaling-${process.pid}.yaml`);
// JSON is YAML: the default config (fineweb preset, UT1 lists from the setup cache).
writeFileSync(config, JSON.stringify({ name: 'scaling', sources: [{ name: 'web', kind: 'warc', paths: warcs }], executor: { kind: 'local' } }, null, 2));

/** One run's CPU by thread, in seconds. */
interface Measured extends Run {
  tasks: number;
  v8: number;
  main: number;
  startUp: number;
}

const threadsOut = path.join(out, `scaling-threads-${process.pid}.json`);
const dir = path.join(out, `run-scaling-${process.pid}`);
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(threadsOut, { force: true });
  rmSync(config, { force: true });
});
let firstDocs: string | undefined;
function extract(tree: string, { workers, cpus }: Setting): Measured {
  const run = timedExtract(config, dir, workers, { nodeArgs: ['--import', path.join(root, 'bench/ingest/thread-cpu.ts')], env: { ...process.env, THREAD_CPU_OUT: threadsOut }, tree, ...(cpus === undefined ? {} : { cpus }) });
  const docs = path.join(dir, 'docs/web');
  const h = createHash('sha1');
  for (const f of readdirSync(docs).sort()) h.update(f).update(readFileSync(path.join(docs, f)));
  const digest = h.digest('hex');
  firstDocs ??= digest;
  if (digest !== firstDocs) {
    // A reference whose extraction differs cannot be compared run for run; two worker counts of one tree must agree.
    const hint = tree === root ? 'the extract stage is not deterministic across worker counts' : 'this tree changes the documents: leave out --ref, or give a reference with identical output';
    console.error(`scaling.ts: ${tree}, --workers ${workers}: documents differ from the first run's (${hint})`);
    process.exit(1);
  }
  const byName = new Map(Object.entries(JSON.parse(readFileSync(threadsOut, 'utf8')) as Record<string, number>));
  const listed = [...byName.values()].reduce((a, b) => a + b, 0);
  const statsDir = path.join(dir, 'stats/extract/web');
  const tasks = readdirSync(statsDir).reduce((sum, f) => sum + (JSON.parse(readFileSync(path.join(statsDir, f), 'utf8')) as { cpu_seconds: number }).cpu_seconds, 0);
  // The worker threads have ended before the process lists its threads: what is not listed is theirs.
  return { ...run, tasks, v8: byName.get('V8Worker') ?? 0, main: byName.get('MainThread') ?? 0, startUp: run.cpu_s - listed - tasks };
}

/** Per side, one map per round from a setting's label to its run. */
const results = new Map<string, Map<string, Measured>[]>([...trees.keys()].map((side) => [side, []]));
for (let r = 0; r < rounds; r++) {
  const sides = r % 2 === 0 ? [...trees] : [...trees].reverse();
  const round = new Map(sides.map(([side]) => [side, new Map<string, Measured>()]));
  for (const setting of settings) {
    for (const [side, tree] of sides) {
      const m = extract(tree, setting);
      round.get(side)!.set(setting.label, m);
      console.log(`round ${r + 1}, ${side}, ${setting.label}: ${m.wall_s.toFixed(1)} s wall, ${m.cpu_s.toFixed(1)} CPU-s (tasks ${m.tasks.toFixed(1)}, V8 background ${m.v8.toFixed(1)}, worker start-up ${m.startUp.toFixed(2)}), ${m.minor_faults} minor faults, peak RSS ${m.max_rss_mb.toFixed(0)} MB`);
    }
  }
  for (const [side, runs] of round) results.get(side)!.push(runs);
}

const fmt = (xs: readonly number[], digits = 2) => `min ${Math.min(...xs).toFixed(digits)}, median ${median(xs).toFixed(digits)} (per round: ${xs.map((v) => v.toFixed(digits)).join(', ')})`;
console.log(`\n${files} WARCs × ${pages} pages, ${rounds} interleaved rounds${ref ? `, reference ${ref.commit.slice(0, 12)}` : ''}`);
for (const [side, rs] of results) {
  const of = (s: Setting) => rs.map((x) => x.get(s.label)!);
  console.log(`\n${side}:`);
  for (const one of ones) {
    const over = ones.length === 1 ? '1 worker / 2 workers' : `${one.label} / ${two.label}`;
    console.log(`  speed-up (wall, ${over}): ${fmt(of(one).map((x, i) => x.wall_s / of(two)[i]!.wall_s))}`);
    console.log(`  CPU seconds, ${ones.length === 1 ? '2 workers / 1 worker' : `${two.label} / ${one.label}`}: ${fmt(of(one).map((x, i) => of(two)[i]!.cpu_s / x.cpu_s))}`);
  }
  console.log('  medians | CPU s | tasks | V8 background | worker start-up | main thread | minor faults | peak RSS MB');
  for (const setting of settings) {
    const m = (f: (x: Measured) => number) => median(of(setting).map(f));
    console.log(`  ${setting.label} | ${m((x) => x.cpu_s).toFixed(2)} | ${m((x) => x.tasks).toFixed(2)} | ${m((x) => x.v8).toFixed(2)} | ${m((x) => x.startUp).toFixed(2)} | ${m((x) => x.main).toFixed(2)} | ${m((x) => x.minor_faults).toFixed(0)} | ${m((x) => x.max_rss_mb).toFixed(0)}`);
  }
}
if (ref) {
  const [here, there] = [results.get('this tree')!, results.get('reference')!];
  console.log('\nCPU seconds, reference / this tree:');
  for (const { label } of settings) console.log(`  ${label}: ${fmt(there.map((x, i) => x.get(label)!.cpu_s / here[i]!.get(label)!.cpu_s), 3)}`);
}
writeFileSync(path.join(out, 'scaling-results.json'), JSON.stringify({ files, pages, rounds: Object.fromEntries([...results].map(([side, rs]) => [side, rs.map((x) => Object.fromEntries(x))])) }, null, 2));
