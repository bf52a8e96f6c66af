"""`python -m trainer train-classifier`: trains a fastText supervised model (the quality classifier).

cc-pretrain prepares the training file (one `__label__<label> <normalised text>` line per document,
in a fixed shuffled order) and evaluates the held-out split itself; this module only runs
fastText's own trainer, so the model file is exactly what DCLM-style tooling reads. One thread and
a fixed seed make the output file byte-identical across runs."""

from __future__ import annotations

import os


def train_classifier(train_file: str, out: str, *, epoch: int, lr: float, dim: int, word_ngrams: int,
                     min_count: int, bucket: int, seed: int) -> str:
    try:
        import fasttext
    except ImportError as err:
        raise ValueError("fastText is not installed in the trainer's environment (pip package fasttext-wheel): run `npm run setup`") from err
    if not os.path.isfile(train_file):
        raise FileNotFoundError(f"training file {train_file} does not exist")
    model = fasttext.train_supervised(input=train_file, epoch=epoch, lr=lr, dim=dim, wordNgrams=word_ngrams,
                                      minCount=min_count, bucket=bucket, seed=seed, thread=1, verbose=0)
    tmp = f"{out}.tmp-{os.getpid()}"
    model.save_model(tmp)
    os.replace(tmp, out)
    return out
