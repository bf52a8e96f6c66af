// SIGINT and SIGTERM as an AbortSignal for a whole command: the first one asks every running task
// to stop (worker threads end, child processes such as the Python trainer get SIGTERM and are
// waited for), so nothing keeps writing after cc-pretrain has exited; a second one exits at once.

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const SIGNAL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['SIGINT', 2],
  ['SIGTERM', 15],
]);

/** Installs the handlers; the signal's `reason` is the name of the signal that fired. */
export function abortOnSignals(stream: NodeJS.WritableStream = process.stderr): AbortSignal {
  const controller = new AbortController();
  for (const name of SIGNALS) {
    process.on(name, () => {
      if (controller.signal.aborted) {
        stream.write(`cc-pretrain: ${name} again: exiting now\n`);
        process.exit(exitCodeFor(name));
      }
      stream.write(`cc-pretrain: ${name}: stopping; waiting for running tasks to end (send it again to exit at once)\n`);
      controller.abort(name);
    });
  }
  return controller.signal;
}

/** The shell's convention for a process ended by a signal: 128 + its number. */
export function exitCodeFor(signalName: unknown): number {
  return 128 + (SIGNAL_NUMBERS.get(String(signalName)) ?? 15);
}
