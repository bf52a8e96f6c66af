"""Trainer speed: tokens/s and MFU of a full training step (forward, backward, AdamW) for the 124m
preset at seq 1024 and for 760m, with and without torch.compile, against Hugging Face's
LlamaForCausalLM of identical shape stepped the same way in the same run (the anchor); and the
data loader's token rate on one CPU core against the trainer's and against nanoGPT's get_batch
(np.memmap + random offsets), also in the same run.

Run: .venv/bin/python bench/train/bench.py [--device cuda] [--models 124m,760m] [--compile off,on]
Results go to stdout and bench/results/train.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import torch

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from trainer.config import parse_config  # noqa: E402
from trainer.data import open_run_data, step_rows  # noqa: E402
from trainer.mixture import fetch_rows  # noqa: E402
from trainer.model import Decoder, resolve_model_config  # noqa: E402
from trainer.train import _PEAK_BF16  # noqa: E402

VOCAB = 50257  # GPT-2's, padded to 50304 by the trainer


def peak_for(device: torch.device) -> float | None:
    if device.type != "cuda":
        return None
    name = torch.cuda.get_device_name(device)
    return next((v for k, v in _PEAK_BF16.items() if k in name), None)


def hf_twin(model: Decoder) -> torch.nn.Module:
    from transformers import LlamaConfig, LlamaForCausalLM

    c = model.cfg
    cfg = LlamaConfig(vocab_size=c.vocab_size, hidden_size=c.d_model, intermediate_size=c.ffn_hidden,
                      num_hidden_layers=c.n_layer, num_attention_heads=c.n_head, num_key_value_heads=c.kv_heads,
                      max_position_embeddings=c.max_seq_len, rms_norm_eps=c.norm_eps, rope_theta=c.rope_theta,
                      tie_word_embeddings=c.tie_embeddings, attn_implementation="sdpa")
    return LlamaForCausalLM(cfg)


def make_stepper(model: torch.nn.Module, hf: bool, batch: int, seq: int, device: torch.device):
    """One full training step (forward, backward, clip, AdamW) of `model` on a fixed random batch;
    returns its wall time in seconds."""
    model.to(device).train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, **({"fused": True} if device.type == "cuda" else {}))
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda" else nullcontext()
    x = torch.randint(0, VOCAB, (batch, seq + 1), device=device)

    def step() -> float:
        if device.type == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        with autocast:
            if hf:  # HF shifts labels itself: same T-1 predictions per row, near enough for timing
                loss = model(input_ids=x[:, :-1], labels=x[:, :-1]).loss
            else:
                _, loss = model(x[:, :-1], x[:, 1:])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        if device.type == "cuda":
            torch.cuda.synchronize()
        return time.perf_counter() - t

    return step


def bench_model(preset: str, seq: int, compiled: bool, anchor: bool, batch: int, steps: int, warmup: int,
                device: torch.device) -> dict:
    """Ours and the anchor step in alternation, so load changes on a shared machine hit both alike;
    the median step time of each is reported."""
    torch.manual_seed(0)
    cfg = resolve_model_config(preset, VOCAB, seq)
    ours = Decoder(cfg)
    fpt = ours.flops_per_token(seq)
    peak = peak_for(device)
    res = {"model": preset, "seq_len": seq, "batch": batch, "compile": compiled, "params": ours.num_params(),
           "flops_per_token": fpt, "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"}
    runners = {"ours": make_stepper(torch.compile(ours) if compiled else ours, False, batch, seq, device)}
    if anchor:
        torch.manual_seed(0)
        twin = hf_twin(Decoder(cfg))
        runners["hf"] = make_stepper(torch.compile(twin) if compiled else twin, True, batch, seq, device)
    t0 = time.perf_counter()
    for run in runners.values():
        for _ in range(warmup):
            run()
    res["warmup_s"] = time.perf_counter() - t0
    times: dict[str, list[float]] = {k: [] for k in runners}
    for _ in range(steps):
        for k, run in runners.items():
            times[k].append(run())
    res["step_s"] = {k: sorted(v)[len(v) // 2] for k, v in times.items()}
    res["tokens_per_s"] = batch * seq / res["step_s"]["ours"]
    res["tflops"] = fpt * res["tokens_per_s"] / 1e12
    res["mfu"] = fpt * res["tokens_per_s"] / peak if peak else None
    if anchor:
        res["hf_tokens_per_s"] = batch * seq / res["step_s"]["hf"]
        res["ratio_vs_hf"] = res["tokens_per_s"] / res["hf_tokens_per_s"]
    del runners
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return res


def write_bench_shards(root: Path, tokens_per_source: int, sources=("web", "code")) -> Path:
    """Synthetic shards in the pipeline's format: random uint16 tokens, documents of ~600 tokens."""
    sys.path.insert(0, str(ROOT / "test" / "trainer"))
    import fixtures

    tok = fixtures.write_tokenizer(root / "tokenizer" / "tokenizer.json")
    tok_sha = fixtures.sha256(tok)
    rng = np.random.default_rng(0)
    entries = []
    for src in sources:
        for si in range(4):
            n = tokens_per_source // 4
            values = rng.integers(0, 260, n, dtype=np.uint16)
            ends = np.cumsum(rng.integers(100, 1100, n // 100))
            ends = ends[ends < n]
            values[ends - 1] = 261
            offsets = np.concatenate(([0], ends, [n])).astype(np.int32)
            path = root / "shards" / src / f"00000-{si:05d}.arrow"
            path.parent.mkdir(parents=True, exist_ok=True)
            schema = pa.schema([("tokens", pa.list_(pa.uint16())), ("id", pa.string())],
                               metadata={"tokenizer_sha256": tok_sha, "source": src, "dtype": "uint16", "eot_id": "261"})
            with ipc.new_file(str(path), schema) as w:
                per = 4096  # documents per record batch
                for b in range(0, len(offsets) - 1, per):
                    o = offsets[b : b + per + 1]
                    arr = pa.ListArray.from_arrays(pa.array(o - o[0], pa.int32()), pa.array(values[o[0] : o[-1]]))
                    w.write_batch(pa.record_batch([arr, pa.array([str(i) for i in range(len(o) - 1)])], schema=schema))
            entries.append({"path": f"{src}/{path.name}", "source": src, "rows": len(offsets) - 1, "tokens": n,
                            "bytes": path.stat().st_size, "sha256": fixtures.sha256(path)})
    manifest = {"version": 1, "tokenizer": {"path": "../tokenizer/tokenizer.json", "sha256": tok_sha, "vocab_size": 262,
                                            "eot_id": 261}, "dtype": "uint16", "shards": entries, "sources": {}}
    (root / "shards" / "manifest.json").write_text(json.dumps(manifest))
    return root / "shards"


def bench_loader(seq: int, batch: int, seconds: float) -> dict:
    """Tokens/s the loader supplies on one thread, and nanoGPT's get_batch on the same tokens."""
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp:
        shards = write_bench_shards(Path(tmp), 16_000_000)
        cfg = parse_config({"shards_dir": str(shards), "out_dir": str(Path(tmp) / "train"), "seq_len": seq,
                            "batch_size": batch, "steps": 20_000, "mixture": {"web": 0.7, "code": 0.3},
                            "max_epochs": 1000, "checksum": False})
        t = time.perf_counter()
        data = open_run_data(cfg)
        open_s = time.perf_counter() - t

        def ours(step):
            rows = fetch_rows(data.plan, data.splits, step_rows(step % 20_000, 0, 0, 1, batch, batch))
            x = torch.from_numpy(rows)
            return x[:, :-1], x[:, 1:]

        # the anchor: nanoGPT train.py get_batch over one flat uint16 file, random offsets
        flat = Path(tmp) / "train.bin"
        data.splits["web"].stream.read(0, data.splits["web"].stream.num_tokens).astype(np.uint16).tofile(flat)
        mm = np.memmap(flat, dtype=np.uint16, mode="r")
        rng = np.random.default_rng(0)

        def nanogpt(_step):
            ix = rng.integers(0, len(mm) - seq - 1, batch)
            x = torch.stack([torch.from_numpy(mm[i : i + seq].astype(np.int64)) for i in ix])
            y = torch.stack([torch.from_numpy(mm[i + 1 : i + 1 + seq].astype(np.int64)) for i in ix])
            return x, y

        out = {"seq_len": seq, "batch": batch, "plan_and_open_s": open_s, "plan_rows": data.plan.total_rows}
        for name, fn in (("ours", ours), ("nanogpt_get_batch", nanogpt)):
            n, t = 0, time.perf_counter()
            while time.perf_counter() - t < seconds:
                fn(n)
                n += 1
            out[f"{name}_tokens_per_s"] = n * batch * seq / (time.perf_counter() - t)
        out["ratio_vs_nanogpt"] = out["ours_tokens_per_s"] / out["nanogpt_get_batch_tokens_per_s"]
        del data, mm
    torch.set_num_threads(os.cpu_count() or 1)
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    p.add_argument("--models", default="124m,760m", help="comma list, or none (loader only)")
    p.add_argument("--seq", type=int, default=1024)
    p.add_argument("--compile", default="off,on", help="off, on, or off,on")
    p.add_argument("--batch", type=int, help="rows per step (default: 16/8 on GPU for 124m/760m, 1 on CPU)")
    p.add_argument("--steps", type=int, help="timed steps (default 20 on GPU, 3 on CPU)")
    p.add_argument("--no-anchor", action="store_true", help="skip the Hugging Face LlamaForCausalLM anchor")
    p.add_argument("--anchor-models", default="124m,760m", help="models to run the anchor for (CPU RAM: 124m)")
    p.add_argument("--skip-loader", action="store_true")
    p.add_argument("--out", default=str(ROOT / "bench" / "results" / "train.json"))
    a = p.parse_args()
    device = torch.device(a.device)
    gpu = device.type == "cuda"
    results: dict = {"torch": torch.__version__, "cpu_threads": torch.get_num_threads(), "models": []}
    for preset in [m for m in a.models.split(",") if m and m != "none"]:
        for comp in a.compile.split(","):
            batch = a.batch or ((16 if preset == "124m" else 8) if gpu else 1)
            steps = a.steps or (20 if gpu else 3)
            anchor = not a.no_anchor and preset in a.anchor_models.split(",")
            r = bench_model(preset, a.seq, comp == "on", anchor, batch, steps, 3 if gpu else 1, device)
            results["models"].append(r)
            mfu = f"{r['mfu'] * 100:.1f}%" if r["mfu"] is not None else "n/a (no bf16 peak for CPU)"
            hf = f", HF Llama {r['hf_tokens_per_s']:,.0f} tok/s, ratio {r['ratio_vs_hf']:.2f}x" if "ratio_vs_hf" in r else ""
            print(f"{preset} seq {a.seq} batch {batch} compile {comp}: {r['tokens_per_s']:,.0f} tok/s, "
                  f"{r['tflops']:.3f} TFLOP/s, MFU {mfu}{hf}", flush=True)
    if not a.skip_loader:
        loader = bench_loader(a.seq, 16, 5.0)
        results["loader"] = loader
        trainer_rate = max((r["tokens_per_s"] for r in results["models"] if r["model"] == "124m"), default=None)
        print(f"loader (1 thread) seq {a.seq}: {loader['ours_tokens_per_s']:,.0f} tok/s; nanoGPT get_batch "
              f"{loader['nanogpt_get_batch_tokens_per_s']:,.0f} tok/s (ratio {loader['ratio_vs_nanogpt']:.2f}x); "
              f"plan+open {loader['plan_and_open_s']:.2f}s for {loader['plan_rows']:,} rows", flush=True)
        if trainer_rate:
            loader["ratio_vs_trainer_124m"] = loader["ours_tokens_per_s"] / trainer_rate
            print(f"loader / trainer (124m, this device): {loader['ratio_vs_trainer_124m']:,.0f}x (need >= 10x)")
        # llm.c's ≈468K tokens/s per H100 is the rate a fast 124M trainer asks of the loader
        loader["ratio_vs_h100_124m_468k"] = loader["ours_tokens_per_s"] / 468_000
        print(f"loader / 468K tok/s (llm.c 124M per H100): {loader['ratio_vs_h100_124m_468k']:.1f}x (need >= 10x)")
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
