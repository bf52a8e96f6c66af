# What one training rank sees, written where the Slurm train-job test can check it: the
# torch.distributed environment that torchrun sets up, then a real all-reduce across the ranks.
import os
import sys

import torch
import torch.distributed as dist

run_dir = sys.argv[1]
dist.init_process_group("gloo")
total = torch.tensor([dist.get_rank() + 1])
dist.all_reduce(total)
keys = ["RANK", "LOCAL_RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "SLURM_JOB_NUM_NODES"]
seen = " ".join(f"{k}={os.environ.get(k, '')}" for k in keys)
os.makedirs(os.path.join(run_dir, "ranks"), exist_ok=True)
with open(os.path.join(run_dir, "ranks", f"{dist.get_rank()}.txt"), "w") as f:
    f.write(f"{seen} SUM={int(total.item())}\n")
dist.destroy_process_group()
