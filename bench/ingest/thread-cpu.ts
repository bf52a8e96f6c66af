// Preloaded into a benchmarked `cc-pretrain` process (`node --import`): at exit it writes the CPU
// seconds of each of the process's threads, grouped by thread name, to the JSON file named by
// THREAD_CPU_OUT. GNU time only gives the process total; this says how much of it is V8's own
// background threads (concurrent GC, concurrent JIT compilation), the libuv pool and the main thread.
// A worker thread has ended before the process exits, so its share is the total minus these.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

const target = process.env['THREAD_CPU_OUT'];
if (isMainThread && target) {
  process.on('exit', () => {
    const byName = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      } catch {
        continue; // the thread ended while we listed them
      }
      // Fields after the parenthesised name: state is 3, utime 14, stime 15 (1-based, proc(5)).
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
      byName.set(name, (byName.get(name) ?? 0) + cpu);
    }
    writeFileSync(target, JSON.stringify(Object.fromEntries(byName)));
  });
}
