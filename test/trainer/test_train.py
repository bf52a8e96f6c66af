"""The training loop: exact resume (byte-identical checkpoints), DDP on CPU (two gloo processes via
torchrun) matching one process and resuming on another process count, NaN stop, schedules, the
plan and the log, bf16 autocast and torch.compile on CPU (and the eager fallback), the peak-FLOPs
table and the MFU formula, CPU threads, batched validation over a token budget."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import fixtures
from trainer.config import parse_config
from trainer.errors import ResumeError, TrainingDiverged
from trainer.train import PEAK_BF16, configure_threads, lr_at, mfu, peak_flops, train

ROOT = Path(__file__).resolve().parents[2]


def cfg(run, **kw):
    return parse_config(fixtures.train_config(run, **kw))


def log(run, name="train"):
    return [json.loads(line) for line in (run / name / "log.jsonl").read_text().splitlines()]


def test_stopped_and_resumed_run_equals_uninterrupted(run):
    full = cfg(run, out_dir=str(run / "full"), steps=8, ckpt_every=0)
    train(full)
    part = cfg(run, out_dir=str(run / "part"), steps=8, ckpt_every=0)
    train(part, stop_at=3)
    assert [r["step"] for r in log(run, "part")][-1] == 3
    train(part, resume=True)
    a, b = log(run, "full"), log(run, "part")
    assert [r["step"] for r in b] == list(range(1, 9))
    assert [r["loss"] for r in a] == [r["loss"] for r in b]  # bitwise
    assert [r["grad_norm"] for r in a] == [r["grad_norm"] for r in b]
    assert a[-1]["val_loss"] == b[-1]["val_loss"]
    # the checkpoint is a function of the training state only: same bytes, no paths in it
    a_bytes = (run / "full" / "ckpt" / "step_00000008.pt").read_bytes()
    assert a_bytes == (run / "part" / "ckpt" / "step_00000008.pt").read_bytes()
    assert str(run).encode() not in a_bytes and b"/full" not in a_bytes


def test_log_plan_and_checkpoints(run):
    train(cfg(run, steps=8, keep_checkpoints=1, export=True))
    records = log(run)
    assert [r["step"] for r in records] == list(range(1, 9))
    assert set(records[3]["val_loss"]) == {"code", "web"} and "val_loss" not in records[2]
    assert records[-1]["loss"] < records[0]["loss"]
    assert all(r["tokens_per_s"] > 0 and r["mfu"] is None and r["lr"] > 0 for r in records)
    plan = json.loads((run / "train" / "plan.json").read_text())
    assert plan["tokens"] == 8 * 4 * 32 and plan["chinchilla_tokens"] == 20 * plan["model_params"]
    assert plan["estimated_seconds"] > 0
    assert [p.name for p in (run / "train" / "ckpt").iterdir()] == ["step_00000008.pt"]
    assert (run / "train" / "export" / "model.safetensors").is_file()
    # a second start in the same folder must not silently overwrite the run
    with pytest.raises(ResumeError, match="already holds checkpoints"):
        train(cfg(run, steps=8))
    with pytest.raises(ResumeError, match=r"different settings \(seq_len: 32 -> 64\)"):
        train(cfg(run, steps=8, seq_len=64), resume=True)


def test_nan_stops_naming_step_and_last_checkpoint(run, monkeypatch):
    import trainer.model as model_mod

    real = model_mod.chunked_cross_entropy
    calls = {"n": 0}

    def poisoned(*a, **k):
        calls["n"] += 1
        out = real(*a, **k)
        return out * float("nan") if calls["n"] == 6 else out

    monkeypatch.setattr(model_mod, "chunked_cross_entropy", poisoned)
    with pytest.raises(TrainingDiverged, match=r"at step 6: training diverged; last good checkpoint: .*step_00000004.pt"):
        train(cfg(run, eval_every=0))


def test_gradient_accumulation_matches_full_batch(run):
    train(cfg(run, out_dir=str(run / "a"), steps=4))
    train(cfg(run, out_dir=str(run / "b"), steps=4, micro_batch_size=1))
    a, b = log(run, "a"), log(run, "b")
    assert [r["loss"] for r in a] == pytest.approx([r["loss"] for r in b], rel=1e-5)


def test_schedules():
    c = parse_config({"shards_dir": "x", "out_dir": "y", "steps": 100, "warmup_steps": 10, "lr": 1.0, "min_lr_ratio": 0.1})
    assert lr_at(0, c) == pytest.approx(0.1) and lr_at(9, c) == pytest.approx(1.0)
    assert lr_at(10, c) == pytest.approx(1.0) and lr_at(99, c) == pytest.approx(0.1, abs=1e-3)
    w = parse_config({"shards_dir": "x", "out_dir": "y", "steps": 100, "warmup_steps": 10, "lr": 1.0,
                      "min_lr_ratio": 0.0, "schedule": "wsd", "decay_fraction": 0.2})
    assert lr_at(50, w) == 1.0 and lr_at(79, w) == 1.0 and lr_at(89, w) == pytest.approx(0.5) and lr_at(99, w) == 0.0


def torchrun(run, nproc, *args):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}", "-m", "trainer", *args]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


def test_ddp_two_processes_on_cpu_matches_one_and_resumes_on_one(run):
    conf = lambda name: fixtures.write_config(run, name, steps=6, ckpt_every=0)  # noqa: E731
    c1 = conf("one")
    p = conf("two")
    train(parse_config(json.loads(c1.read_text())))
    torchrun(run, 2, "train", "--config", str(p), "--stop-at", "3")
    # continue the two-process run in one process: the same global rows, the same curve
    train(parse_config(json.loads(p.read_text())), resume=True)
    one, two = log(run, "one"), log(run, "two")
    assert [r["step"] for r in two] == list(range(1, 7))
    assert [r["loss"] for r in two] == pytest.approx([r["loss"] for r in one], rel=1e-4)
    assert two[-1]["val_loss"] == pytest.approx(one[-1]["val_loss"], rel=1e-4)


def test_fsdp2_two_processes_on_cpu_matches_one_and_resumes(run):
    one = fixtures.write_config(run, "one", steps=4, ckpt_every=0)
    two = fixtures.write_config(run, "fsdp", steps=4, ckpt_every=0, fsdp=True)
    train(parse_config(json.loads(one.read_text())))
    torchrun(run, 2, "train", "--config", str(two), "--stop-at", "2")
    torchrun(run, 2, "train", "--config", str(two), "--resume")
    a, b = log(run, "one"), log(run, "fsdp")
    assert [r["step"] for r in b] == [1, 2, 3, 4]
    assert [r["loss"] for r in b] == pytest.approx([r["loss"] for r in a], rel=1e-4)
    assert b[-1]["val_loss"] == pytest.approx(a[-1]["val_loss"], rel=1e-4)


def test_bf16_autocast_and_compile_on_cpu(run, capsys, monkeypatch):
    # Dynamo's graph capture and AOT autograd (what our model code must survive: the checkpointed
    # chunked loss, the train/eval switch) without inductor's C++ code generation, which takes
    # minutes on 2 loaded cores; inductor itself runs in bench/train/gpu.sh
    real_compile = torch.compile
    monkeypatch.setattr(torch, "compile", lambda m, **k: real_compile(m, backend="aot_eager", **k))
    train(cfg(run, out_dir=str(run / "fp32"), steps=3, eval_every=3))
    train(cfg(run, out_dir=str(run / "bf16"), steps=3, eval_every=3, dtype="bfloat16"))
    train(cfg(run, out_dir=str(run / "compiled"), steps=3, eval_every=3, compile=True))
    err = capsys.readouterr().err
    assert "bf16 autocast | eager" in err and "fp32 | compiled" in err
    a, b, c = log(run, "fp32"), log(run, "bf16"), log(run, "compiled")
    assert [r["loss"] for r in b] == pytest.approx([r["loss"] for r in a], rel=2e-2)
    assert [r["loss"] for r in c] == pytest.approx([r["loss"] for r in a], rel=1e-4)
    assert c[-1]["val_loss"] == pytest.approx(a[-1]["val_loss"], rel=1e-4)


def test_compile_failure_falls_back_to_eager_with_the_reason(run, monkeypatch, capsys):
    def broken(model, *a, **k):
        def fail(*args, **kwargs):
            raise RuntimeError("no C++ compiler found")
        return fail

    monkeypatch.setattr(torch, "compile", broken)
    train(cfg(run, steps=2, compile=True))
    assert "eager (torch.compile failed: RuntimeError: no C++ compiler found)" in capsys.readouterr().err
    assert [r["step"] for r in log(run)] == [1, 2]


def test_document_masking_trains_and_validation_budget(run):
    rows = dict(steps=2, eval_every=2, seq_len=64, batch_size=8)  # rows long enough to hold end-of-text tokens
    train(cfg(run, out_dir=str(run / "plain"), **rows))
    train(cfg(run, out_dir=str(run / "masked"), doc_mask=True, **rows))
    a, b = log(run, "plain"), log(run, "masked")
    assert [r["loss"] for r in a] != [r["loss"] for r in b]
    assert [r["loss"] for r in a] == pytest.approx([r["loss"] for r in b], abs=0.1)
    assert all(r["data_wait_s"] >= 0 for r in a)
    # a budget of one row per source scores a different (smaller) set than 4 rows
    train(cfg(run, out_dir=str(run / "one"), eval_tokens=64, **rows))
    assert log(run, "one")[-1]["val_loss"] != a[-1]["val_loss"]


def test_peak_table_matches_names_exactly_and_mfu(monkeypatch):
    c = parse_config({"shards_dir": "x", "out_dir": "y"})
    gpu = torch.device("cuda", 0)
    for name, want in [("NVIDIA H100 80GB HBM3", 989.4e12), ("NVIDIA H100 PCIe", 756.5e12), ("NVIDIA L40S", 362.05e12),
                       ("NVIDIA L4", 121e12), ("NVIDIA H200", 989.4e12), ("NVIDIA A100-SXM4-40GB", 312e12)]:
        monkeypatch.setattr(torch.cuda, "get_device_name", lambda _d, n=name: n)
        assert peak_flops(c, gpu)[0] == want
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda _d: "NVIDIA L4 Turbo")  # no substring match
    peak, why = peak_flops(c, gpu)
    assert peak is None and "not in the peak table" in why
    assert peak_flops(parse_config({"shards_dir": "x", "out_dir": "y", "peak_flops": 5e14}), gpu)[0] == 5e14
    assert peak_flops(c, torch.device("cpu"))[0] is None
    assert all(v > 1e13 for v in PEAK_BF16.values())
    # 124m at 1024: 6N + 12·L·H·Q·T FLOPs per token; 400K tok/s on 8 H100 SXM
    assert mfu(1e9, 4e5, 989.4e12, 8) == pytest.approx(1e9 * 4e5 / (8 * 989.4e12))
    assert mfu(1e9, 4e5, None, 1) is None


def test_cpu_threads_fit_cores_and_model(monkeypatch):
    from trainer.model import resolve_model_config
    from trainer.train import Dist

    before = torch.get_num_threads()
    try:
        monkeypatch.delenv("LOCAL_WORLD_SIZE", raising=False)
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(16)), raising=False)
        d1, d4 = Dist(0, 1, 0, torch.device("cpu")), Dist(0, 4, 0, torch.device("cpu"))
        c = parse_config({"shards_dir": "x", "out_dir": "y"})
        tiny, big = resolve_model_config("tiny", 300, 64), resolve_model_config("760m", 300, 64)
        assert configure_threads(c, d1, tiny) == 1  # too narrow to feed a second thread
        assert configure_threads(c, d1, big) == 6 and configure_threads(c, d4, big) == 4  # 16 cores / 4 processes
        assert configure_threads(parse_config({"shards_dir": "x", "out_dir": "y", "threads": 3}), d1, tiny) == 3
        assert torch.get_num_threads() == 3
    finally:
        torch.set_num_threads(before)
