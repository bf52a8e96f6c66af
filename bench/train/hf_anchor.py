"""The side-by-side anchor of bench/train/bench.py: Hugging Face's LlamaForCausalLM of the shape the
trainer would build, trained from the same config on the same shards, through the same loader, with
the same optimizer, autocast, clipping and torch.compile setting, logging tokens/s per interval the
way `python -m trainer train` does (OUT/log.jsonl). Only the model differs.

Run: .venv/bin/python bench/train/hf_anchor.py --config CONFIG.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from trainer.config import load_config  # noqa: E402
from trainer.data import batches, open_run_data  # noqa: E402
from trainer.model import resolve_model_config  # noqa: E402
from trainer.shards import vocab_limit  # noqa: E402
from trainer.train import Dist, compile_wanted, configure_threads, lr_at  # noqa: E402


def llama(mc) -> torch.nn.Module:
    from transformers import LlamaConfig, LlamaForCausalLM

    return LlamaForCausalLM(LlamaConfig(
        vocab_size=mc.vocab_size, hidden_size=mc.d_model, intermediate_size=mc.ffn_hidden, num_hidden_layers=mc.n_layer,
        num_attention_heads=mc.n_head, num_key_value_heads=mc.kv_heads, max_position_embeddings=mc.max_seq_len,
        rms_norm_eps=mc.norm_eps, rope_theta=mc.rope_theta, tie_word_embeddings=mc.tie_embeddings,
        attn_implementation="sdpa"))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--config", required=True)
    cfg = load_config(p.parse_args().config)
    device = torch.device("cuda" if cfg.device != "cpu" and torch.cuda.is_available() else "cpu")
    data = open_run_data(cfg)
    mc = resolve_model_config(cfg.model, vocab_limit(data.manifest), cfg.seq_len)
    configure_threads(cfg, Dist(0, 1, 0, device), mc)
    torch.manual_seed(cfg.seed)
    raw = llama(mc).to(device).train()
    model = torch.compile(raw) if compile_wanted(cfg, device) else raw
    fused = {"fused": True} if device.type == "cuda" else {}
    opt = torch.optim.AdamW(raw.parameters(), lr=cfg.lr, betas=(cfg.beta1, cfg.beta2), weight_decay=cfg.weight_decay, **fused)
    bf16 = cfg.dtype == "bfloat16" or (cfg.dtype == "auto" and device.type == "cuda")
    autocast = torch.autocast(device.type, dtype=torch.bfloat16) if bf16 else nullcontext()
    micro = cfg.micro_batch_size or cfg.batch_size
    accum = cfg.batch_size // micro
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    log = open(out / "log.jsonl", "w")
    t_log, since = time.perf_counter(), 0
    for step, m, t in batches(data, 0, cfg.steps, 0, 1, micro, cfg.batch_size, pin=device.type == "cuda"):
        if m == 0:
            for g in opt.param_groups:
                g["lr"] = lr_at(step, cfg)
        t = t.to(device, non_blocking=True)
        with autocast:
            logits = model(input_ids=t[:, :-1]).logits
            loss = torch.nn.functional.cross_entropy(logits.float().flatten(0, 1), t[:, 1:].flatten())  # HF's own loss path
        (loss / accum).backward()
        if m < accum - 1:
            continue
        torch.nn.utils.clip_grad_norm_(raw.parameters(), cfg.grad_clip)
        opt.step()
        opt.zero_grad(set_to_none=True)
        since += 1
        if (step + 1) % cfg.log_every == 0 or step + 1 == cfg.steps:
            loss_val = loss.item()
            now = time.perf_counter()
            log.write(json.dumps({"step": step + 1, "loss": loss_val, "tokens_per_s": since * cfg.batch_size * cfg.seq_len / (now - t_log)}) + "\n")
            log.flush()
            t_log, since = now, 0
    log.close()


if __name__ == "__main__":
    main()
