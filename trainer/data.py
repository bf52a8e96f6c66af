"""The run's data, opened and checked: manifest and tokenizer checks, shard verification, one split
per source, the mixture plan, and the batches each process reads at each step."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterator

import numpy as np
import torch

from .config import TrainConfig
from .mixture import (
    MixturePlan,
    SourceSplit,
    build_plan,
    check_epochs,
    fetch_rows,
    normalise_weights,
    plan_summary,
    split_source,
)
from .errors import DataError
from .shards import Manifest, TokenStream, check_tokenizer, load_manifest, verify_shard


@dataclass(frozen=True)
class RunData:
    manifest: Manifest
    splits: dict[str, SourceSplit]
    weights: dict[str, float]
    plan: MixturePlan
    summary: dict


def open_sources(manifest: Manifest, cfg: TrainConfig) -> dict[str, SourceSplit]:
    if cfg.mixture is not None:
        unknown = sorted(set(cfg.mixture) - set(manifest.sources))
        if unknown:
            raise DataError(
                f"the mixture names source(s) {', '.join(map(repr, unknown))} that the shards do not hold; "
                f"sources in {manifest.root / 'manifest.json'}: {', '.join(manifest.sources) or '(none)'}"
            )
    if not manifest.sources:
        raise DataError(f"{manifest.root / 'manifest.json'} lists no shards")
    splits = {}
    for name in manifest.sources:
        stream = TokenStream(manifest, name)
        wanted = cfg.mixture is None or cfg.mixture.get(name, 0) > 0
        if stream.num_tokens == 0 and not wanted:
            continue  # an empty source the mixture does not use is harmless
        splits[name] = split_source(stream, cfg.seq_len, cfg.val_fraction, manifest.eot_id)
    return splits


def open_run_data(cfg: TrainConfig, rank: int = 0, world: int = 1) -> RunData:
    manifest = load_manifest(cfg.shards_dir)
    check_tokenizer(manifest)
    # each process verifies its share of the shards, so checksumming costs 1/world of the reading
    for entry in manifest.shards[rank::world]:
        verify_shard(manifest, entry, checksum=cfg.checksum)
    splits = open_sources(manifest, cfg)
    weights = normalise_weights(splits, cfg.mixture)
    plan = build_plan(splits, weights, cfg.steps * cfg.batch_size, cfg.seed)
    summary = plan_summary(plan, splits, weights, cfg.seq_len, cfg.max_epochs)
    check_epochs(summary)
    return RunData(manifest, splits, weights, plan, summary)


def step_rows(step: int, micro: int, rank: int, world: int, micro_batch: int, batch_size: int) -> range:
    """Global rows read by process `rank` in micro-step `micro` of `step`. Every step reads exactly
    rows [step·B, (step+1)·B) whatever the process count, so the run resumes on any count."""
    start = step * batch_size + (micro * world + rank) * micro_batch
    return range(start, start + micro_batch)


def batches(
    data: RunData, start_step: int, steps: int, rank: int, world: int, micro_batch: int, batch_size: int,
    pin: bool = False,
) -> Iterator[tuple[int, int, torch.Tensor]]:
    """(step, micro, rows as an int64 tensor) for this process from start_step on, one micro-batch
    read ahead in a thread (and pinned there, for an asynchronous copy to the GPU, when `pin`)."""
    accum = batch_size // (micro_batch * world)
    order = ((s, m) for s in range(start_step, steps) for m in range(accum))

    def read(sm: tuple[int, int]) -> torch.Tensor:
        rows = torch.from_numpy(fetch_rows(data.plan, data.splits, step_rows(sm[0], sm[1], rank, world, micro_batch, batch_size)))
        return rows.pin_memory() if pin else rows

    with ThreadPoolExecutor(1) as pool:
        nxt = next(order, None)
        pending = pool.submit(read, nxt) if nxt else None
        while nxt is not None:
            cur, rows = nxt, pending.result()
            nxt = next(order, None)
            pending = pool.submit(read, nxt) if nxt else None
            yield cur[0], cur[1], rows


def val_positions(split: SourceSplit, n: int) -> list[int]:
    """n validation rows spread evenly over the held-out region (all of them when fewer)."""
    if split.val_rows <= n:
        return list(range(split.val_rows))
    return [int(x) for x in np.linspace(0, split.val_rows - 1, n).round()]
