"""URL-filter cases for bench/filters: the real pages' URLs rarely hit a block list, so this adds
documents whose URLs come from the block lists FineWeb used (every 4500th UT1 adult domain, as
registered domain and with a `www.`/`m.` sub-domain; every 20th UT1 URL, with and without a
scheme) and URLs built from the banned word / soft word / sub-word lists, upper- and lower-case.
The text is a fixed short sentence (only the URL filter is compared on these).
Usage: python3 bench/filters/make-url-docs.py UT1_DIR OUT.jsonl
"""

import json
import pathlib
import sys

ut1, out = pathlib.Path(sys.argv[1]), sys.argv[2]
lists = pathlib.Path(__file__).resolve().parents[2] / "filters" / "lists"
domains = [line.strip() for line in open(ut1 / "adult" / "domains", encoding="utf-8", errors="replace")][::4500]
urls = [line.strip() for line in open(ut1 / "adult" / "urls", encoding="utf-8", errors="replace")][::20]
words = [w.strip() for w in open(lists / "banned_words.txt") if w.strip() and not w.startswith("#")][::3]
soft = [w.strip() for w in open(lists / "soft_banned_words.txt") if w.strip() and not w.startswith("#")]
subwords = [w.strip() for w in open(lists / "banned_subwords.txt") if w.strip() and not w.startswith("#")][::3]
cases = []
for i, d in enumerate(domains):
    cases.append(f"http://{d}/index.html")
    cases.append(f"https://{'www' if i % 2 else 'm'}.{d}/page?id={i}")
for u in urls:
    cases.append(f"http://{u}")
    cases.append(u)
for w in words:
    cases.append(f"https://example.com/{w}/page")
    cases.append(f"https://example.com/{w.upper()}-page")
for i in range(len(soft) - 1):
    cases.append(f"https://blog.example.org/{soft[i]}-{soft[i + 1]}.html")
    cases.append(f"https://blog.example.org/{soft[i]}/about")
for w in subwords:
    cases.append(f"https://news.example.net/x{w}y/story")
with open(out, "w", encoding="utf-8") as f:
    for i, u in enumerate(cases):
        f.write(json.dumps({"id": f"url/{i:05d}", "url": u, "text": "A short sentence."}) + "\n")
print(f"{len(cases)} URL cases -> {out}")
