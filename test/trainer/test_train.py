"""The training loop: exact resume, DDP on CPU (two gloo processes via torchrun) matching one
process and resuming on another process count, NaN stop, schedules, the plan and the log."""

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
from trainer.train import lr_at, train

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
    sa = torch.load(run / "full" / "ckpt" / "step_00000008.pt", weights_only=False)["model"]
    sb = torch.load(run / "part" / "ckpt" / "step_00000008.pt", weights_only=False)["model"]
    assert all(torch.equal(sa[k], sb[k]) for k in sa)


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

    real = model_mod.F.cross_entropy
    calls = {"n": 0}

    def poisoned(*a, **k):
        calls["n"] += 1
        out = real(*a, **k)
        return out * float("nan") if calls["n"] == 6 else out

    monkeypatch.setattr(model_mod.F, "cross_entropy", poisoned)
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
