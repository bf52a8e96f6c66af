"""Anchor for bench/ingest: trafilatura.extract on the same real pages, one process, one core.
Prints one JSON line: pages, seconds (CPU), pages_per_s. Usage: python trafilatura_rate.py FILE_LIST"""
import gzip
import json
import sys
import time

import trafilatura

files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
htmls = [gzip.open(f).read() for f in files]
t0 = time.process_time()
w0 = time.perf_counter()
nonempty = 0
for h in htmls:
    out = trafilatura.extract(h)
    nonempty += bool(out)
cpu = time.process_time() - t0
wall = time.perf_counter() - w0
print(json.dumps({"pages": len(htmls), "extracted": nonempty, "cpu_s": cpu, "wall_s": wall, "pages_per_s": len(htmls) / cpu}))
