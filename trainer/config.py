"""The trainer's configuration: RUN/train/config.json as written by the pipeline's train stage
(pipeline/train-config.ts holds the same fields and defaults as a zod schema; keep them in step)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .errors import read_json


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class TrainConfig:
    shards_dir: str
    out_dir: str
    model: str | dict = "tiny"  # preset name or explicit sizes (see model.PRESETS / ModelConfig)
    mixture: dict[str, float] | None = None  # weight per source over tokens; None: ∝ tokens available
    steps: int = 50
    seq_len: int = 256
    batch_size: int = 8  # global batch in rows of seq_len tokens, fixed whatever the process count
    micro_batch_size: int | None = None  # rows per process per forward; None: batch_size / processes
    lr: float = 6e-4
    min_lr_ratio: float = 0.1
    warmup_steps: int | None = None  # None: 5% of steps
    schedule: str = "cosine"  # cosine | wsd (warmup-stable-decay)
    decay_fraction: float = 0.2  # wsd: share of steps spent decaying
    weight_decay: float = 0.1
    beta1: float = 0.9
    beta2: float = 0.95
    grad_clip: float = 1.0
    device: str = "auto"  # auto | cpu | cuda
    dtype: str = "auto"  # auto (bf16 autocast on CUDA, fp32 on CPU) | bfloat16 | float32
    compile: bool | str = "auto"  # auto: on where CUDA is present (eager, with the reason logged, if it fails)
    fsdp: bool = False  # shard parameters with FSDP2 instead of replicating with DDP
    nproc: int = 1  # processes (torchrun) the pipeline launches; informational here
    seed: int = 1337
    val_fraction: float = 0.01
    eval_every: int = 100
    eval_tokens: int | None = None  # held-out tokens per source per evaluation; None: 1M on GPU, 8K on CPU
    log_every: int = 10
    ckpt_every: int = 500
    keep_checkpoints: int = 2
    max_epochs: float = 4.0
    peak_flops: float | None = None  # per device, for MFU; None: known GPUs auto-detected
    threads: int = 0  # intra-op CPU threads per process; 0: fitted to the cores and the model (train.configure_threads)
    doc_mask: bool = False  # attention does not cross end-of-text tokens inside a packed row
    checksum: bool = True  # verify shard SHA-256 against the manifest before training
    export: bool = True  # write a Hugging Face export to OUT/export after the last step
    sample_tokens: int = 64  # print a sample of this many tokens after the last step (0: none)

    @property
    def resolved_warmup(self) -> int:
        return self.warmup_steps if self.warmup_steps is not None else max(1, self.steps // 20)

    def to_dict(self) -> dict:
        return asdict(self)


_CHOICES = {"schedule": ("cosine", "wsd"), "device": ("auto", "cpu", "cuda"), "dtype": ("auto", "bfloat16", "float32"),
            "compile": ("auto", True, False)}


def load_config(path: str | Path, overrides: dict | None = None) -> TrainConfig:
    p = Path(path)
    raw = read_json(p, ConfigError, "train config", f"train config {p} does not exist")
    raw.update(overrides or {})
    return parse_config(raw, str(p))


def parse_config(raw: dict, origin: str = "config") -> TrainConfig:
    names = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(raw) - names)
    if unknown:
        raise ConfigError(f"{origin}: unknown field(s) {', '.join(unknown)}")
    known = dict(raw)
    for req in ("shards_dir", "out_dir"):
        if req not in known:
            raise ConfigError(f"{origin}: missing field {req!r}")
    for key, allowed in _CHOICES.items():
        if key in known and known[key] not in allowed:
            raise ConfigError(f"{origin}: {key} must be one of {', '.join(allowed)}, got {known[key]!r}")
    for key in ("steps", "seq_len", "batch_size"):
        if key in known and (not isinstance(known[key], int) or known[key] <= 0):
            raise ConfigError(f"{origin}: {key} must be a positive integer, got {known[key]!r}")
    return TrainConfig(**known)
