// Runs a stage's plan and every task in-process with a StageContext/TaskContext built here, the way
// the pipeline's runner does (minus markers and worker threads), so dedup tests need no runner.

import { parseRunConfig, type RunConfig } from '../../pipeline/config.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { createStats, type StatsCollector } from '../../pipeline/stats.ts';
import { createTaskMemo } from '../../pipeline/task-memo.ts';

export function testConfig(dedup: Record<string, unknown>): RunConfig {
  return parseRunConfig({ sources: [{ name: 'web', kind: 'warc', paths: ['x.warc.gz'] }], dedup }, 'test');
}

/** Plans and runs the stages in order; returns each stage's task stats. */
export async function runStages(stages: readonly Stage[], runDir: string, config: RunConfig): Promise<Map<string, StatsCollector[]>> {
  const out = new Map<string, StatsCollector[]>();
  for (const stage of stages) {
    const plan = await stage.plan({ runDir, config });
    const stats: StatsCollector[] = [];
    // One memo for the stage's tasks, as one pool worker running them all has.
    const keep = createTaskMemo();
    for (const [index, task] of plan.entries()) {
      const s = createStats();
      await stage.run({
        runDir,
        config,
        task,
        index,
        stats: s,
        progress: () => undefined,
        signal: new AbortController().signal,
        log: () => undefined,
        keep,
      });
      stats.push(s);
    }
    out.set(stage.name, stats);
  }
  return out;
}

export function counter(all: Map<string, StatsCollector[]>, stage: string, name: string): number {
  return (all.get(stage) ?? []).reduce((sum, s) => sum + (s.counters[name] ?? 0), 0);
}
