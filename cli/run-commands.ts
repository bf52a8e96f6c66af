// `run`, the per-stage commands and `task`: resolve the config and the run folder, pick the
// executor, run the stages, print the summary.

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadRunConfig, parseRunConfig, type RunConfig } from '../pipeline/config.ts';
import { createLocalExecutor } from '../pipeline/local-executor.ts';
import { createSlurmExecutor } from '../pipeline/slurm-executor.ts';
import { runPipeline, prepareRunDir, type RunSummary } from '../pipeline/runner.ts';
import { abortOnSignals, exitCodeFor } from '../pipeline/shutdown.ts';
import type { StageCommand } from '../pipeline/stage.ts';
import { stages, stagesFor } from '../pipeline/stages.ts';
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

/** A config file, or a run folder standing for the config it was started with. */
export async function resolveRun(target: string, out: string | undefined): Promise<{ config: RunConfig; runDir: string }> {
  if (await isRunDir(target)) {
    const { config } = await loadRun(target);
    return { config, runDir: resolve(out ?? target) };
  }
  const config = await loadRunConfig(target);
  return { config, runDir: resolve(out ?? join('runs', config.name)) };
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
      throw new UsageError(`extract: "${i}" is not a .warc, .warc.gz, .wet.gz, .jsonl or .jsonl.gz file or an http(s) URL`);
    }
  }
  const sources = [
    ...(warc.length ? [{ name: 'input', kind: 'warc', paths: warc }] : []),
    ...(jsonl.length ? [{ name: 'input-jsonl', kind: 'jsonl', paths: jsonl }] : []),
  ];
  return parseRunConfig({ name: 'extract', sources }, 'the command line');
}

function printSummary(summary: RunSummary, runDir: string): void {
  const failed = summary.stages.reduce((n, s) => n + s.failed, 0);
  if (!summary.ok) {
    process.stderr.write(`${failed} task(s) failed; outputs of completed tasks are kept in ${runDir}. Rerun the same command to retry the failed ones.\n`);
    return;
  }
  process.stderr.write(`done: ${runDir}\n`);
  const report = join(runDir, 'report', 'index.html');
  if (summary.stages.some((s) => s.stage === 'report' && s.tasks > 0) && existsSync(report)) process.stdout.write(`report: ${report}\n`);
}

export async function runCommand(command: 'run' | StageCommand, argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs(command, argv, RUN_OPTIONS);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`${command} needs a CONFIG file${command === 'extract' ? ' or input files' : ' or a RUN folder'}`, command);
  let config: RunConfig;
  let runDir: string;
  const first = positionals[0]!;
  if (command === 'extract' && !/\.ya?ml$/.test(first) && !(await isRunDir(first))) {
    if (!values.out) throw new UsageError('extract INPUT... needs --out DIR', command);
    config = configForInputs(positionals);
    runDir = resolve(values.out);
  } else {
    if (positionals.length > 1) throw new UsageError(`${command} takes one CONFIG or RUN folder, got ${positionals.length}`, command);
    ({ config, runDir } = await resolveRun(first, values.out));
  }
  config = workersOption(values.workers, config);
  const executor =
    config.executor.kind === 'slurm' ? createSlurmExecutor({ config: config.executor }) : createLocalExecutor({ workers: config.executor.workers });
  const selected = command === 'run' ? stages : stagesFor([command]);
  const signal = abortOnSignals();
  const summary = await runPipeline({ runDir, config, stages: selected, executor, sweep: config.executor.kind === 'local', signal, command: [command, ...argv].join(' ') });
  if (summary.interrupted) return exitCodeFor(summary.interrupted);
  printSummary(summary, runDir);
  return summary.ok ? 0 : 1;
}

/** One task of one stage, in this process: what a Slurm array element runs. */
export async function taskCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('task', argv, {});
  if (!parsed) return 0;
  const [runDir, stageName, indexText] = parsed.positionals;
  if (!runDir || !stageName || indexText === undefined || parsed.positionals.length > 3) throw new UsageError('task needs RUN STAGE INDEX', 'task');
  const stage = stages.find((s) => s.name === stageName);
  if (!stage) throw new UsageError(`unknown stage "${stageName}"; stages: ${stages.map((s) => s.name).join(', ')}`, 'task');
  const index = Number(indexText);
  if (!Number.isInteger(index) || index < 0) throw new UsageError(`INDEX must be a task number, not "${indexText}"`, 'task');
  const { config } = await loadRun(runDir);
  await prepareRunDir(runDir, config);
  const plan = await loadPlan(runDir, stageName);
  const signal = abortOnSignals();
  const outcome = await runTask(runDir, config, stage, plan, index, { echo: (line) => process.stderr.write(`${line}\n`), signal });
  if (signal.aborted) return exitCodeFor(signal.reason);
  process.stderr.write(
    outcome.skipped
      ? `${stageName} ${outcome.id}: already done\n`
      : `${stageName} ${outcome.id}: ${outcome.ok ? 'ok' : `FAILED: ${outcome.error}`} (${outcome.seconds.toFixed(1)} s)\n`,
  );
  return outcome.ok ? 0 : 1;
}
