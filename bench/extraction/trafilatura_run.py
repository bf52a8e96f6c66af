"""Runs trafilatura (the anchor) on the benchmark pages the Node bench hands over.

Reads JSON lines {"id", "html", "url"} from the file named by argv[1]; writes JSON lines
{"id", "text"} to argv[2] and a last line {"cpu_s": ..., "pages": ...}: the CPU time of the
extraction calls alone, on one thread, so pages/s per core compares with ours.
"""
import json
import sys
import time

import trafilatura


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    pages = [json.loads(line) for line in open(src, encoding="utf-8")]
    out = []
    cpu = 0.0
    for p in pages:
        t0 = time.process_time()
        text = trafilatura.extract(p["html"], url=p.get("url"))
        cpu += time.process_time() - t0
        out.append({"id": p["id"], "text": text or ""})
    with open(dst, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
        f.write(json.dumps({"cpu_s": cpu, "pages": len(pages)}) + "\n")


if __name__ == "__main__":
    main()
