"""Writes the fastText fixtures test/filters/fasttext-model.test.ts checks our reader against:
tiny supervised models trained here with Python fastText (0.9.2, bench/.venv) on the shared WCXB
pages (label = page type), one per loss and file kind, and Python's predictions for held-out pages
and for lid.176.ftz on the same texts. The texts are not stored, only their file ids: the test
rebuilds them from ../shared/data the same way (main_content, newlines to spaces).

Usage: bench/.venv/bin/python bench/filters/fasttext_fixtures.py SHARED_DATA_DIR LID_MODEL OUT_DIR
"""
import json
import os
import sys
import tempfile

import fasttext

fasttext.FastText.eprint = lambda *a, **k: None

data, lid_path, out = sys.argv[1:4]
gt = os.path.join(data, "extraction", "wcxb-dev", "ground-truth")
ids, texts, labels = [], [], []
for name in sorted(os.listdir(gt)):
    with open(os.path.join(gt, name), encoding="utf-8") as f:
        j = json.load(f)
    text = (j.get("ground_truth") or {}).get("main_content")
    label = ((j.get("_internal") or {}).get("page_type") or {}).get("primary")
    if not text or not label:
        continue
    ids.append(name)
    texts.append(text.replace("\n", " "))
    labels.append(label.replace(" ", "_"))

train_n = 1000
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    for t, l in zip(texts[:train_n], labels[:train_n]):
        f.write(f"__label__{l} {t}\n")
    train = f.name

common = dict(input=train, dim=4, epoch=3, minCount=30, bucket=2000, thread=1, seed=1, verbose=0)
models = {
    "softmax-bigrams.bin": dict(loss="softmax", wordNgrams=2, minn=3, maxn=5),
    "ova-words.bin": dict(loss="ova", wordNgrams=1, minn=0, maxn=0),
    "hs-chars.bin": dict(loss="hs", wordNgrams=1, minn=2, maxn=4),
}
held_out = list(range(train_n, train_n + 200))
golden = {"held_out": [ids[i] for i in held_out], "models": {}}
for name, args in models.items():
    m = fasttext.train_supervised(**common, **args)
    m.save_model(os.path.join(out, name))
    if name == "hs-chars.bin":
        m.quantize(input=train, cutoff=1500, retrain=False, dsub=2, qnorm=True)
        m.save_model(os.path.join(out, "hs-chars-qnorm.ftz"))
# fastText quantizes the output matrix only from 256 rows on: 300 arbitrary labels, one-vs-all.
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    for i, t in enumerate(texts[:train_n]):
        f.write(f"__label__l{i % 300} {t}\n")
    train300 = f.name
m = fasttext.train_supervised(**{**common, "input": train300}, loss="ova", wordNgrams=2, minn=3, maxn=4)
m.quantize(input=train300, qout=True, cutoff=1000, retrain=False, dsub=2, qnorm=True)
m.save_model(os.path.join(out, "ova-300-qout.ftz"))
os.unlink(train300)
for name in sorted(os.listdir(out)):
    if not name.endswith((".bin", ".ftz")):
        continue
    m = fasttext.load_model(os.path.join(out, name))
    k = 5 if name.startswith("ova-300") else -1
    golden["models"][name] = [
        [[l, float(p)] for l, p in zip(*m.predict(texts[i], k=k, threshold=0.0))] for i in held_out
    ]
os.unlink(train)

# lid.176: the first 400 pages, and long documents made of 60 consecutive pages each (≈ 0.5 M characters).
lid = fasttext.load_model(lid_path)
long_docs = [list(range(s, s + 60)) for s in range(0, 1440, 240)]
golden["lid"] = {
    "pages": [[[l, float(p)] for l, p in zip(*lid.predict(t, k=3, threshold=0.0))] for t in texts[:400]],
    "long": [
        [[l, float(p)] for l, p in zip(*lid.predict(" ".join(texts[i] for i in doc), k=3, threshold=0.0))]
        for doc in long_docs
    ],
    "long_docs": long_docs,
}
with open(os.path.join(out, "python-predictions.json"), "w", encoding="utf-8") as f:
    json.dump(golden, f)
