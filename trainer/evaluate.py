"""Perplexity of a checkpoint on a shard set, per source and overall.

By default every token of the set is scored, in rows of the checkpoint's sequence length; with
split="val" only each source's held-out region (the same cut the trainer makes) is scored, so the
training shards themselves can serve as the evaluation set."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .errors import DataError
from .mixture import split_source
from .sample import load_model
from .shards import TokenStream, check_tokenizer, load_manifest, verify_shard, vocab_limit


@torch.no_grad()
def evaluate_perplexity(
    checkpoint: str | Path,
    shards_dir: str | Path,
    split: str = "all",
    max_rows: int | None = None,
    batch_size: int = 8,
    device: str = "cpu",
) -> dict:
    model, ckpt, saved = load_model(checkpoint, device)
    saved_cfg = saved["train_config"]
    seq_len = saved_cfg["seq_len"]
    manifest = load_manifest(shards_dir)
    check_tokenizer(manifest)
    tok_sha = saved["tokenizer_sha256"]
    if manifest.tokenizer_sha256 != tok_sha:
        raise DataError(
            f"tokenizer mismatch: {shards_dir} was encoded with tokenizer {manifest.tokenizer_sha256[:12]}…, "
            f"the checkpoint was trained with {tok_sha[:12]}…"
        )
    if vocab_limit(manifest) > model.cfg.vocab_size:
        raise DataError(f"the shards' vocabulary ({vocab_limit(manifest)}) is larger than the model's ({model.cfg.vocab_size})")
    for entry in manifest.shards:
        verify_shard(manifest, entry)
    result: dict = {"checkpoint": str(ckpt), "shards": str(shards_dir), "split": split, "sources": {}}
    total_loss, total_tokens = 0.0, 0
    for name in manifest.sources:
        stream = TokenStream(manifest, name)
        if split == "val":
            s = split_source(stream, seq_len, saved_cfg["val_fraction"], manifest.eot_id)
            start, n_tok = s.val_start, s.val_tokens
        else:
            start, n_tok = 0, stream.num_tokens
        rows = max(0, (n_tok - 1) // seq_len)
        if max_rows is not None:
            rows = min(rows, max_rows)
        if rows == 0:
            raise DataError(f"source {name!r} has fewer than seq_len+1 = {seq_len + 1} tokens to evaluate")
        loss_sum = 0.0
        for b in range(0, rows, batch_size):
            n = min(batch_size, rows - b)
            buf = np.empty((n, seq_len + 1), dtype=np.int64)
            for j in range(n):
                stream.read(start + (b + j) * seq_len, seq_len + 1, buf[j])
            t = torch.from_numpy(buf).to(device)
            logits, _ = model(t[:, :-1])
            loss_sum += float(F.cross_entropy(logits.float().reshape(-1, logits.size(-1)), t[:, 1:].reshape(-1), reduction="sum"))
        tokens = rows * seq_len
        result["sources"][name] = {"tokens": tokens, "loss": loss_sum / tokens, "perplexity": math.exp(loss_sum / tokens)}
        total_loss, total_tokens = total_loss + loss_sum, total_tokens + tokens
    result["tokens"] = total_tokens
    result["loss"] = total_loss / total_tokens
    result["perplexity"] = math.exp(result["loss"])
    return result
