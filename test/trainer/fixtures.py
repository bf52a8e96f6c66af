"""Test fixtures for the trainer: a tiny Hugging Face byte-level BPE tokenizer.json, and Arrow token
shards plus manifest.json laid out exactly as seams.md fixes them (RUN/tokenizer, RUN/shards)."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.ipc as ipc
from tokenizers import Tokenizer

EOT = "<|endoftext|>"
WORDS = ("the cat sat on a mat and then it ran to the old house where we saw many birds flying over "
         "green hills while people talked about rain wind sun and the long road home").split()
CODE = ["def f(x):", "    return x + 1", "for i in range(10):", "    print(i)", "import os", "x = [1, 2, 3]",
        "if x > 0:", "    y = x * 2", "class A:", "    pass"]


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's printable alphabet for the 256 byte values."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def write_tokenizer(path: Path, merges: tuple[tuple[str, str], ...] = (("t", "h"), ("th", "e"), ("Ġ", "t"), ("a", "n"), ("i", "n"))) -> Path:
    alphabet = bytes_to_unicode()
    vocab = {alphabet[b]: i for i, b in enumerate(range(256))}
    for a, b in merges:
        vocab[a + b] = len(vocab)
    eot_id = len(vocab)
    tok = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": eot_id, "content": EOT, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True}],
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": [f"{a} {b}" for a, b in merges]},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(tok, ensure_ascii=False))
    return path


def prose(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words)).capitalize() + "."


def code(rng: random.Random, n_lines: int) -> str:
    return "\n".join(rng.choice(CODE) for _ in range(n_lines))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_shards(
    run: Path,
    docs: dict[str, list[str]],
    shards_per_source: int = 2,
    batch_rows: int = 7,
    dtype: str = "uint16",
) -> Path:
    """Encodes `docs` per source with RUN/tokenizer/tokenizer.json and writes RUN/shards (+ manifest)."""
    tok_path = run / "tokenizer" / "tokenizer.json"
    tok = Tokenizer.from_file(str(tok_path))
    eot = tok.token_to_id(EOT)
    tok_sha = sha256(tok_path)
    shards_dir = run / "shards"
    entries, sources = [], {}
    value_type = pa.uint16() if dtype == "uint16" else pa.uint32()
    for source, texts in sorted(docs.items()):
        per = max(1, -(-len(texts) // shards_per_source))
        for si in range(shards_per_source):
            part = texts[si * per : (si + 1) * per]
            rel = f"{source}/00000-{si:05d}.arrow"
            path = shards_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            rows = [tok.encode(t).ids + [eot] for t in part]
            schema = pa.schema([("tokens", pa.list_(value_type)), ("id", pa.string())],
                               metadata={"tokenizer_sha256": tok_sha, "source": source, "dtype": dtype, "eot_id": str(eot)})
            with ipc.new_file(str(path), schema) as w:
                for b in range(0, len(rows), batch_rows):
                    chunk = rows[b : b + batch_rows]
                    w.write_batch(pa.record_batch([pa.array(chunk, type=pa.list_(value_type)),
                                                   pa.array([f"{source}-{si}-{b + j}" for j in range(len(chunk))])], schema=schema))
            n_tok = sum(len(r) for r in rows)
            entries.append({"path": rel, "source": source, "rows": len(rows), "tokens": n_tok,
                            "bytes": path.stat().st_size, "sha256": sha256(path)})
            agg = sources.setdefault(source, {"shards": 0, "rows": 0, "tokens": 0, "bytes": 0})
            agg["shards"] += 1
            agg["rows"] += len(rows)
            agg["tokens"] += n_tok
            agg["bytes"] += path.stat().st_size
    manifest = {"version": 1,
                "tokenizer": {"path": "../tokenizer/tokenizer.json", "sha256": tok_sha, "vocab_size": tok.get_vocab_size(),
                              "eot_id": eot},
                "dtype": dtype, "shards": entries, "sources": sources}
    (shards_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return shards_dir


def make_run(run: Path, n_web: int = 120, n_code: int = 80, seed: int = 0, **kw) -> Path:
    """A run folder with a tokenizer and two sources: `web` (prose) and `code`."""
    rng = random.Random(seed)
    write_tokenizer(run / "tokenizer" / "tokenizer.json")
    docs = {"web": [prose(rng, rng.randint(20, 120)) for _ in range(n_web)],
            "code": [code(rng, rng.randint(3, 20)) for _ in range(n_code)]}
    return write_shards(run, docs, **kw)


def train_config(run: Path, **overrides) -> dict:
    cfg = {"shards_dir": str(run / "shards"), "out_dir": str(run / "train"), "model": "tiny", "steps": 8,
           "seq_len": 32, "batch_size": 4, "lr": 3e-3, "log_every": 1, "eval_every": 4, "eval_tokens": 128,
           "ckpt_every": 4, "export": False, "sample_tokens": 0, "val_fraction": 0.05, "seed": 7}
    cfg.update(overrides)
    return cfg


def write_config(run: Path, name: str = "train", **overrides) -> Path:
    """RUN/<name>/config.json, training into RUN/<name>."""
    overrides.setdefault("out_dir", str(run / name))
    p = run / name / "config.json"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(train_config(run, **overrides)))
    return p
