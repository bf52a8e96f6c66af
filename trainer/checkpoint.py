"""Checkpoints: one file per saved step under OUT/ckpt/, written to a temporary name, fsynced and
renamed, so a file under its final name is always complete. Resume picks the highest step.

A checkpoint is untrusted input (`sample`, `export` and `eval` take one from anywhere), so it is read
with torch's weights-only unpickler: tensors, numbers, strings and plain containers, never a callable.
Everything saved is in those forms (RNG states as tensors and tuples, no paths), which also makes the
file a pure function of the training state: byte-identical however often the run was interrupted."""

from __future__ import annotations

import os
import pickle
import random
import re
import sys
from pathlib import Path

import numpy as np
import torch

from .errors import DataError

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


def canonical(obj):
    """A copy of the state whose pickle depends on its values only. Pickle writes a repeated object
    as a back-reference, so which equal strings or tuples happen to be one object (a key from a
    literal vs. one read back from a resumed checkpoint) would change the bytes: strings are
    interned, containers rebuilt."""
    if isinstance(obj, str):
        return sys.intern(obj)
    if isinstance(obj, dict):
        return {canonical(k): canonical(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(canonical(v) for v in obj)
    return obj


def save_checkpoint(ckpt_dir: Path, step: int, state: dict, keep: int) -> Path:
    state = canonical(state)
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
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DataError(
            f"{path}: refused: the checkpoint holds objects other than tensors and plain data, which could run "
            f"code when loaded ({reason})"
        ) from None
    except (RuntimeError, EOFError) as err:
        raise DataError(f"{path}: not a readable checkpoint ({str(err).splitlines()[0] if str(err) else type(err).__name__})") from None


def seed_host_rngs(seed: int) -> None:
    """Python's and NumPy's global generators, seeded so that their saved state is reproducible."""
    random.seed(seed)
    np.random.seed(seed % 2**32)


def rng_state() -> dict:
    kind, keys, pos, has_gauss, gauss = np.random.get_state()
    state = {
        "torch": torch.get_rng_state(),
        "numpy": {"kind": kind, "keys": torch.from_numpy(keys.astype(np.int64)), "pos": int(pos),
                  "has_gauss": int(has_gauss), "gauss": float(gauss)},
        "python": random.getstate(),
    }
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict) -> None:
    torch.set_rng_state(state["torch"])
    n = state["numpy"]
    np.random.set_state((n["kind"], n["keys"].numpy().astype(np.uint32), n["pos"], n["has_gauss"], n["gauss"]))
    version, internal, gauss = state["python"]
    random.setstate((version, tuple(internal), gauss))
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])
