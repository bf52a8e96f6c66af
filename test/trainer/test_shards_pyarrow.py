"""Token shards and tokenizer.json as Python users read them: pyarrow memory-maps a shard and
exposes the token values zero-copy as numpy, Hugging Face `datasets` loads it, and transformers'
PreTrainedTokenizerFast loads tokenizer.json and encodes to the ids our encoder wrote."""

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE = ROOT / "node_modules" / ".bin" / "node"


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    out = tmp_path_factory.mktemp("tok")
    subprocess.run([str(NODE), str(ROOT / "test/shards/make-fixture.ts"), str(out)], check=True, cwd=ROOT)
    expected = json.loads((out / "expected.json").read_text())
    return out, expected


def flat_expected(expected):
    return np.concatenate([np.array(ids + [expected["eot_id"]], dtype=np.int64) for ids in expected["ids"]])


@pytest.mark.parametrize("dtype", ["uint16", "uint32"])
def test_pyarrow_memory_maps_shard_zero_copy(fixture, dtype):
    out, expected = fixture
    (path,) = expected["shards"][dtype]
    source = pa.memory_map(path, "r")
    mapped = source.read_buffer()
    reader = pa.ipc.open_file(mapped)
    md = reader.schema.metadata
    assert md[b"dtype"].decode() == dtype
    assert int(md[b"eot_id"]) == expected["eot_id"]
    assert md[b"source"] == b"web"
    assert reader.num_record_batches > 1
    allocated = pa.total_allocated_bytes()
    parts = []
    for i in range(reader.num_record_batches):
        tokens = reader.get_batch(i).column("tokens")
        values = tokens.values.to_numpy(zero_copy_only=True)
        assert values.dtype == np.dtype(dtype)
        # The numpy array points into the mapped file itself.
        assert mapped.address <= values.ctypes.data < mapped.address + mapped.size
        offsets = tokens.offsets.to_numpy()
        parts.append(values[offsets[0] : offsets[-1]])
    assert pa.total_allocated_bytes() == allocated, "reading allocated memory: not zero-copy"
    np.testing.assert_array_equal(np.concatenate(parts).astype(np.int64), flat_expected(expected))


def test_datasets_loads_shard(fixture, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    datasets = pytest.importorskip("datasets")
    out, expected = fixture
    (path,) = expected["shards"]["uint16"]
    ds = datasets.load_dataset("arrow", data_files=[path], split="train", cache_dir=str(tmp_path))
    assert ds.num_rows == len(expected["texts"])
    assert ds[3]["tokens"] == expected["ids"][3] + [expected["eot_id"]]
    assert ds[3]["id"] == "doc-3"


def test_transformers_fast_tokenizer_matches_our_ids(fixture):
    transformers = pytest.importorskip("transformers")
    out, expected = fixture
    tok_dir = out / "tokenizer"
    direct = transformers.PreTrainedTokenizerFast(tokenizer_file=str(tok_dir / "tokenizer.json"), eos_token="<|endoftext|>")
    auto = transformers.AutoTokenizer.from_pretrained(str(tok_dir))
    assert len(direct) == expected["vocab_size"]
    assert auto.eos_token_id == expected["eot_id"]
    for text, ids in zip(expected["texts"], expected["ids"]):
        assert direct.encode(text, add_special_tokens=False) == ids, text[:80]
        assert auto.encode(text, add_special_tokens=False) == ids, text[:80]
        assert direct.decode(ids) == text
