#!/usr/bin/env node
// Entry point of the `cc-pretrain` command: dispatches to the subcommands and turns errors into
// one-line messages and exit codes (2 for usage and config errors, 1 for failed work). A stack trace
// is for bug reports only: `--debug` or CC_PRETRAIN_DEBUG=1.

import { ConfigError } from '../pipeline/config.ts';
import { RunFolderError } from '../pipeline/runner.ts';
import { runCommand, taskCommand } from './run-commands.ts';
import { inspectCommand } from './inspect-command.ts';
import { reportCommand } from './report-command.ts';
import { statusCommand } from './status-command.ts';
import { verifyCommand } from './verify-command.ts';
import { runTrainer } from '../pipeline/train-stage.ts';
import { describeError } from './describe-error.ts';
import { commandUsage, USAGE, UsageError } from './usage.ts';

const STAGE_COMMANDS = ['extract', 'dedup', 'train-tokenizer', 'tokenize', 'train'] as const;
const TRAINER_COMMANDS = ['sample', 'export', 'eval'] as const;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'run') return runCommand('run', rest);
  if ((STAGE_COMMANDS as readonly string[]).includes(command)) return runCommand(command as (typeof STAGE_COMMANDS)[number], rest);
  if (command === 'task') return taskCommand(rest);
  if (command === 'report') return reportCommand(rest);
  if (command === 'status') return statusCommand(rest);
  if (command === 'inspect') return inspectCommand(rest);
  if (command === 'verify') return verifyCommand(rest);
  if ((TRAINER_COMMANDS as readonly string[]).includes(command)) return runTrainer(command as (typeof TRAINER_COMMANDS)[number], rest);
  throw new UsageError(`unknown command "${command}"`);
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug') || Boolean(process.env['CC_PRETRAIN_DEBUG']);
try {
  process.exitCode = await main(argv.filter((a) => a !== '--debug'));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`cc-pretrain: ${err.message}\n\n${err.command ? commandUsage(err.command) : USAGE}`);
    process.exitCode = 2;
  } else if (err instanceof ConfigError || err instanceof RunFolderError) {
    process.stderr.write(`cc-pretrain: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`cc-pretrain: ${debug && err instanceof Error ? (err.stack ?? err.message) : describeError(err)}\n`);
    process.exitCode = 1;
  }
}
