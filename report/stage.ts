// The `report` stage: the last stage of a run, one task that builds RUN/report/ from the stats
// of every earlier stage.

import type { Stage } from '../pipeline/index.ts';
import { reportData, writeReport } from './build.ts';

export const reportStage: Stage = {
  name: 'report',
  command: 'report',
  description: 'dataset statistics report (report/index.html, report/stats.json)',
  async plan(ctx) {
    return ctx.config.report.enabled ? [{ id: 'report', label: 'report/index.html' }] : [];
  },
  async run(ctx) {
    const data = await reportData(ctx.runDir);
    const path = await writeReport(ctx.runDir, data, { format: 'html' });
    ctx.stats.count('report.tasks', data.throughput.reduce((a, s) => a + s.tasks, 0));
    ctx.stats.count('report.warnings', data.warnings.length);
    for (const w of data.warnings) ctx.log(`warning: ${w}`);
    ctx.log(`report written to ${path}`);
  },
};
