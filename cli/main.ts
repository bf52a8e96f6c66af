#!/usr/bin/env node
// Entry point of the `cc-pretrain` command: dispatches to the subcommands and turns errors into
// one-line messages and exit codes (2 for usage and config errors, 1 for failed work). A stack trace
// is for bug reports only: `--debug` or CC_PRETRAIN_DEBUG=1. Commands are imported on first use, so
// `--help` and light commands do not pay for loading WASM modules and the whole pipeline.

import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describeError } from './describe-error.ts';
import { commandUsage, USAGE, UsageError } from './usage.ts';

// Node's on-disk compile cache keeps the type-stripped and compiled code of every module between
// runs: it halves the start-up CPU of each command and of each Slurm array task. It lives in the
// project's own .cache/, not the shared temp folder, where another user could plant compiled code.
// Worker threads start their own loader and find the folder in the environment.
const compileCache = enableCompileCache(fileURLToPath(new URL('../.cache/node-compile', import.meta.url)));
if (compileCache.directory !== undefined && process.env['NODE_COMPILE_CACHE'] === undefined) process.env['NODE_COMPILE_CACHE'] = compileCache.directory;

type Command = (argv: readonly string[]) => Promise<number>;

const STAGE_COMMANDS = ['run', 'extract', 'dedup', 'train-tokenizer', 'tokenize', 'train'] as const;
const TRAINER_COMMANDS = ['sample', 'export', 'eval'] as const;

const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map<string, () => Promise<Command>>([
  ...STAGE_COMMANDS.map((c): [string, () => Promise<Command>] => [c, async () => (await import('./run-commands.ts')).runCommand.bind(null, c)]),
  ...TRAINER_COMMANDS.map((c): [string, () => Promise<Command>] => [c, async () => (await import('../pipeline/train-stage.ts')).runTrainer.bind(null, c)]),
  ['task', async () => (await import('./run-commands.ts')).taskCommand],
  ['report', async () => (await import('./report-command.ts')).reportCommand],
  ['status', async () => (await import('./status-command.ts')).statusCommand],
  ['inspect', async () => (await import('./inspect-command.ts')).inspectCommand],
  ['verify', async () => (await import('./verify-command.ts')).verifyCommand],
  ['train-classifier', async () => (await import('./train-classifier-command.ts')).trainClassifierCommand],
]);

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS.get(command);
  if (!load) throw new UsageError(`unknown command "${command}"`);
  // Answered before the command's modules load; the trainer's commands have their own --help.
  if (!(TRAINER_COMMANDS as readonly string[]).includes(command) && (rest[0] === '--help' || rest[0] === '-h')) {
    process.stdout.write(commandUsage(command));
    return 0;
  }
  return (await load())(rest);
}

/** Config and run-folder errors are the user's to fix: exit 2, like usage errors. */
async function isUserError(err: unknown): Promise<boolean> {
  const [{ ConfigError }, { RunFolderError }, { RunLockedError }] = await Promise.all([
    import('../pipeline/config.ts'),
    import('../pipeline/runner.ts'),
    import('../pipeline/run-lock.ts'),
  ]);
  return err instanceof ConfigError || err instanceof RunFolderError || err instanceof RunLockedError;
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug') || Boolean(process.env['CC_PRETRAIN_DEBUG']);
try {
  process.exitCode = await main(argv.filter((a) => a !== '--debug'));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`cc-pretrain: ${err.message}\n\n${err.command ? commandUsage(err.command) : USAGE}`);
    process.exitCode = 2;
  } else if (await isUserError(err)) {
    process.stderr.write(`cc-pretrain: ${(err as Error).message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`cc-pretrain: ${debug && err instanceof Error ? (err.stack ?? err.message) : describeError(err)}\n`);
    process.exitCode = 1;
  }
}
