"""The anchor of bench/classifier: native fastText (the `fasttext` PyPI wheel, C++) scoring the same
texts with the same model, the way DCLM and datatrove call it: newlines replaced by spaces,
`predict(text, k=-1)`, the score being the probability of the quality label. Prints the documents,
the CPU seconds of the scoring loop alone (model load outside the timer) and every score.
Usage: python score_native.py MODEL TEXTS.jsonl LABEL"""

import json
import sys
import time

import fasttext


def main() -> None:
    model_path, texts_path, label = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(texts_path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    model = fasttext.load_model(model_path)
    scores = []
    start = time.process_time()
    for text in texts:
        labels, probs = model.predict(" ".join(text.splitlines()), k=-1)
        scores.append(min(1.0, float(dict(zip(labels, probs)).get(label, 0.0))))
    cpu = time.process_time() - start
    print(json.dumps({"docs": len(texts), "cpu_seconds": cpu, "scores": scores}))


if __name__ == "__main__":
    main()
