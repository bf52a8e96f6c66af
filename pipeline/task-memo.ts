// What the tasks run by one worker (a pool worker thread, a Slurm or Ray process) share: read-only
// resources a task loads before its first record (the extract stage's UT1 lists, language model
// and filter tables: about 0.13 CPU-s and 45 MB of fresh allocation each time) are made by the
// first task that asks and kept for the next ones, instead of once per task. A resource kept here
// must not carry one task's state into another: whatever it caches has to be exact, so that a
// task's output stays the same whichever tasks its worker ran before (DESIGN.md, "Stages and tasks").

/** The value kept under `key`, made by `make` on the first call; a failed make is not kept. */
export type TaskMemo = <T>(key: string, make: () => Promise<T>) => Promise<T>;

export function createTaskMemo(): TaskMemo {
  const kept = new Map<string, Promise<unknown>>();
  return <T>(key: string, make: () => Promise<T>): Promise<T> => {
    const had = kept.get(key);
    if (had) return had as Promise<T>;
    const made = make();
    kept.set(key, made);
    // The next task tries again (and reports its own error) rather than inherit this one's.
    made.catch(() => kept.delete(key));
    return made;
  };
}
