"""The training loop (nanoGPT style, one sitting): set up processes, open the data and print the
mixture plan, build the model, then step: fetch rows, forward/backward over micro-batches, clip,
AdamW, log, evaluate per source, checkpoint. Launch one process directly or several with torchrun
(DDP, or FSDP2 with `fsdp`); the gradient of a step is the mean over the same global rows either way.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist

from .checkpoint import latest_checkpoint, load_checkpoint, rng_state, save_checkpoint, seed_host_rngs, set_rng_state
from .config import TrainConfig
from .errors import DataError, ResumeError, TrainingDiverged
from .data import RunData, batches, open_run_data, val_positions
from .model import Decoder, resolve_model_config
from .shards import vocab_limit


@dataclass(frozen=True)
class Dist:
    rank: int
    world: int
    local_rank: int
    device: torch.device

    @property
    def main(self) -> bool:
        return self.rank == 0


def setup_distributed(cfg: TrainConfig) -> Dist:
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    use_cuda = cfg.device == "cuda" or (cfg.device == "auto" and torch.cuda.is_available())
    if use_cuda:
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    if world > 1 and not dist.is_initialized():
        dist.init_process_group(backend="nccl" if use_cuda else "gloo")
    return Dist(rank, world, local_rank, device)


def lr_at(step: int, cfg: TrainConfig) -> float:
    """Linear warmup, then cosine to min_lr, or (wsd) flat then linear decay over the last steps."""
    warmup, min_lr = cfg.resolved_warmup, cfg.lr * cfg.min_lr_ratio
    if step < warmup:
        return cfg.lr * (step + 1) / warmup
    if cfg.schedule == "wsd":
        decay_start = cfg.steps - max(1, int(cfg.decay_fraction * cfg.steps))
        if step < decay_start:
            return cfg.lr
        frac = (step - decay_start + 1) / (cfg.steps - decay_start)
        return cfg.lr - (cfg.lr - min_lr) * frac
    frac = (step - warmup) / max(1, cfg.steps - warmup)
    return min_lr + 0.5 * (cfg.lr - min_lr) * (1 + math.cos(math.pi * min(1.0, frac)))


# Dense bf16 tensor-core peak (FLOP/s, no sparsity) per device, keyed by the exact name CUDA
# reports (torch.cuda.get_device_name), from NVIDIA's datasheets. Matched whole, never by substring:
# "NVIDIA L40S" is not an L4 and "NVIDIA H100 PCIe" is not the SXM part (MFU would read 3× high).
PEAK_BF16: dict[str, float] = {
    "NVIDIA B200": 2250e12,
    "NVIDIA H200": 989.4e12,  # SXM
    "NVIDIA H200 NVL": 835.5e12,
    "NVIDIA GH200 480GB": 989.4e12,
    "NVIDIA H100 80GB HBM3": 989.4e12,  # SXM5
    "NVIDIA H100 PCIe": 756.5e12,
    "NVIDIA H100 NVL": 835.5e12,
    "NVIDIA H800": 989.4e12,
    "NVIDIA A100-SXM4-40GB": 312e12,
    "NVIDIA A100-SXM4-80GB": 312e12,
    "NVIDIA A100-PCIE-40GB": 312e12,
    "NVIDIA A100 80GB PCIe": 312e12,
    "NVIDIA L40S": 362.05e12,
    "NVIDIA L40": 181.05e12,
    "NVIDIA L4": 121e12,
    "NVIDIA A10": 125e12,
    "NVIDIA A40": 149.7e12,
    "NVIDIA GeForce RTX 4090": 165.2e12,  # fp32 accumulate
    "NVIDIA GeForce RTX 3090": 71e12,  # fp32 accumulate
}


def peak_flops(cfg: TrainConfig, device: torch.device) -> tuple[float | None, str]:
    """(bf16 peak FLOP/s of one device, where it came from); None when unknown (no MFU then)."""
    if cfg.peak_flops:
        return cfg.peak_flops, "config peak_flops"
    if device.type != "cuda":
        return None, f"no bf16 peak for {device.type}"
    name = torch.cuda.get_device_name(device)
    peak = PEAK_BF16.get(name)
    return peak, (f"{name} datasheet" if peak else f"{name!r} is not in the peak table: set train.peak_flops for MFU")


def mfu(flops_per_token: float, tokens_per_s: float, peak: float | None, devices: int) -> float | None:
    """Model FLOPs utilisation: achieved model FLOP/s over the devices' summed bf16 peak."""
    return flops_per_token * tokens_per_s / (peak * devices) if peak else None


def configure_threads(cfg: TrainConfig, d: Dist, model_cfg) -> int:
    """Intra-op threads for this process: the cores this process may use, shared among the node's
    processes, but only as many as the model's matrices can keep busy. Small models spend more in
    OpenMP's fork/join than in work, and extra threads on a loaded machine wait for each other at
    every barrier (40 steps of the sample: 38–51 s at 2 threads under load, 4–6.5 s at 1)."""
    if d.device.type == "cuda":
        return torch.get_num_threads()
    if cfg.threads:
        n = cfg.threads
    else:
        local = int(os.environ.get("LOCAL_WORLD_SIZE", str(d.world)))
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        # about one thread per 256 model columns: tiny (64) gets 1, 124m (768) gets 3, 760m (1536) 6
        n = max(1, min(cores // max(1, local), model_cfg.d_model // 256))
    torch.set_num_threads(n)
    return n


def configure_optimizer(model: torch.nn.Module, cfg: TrainConfig, device: torch.device) -> torch.optim.Optimizer:
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() >= 2]  # matrices and embeddings decay; norms do not
    no_decay = [p for p in params if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    fused = {"fused": True} if device.type == "cuda" else {}
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=(cfg.beta1, cfg.beta2), **fused)


def compile_wanted(cfg: TrainConfig, device: torch.device) -> bool:
    return device.type == "cuda" if cfg.compile == "auto" else bool(cfg.compile)


def probe_compile(model: Decoder, micro: int, cfg: TrainConfig, device: torch.device, autocast, eot_id: int | None):
    """The compiled model after one forward/backward on a dummy micro-batch (compiling happens
    there), or (None, reason) when torch.compile fails, so training can go on eagerly."""
    try:
        compiled = torch.compile(model)
        x = torch.zeros(micro, cfg.seq_len, dtype=torch.long, device=device)
        with autocast:
            _, loss = compiled(x, x, eot_id)
        loss.backward()
        return compiled, ""
    except Exception as err:  # noqa: BLE001  any compiler failure means: train eagerly
        first = str(err).strip().splitlines()[0] if str(err).strip() else ""
        return None, f"{type(err).__name__}: {first[:300]}"
    finally:
        model.zero_grad(set_to_none=True)


def wrap_model(model: Decoder, cfg: TrainConfig, d: Dist, compiled: torch.nn.Module | None) -> torch.nn.Module:
    """FSDP2 shards each block and the root in place (then compiles); DDP wraps the compiled model,
    as nanoGPT does, so its gradient hooks stay outside the graph. `compiled`: the probed compiled
    model (None: eager)."""
    if cfg.fsdp and d.world > 1:
        from torch.distributed.fsdp import fully_shard

        for layer in model.layers:
            fully_shard(layer)
        fully_shard(model)
        return torch.compile(model) if compiled is not None else model
    wrapped = compiled if compiled is not None else model
    if d.world > 1:
        from torch.nn.parallel import DistributedDataParallel as DDP

        wrapped = DDP(wrapped, device_ids=[d.local_rank] if d.device.type == "cuda" else None)
    return wrapped


def model_state(model: Decoder, cfg: TrainConfig, d: Dist) -> dict:
    if cfg.fsdp and d.world > 1:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

        return get_model_state_dict(model, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
    return {k: v.detach().cpu() for k, v in model.state_dict().items()}


def optimizer_state(model: Decoder, opt: torch.optim.Optimizer, cfg: TrainConfig, d: Dist) -> dict:
    if cfg.fsdp and d.world > 1:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, get_optimizer_state_dict

        return get_optimizer_state_dict(model, opt, options=StateDictOptions(full_state_dict=True, cpu_offload=True))
    return opt.state_dict()


def load_optimizer_state(model: Decoder, opt: torch.optim.Optimizer, state: dict, cfg: TrainConfig, d: Dist) -> None:
    if cfg.fsdp and d.world > 1:
        from torch.distributed.checkpoint.state_dict import StateDictOptions, set_optimizer_state_dict

        set_optimizer_state_dict(model, opt, state, options=StateDictOptions(full_state_dict=True))
    else:
        opt.load_state_dict(state)


# settings that must not change across a resume (others, e.g. log_every, may)
_RESUME_KEYS = ("model", "mixture", "steps", "seq_len", "batch_size", "seed", "lr", "min_lr_ratio", "warmup_steps",
                "schedule", "decay_fraction", "weight_decay", "beta1", "beta2", "val_fraction")


def check_resumable(saved: dict, cfg: TrainConfig, data: RunData) -> None:
    old = saved["train_config"]
    changed = [k for k in _RESUME_KEYS if old.get(k) != getattr(cfg, k)]
    if changed:
        detail = ", ".join(f"{k}: {old.get(k)!r} -> {getattr(cfg, k)!r}" for k in changed)
        raise ResumeError(f"cannot resume: the checkpoint was trained with different settings ({detail})")
    if saved["tokenizer_sha256"] != data.manifest.tokenizer_sha256:
        raise ResumeError("cannot resume: the shards' tokenizer differs from the checkpoint's")


def eval_token_budget(cfg: TrainConfig, device: torch.device) -> int:
    """Held-out tokens scored per source at each evaluation: 1M on a GPU (nanoGPT scores ≈ 2.5M),
    enough for a stable CPU figure in seconds elsewhere."""
    if cfg.eval_tokens is not None:
        return cfg.eval_tokens
    return 2**20 if device.type == "cuda" else 8192


@torch.no_grad()
def evaluate(model: torch.nn.Module, data: RunData, cfg: TrainConfig, d: Dist, autocast, batch: int,
             eot_id: int | None) -> dict[str, float]:
    """Mean loss per source over the same evenly spaced held-out rows at every evaluation, `batch`
    rows per forward and one host sync per source. Under DDP the rows are split across processes;
    under FSDP every process must run every forward (the parameters are gathered collectively), so
    each evaluates all rows."""
    import numpy as np

    share = d.world > 1 and not cfg.fsdp
    rows_wanted = max(1, eval_token_budget(cfg, d.device) // cfg.seq_len)
    model.eval()
    out = {}
    for name, split in sorted(data.splits.items()):
        positions = val_positions(split, rows_wanted)
        mine = positions[d.rank :: d.world] if share else positions
        total = torch.zeros(2, dtype=torch.float64, device=d.device)  # (loss × rows, rows)
        for b in range(0, len(mine), batch):
            chunk = mine[b : b + batch]
            rows = np.empty((len(chunk), cfg.seq_len + 1), dtype=np.int64)
            for j, r in enumerate(chunk):
                split.read_val_row(r, rows[j])
            t = torch.from_numpy(rows).to(d.device, non_blocking=True)
            with autocast:
                _, loss = model(t[:, :-1], t[:, 1:], eot_id)
            total[0] += loss.double() * len(chunk)
            total[1] += len(chunk)
        if share:
            dist.all_reduce(total)
        n = float(total[1])
        out[name] = float(total[0]) / n if n else float("nan")
    model.train()
    return out


def write_json_atomic(path: Path, value: dict) -> None:
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(value, indent=2) + "\n")
    os.replace(tmp, path)


def format_plan(summary: dict) -> str:
    lines = [f"{'source':<16}{'available':>14}{'weight':>9}{'drawn':>14}{'epochs':>9}"]
    for r in summary["sources"]:
        lines.append(
            f"{r['source']:<16}{r['tokens_available']:>14,}{r['weight']:>9.3f}{r['tokens_drawn']:>14,}{r['epochs']:>9.2f}"
        )
    lines.append(
        f"model {summary['model_params']:,} params; run {summary['tokens']:,} tokens; "
        f"Chinchilla-optimal ≈ {summary['chinchilla_tokens']:,} tokens (20/param)"
    )
    if summary.get("estimated_seconds") is not None:
        lines.append(f"estimated time {summary['estimated_seconds'] / 60:.1f} min at {summary['tokens_per_s']:,.0f} tokens/s")
    return "\n".join(lines)


def fmt_duration(s: float) -> str:
    s = int(s)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def train(cfg: TrainConfig, resume: bool = False, stop_at: int | None = None) -> Path | None:
    """Runs (or resumes) training; returns the last checkpoint written."""
    d = setup_distributed(cfg)
    out = Path(cfg.out_dir)
    ckpt_dir = out / "ckpt"
    if d.main:
        out.mkdir(parents=True, exist_ok=True)
    say = (lambda msg: print(msg, file=sys.stderr, flush=True)) if d.main else (lambda msg: None)

    micro = cfg.micro_batch_size or max(1, cfg.batch_size // d.world)
    if cfg.batch_size % (micro * d.world):
        raise ValueError(
            f"batch_size {cfg.batch_size} is not a multiple of micro_batch_size {micro} × {d.world} processes"
        )
    accum = cfg.batch_size // (micro * d.world)

    data = open_run_data(cfg, d.rank, d.world)
    model_cfg = resolve_model_config(cfg.model, vocab_limit(data.manifest), cfg.seq_len)
    if model_cfg.max_seq_len < cfg.seq_len:
        raise ValueError(f"seq_len {cfg.seq_len} exceeds the model's max_seq_len {model_cfg.max_seq_len}")
    threads = configure_threads(cfg, d, model_cfg)
    eot_id = data.manifest.eot_id if cfg.doc_mask else None
    if cfg.doc_mask and eot_id is None:
        raise DataError(f"doc_mask: {cfg.shards_dir}/manifest.json names no end-of-text token")

    torch.manual_seed(cfg.seed)
    seed_host_rngs(cfg.seed)
    raw = Decoder(model_cfg)
    flops_per_token = raw.flops_per_token(cfg.seq_len)
    summary = {**data.summary, "model_params": raw.num_params(), "chinchilla_tokens": 20 * raw.num_params(),
               "flops_per_token": flops_per_token, "tokens_per_s": None, "estimated_seconds": None}
    if d.main:
        write_json_atomic(out / "plan.json", summary)
        say(format_plan(summary))
        shutil.copyfile(data.manifest.tokenizer_path, out / "tokenizer.json")
        if (side := data.manifest.tokenizer_path.with_name("tokenizer_config.json")).is_file():
            shutil.copyfile(side, out / "tokenizer_config.json")  # names eos/bos of a `tokenizer.from` tokenizer

    start_step, saved = 0, None
    existing = latest_checkpoint(ckpt_dir)
    if resume:
        if existing is None:
            raise ResumeError(f"--resume: no checkpoint in {ckpt_dir}")
        saved = load_checkpoint(existing)
        check_resumable(saved, cfg, data)
        raw.load_state_dict(saved["model"])
        start_step = saved["step"]
        say(f"resuming from {existing} (step {start_step})")
    elif existing is not None:
        raise ResumeError(f"{ckpt_dir} already holds checkpoints: pass --resume to continue, or use a new output folder")

    raw.to(d.device)
    use_bf16 = cfg.dtype == "bfloat16" or (cfg.dtype == "auto" and d.device.type == "cuda")
    autocast = torch.autocast(d.device.type, dtype=torch.bfloat16) if use_bf16 else nullcontext()
    compiled, mode = None, "eager"
    if compile_wanted(cfg, d.device):
        if cfg.fsdp and d.world > 1:
            compiled, mode = raw, "compiled"  # FSDP compiles the sharded model; it cannot be probed whole
        else:
            compiled, reason = probe_compile(raw, micro, cfg, d.device, autocast, eot_id)
            mode = "compiled" if compiled is not None else f"eager (torch.compile failed: {reason})"
    model = wrap_model(raw, cfg, d, compiled)
    opt = configure_optimizer(raw, cfg, d.device)
    if saved:
        load_optimizer_state(raw, opt, saved["optimizer"], cfg, d)
        set_rng_state(saved["rng"])

    peak, peak_source = peak_flops(cfg, d.device)
    say(f"device {d.device} × {d.world} | {'bf16 autocast' if use_bf16 else 'fp32'} | {mode} | "
        f"{threads} CPU thread(s) per process | peak {f'{peak / 1e12:.1f} TFLOP/s' if peak else 'unknown'} ({peak_source})"
        f"{' | document masking' if eot_id is not None else ''}")
    log_path = out / "log.jsonl"
    if d.main:
        truncate_log(log_path, start_step)

    def checkpoint(step: int) -> Path | None:
        state = {
            "step": step,
            "model": model_state(raw, cfg, d),
            "optimizer": optimizer_state(raw, opt, cfg, d),
            "model_config": model_cfg.to_dict(),
            "train_config": {k: v for k, v in cfg.to_dict().items() if k not in ("shards_dir", "out_dir")},
            "tokenizer_sha256": data.manifest.tokenizer_sha256,
            "data": {"global_row": step * cfg.batch_size},
            "rng": rng_state(),
        }
        return save_checkpoint(ckpt_dir, step, state, cfg.keep_checkpoints) if d.main else None

    last_ckpt = existing if resume else None
    end = cfg.steps if stop_at is None else min(cfg.steps, stop_at)
    tokens_per_step = cfg.batch_size * cfg.seq_len
    loss_acc = torch.zeros((), device=d.device)
    t_log, steps_since_log, t_start = time.perf_counter(), 0, time.perf_counter()
    t_first: float | None = None  # end of the first step: throughput for the estimate excludes start-up
    estimated = False
    cuda = d.device.type == "cuda"
    # time spent blocked on the loader (it reads a micro-batch ahead in a thread): ~0 means the
    # loader is off the critical path; logged as data_wait_s per interval
    stream, data_wait = batches(data, start_step, end, d.rank, d.world, micro, cfg.batch_size, pin=cuda), 0.0
    while True:
        t_wait = time.perf_counter()
        item = next(stream, None)
        data_wait += time.perf_counter() - t_wait
        if item is None:
            break
        step, m, t = item
        if m == 0:
            lr = lr_at(step, cfg)
            for g in opt.param_groups:
                g["lr"] = lr
        if cuda:
            t = t.to(d.device, non_blocking=True)
        x, y = t[:, :-1], t[:, 1:]
        sync = model.no_sync() if (d.world > 1 and not cfg.fsdp and m < accum - 1) else nullcontext()
        with sync:
            with autocast:
                _, loss = model(x, y, eot_id)
            (loss / accum).backward()
        loss_acc += loss.detach() / accum
        if m < accum - 1:
            continue

        if d.world > 1:
            dist.all_reduce(loss_acc, op=dist.ReduceOp.AVG)
        grad_norm = torch.nn.utils.clip_grad_norm_(raw.parameters(), cfg.grad_clip)
        # the step's one host sync: the NaN check needs the values before the optimizer step
        norm = grad_norm.full_tensor() if hasattr(grad_norm, "full_tensor") else grad_norm  # FSDP2: a DTensor
        loss_val, norm_val = torch.stack([loss_acc, norm.to(loss_acc.dtype)]).tolist()
        loss_acc.zero_()
        if not (math.isfinite(loss_val) and math.isfinite(norm_val)):
            raise TrainingDiverged(
                f"loss {loss_val} / grad norm {norm_val} at step {step + 1}: training diverged; "
                f"last good checkpoint: {last_ckpt or 'none (no checkpoint written yet)'}"
            )
        opt.step()
        opt.zero_grad(set_to_none=True)
        done = step + 1
        steps_since_log += 1
        if t_first is None:
            t_first = time.perf_counter()

        is_last = done == cfg.steps
        eval_now = bool(cfg.eval_every) and (done % cfg.eval_every == 0 or is_last)
        logged = done % cfg.log_every == 0 or is_last or done == end or eval_now
        if logged:
            if d.device.type == "cuda":
                torch.cuda.synchronize()
            now = time.perf_counter()
            tps = steps_since_log * tokens_per_step / (now - t_log)
            record = {"step": done, "loss": loss_val, "lr": lr, "grad_norm": norm_val, "tokens": done * tokens_per_step,
                      "tokens_per_s": tps, "mfu": mfu(flops_per_token, tps, peak, d.world),
                      "data_wait_s": data_wait, "elapsed_s": now - t_start}
            if eval_now:
                record["val_loss"] = evaluate(model, data, cfg, d, autocast, micro, eot_id)
            if d.main:
                with open(log_path, "a") as f:
                    f.write(json.dumps(record) + "\n")
                eta = (cfg.steps - done) * tokens_per_step / tps
                mfu_text = f" | mfu {record['mfu'] * 100:.1f}%" if record["mfu"] is not None else ""
                val = "".join(f" | val {k} {v:.3f}" for k, v in record.get("val_loss", {}).items())
                say(f"step {done}/{cfg.steps} | loss {loss_val:.4f} | lr {lr:.2e} | norm {norm_val:.2f} | "
                    f"{tps:,.0f} tok/s{mfu_text}{val} | eta {fmt_duration(eta)}")
                if not estimated and (done - start_step >= 3 or done == end):
                    estimated = True
                    measured = max(1, done - start_step - 1) * tokens_per_step / max(now - t_first, 1e-9)
                    summary.update(tokens_per_s=measured, estimated_seconds=cfg.steps * tokens_per_step / measured)
                    write_json_atomic(out / "plan.json", summary)
                    say(f"plan: {cfg.steps} steps ≈ {fmt_duration(summary['estimated_seconds'])} at the measured {measured:,.0f} tokens/s")

        if (cfg.ckpt_every and done % cfg.ckpt_every == 0) or is_last or done == end:
            last_ckpt = checkpoint(done) or last_ckpt
            if d.world > 1:
                dist.barrier()
        if logged:  # evaluation and checkpoint time stay out of the next interval's tokens/s
            steps_since_log, t_log, data_wait = 0, time.perf_counter(), 0.0

    if d.main and last_ckpt is not None and end == cfg.steps:
        if cfg.sample_tokens:
            from .sample import sample_text

            text = sample_text(last_ckpt, "", cfg.sample_tokens, temperature=0.8, top_k=50, seed=cfg.seed)[0]
            say(f"sample: {text!r}")
        if cfg.export:
            from .export import export_checkpoint

            export_checkpoint(last_ckpt, out / "export")
            say(f"exported {out / 'export'}")
    if d.world > 1:
        # the main rank samples and exports after the last checkpoint barrier; a rank that tears its
        # gloo group down meanwhile has aborted the run at exit (SIGABRT in gloo's teardown, once in
        # the suite), so all ranks leave together
        dist.barrier()
        dist.destroy_process_group()
    return last_ckpt


def truncate_log(path: Path, step: int) -> None:
    """On resume, drop log lines past the checkpoint (written by the interrupted run after it)."""
    if not path.exists():
        return
    if step == 0:
        path.unlink()
        return
    keep = [ln for ln in path.read_text().splitlines() if ln.strip() and json.loads(ln)["step"] <= step]
    path.write_text("".join(ln + "\n" for ln in keep))

