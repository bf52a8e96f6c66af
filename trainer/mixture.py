"""The data mixture: per-source train/validation split, the mixture plan, and the row sequence.

A source's token stream is cut into fixed-length rows (seq_len+1 tokens, stride seq_len; documents
stay packed, separated by EOT). Weights are over tokens, and since every row has the same length
they are weights over rows. The run draws `steps × batch_size` rows; the sequence of (source, row)
is a pure function of (seed, weights, manifest):

- each source s gets n_s rows (largest remainder of w_s·N);
- the k-th draw of s is placed at time (k + ½)·N/n_s and the draws are merged by time, so every
  prefix of the run is within one row of the target mix per source (the guarantee of Megatron's
  blended dataset, reached by a sort instead of a greedy loop);
- the k-th draw of s reads row perm_e[k mod R_s] where e = k div R_s is its epoch and perm_e a
  permutation of the source's R_s training rows seeded by (seed, source name, e).

Resuming is "start at global row g": nothing about the stream needs saving, and the stream does not
depend on the number of processes as long as the global batch is fixed.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .errors import DataError
from .shards import TokenStream

# Documents longer than this are not searched for an EOT when placing the validation boundary.
_BOUNDARY_SEARCH_TOKENS = 1 << 20


@dataclass(frozen=True)
class SourceSplit:
    name: str
    stream: TokenStream
    seq_len: int
    val_start: int  # first token of the held-out region (a document start when one is near)

    @property
    def train_tokens(self) -> int:
        return self.val_start

    @property
    def val_tokens(self) -> int:
        return self.stream.num_tokens - self.val_start

    @property
    def train_rows(self) -> int:
        return max(0, (self.val_start - 1) // self.seq_len)

    @property
    def val_rows(self) -> int:
        return max(0, (self.val_tokens - 1) // self.seq_len)

    def read_train_row(self, r: int, out: np.ndarray) -> None:
        self.stream.read(r * self.seq_len, self.seq_len + 1, out)

    def read_val_row(self, r: int, out: np.ndarray) -> None:
        self.stream.read(self.val_start + r * self.seq_len, self.seq_len + 1, out)


def split_source(stream: TokenStream, seq_len: int, val_fraction: float, eot_id: int) -> SourceSplit:
    """Holds out the tail of the source (≥ one row) as its validation set, cut at a document start."""
    total = stream.num_tokens
    if total == 0:
        raise DataError(f"source {stream.source!r} is empty: its shards hold no tokens")
    need = 2 * (seq_len + 1)
    if total < need:
        raise DataError(
            f"source {stream.source!r} holds {total} tokens: too few for one training row and one "
            f"validation row of seq_len+1 = {seq_len + 1} tokens (need {need}); lower seq_len or add data"
        )
    val_tokens = max(math.ceil(val_fraction * total), seq_len + 1)
    boundary = total - val_tokens
    cut = stream.last_eot_before(boundary, eot_id, min(_BOUNDARY_SEARCH_TOKENS, boundary))
    # prefer a document boundary, unless it would starve the training side of rows
    if cut is not None and cut >= seq_len + 1:
        boundary = cut
    return SourceSplit(stream.source, stream, seq_len, boundary)


def normalise_weights(splits: dict[str, SourceSplit], mixture: dict[str, float] | None) -> dict[str, float]:
    """Weights over tokens, summing to 1. No mixture: proportional to training tokens available."""
    if mixture is None:
        total = sum(s.train_tokens for s in splits.values())
        return {name: s.train_tokens / total for name, s in sorted(splits.items())}
    unknown = sorted(set(mixture) - set(splits))
    if unknown:
        raise DataError(
            f"the mixture names source(s) {', '.join(map(repr, unknown))} that the shards do not hold; "
            f"sources in the manifest: {', '.join(sorted(splits))}"
        )
    total = sum(mixture.values())
    if total <= 0:
        raise DataError("the mixture's weights sum to 0: give at least one source a positive weight")
    return {name: mixture.get(name, 0.0) / total for name in sorted(splits)}


def largest_remainder(weights: list[float], n: int) -> list[int]:
    raw = [w * n for w in weights]
    counts = [math.floor(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i] - counts[i]), i))
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    return counts


@dataclass(frozen=True)
class MixturePlan:
    names: tuple[str, ...]  # sources drawn from (weight > 0), sorted
    weights: tuple[float, ...]
    counts: tuple[int, ...]  # rows drawn per source over the run
    order_src: np.ndarray  # (N,) int32: source index of global row g
    order_k: np.ndarray  # (N,) int64: which draw of that source global row g is
    seed: int

    @property
    def total_rows(self) -> int:
        return len(self.order_src)


def build_plan(splits: dict[str, SourceSplit], weights: dict[str, float], total_rows: int, seed: int) -> MixturePlan:
    names = tuple(n for n in sorted(weights) if weights[n] > 0)
    w = [weights[n] for n in names]
    for n in names:
        if splits[n].train_rows == 0:
            raise DataError(f"source {n!r} has weight {weights[n]:.3g} but no training rows")
    counts = largest_remainder(w, total_rows)
    times, srcs, ks = [], [], []
    for i, c in enumerate(counts):
        k = np.arange(c, dtype=np.int64)
        times.append((k + 0.5) * (total_rows / c) if c else np.empty(0))
        srcs.append(np.full(c, i, dtype=np.int32))
        ks.append(k)
    t, s, k = np.concatenate(times), np.concatenate(srcs), np.concatenate(ks)
    idx = np.lexsort((s, t))  # by time, ties by source order
    return MixturePlan(names, tuple(w), tuple(counts), s[idx], k[idx], seed)


@lru_cache(maxsize=16)
def _epoch_permutation(seed: int, source: str, epoch: int, rows: int) -> np.ndarray:
    ss = np.random.SeedSequence([seed & 0xFFFFFFFF, zlib.crc32(source.encode()), epoch])
    return np.random.Generator(np.random.PCG64(ss)).permutation(rows)


def row_of(plan: MixturePlan, splits: dict[str, SourceSplit], g: int) -> tuple[str, int]:
    """(source, training row) of global row g."""
    name = plan.names[int(plan.order_src[g])]
    rows = splits[name].train_rows
    k = int(plan.order_k[g])
    return name, int(_epoch_permutation(plan.seed, name, k // rows, rows)[k % rows])


def fetch_rows(plan: MixturePlan, splits: dict[str, SourceSplit], rows: range) -> np.ndarray:
    """The global rows `rows` as a (len, seq_len+1) int64 array: inputs are [:, :-1], targets [:, 1:]."""
    seq_len = next(iter(splits.values())).seq_len
    out = np.empty((len(rows), seq_len + 1), dtype=np.int64)
    for j, g in enumerate(rows):
        name, r = row_of(plan, splits, g)
        splits[name].read_train_row(r, out[j])
    return out


def plan_summary(
    plan: MixturePlan,
    splits: dict[str, SourceSplit],
    weights: dict[str, float],
    seq_len: int,
    max_epochs: float,
) -> dict:
    """Per source: tokens available, weight, tokens drawn, epochs (the LLaMA paper's table)."""
    drawn = dict(zip(plan.names, plan.counts))
    rows = []
    for name in sorted(splits):
        s = splits[name]
        d = drawn.get(name, 0) * seq_len
        rows.append(
            {
                "source": name,
                "tokens_available": s.train_tokens,
                "val_tokens": s.val_tokens,
                "weight": weights.get(name, 0.0),
                "tokens_drawn": d,
                "epochs": d / s.train_tokens if s.train_tokens else 0.0,
            }
        )
    return {"sources": rows, "total_rows": plan.total_rows, "tokens": plan.total_rows * seq_len, "max_epochs": max_epochs}


def check_epochs(summary: dict) -> None:
    over = [r for r in summary["sources"] if r["epochs"] > summary["max_epochs"]]
    if over:
        detail = "; ".join(
            f"{r['source']}: {r['tokens_drawn']:,} tokens drawn from {r['tokens_available']:,} available = {r['epochs']:.2f} epochs"
            for r in over
        )
        raise DataError(
            f"the mixture needs more than train.max_epochs = {summary['max_epochs']:g} epochs of a source ({detail}). "
            "Lower its weight, train fewer steps, add data, or raise train.max_epochs"
        )
