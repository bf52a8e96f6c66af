"""Shards, validation split and the mixture: zero-copy streams, checks with clear errors, the
deterministic low-discrepancy row sequence, the epoch limit, resume independent of process count."""

import json
import shutil

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import pytest

import fixtures
from trainer.config import parse_config
from trainer.data import open_run_data, step_rows
from trainer.errors import DataError
from trainer.mixture import build_plan, fetch_rows, largest_remainder, row_of
from trainer.shards import TokenStream, load_manifest


def cfg(run, **kw):
    return parse_config(fixtures.train_config(run, **kw))


def docs_of(run, source):
    out = []
    for p in sorted((run / "shards" / source).glob("*.arrow")):
        out += ipc.open_file(pa.memory_map(str(p))).read_all().column("tokens").to_pylist()
    return [t for d in out for t in d]


def test_stream_is_the_concatenation_of_documents_and_zero_copy(run):
    m = load_manifest(run / "shards")
    s = TokenStream(m, "web")
    flat = docs_of(run, "web")
    assert s.num_tokens == len(flat)
    assert all(not c.flags.owndata and not c.flags.writeable for c in s._chunks)  # views into the mmap
    starts = s._starts
    for a in (0, int(starts[1]) - 5, int(starts[2]) - 1, s.num_tokens - 40):
        assert s.read(a, 40).tolist() == flat[a : a + 40]  # across batch and shard boundaries
    assert flat.count(m.eot_id) == 120


def test_uint32_shards(tmp_path):
    fixtures.make_run(tmp_path / "r", dtype="uint32")
    data = open_run_data(cfg(tmp_path / "r"))
    assert data.splits["web"].stream._chunks[0].dtype == np.uint32


def test_validation_split_is_held_out_at_a_document_start(run):
    data = open_run_data(cfg(run))
    m = data.manifest
    for split in data.splits.values():
        assert split.val_rows >= 1 and split.train_rows >= 1
        assert split.stream.read(split.val_start - 1, 1)[0] == m.eot_id
        # no training row reaches into the held-out tokens
        assert (split.train_rows - 1) * split.seq_len + split.seq_len + 1 <= split.val_start


def test_plan_prefixes_stay_within_one_row_of_the_mix(run):
    data = open_run_data(cfg(run, mixture={"web": 0.7, "code": 0.3}, steps=50))
    plan = data.plan
    assert plan.names == ("code", "web") and sum(plan.counts) == 200
    for i, w in enumerate(plan.weights):
        prefix = np.cumsum(plan.order_src == i)
        target = w * np.arange(1, plan.total_rows + 1)
        assert np.max(np.abs(prefix - target)) <= 1.0
    assert plan.counts == tuple(largest_remainder([0.3, 0.7], 200))


def test_plan_is_a_pure_function_of_seed_weights_manifest(run):
    a = open_run_data(cfg(run, mixture={"web": 1, "code": 1}, steps=40))
    b = open_run_data(cfg(run, mixture={"web": 1, "code": 1}, steps=40))
    c = open_run_data(cfg(run, mixture={"web": 1, "code": 1}, steps=40, seed=8))
    rows = range(0, 160)
    assert np.array_equal(fetch_rows(a.plan, a.splits, rows), fetch_rows(b.plan, b.splits, rows))
    assert not np.array_equal(fetch_rows(a.plan, a.splits, rows), fetch_rows(c.plan, c.splits, rows))


def test_rows_are_drawn_without_replacement_within_an_epoch(run):
    data = open_run_data(cfg(run, mixture={"code": 1}, steps=100, max_epochs=10))
    code = data.splits["code"]
    seen = [row_of(data.plan, data.splits, g)[1] for g in range(code.train_rows)]
    assert sorted(seen) == list(range(code.train_rows))
    assert seen != list(range(code.train_rows))  # shuffled


def test_every_process_count_reads_the_same_rows_per_step():
    for step in range(3):
        single = set(step_rows(step, 0, 0, 1, 8, 8))
        for world, micro in ((2, 4), (2, 2), (4, 1), (8, 1)):
            accum = 8 // (world * micro)
            got = [g for m in range(accum) for r in range(world) for g in step_rows(step, m, r, world, micro, 8)]
            assert sorted(got) == sorted(single) and len(got) == 8


def test_weights_default_to_tokens_available(run):
    data = open_run_data(cfg(run))
    s = data.splits
    total = sum(x.train_tokens for x in s.values())
    assert data.weights["web"] == pytest.approx(s["web"].train_tokens / total)


def test_unknown_source_in_mixture(run):
    with pytest.raises(DataError, match=r"'books'.*sources in .*: code, web"):
        open_run_data(cfg(run, mixture={"web": 1, "books": 1}))


def test_mixture_needing_too_many_epochs_is_refused(run):
    with pytest.raises(DataError, match=r"max_epochs = 2 .*code: .* epochs"):
        open_run_data(cfg(run, mixture={"web": 0.2, "code": 0.8}, steps=400, max_epochs=2))
    summary = open_run_data(cfg(run, mixture={"web": 0.2, "code": 0.8}, steps=400, max_epochs=10)).summary
    code = next(r for r in summary["sources"] if r["source"] == "code")
    assert code["tokens_drawn"] == 1280 * 32 and code["epochs"] == pytest.approx(1280 * 32 / code["tokens_available"])


def test_corrupt_and_missing_shards(run):
    shard = run / "shards" / "web" / "00000-00001.arrow"
    raw = bytearray(shard.read_bytes())
    raw[200] ^= 0xFF
    shard.write_bytes(bytes(raw))
    with pytest.raises(DataError, match=r"00000-00001.arrow is corrupt: sha256"):
        open_run_data(cfg(run))
    shard.write_bytes(bytes(raw[:-100]))
    with pytest.raises(DataError, match=r"00000-00001.arrow is corrupt: \d+ bytes, manifest says"):
        open_run_data(cfg(run, checksum=False))
    shard.unlink()
    with pytest.raises(DataError, match=r"00000-00001.arrow listed in the manifest is missing"):
        open_run_data(cfg(run))
    shutil.rmtree(run / "shards")
    with pytest.raises(DataError, match=r"no shard manifest at"):
        open_run_data(cfg(run))


def test_tokenizer_mismatch(run, tmp_path):
    tok = run / "tokenizer" / "tokenizer.json"
    fixtures.write_tokenizer(tok, merges=(("t", "h"),))
    with pytest.raises(DataError, match=r"tokenizer mismatch: .*tokenizer.json has sha256"):
        open_run_data(cfg(run))
    # shards from another tokenizer listed in a manifest that names this one
    other = tmp_path / "other"
    fixtures.make_run(other)
    m = json.loads((run / "shards" / "manifest.json").read_text())
    m["tokenizer"]["sha256"] = fixtures.sha256(tok)
    (run / "shards" / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(DataError, match=r"tokenizer mismatch: shard .* was encoded with tokenizer"):
        open_run_data(cfg(run))


def test_empty_source(tmp_path):
    fixtures.write_tokenizer(tmp_path / "r" / "tokenizer" / "tokenizer.json")
    fixtures.write_shards(tmp_path / "r", {"web": [fixtures.prose(__import__("random").Random(0), 50) for _ in range(40)], "empty": []},
                          shards_per_source=1)
    with pytest.raises(DataError, match=r"source 'empty' is empty"):
        open_run_data(cfg(tmp_path / "r"))
    assert set(open_run_data(cfg(tmp_path / "r", mixture={"web": 1})).splits) == {"web"}


def test_vocab_larger_than_models(run):
    from trainer.train import train

    with pytest.raises(ValueError, match=r"vocabulary \(262 tokens\) is larger than the model's vocab_size \(200\)"):
        train(cfg(run, model={"n_layer": 1, "n_head": 2, "d_model": 16, "vocab_size": 200}))


def test_plan_build_is_fast_for_a_long_run(run):
    import time

    data = open_run_data(cfg(run))
    t = time.perf_counter()
    plan = build_plan(data.splits, {"web": 0.6, "code": 0.4}, 5_000_000, 1)
    assert plan.total_rows == 5_000_000 and time.perf_counter() - t < 10


def test_token_id_outside_the_vocabulary(run):
    m = json.loads((run / "shards" / "manifest.json").read_text())
    m["tokenizer"]["vocab_size"] = 200
    m["tokenizer"]["eot_id"] = 199
    (run / "shards" / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(DataError, match=r"holds token id \d+, outside the tokenizer's vocabulary of 200"):
        open_run_data(cfg(run))


def test_plan_command_and_config_errors(run, capsys):
    from trainer.__main__ import main

    path = fixtures.write_config(run, mixture={"web": 3, "code": 1})
    assert main(["plan", "--config", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert {r["source"]: r["weight"] for r in summary["sources"]} == {"code": 0.25, "web": 0.75}
    assert main(["plan", "--config", str(path), "--set", "stepz=3"]) == 2
    assert "unknown field(s) stepz" in capsys.readouterr().err
    assert main(["plan", "--config", str(path), "--set", "schedule=\"linear\""]) == 2
    assert "schedule must be one of cosine, wsd" in capsys.readouterr().err
