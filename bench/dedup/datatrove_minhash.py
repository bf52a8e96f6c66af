"""datatrove's MinHash (the anchor) on the bench corpus: FineWeb's settings (SHA-1 64-bit, 14x8,
5-grams, seed 1), stages 1-3 run in this process, one task. Prints one JSON line with timings and
the duplicate clusters, and writes every document's 112 hashes to <out>/signatures.bin
(little-endian uint64, zeros for documents without shingles).

mode "fineweb": datatrove 0.2.0, the code FineWeb ran (NLTK word_tokenize, with the Punkt model
made available offline by bench/filters/offline_nltk.py); run it with bench/.venv.
mode "shipped": datatrove 0.10.1 as installed (HEAD normalisation, spaCy English word tokenizer);
run it with bench/dedup/.venv.
Clusters are the connected components of the .dups pairs (both versions write them alike).
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
from datatrove.data import Document
from datatrove.pipeline.dedup import minhash as dt_minhash
from datatrove.pipeline.dedup.minhash import (
    MinhashConfig,
    MinhashDedupBuckets,
    MinhashDedupSignature,
)


def make_config(mode):
    if mode == "fineweb":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "filters"))
        import offline_nltk

        offline_nltk.install()
        return MinhashConfig(use_64bit_hashes=True, num_buckets=14, hashes_per_bucket=8, n_grams=5, seed=1)
    from datatrove.utils.hashing import HashConfig

    return MinhashConfig(hash_config=HashConfig(hash_fc="sha1", precision=64), num_buckets=14, hashes_per_bucket=8, n_grams=5, seed=1)


def components(pairs_dir):
    """Connected components of every (file, doc, file, doc) pair: {doc: smallest doc of its component}."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in sorted(pairs_dir.glob("*.dups")):
        for _, d1, _, d2 in np.fromfile(f, dtype="<u4").reshape(-1, 4):
            a, b = find(int(d1)), find(int(d2))
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {d: find(d) for d in parent}


def main():
    corpus, out, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    out.mkdir(parents=True, exist_ok=True)
    docs = [json.loads(line) for line in corpus.open()]
    documents = [Document(text=d["text"], id=d["id"]) for d in docs]
    config = make_config(mode)
    sig_step = MinhashDedupSignature(output_folder=str(out / "sigs"), config=config)

    # Pure signature compute (what a core spends per document), after one warm-up pass.
    for d in documents[:50]:
        sig_step.get_shingles(d.text)
    # CPU seconds, not wall: the bench machine is shared, and both sides are single-threaded.
    t0 = time.process_time()
    for d in documents:
        sh = sig_step.get_shingles(d.text)
        if sh.size:
            sig_step.get_signature(sh)
    compute_s = time.process_time() - t0

    t0 = time.process_time()
    sig_step.run(iter(documents), rank=0, world_size=1)
    stage1_s = time.process_time() - t0
    t0 = time.process_time()
    for b in range(14):
        MinhashDedupBuckets(input_folder=str(out / "sigs"), output_folder=str(out / "buckets"), config=config).run(rank=b, world_size=14)
    stage2_s = time.process_time() - t0
    t0 = time.process_time()
    dt_minhash.MinhashDedupCluster(input_folder=str(out / "buckets"), output_folder=str(out / "remove"), config=config).run()
    stage3_s = time.process_time() - t0

    sigs = np.zeros((len(documents), 112), dtype="<u8")
    rec = np.dtype([("h", "<u8", (8,)), ("idx", "<u4")])
    for b in range(14):
        r = np.fromfile(out / "sigs" / f"bucket_{b:03d}" / "00000.minhash.sig", dtype=rec)
        sigs[r["idx"], b * 8 : (b + 1) * 8] = r["h"]
    sigs.tofile(out / "signatures.bin")
    clusters = components(out / "buckets")
    removed = []
    rm = out / "remove" / "000000.remove"
    if rm.exists():
        removed = np.fromfile(rm, dtype="<u4").tolist()
    print(json.dumps({
        "mode": mode,
        "docs": len(documents),
        "compute_s": compute_s,
        "stage1_s": stage1_s,
        "stage2_s": stage2_s,
        "stage3_s": stage3_s,
        "clusters": clusters,
        "removed": removed,
    }))


if __name__ == "__main__":
    main()
