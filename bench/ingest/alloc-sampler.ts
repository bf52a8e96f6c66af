// Preloaded into a benchmarked `cc-pretrain task` process (`node --import`): V8's sampling heap
// profiler over the whole process life, written at exit to the file named by ALLOC_PROFILE_OUT.
// With ALLOC_SURVIVORS=1 the samples of objects a scavenge freed are dropped, so the profile holds
// what lived through at least one scavenge (promoted, or still live at exit): what feeds the
// old generation and its mark-compacts. Otherwise every allocation counts, collected or not.
// The task runs on the main thread of `task` (a Slurm element's process), which this session sees.

import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

const target = process.env['ALLOC_PROFILE_OUT'];
if (target) {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.enable');
  session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: process.env['ALLOC_SURVIVORS'] !== '1',
  });
  process.on('exit', () => {
    // A session on its own thread answers synchronously.
    session.post('HeapProfiler.stopSampling', (err, result) => {
      if (err) throw err;
      writeFileSync(target, JSON.stringify(result.profile));
    });
  });
}
