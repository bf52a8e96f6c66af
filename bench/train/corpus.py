"""The text for the GPU run's shards: every gold main-content text under ../shared/data/extraction
(html-cleaning's GoldStandard files, WCXB's main_content, Scrapinghub's articleBody) as one JSONL.gz
with a `text` field, in a fixed order, for `cc-pretrain run bench/train/gpu-shards.yaml`. Real
prose, offline; about 3 M tokens, small enough to carry to the GPU machine (docs/training.md).

Run: .venv/bin/python bench/train/corpus.py [--data ../shared/data/extraction] [--out bench/train/gpu-data/gold.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts(data: Path):
    for p in sorted(data.glob("html-cleaning/*/GoldStandard/*.txt.gz")):
        yield p.relative_to(data).as_posix(), gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
    for p in sorted(data.glob("wcxb-dev/ground-truth/*.json")):
        yield p.relative_to(data).as_posix(), json.loads(p.read_text())["ground_truth"].get("main_content") or ""
    gt = data / "scrapinghub" / "ground-truth.json"
    if gt.is_file():
        for key, rec in sorted(json.loads(gt.read_text()).items()):
            yield f"scrapinghub/{key}", rec.get("articleBody") or ""


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data", default=str(ROOT / ".." / "shared" / "data" / "extraction"))
    p.add_argument("--out", default=str(ROOT / "bench" / "train" / "gpu-data" / "gold.jsonl.gz"))
    a = p.parse_args()
    data, out = Path(a.data), Path(a.out)
    if not data.is_dir():
        raise SystemExit(f"error: {data} does not exist (the shared data folder is needed to build the corpus)")
    out.parent.mkdir(parents=True, exist_ok=True)
    n = chars = 0
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as f:
        for doc_id, text in texts(data):
            if text.strip():
                f.write((json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n").encode())
                n, chars = n + 1, chars + len(text)
    tmp.replace(out)
    print(f"{out}: {n:,} documents, {chars:,} characters")


if __name__ == "__main__":
    main()
