"""Reading the token shards: the manifest, its checks, and each source as one flat token stream.

Shards are Arrow IPC files (seams.md): `tokens: List<UInt16|UInt32>` with the end-of-text token
appended per document. A shard is memory-mapped and each record batch's values buffer is taken as
a numpy view (zero copy), so a source is a list of flat token arrays laid end to end: documents
separated by EOT, ready to be cut into fixed-length rows.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute  # noqa: F401  (pa.compute)
import pyarrow.ipc as ipc

from .errors import DataError, read_json


@dataclass(frozen=True)
class ShardEntry:
    path: str  # relative to the shards folder
    source: str
    rows: int
    tokens: int
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    root: Path
    tokenizer_path: Path
    tokenizer_sha256: str
    vocab_size: int
    eot_id: int
    dtype: str
    shards: tuple[ShardEntry, ...]

    @property
    def sources(self) -> list[str]:
        return sorted({s.source for s in self.shards})


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_manifest(shards_dir: str | os.PathLike) -> Manifest:
    root = Path(shards_dir)
    path = root / "manifest.json"
    raw = read_json(path, DataError, "shard manifest", f"no shard manifest at {path}: run the tokenize and manifest stages first")
    try:
        if raw.get("version") != 1:
            raise DataError(f"shard manifest {path}: unsupported version {raw.get('version')!r} (expected 1)")
        tok = raw["tokenizer"]
        shards = tuple(
            ShardEntry(s["path"], s["source"], int(s["rows"]), int(s["tokens"]), int(s["bytes"]), s["sha256"])
            for s in raw["shards"]
        )
        dtype = raw["dtype"]
        if dtype not in ("uint16", "uint32"):
            raise DataError(f"shard manifest {path}: dtype {dtype!r} is neither uint16 nor uint32")
        return Manifest(
            root=root,
            tokenizer_path=(root / tok["path"]).resolve(),
            tokenizer_sha256=tok["sha256"],
            vocab_size=int(tok["vocab_size"]),
            eot_id=int(tok["eot_id"]),
            dtype=dtype,
            shards=shards,
        )
    except (KeyError, TypeError, ValueError) as e:
        raise DataError(f"shard manifest {path} is malformed: missing or bad field {e}") from None


def check_tokenizer(manifest: Manifest) -> None:
    """The tokenizer file next to the shards must be the one they were encoded with."""
    p = manifest.tokenizer_path
    if not p.is_file():
        raise DataError(f"tokenizer {p} named by {manifest.root / 'manifest.json'} does not exist")
    actual = sha256_file(p)
    if actual != manifest.tokenizer_sha256:
        raise DataError(
            f"tokenizer mismatch: {p} has sha256 {actual[:12]}…, the shards were encoded with "
            f"{manifest.tokenizer_sha256[:12]}… (manifest)"
        )


def verify_shard(manifest: Manifest, entry: ShardEntry, checksum: bool = True) -> None:
    """Raises DataError when the shard is missing, truncated, corrupt, or from another tokenizer."""
    p = manifest.root / entry.path
    if not p.is_file():
        raise DataError(f"shard {p} listed in the manifest is missing")
    size = p.stat().st_size
    if size != entry.bytes:
        raise DataError(f"shard {p} is corrupt: {size} bytes, manifest says {entry.bytes}")
    if checksum:
        digest = sha256_file(p)
        if digest != entry.sha256:
            raise DataError(f"shard {p} is corrupt: sha256 {digest[:12]}… does not match the manifest's {entry.sha256[:12]}…")
    try:
        reader = ipc.open_file(pa.memory_map(str(p), "r"))
    except (pa.ArrowInvalid, OSError) as e:
        raise DataError(f"shard {p} is not a readable Arrow IPC file: {e}") from None
    meta = {k.decode(): v.decode() for k, v in (reader.schema.metadata or {}).items()}
    if meta.get("tokenizer_sha256") != manifest.tokenizer_sha256:
        raise DataError(
            f"tokenizer mismatch: shard {p} was encoded with tokenizer {str(meta.get('tokenizer_sha256'))[:12]}…, "
            f"the manifest names {manifest.tokenizer_sha256[:12]}…"
        )
    if meta.get("source") not in (None, entry.source):
        raise DataError(f"shard {p}: schema says source {meta.get('source')!r}, manifest says {entry.source!r}")
    if checksum:  # the file is in the page cache now; an id past the vocabulary would crash a GPU kernel later
        for i in range(reader.num_record_batches):
            values = reader.get_batch(i).column("tokens").values
            top = pa.compute.max(values).as_py() if len(values) else None
            if top is not None and top >= vocab_limit(manifest):
                raise DataError(f"shard {p} holds token id {top}, outside the tokenizer's vocabulary of {manifest.vocab_size}")


def vocab_limit(manifest: Manifest) -> int:
    """Ids below this are valid: the vocabulary, and the EOT id even if a writer counted it apart."""
    return max(manifest.vocab_size, manifest.eot_id + 1)


class TokenStream:
    """A source's shards as one flat, read-only token sequence backed by memory maps."""

    def __init__(self, manifest: Manifest, source: str):
        self.source = source
        self._chunks: list[np.ndarray] = []
        self._maps: list[pa.MemoryMappedFile] = []  # keep the maps alive as long as the views
        for entry in (s for s in manifest.shards if s.source == source):
            path = manifest.root / entry.path
            mm = pa.memory_map(str(path), "r")
            self._maps.append(mm)
            reader = ipc.open_file(mm)
            n = 0
            for i in range(reader.num_record_batches):
                col = reader.get_batch(i).column("tokens")
                values = col.values
                if col.offset or values.offset or len(col) and col.offsets[0].as_py() != 0:
                    values = values.slice(col.offsets[0].as_py(), col.offsets[-1].as_py() - col.offsets[0].as_py())
                arr = values.to_numpy(zero_copy_only=True)
                if arr.dtype.name != manifest.dtype:
                    raise DataError(f"shard {path}: tokens are {arr.dtype.name}, manifest says {manifest.dtype}")
                if len(arr):
                    self._chunks.append(arr)
                n += len(arr)
            if n != entry.tokens:
                raise DataError(f"shard {path} holds {n} tokens, manifest says {entry.tokens}")
        sizes = np.array([len(c) for c in self._chunks], dtype=np.int64)
        self._starts = np.concatenate(([0], np.cumsum(sizes)))
        self.num_tokens = int(self._starts[-1])

    def read(self, start: int, n: int, out: np.ndarray | None = None) -> np.ndarray:
        """Tokens [start, start+n) as int64, copied into `out` when given."""
        if start < 0 or start + n > self.num_tokens:
            raise IndexError(f"{self.source}: tokens [{start}, {start + n}) outside [0, {self.num_tokens})")
        if out is None:
            out = np.empty(n, dtype=np.int64)
        i = int(np.searchsorted(self._starts, start, side="right")) - 1
        pos, filled = start - int(self._starts[i]), 0
        while filled < n:
            chunk = self._chunks[i]
            take = min(n - filled, len(chunk) - pos)
            out[filled : filled + take] = chunk[pos : pos + take]
            filled += take
            i, pos = i + 1, 0
        return out

    def last_eot_before(self, end: int, eot_id: int, limit: int) -> int | None:
        """Index just after the last EOT in [end-limit, end), for cutting at a document boundary."""
        lo = max(0, end - limit)
        window = self.read(lo, end - lo)
        hits = np.flatnonzero(window == eot_id)
        return lo + int(hits[-1]) + 1 if len(hits) else None
