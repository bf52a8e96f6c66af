"""Checkpoints: one file per saved step under OUT/ckpt/, written to a temporary name, fsynced and
renamed, so a file under its final name is always complete. Resume picks the highest step."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import numpy as np
import torch

_NAME = re.compile(r"^step_(\d{8})\.pt$")


def checkpoint_path(ckpt_dir: Path, step: int) -> Path:
    return ckpt_dir / f"step_{step:08d}.pt"


def list_checkpoints(ckpt_dir: Path) -> list[Path]:
    if not ckpt_dir.is_dir():
        return []
    found = sorted((int(m.group(1)), p) for p in ckpt_dir.iterdir() if (m := _NAME.match(p.name)))
    return [p for _, p in found]


def latest_checkpoint(ckpt_dir: Path) -> Path | None:
    found = list_checkpoints(ckpt_dir)
    return found[-1] if found else None


def resolve_checkpoint(path: str | os.PathLike) -> Path:
    """A checkpoint file, a ckpt/ folder or a train output folder -> the checkpoint file."""
    p = Path(path)
    if p.is_file():
        return p
    for d in (p, p / "ckpt", p / "train" / "ckpt"):
        latest = latest_checkpoint(d)
        if latest:
            return latest
    raise FileNotFoundError(f"no checkpoint at {p} (expected a step_*.pt file or a folder holding ckpt/step_*.pt)")


def save_checkpoint(ckpt_dir: Path, step: int, state: dict, keep: int) -> Path:
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    final = checkpoint_path(ckpt_dir, step)
    tmp = final.with_name(f"{final.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as f:
        torch.save(state, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, final)
    for old in list_checkpoints(ckpt_dir)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return final


def load_checkpoint(path: Path) -> dict:
    return torch.load(path, map_location="cpu", weights_only=False)


def rng_state() -> dict:
    state = {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict) -> None:
    torch.set_rng_state(state["torch"])
    np.random.set_state(state["numpy"])
    random.setstate(state["python"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
