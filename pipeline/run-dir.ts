// Where a run keeps its state (DESIGN.md "Stages and tasks"): the resolved config, each stage's
// plan, one stats file and one completion marker per task, and per-task logs; and how per-task
// outputs named `<source>/<NNNNN><ext>` (docs files, score files) are listed in task order.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const runPaths = {
  runJson: (runDir: string) => join(runDir, 'run.json'),
  lock: (runDir: string) => join(runDir, 'lock.json'),
  plan: (runDir: string, stage: string) => join(runDir, 'tasks', `${stage}.json`),
  stats: (runDir: string, stage: string, taskId: string) => join(runDir, 'stats', stage, `${taskId}.json`),
  statsDir: (runDir: string, stage: string) => join(runDir, 'stats', stage),
  marker: (runDir: string, stage: string, taskId: string) => join(runDir, 'markers', stage, `${taskId}.done`),
  log: (runDir: string, stage: string, taskId: string) => join(runDir, 'logs', stage, `${taskId}.log`),
};

/** `<source>/<NNNNN>` of every file `root/<source>/<NNNNN><ext>`, sorted by source then number; [] when `root` is absent. */
export async function listTaskFiles(root: string, ext: string): Promise<string[]> {
  let sources: string[];
  try {
    sources = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const ids: string[] = [];
  for (const source of sources.sort()) {
    for (const name of (await readdir(join(root, source))).filter((n) => /^\d{5,}$/.test(n.slice(0, -ext.length)) && n.endsWith(ext)).sort()) {
      ids.push(`${source}/${name.slice(0, -ext.length)}`);
    }
  }
  return ids;
}
