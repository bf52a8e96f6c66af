// `run`, the per-stage commands and `task`: resolve the config and the run folder, pick the
// executor, run the stages, print the summary.

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { loadRunConfig, parseRunConfig, type RunConfig } from '../pipeline/config.ts';
import { createLocalExecutor } from '../pipeline/local-executor.ts';
import { createSlurmExecutor } from '../pipeline/slurm-executor.ts';
import { createRayExecutor } from '../pipeline/ray-executor.ts';
import type { Executor } from '../pipeline/executor.ts';
import { mirroredExecutor, planWrittenAt, pullRun, pushRun, runFolderFor, type RunFolder } from '../pipeline/run-mirror.ts';
import { runPaths } from '../pipeline/run-dir.ts';
import { isS3, joinS3, objectExists } from '../pipeline/storage.ts';
import { runPipeline, prepareRunDir, type RunSummary } from '../pipeline/runner.ts';
import { abortOnSignals, exitCodeFor } from '../pipeline/shutdown.ts';
import type { StageCommand } from '../pipeline/stage.ts';
import { loadStages, STAGE_COMMANDS } from '../pipeline/stage-order.ts';
import { loadPlan, loadRun, runTask } from '../pipeline/task-runner.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

const RUN_OPTIONS = {
  out: { type: 'string' },
  workers: { type: 'string' },
} as const;

async function isRunDir(path: string): Promise<boolean> {
  try {
    return (await stat(join(path, 'run.json'))).isFile();
  } catch {
    return false;
  }
}

/**
 * A config file, or a run folder standing for the config it was started with. A run folder on
 * object storage (`s3://…`) is pulled into its local copy first; `runDir` is that copy, where
 * stage code works, and `folder.remote` the bucket it is pushed back to.
 */
export async function resolveRun(target: string, out: string | undefined): Promise<{ config: RunConfig; runDir: string; folder: RunFolder }> {
  const folderOf = async (location: string) => {
    const folder = runFolderFor(isS3(location) ? location : resolve(location));
    await pullRun(folder);
    return folder;
  };
  if (isS3(target) || (await isRunDir(target))) {
    const source = await folderOf(target);
    const { config } = await loadRun(source.local);
    const folder = out === undefined ? source : await folderOf(out);
    return { config, runDir: folder.local, folder };
  }
  const config = await loadRunConfig(target);
  const folder = await folderOf(out ?? join('runs', config.name));
  return { config, runDir: folder.local, folder };
}

function workersOption(value: string | undefined, config: RunConfig): RunConfig {
  if (value === undefined) return config;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers takes a positive integer, not "${value}"`);
  return parseRunConfig({ ...config, executor: { kind: 'local', workers } }, '--workers');
}

const INPUT_FILE = /\.(warc|warc\.gz|wet|wet\.gz|jsonl|jsonl\.gz)$/;

/** `extract a.warc.gz b.jsonl --out DIR`: a config with the default settings over the given inputs. */
function configForInputs(inputs: readonly string[]): RunConfig {
  const warc = inputs.filter((i) => !/\.jsonl(\.gz)?$/.test(i));
  const jsonl = inputs.filter((i) => /\.jsonl(\.gz)?$/.test(i));
  for (const i of inputs) {
    if (!INPUT_FILE.test(i) && !/^https?:\/\//.test(i)) {
      throw new UsageError(`extract: "${i}" is not a .warc, .warc.gz, .wet.gz, .jsonl or .jsonl.gz file (local or s3://) or an http(s) URL`);
    }
  }
  const sources = [
    ...(warc.length ? [{ name: 'input', kind: 'warc', paths: warc }] : []),
    ...(jsonl.length ? [{ name: 'input-jsonl', kind: 'jsonl', paths: jsonl }] : []),
  ];
  return parseRunConfig({ name: 'extract', sources }, 'the command line');
}

function printSummary(summary: RunSummary, folder: RunFolder): void {
  const runDir = folder.remote ?? folder.local;
  const failed = summary.stages.reduce((n, s) => n + s.failed, 0);
  if (!summary.ok) {
    process.stderr.write(`${failed} task(s) failed; outputs of completed tasks are kept in ${runDir}. Rerun the same command to retry the failed ones.\n`);
    return;
  }
  process.stderr.write(`done: ${runDir}\n`);
  const report = join(folder.local, 'report', 'index.html');
  if (summary.stages.some((s) => s.stage === 'report' && s.tasks > 0) && existsSync(report)) process.stdout.write(`report: ${report}\n`);
}

export async function runCommand(command: 'run' | StageCommand, argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(command, argv, RUN_OPTIONS);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`${command} needs a CONFIG file${command === 'extract' ? ' or input files' : ' or a RUN folder'}`, command);
  let config: RunConfig;
  let folder: RunFolder;
  const first = positionals[0]!;
  // An s3:// argument is an input file when it names one, else a run folder in a bucket.
  if (command === 'extract' && !/\.ya?ml$/.test(first) && (isS3(first) ? INPUT_FILE.test(first) : !(await isRunDir(first)))) {
    if (!values.out) throw new UsageError('extract INPUT... needs --out DIR', command);
    config = configForInputs(positionals);
    folder = runFolderFor(isS3(values.out) ? values.out : resolve(values.out));
    await pullRun(folder);
  } else {
    if (positionals.length > 1) throw new UsageError(`${command} takes one CONFIG or RUN folder, got ${positionals.length}`, command);
    ({ config, folder } = await resolveRun(first, values.out));
  }
  const runDir = folder.local;
  // What an earlier driver on this machine finished but did not upload before it died goes up
  // first, so that it precedes every plan this run writes (tasks pull what precedes their plan).
  await pushRun(folder);
  config = workersOption(values.workers, config);
  const executor = mirroredExecutor(executorFor(config, folder), folder);
  const selected = await loadStages(command === 'run' ? undefined : [command]);
  const signal = abortOnSignals();
  const summary = await runPipeline({ runDir, config, stages: selected, executor, sweep: config.executor.kind === 'local', signal, command: [command, ...argv].join(' ') });
  await pushRun(folder, { runJson: true });
  if (summary.interrupted) return exitCodeFor(summary.interrupted);
  printSummary(summary, folder);
  return summary.ok ? 0 : 1;
}

function executorFor(config: RunConfig, folder: RunFolder): Executor {
  switch (config.executor.kind) {
    case 'slurm':
      return createSlurmExecutor({ config: config.executor });
    case 'ray':
      return createRayExecutor({ config: config.executor, run: folder.remote ?? folder.local });
    case 'local':
      return createLocalExecutor({ workers: config.executor.workers });
  }
}

/**
 * One task of one stage, in this process: what a Slurm array element or a Ray task runs. On a
 * run folder in a bucket it pulls what the stages before wrote, runs the task on the local copy
 * and pushes its outputs, marker last.
 */
export async function taskCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('task', argv, {});
  if (!parsed) return 0;
  const [location, stageName, indexText] = parsed.positionals;
  if (!location || !stageName || indexText === undefined || parsed.positionals.length > 3) throw new UsageError('task needs RUN STAGE INDEX', 'task');
  const command = STAGE_COMMANDS.get(stageName);
  if (!command) throw new UsageError(`unknown stage "${stageName}"; stages: ${[...STAGE_COMMANDS.keys()].join(', ')}`, 'task');
  // Only this stage's command's stages: an extract element need not load the tokenizer's, the shards' or training's.
  const stage = (await loadStages([command])).find((s) => s.name === stageName)!;
  const index = Number(indexText);
  if (!Number.isInteger(index) || index < 0) throw new UsageError(`INDEX must be a task number, not "${indexText}"`, 'task');
  const folder = runFolderFor(location);
  const upTo = await planWrittenAt(folder, stageName);
  await pullRun(folder, upTo ? { upTo } : {});
  const runDir = folder.local;
  const { config } = await loadRun(runDir);
  await prepareRunDir(runDir, config);
  const plan = await loadPlan(runDir, stageName);
  const task = plan[index];
  if (task && folder.remote && (await objectExists(joinS3(folder.remote, relative(runDir, runPaths.marker(runDir, stageName, task.id)).split(sep).join('/'))))) {
    process.stderr.write(`${stageName} ${task.id}: already done\n`);
    return 0;
  }
  const signal = abortOnSignals();
  const outcome = await runTask(runDir, config, stage, plan, index, { echo: (line) => process.stderr.write(`${line}\n`), signal });
  if (signal.aborted) return exitCodeFor(signal.reason);
  await pushRun(folder);
  process.stderr.write(
    outcome.skipped
      ? `${stageName} ${outcome.id}: already done\n`
      : `${stageName} ${outcome.id}: ${outcome.ok ? 'ok' : `FAILED: ${outcome.error}`} (${outcome.seconds.toFixed(1)} s)\n`,
  );
  return outcome.ok ? 0 : 1;
}
