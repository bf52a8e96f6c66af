// The ingest benches time every process through bench/ingest/timed.ts; scaling.ts --pin relies on
// its `cpus` confining the process (and so every thread it starts) to the cores named, and on two
// timed runs at once, from different checkouts, not reading each other's figures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { out } from '../../bench/ingest/profile.ts';
import { timed } from '../../bench/ingest/timed.ts';

const tools = ['/usr/bin/time', '/usr/bin/taskset'];
const skip = tools.some((t) => !existsSync(t)) ? `needs ${tools.join(' and ')}` : false;

/** The cores a process may run on, from its /proc status. */
const coresIn = (status: string) => /^Cpus_allowed_list:\s*(\S+)$/m.exec(status)![1]!;

test('timed: cpus confines the process to those cores; without it, the cores are the caller\'s', { skip }, () => {
  mkdirSync(out, { recursive: true });
  assert.equal(coresIn(timed('cat', ['/proc/self/status'], { cpus: '0' }).stdout), '0');
  assert.equal(coresIn(timed('cat', ['/proc/self/status']).stdout), coresIn(readFileSync('/proc/self/status', 'utf8')));
});

test('timed: measures the process and leaves no time file behind', { skip }, () => {
  mkdirSync(out, { recursive: true });
  const { run } = timed(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 3e7; i++) x += i; if (x < 0) console.log(x);']);
  assert.ok(run.cpu_s > 0 && run.wall_s > 0 && run.max_rss_mb > 10 && run.minor_faults > 0, JSON.stringify(run));
  assert.deepEqual(readdirSync(out).filter((f) => f === `time-${process.pid}.txt`), []);
});
