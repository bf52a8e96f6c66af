// Benchmark: building the report over a big run (5,026 task stats files) against datatrove's
// merge_stats over the same numbers (bench/report/datatrove_merge.py), in the same run. Ours is
// timed twice: the aggregation alone (read + merge, what datatrove does) and the whole report
// (aggregation + HTML + stats.json), best of 3 each; datatrove once (it takes minutes).
// Python with datatrove (bench/requirements.txt): $BENCH_PYTHON or bench/.venv/bin/python.
// Usage: node_modules/.bin/node bench/report/run.ts

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildReport } from '../../report/index.ts';
import { collectStats } from '../../report/collect.ts';
import { makeRun } from '../../test/report/make-run.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const python = process.env['BENCH_PYTHON'] ?? join(repoRoot, 'bench', '.venv', 'bin', 'python');

async function best(f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, (performance.now() - t0) / 1000);
  }
  return min;
}

const dir = await mkdtemp(join(tmpdir(), 'cc-report-bench-'));
try {
  await makeRun(join(dir, 'run'), { tasksPerSource: 835, docsPerTask: 30, failedTasks: [17, 1200] });
  const statsDir = join(dir, 'run', 'stats');
  const files = (await readdir(statsDir, { recursive: true })).filter((f) => f.endsWith('.json'));
  let bytes = 0;
  for (const f of files) bytes += (await stat(join(statsDir, f))).size;
  const aggregate = await best(() => collectStats(join(dir, 'run')));
  const whole = await best(() => buildReport(join(dir, 'run'), { format: 'html' }));
  console.log(`stats files: ${files.length} (${(bytes / 1e6).toFixed(1)} MB of JSON)`);
  console.log(`cc-pretrain aggregation (read + merge): ${aggregate.toFixed(2)} s`);
  console.log(`cc-pretrain whole report (+ HTML, stats.json): ${whole.toFixed(2)} s`);
  if (!existsSync(python)) {
    console.log(`anchor skipped: no ${python} (run bench/setup.sh or set BENCH_PYTHON)`);
  } else {
    const { stdout } = await promisify(execFile)(python, [join(import.meta.dirname, 'datatrove_merge.py'), statsDir, join(dir, 'datatrove')], { maxBuffer: 1 << 20 });
    const anchor = JSON.parse(stdout.trim().split('\n').at(-1)!) as { files: number; seconds: number };
    console.log(`datatrove merge_stats (same numbers, ${anchor.files} files): ${anchor.seconds.toFixed(2)} s`);
    console.log(`ratio datatrove / ours: aggregation ${(anchor.seconds / aggregate).toFixed(2)}x, whole report ${(anchor.seconds / whole).toFixed(2)}x (above 1: ours faster)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
