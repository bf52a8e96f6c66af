"""Runs one stage's tasks on a Ray cluster for pipeline/ray-executor.ts.

Ray's scheduler, resource requests and retries are only reachable from Python, so the Node
driver starts this script with the job as JSON on stdin. Each task is a Ray task that runs
`cc-pretrain task RUN STAGE INDEX` as a subprocess on the node Ray picks (the same command a
Slurm array element runs), and this script prints one JSON line per finished task, in completion
order, for the driver's progress display. A non-zero exit raises, so Ray retries the task up to
`retries` times, as it does when the worker process or its node dies.
"""

import json
import subprocess
import sys

import ray


class TaskFailed(Exception):
    pass


def main() -> int:
    job = json.load(sys.stdin)
    ray.init(address=job["address"], log_to_driver=False, logging_level="ERROR")

    @ray.remote(
        num_cpus=job["cpus"],
        memory=job["memory"],
        max_retries=job["retries"],
        retry_exceptions=True,
    )
    def run_task(index: int) -> int:
        args = [*job["command"], job["run"], job["stage"], str(index)]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines()
            raise TaskFailed(lines[-1] if lines else f"exit code {done.returncode}")
        return index

    refs = {run_task.remote(i): i for i in job["indices"]}
    pending = list(refs)
    while pending:
        finished, pending = ray.wait(pending, num_returns=1)
        for ref in finished:
            index = refs[ref]
            try:
                ray.get(ref)
                line = {"index": index, "ok": True}
            except Exception as err:  # a task's failure is reported, never fatal to the stage
                cause = err.cause if isinstance(err, ray.exceptions.RayTaskError) else err
                line = {"index": index, "ok": False, "error": str(cause).strip().splitlines()[-1]}
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
