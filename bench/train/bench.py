"""Trainer speed, each figure against an anchor in the same run, in interleaved rounds:

- training: `python -m trainer train` itself (a subprocess per round, on the same shards) against
  bench/train/hf_anchor.py, Hugging Face's LlamaForCausalLM of the same shape trained from the same
  config through the same loader; steady-state tokens/s from each log.jsonl (the first logged
  interval, which holds compilation, left out), MFU, CPU seconds of each process; per-round ratio
  min and median. `--doc-mask` adds our run with document masking (its cost against ours without).
- generation: tokens/s of `trainer.sample.generate` (KV cache) against the same model re-running
  its whole context per token (nanoGPT's sampler, what `sample` did before the cache).
- the data loader's token rate on one thread against nanoGPT's get_batch (np.memmap + random offsets).

Run: .venv/bin/python bench/train/bench.py [--device cuda] [--models 124m,350m,760m] [--shards DIR]
Results go to stdout and bench/results/train.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
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
from trainer.model import PRESETS, Decoder, resolve_model_config  # noqa: E402
from trainer.sample import generate  # noqa: E402

VOCAB = 50304  # GPT-2's 50257, padded to a multiple of 64 as the trainer does


def run_logged(cmd: list[str], out_dir: Path) -> dict:
    """Runs one training process; its steady-state tokens/s (median over logged intervals after the
    first), last MFU and loss, and the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr[-3000:]}")
    records = [json.loads(line) for line in (out_dir / "log.jsonl").read_text().splitlines() if line.strip()]
    steady = sorted(r["tokens_per_s"] for r in records[1:]) or [records[-1]["tokens_per_s"]]
    return {"tokens_per_s": steady[len(steady) // 2], "mfu": records[-1].get("mfu"), "loss": records[-1]["loss"],
            "wall_s": wall, "cpu_s": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "compiled": "| compiled |" in res.stderr, "data_wait_s": sum(r.get("data_wait_s", 0) for r in records),
            "loss_curve": [(r["step"], round(r["loss"], 4)) for r in records]}


def bench_train(preset: str, shards: Path, work: Path, a, device: torch.device) -> dict:
    gpu = device.type == "cuda"
    sizes = {**PRESETS[preset], "vocab_size": VOCAB} if preset in PRESETS else preset
    batch = a.batch or (16 if gpu else 1)
    base = {"shards_dir": str(shards), "model": sizes, "seq_len": a.seq, "batch_size": batch, "steps": a.steps,
            "log_every": max(1, a.steps // 5), "eval_every": 0, "ckpt_every": 0, "export": False, "sample_tokens": 0,
            "max_epochs": 1e9, "checksum": False, "device": device.type, "compile": a.compile}
    sides = {"ours": {}, "hf": {}} | ({"ours_doc_mask": {"doc_mask": True}} if a.doc_mask else {})
    rounds: dict[str, list[dict]] = {k: [] for k in sides}
    for r in range(a.rounds):
        for side, extra in sides.items():
            out = work / f"{preset}-{side}-{r}"
            cfg_path = work / f"{preset}-{side}-{r}.json"
            cfg_path.write_text(json.dumps({**base, **extra, "out_dir": str(out)}))
            script = ["-m", "trainer", "train"] if side != "hf" else [str(ROOT / "bench" / "train" / "hf_anchor.py")]
            rounds[side].append(run_logged([sys.executable, *script, "--config", str(cfg_path)], out))
            print(f"  {preset} round {r + 1} {side}: {rounds[side][-1]['tokens_per_s']:,.0f} tok/s, "
                  f"{rounds[side][-1]['cpu_s']:.1f} CPU s", flush=True)
    ratios = sorted(o["tokens_per_s"] / h["tokens_per_s"] for o, h in zip(rounds["ours"], rounds["hf"]))
    with torch.device("meta"):
        fpt = Decoder(resolve_model_config(sizes, 262, a.seq)).flops_per_token(a.seq)
    res = {"model": preset, "seq_len": a.seq, "batch": batch, "steps": a.steps, "compile": a.compile,
           "flops_per_token": fpt, "rounds": rounds, "ratio_vs_hf_min": ratios[0], "ratio_vs_hf_median": ratios[len(ratios) // 2],
           "tokens_per_s": sorted(o["tokens_per_s"] for o in rounds["ours"])[a.rounds // 2],
           "hf_tokens_per_s": sorted(o["tokens_per_s"] for o in rounds["hf"])[a.rounds // 2]}
    res["mfu"] = rounds["ours"][-1]["mfu"]
    if a.doc_mask:
        cost = sorted(m["tokens_per_s"] / o["tokens_per_s"] for m, o in zip(rounds["ours_doc_mask"], rounds["ours"]))
        res["doc_mask_speed_ratio_median"] = cost[len(cost) // 2]
    return res


def bench_generate(preset: str, device: torch.device, new_tokens: int, rounds: int) -> dict:
    """Tokens/s of generation from a 32-token prompt, with the KV cache and re-running the context."""
    torch.manual_seed(0)
    model = Decoder(resolve_model_config(preset if preset in PRESETS else preset, VOCAB, 1024)).to(device).eval()
    prompt = list(range(100, 132))

    @torch.no_grad()
    def no_cache() -> list[int]:  # the anchor: the whole context each token (nanoGPT's sampler)
        ids = torch.tensor([prompt], device=device)
        for _ in range(new_tokens):
            logits, _ = model(ids)
            ids = torch.cat([ids, logits[:, -1].argmax(-1, keepdim=True)], dim=1)
        return ids[0, len(prompt):].tolist()

    def timed(fn):
        if device.type == "cuda":
            torch.cuda.synchronize()
        t = time.perf_counter()
        out = fn()
        if device.type == "cuda":
            torch.cuda.synchronize()
        return out, new_tokens / (time.perf_counter() - t)

    cached_rates, plain_rates = [], []
    for _ in range(rounds):
        a, rate = timed(lambda: generate(model, prompt, new_tokens, temperature=0))
        cached_rates.append(rate)
        b, rate = timed(no_cache)
        plain_rates.append(rate)
    ratios = sorted(c / p for c, p in zip(cached_rates, plain_rates))
    return {"model": preset, "new_tokens": new_tokens, "same_tokens": a == b,
            "kv_cache_tokens_per_s": sorted(cached_rates)[rounds // 2], "no_cache_tokens_per_s": sorted(plain_rates)[rounds // 2],
            "ratio_min": ratios[0], "ratio_median": ratios[len(ratios) // 2]}


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
    p.add_argument("--models", help="comma list of presets, or none (default: 124m,350m,760m on GPU, tiny on CPU)")
    p.add_argument("--shards", help="a shards folder (manifest.json); default: synthetic shards written here")
    p.add_argument("--seq", type=int, default=1024)
    p.add_argument("--batch", type=int, help="rows per step (default 16 on GPU, 1 on CPU)")
    p.add_argument("--steps", type=int, default=30, help="training steps per process")
    p.add_argument("--rounds", type=int, default=3, help="interleaved rounds, ours then the anchor")
    p.add_argument("--compile", default="auto", choices=("auto", "true", "false"))
    p.add_argument("--doc-mask", action="store_true", help="also run ours with document masking (its cost)")
    p.add_argument("--generate", default="", help="comma list of presets to time generation for (KV cache vs none)")
    p.add_argument("--new-tokens", type=int, default=200)
    p.add_argument("--skip-loader", action="store_true")
    p.add_argument("--out", default=str(ROOT / "bench" / "results" / "train.json"))
    a = p.parse_args()
    a.compile = {"true": True, "false": False}.get(a.compile, "auto")
    device = torch.device(a.device)
    gpu = device.type == "cuda"
    models = [m for m in (a.models or ("124m,350m,760m" if gpu else "tiny")).split(",") if m and m != "none"]
    results: dict = {"torch": torch.__version__, "device": torch.cuda.get_device_name(device) if gpu else "cpu",
                     "models": [], "generate": []}
    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(a.shards) if a.shards else write_bench_shards(Path(tmp) / "data", 4_000_000)
        for preset in models:
            r = bench_train(preset, shards, Path(tmp), a, device)
            results["models"].append(r)
            mfu = f"{r['mfu'] * 100:.1f}%" if r["mfu"] is not None else "n/a (no bf16 peak)"
            mask = f", doc masking {r['doc_mask_speed_ratio_median']:.2f}x speed" if a.doc_mask else ""
            print(f"{preset} seq {a.seq} batch {r['batch']}: ours {r['tokens_per_s']:,.0f} tok/s, MFU {mfu}; HF Llama "
                  f"{r['hf_tokens_per_s']:,.0f} tok/s; ratio min {r['ratio_vs_hf_min']:.2f}x median "
                  f"{r['ratio_vs_hf_median']:.2f}x{mask}", flush=True)
    for preset in [m for m in a.generate.split(",") if m]:
        g = bench_generate(preset, device, a.new_tokens, a.rounds)
        results["generate"].append(g)
        print(f"generate {preset} {a.new_tokens} tokens: KV cache {g['kv_cache_tokens_per_s']:,.1f} tok/s, "
              f"no cache {g['no_cache_tokens_per_s']:,.1f} tok/s; ratio min {g['ratio_min']:.2f}x median "
              f"{g['ratio_median']:.2f}x; same tokens: {g['same_tokens']}", flush=True)
    if not a.skip_loader:
        loader = bench_loader(a.seq, 16, 5.0)
        results["loader"] = loader
        print(f"loader (1 thread) seq {a.seq}: {loader['ours_tokens_per_s']:,.0f} tok/s; nanoGPT get_batch "
              f"{loader['nanogpt_get_batch_tokens_per_s']:,.0f} tok/s (ratio {loader['ratio_vs_nanogpt']:.2f}x); "
              f"plan+open {loader['plan_and_open_s']:.2f}s for {loader['plan_rows']:,} rows", flush=True)
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
