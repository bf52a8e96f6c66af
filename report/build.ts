// Builds the report of a run folder: collects the per-task stats and the summary files,
// aggregates them, and writes RUN/report/stats.json plus the HTML page (or the markdown view).

import { basename, join, resolve } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../pipeline/index.ts';
import { aggregate, type ReportData } from './aggregate.ts';
import { collectStats } from './collect.ts';
import { compareRuns } from './compare.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { readManifest, readPlan, readPlannedTasks, readRunInfo, readTrainLog } from './run-files.ts';

export interface BuildOptions {
  format: 'html' | 'md';
  /** Another run folder to compare with: written to RUN/report/compare.html (or .md) instead. */
  against?: string;
}

/** Aggregates a run folder into the report's data model, reading only stats and summary files. */
export async function reportData(runDir: string): Promise<ReportData> {
  const warnings: string[] = [];
  const [collected, run, manifest, plan, trainLog, planned] = await Promise.all([
    collectStats(runDir),
    readRunInfo(runDir, warnings),
    readManifest(runDir, warnings),
    readPlan(runDir, warnings),
    readTrainLog(runDir, warnings),
    readPlannedTasks(runDir, warnings),
  ]);
  return aggregate({ collected, run, manifest, plan, trainLog, planned, warnings });
}

/**
 * Writes RUN/report/stats.json and RUN/report/index.html (format `html`, returns the page's path)
 * or RUN/report/report.md (format `md`, returns the markdown).
 */
export async function buildReport(runDir: string, options: BuildOptions): Promise<string> {
  const data = await reportData(runDir);
  if (options.against === undefined) return writeReport(runDir, data, options);
  const other = await reportData(options.against);
  const comparison = compareRuns(data, other, [basename(resolve(runDir)), basename(resolve(options.against))]);
  const dir = join(runDir, 'report');
  if (options.format === 'md') {
    const md = renderMarkdown(data, comparison);
    await writeFileAtomic(join(dir, 'compare.md'), md);
    return md;
  }
  const path = join(dir, 'compare.html');
  await writeFileAtomic(path, renderHtml(data, comparison));
  return path;
}

/** Writes already aggregated data; see `buildReport`. */
export async function writeReport(runDir: string, data: ReportData, options: BuildOptions): Promise<string> {
  const dir = join(runDir, 'report');
  await writeJsonAtomic(join(dir, 'stats.json'), data);
  if (options.format === 'md') {
    const md = renderMarkdown(data);
    await writeFileAtomic(join(dir, 'report.md'), md);
    return md;
  }
  const path = join(dir, 'index.html');
  await writeFileAtomic(path, renderHtml(data));
  return path;
}
