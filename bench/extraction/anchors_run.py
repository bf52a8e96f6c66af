"""Runs one extraction anchor over the benchmark pages the Node bench hands over.

Usage: anchors_run.py ANCHOR PAGES.jsonl OUT.jsonl
ANCHOR is trafilatura (2.3.1, its own evaluation settings: include_comments=False,
include_tables=True, not fast mode), rs-trafilatura (defaults) or resiliparse
(extract_plain_text(main_content=True)). PAGES holds JSON lines {"id", "url", "html"} or, for sets
that come as bytes, {"id", "url", "b64"}: then the anchor gets the raw bytes and decodes them its own
way (trafilatura and rs-trafilatura take bytes; resiliparse via its own charset detection), inside
the timer. Writes {"id", "text"} lines and a last line {"cpu_s", "pages", "version"}: the CPU time of
this process over the extraction calls alone (imports and reading the file are outside it). With
--warm, one untimed pass over the pages comes first, as the Node side warms its JIT before timing:
lazy imports, regex caches and CPython's specialising interpreter are then warm for the timed pass.
"""
import base64
import json
import sys
import time
from importlib.metadata import version


def make_trafilatura():
    import trafilatura

    def run(doc, url):
        return trafilatura.extract(doc, url=url, include_comments=False, include_tables=True, fast=False)

    return run, version("trafilatura")


def make_rs_trafilatura():
    import rs_trafilatura

    def run(doc, url):
        if isinstance(doc, bytes):
            result = rs_trafilatura.extract_bytes(doc, url=url)
        else:
            result = rs_trafilatura.extract(doc, url=url)
        return result.main_content if result is not None else ""

    return run, version("rs-trafilatura")


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def run(doc, url):
        if isinstance(doc, bytes):
            doc = bytes_to_str(doc, detect_encoding(doc))
        return extract_plain_text(doc, main_content=True)

    return run, version("resiliparse")


ANCHORS = {"trafilatura": make_trafilatura, "rs-trafilatura": make_rs_trafilatura, "resiliparse": make_resiliparse}


def main() -> None:
    warm = "--warm" in sys.argv[1:]
    name, src, dst = [a for a in sys.argv[1:] if a != "--warm"]
    run, ver = ANCHORS[name]()
    pages = []
    for line in open(src, encoding="utf-8"):
        p = json.loads(line)
        pages.append((p["id"], p.get("url"), base64.b64decode(p["b64"]) if "b64" in p else p["html"]))
    if warm:
        for _, url, doc in pages:
            try:
                run(doc, url)
            except Exception:  # reported by the timed pass below
                pass
    out = []
    cpu = 0.0
    for pid, url, doc in pages:
        t0 = time.process_time()
        try:
            text = run(doc, url) or ""
        except Exception as e:  # an anchor failing on a page scores it empty, as a user would see
            print(f"{name}: page {pid}: {type(e).__name__}: {e}", file=sys.stderr)
            text = ""
        cpu += time.process_time() - t0
        out.append({"id": pid, "text": text})
    with open(dst, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
        f.write(json.dumps({"cpu_s": cpu, "pages": len(pages), "version": ver}) + "\n")


if __name__ == "__main__":
    main()
