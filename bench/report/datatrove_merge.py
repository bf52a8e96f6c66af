"""Anchor for bench/report: datatrove's merge_stats over the same per-task stats.

Converts each of our TaskStats files (RUN/stats/<stage>/**.json) to datatrove's PipelineStats
format (one block per stage; every counter and every histogram bin a metric, so both carry the
same numbers), untimed, then times what `datatrove.tools.merge_stats` does: list, json.load,
PipelineStats.from_json, sum and write, per stage (one pass). Prints one JSON line.
"""

import json
import sys
import time
from pathlib import Path

from datatrove.utils.stats import PipelineStats, Stats


def convert(src: Path, dst: Path) -> int:
    n = 0
    for f in sorted(src.rglob("*.json")):
        ours = json.loads(f.read_text())
        block = Stats(ours["stage"])
        block.time_stats.update(ours["seconds"])
        for k, v in ours["counters"].items():
            block[k].update(v)
        for k, h in ours["histograms"].items():
            for i, c in enumerate(h["counts"]):
                block[f"{k}[{i}]"].update(c)
        out = dst / ours["stage"] / (ours["task"].replace("/", "_") + ".json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(PipelineStats([block]).to_json())
        n += 1
    return n


def merge(root: Path) -> float:
    t0 = time.perf_counter()
    for stage in sorted(p for p in root.iterdir() if p.is_dir()):
        stats = []
        for f in sorted(stage.iterdir()):
            with open(f) as fh:
                stats.append(PipelineStats.from_json(json.load(fh)))
        # Start from empty blocks (not merge_stats' empty PipelineStats, which passes a lone file's raw
        # dicts through and then fails to write them) so every file goes through Stats.__add__.
        merged = sum(stats, start=PipelineStats([Stats(s.name) for s in stats[0].stats]))
        (root / f"{stage.name}.merged.json").write_text(merged.to_json())
    return time.perf_counter() - t0


if __name__ == "__main__":
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    files = convert(src, dst)
    # One pass: datatrove's pairwise sum copies every metric per file, so it takes minutes here.
    print(json.dumps({"files": files, "seconds": merge(dst)}))
