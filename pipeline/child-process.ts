// Every subprocess cc-pretrain starts (the Python trainer, torchrun) goes through here, so that an
// interrupted command never leaves one behind: when the command's AbortSignal fires the child gets
// SIGTERM, and the promise settles only once the child has exited (SIGKILL after a grace period).

import { spawn, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Each line of stdout and stderr; without it the child shares this process's terminal. */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
  /** Seconds between SIGTERM and SIGKILL once `signal` fires (default 30). */
  graceSeconds?: number;
}

/** Runs `command args` (no shell) to its end; resolves with its exit code (128 + n for signal n). */
export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<number> {
  const stdio: SpawnOptions['stdio'] = options.onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit';
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio });
    let killTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), (options.graceSeconds ?? 30) * 1000);
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
    if (options.onLine) {
      if (child.stdout) createInterface({ input: child.stdout }).on('line', options.onLine);
      if (child.stderr) createInterface({ input: child.stderr }).on('line', options.onLine);
    }
    child.on('error', (err) => {
      options.signal?.removeEventListener('abort', stop);
      reject(new Error(`cannot start ${command}: ${err.message}`));
    });
    child.on('close', (code, sig) => {
      options.signal?.removeEventListener('abort', stop);
      if (killTimer) clearTimeout(killTimer);
      resolvePromise(code ?? 128 + signalNumber(sig));
    });
  });
}

function signalNumber(sig: NodeJS.Signals | null): number {
  return sig === 'SIGINT' ? 2 : sig === 'SIGKILL' ? 9 : 15;
}
