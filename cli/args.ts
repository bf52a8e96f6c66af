// Argument parsing shared by every subcommand: node:util's parseArgs, plus `--help` on every command
// and a usage error (one line naming the bad option, then that command's usage, exit 2) instead of
// parseArgs's stack trace.

import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { commandUsage, UsageError } from './usage.ts';

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true }>>;

/** The command's options and positionals, or undefined when `--help` was asked for (and printed). */
export function parseCommandArgs<O extends ParseArgsOptionsConfig>(command: string, argv: readonly string[], options: O): Parsed<O> | undefined {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, ...HELP }, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw err;
    // parseArgs's first sentence names the option; the rest explains `--` quoting.
    const message = (err as Error).message.split(/\.\s/)[0] ?? code;
    throw new UsageError(`${command}: ${message.replace(/^Unknown option/, 'unknown option')}`, command);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(commandUsage(command));
    return undefined;
  }
  return parsed;
}
