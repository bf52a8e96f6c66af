// One line for an unexpected error: what failed on which path, in words, instead of Node's stack
// trace (which stays available behind --debug for bug reports).

const ERRNO_WORDS: ReadonlyMap<string, string> = new Map([
  ['ENOENT', 'no such file or folder'],
  ['EEXIST', 'a file is in the way'],
  ['ENOTDIR', 'a file is in the way where a folder is needed'],
  ['EISDIR', 'is a folder, not a file'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'operation not permitted'],
  ['ENOSPC', 'no space left on the device'],
  ['EROFS', 'read-only file system'],
  ['EMFILE', 'too many open files (raise `ulimit -n`)'],
]);

const VERBS: ReadonlyMap<string, string> = new Map([
  ['mkdir', 'cannot create folder'],
  ['open', 'cannot open'],
  ['rename', 'cannot move into place'],
  ['scandir', 'cannot list'],
  ['stat', 'cannot read'],
  ['lstat', 'cannot read'],
  ['unlink', 'cannot remove'],
  ['write', 'cannot write'],
]);

interface Errno {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  message?: unknown;
}

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const { code, syscall, path } = err as Errno;
  if (typeof code === 'string' && typeof path === 'string') {
    const verb = (typeof syscall === 'string' && VERBS.get(syscall)) || 'cannot use';
    return `${verb} ${path}: ${ERRNO_WORDS.get(code) ?? code} (run with --debug for details)`;
  }
  return `${err.message} (run with --debug for the stack trace)`;
}
