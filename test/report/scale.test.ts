// The report stays cheap on a big run: over 5,000 synthetic task stats files it builds in a
// child process (so its peak memory is its own) within generous bounds, and prints the figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { makeRun } from './make-run.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

test('a report over 5,000 task stats files builds in bounded time and memory', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-report-scale-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // 3 sources × 835 extract tasks + as many tokenize tasks + dedup, tokenizer, manifest, train.
  await makeRun(dir, { tasksPerSource: 835, docsPerTask: 30, failedTasks: [17, 1200] });
  const files = (await readdir(join(dir, 'stats'), { recursive: true })).filter((f) => f.endsWith('.json')).length;
  assert.ok(files >= 5000, `${files} stats files`);

  const script = `
    import { buildReport } from ${JSON.stringify(join(repoRoot, 'report', 'index.ts'))};
    const t0 = performance.now();
    await buildReport(process.argv[1], { format: 'html' });
    console.log(JSON.stringify({ ms: performance.now() - t0, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dir], { maxBuffer: 1 << 20 });
  const { ms, maxRssKb } = JSON.parse(stdout) as { ms: number; maxRssKb: number };
  t.diagnostic(`${files} stats files: built in ${(ms / 1000).toFixed(2)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);
  assert.ok(ms < 60_000, `built in ${ms} ms`);
  assert.ok(maxRssKb < 1024 * 1024, `peak RSS ${maxRssKb} KB`);
});
