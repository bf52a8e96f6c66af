"""Command line: `python -m trainer {train,sample,export,eval,plan} …`.

Exit codes: 0 success, 2 bad input or config (the message names the file/field and the cause),
3 training diverged (NaN/inf; the message names the step and the last good checkpoint)."""

from __future__ import annotations

import argparse
import json
import sys

from .config import ConfigError, load_config
from .errors import DataError, ResumeError, TrainingDiverged


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m trainer", description="cc-pretrain's bundled trainer")
    sub = p.add_subparsers(dest="cmd", required=True)

    t = sub.add_parser("train", help="train (or resume) from RUN/train/config.json")
    t.add_argument("--config", required=True, help="resolved train config JSON (shards_dir, out_dir, …)")
    t.add_argument("--resume", action="store_true", help="continue from the latest checkpoint in OUT/ckpt")
    t.add_argument("--stop-at", type=int, help="checkpoint and exit after this step (e.g. before a time limit)")
    t.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="override a config field")

    pl = sub.add_parser("plan", help="print the mixture plan (and check the data) without training")
    pl.add_argument("--config", required=True)
    pl.add_argument("--set", action="append", default=[], metavar="KEY=JSON")

    s = sub.add_parser("sample", help="generate text from a checkpoint")
    s.add_argument("checkpoint", help="a step_*.pt file, or a folder holding ckpt/")
    s.add_argument("--prompt", default="")
    s.add_argument("--max-new-tokens", type=int, default=100)
    s.add_argument("--temperature", type=float, default=0.8)
    s.add_argument("--greedy", action="store_true", help="argmax decoding (same as --temperature 0)")
    s.add_argument("--top-k", type=int)
    s.add_argument("--top-p", type=float)
    s.add_argument("--num-samples", type=int, default=1)
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--tokenizer", help="tokenizer.json (default: the one saved with the run)")
    s.add_argument("--device", default="cpu")

    e = sub.add_parser("export", help="write a Hugging Face (LlamaForCausalLM) folder")
    e.add_argument("checkpoint")
    e.add_argument("--out", required=True)
    e.add_argument("--tokenizer")

    v = sub.add_parser("eval", help="perplexity of a checkpoint on a shard set")
    v.add_argument("checkpoint")
    v.add_argument("--shards", required=True, help="folder holding manifest.json")
    v.add_argument("--split", choices=("all", "val"), default="all", help="all tokens, or each source's held-out tail")
    v.add_argument("--max-rows", type=int, help="at most this many rows per source")
    v.add_argument("--batch-size", type=int, default=8)
    v.add_argument("--device", default="cpu")

    c = sub.add_parser("train-classifier", help="train a fastText supervised model from a prepared file (cc-pretrain train-classifier)")
    c.add_argument("train_file")
    c.add_argument("--out", required=True)
    c.add_argument("--epoch", type=int, default=5)
    c.add_argument("--lr", type=float, default=0.1)
    c.add_argument("--dim", type=int, default=100)
    c.add_argument("--word-ngrams", type=int, default=2)
    c.add_argument("--min-count", type=int, default=1)
    c.add_argument("--bucket", type=int, default=2000000)
    c.add_argument("--seed", type=int, default=0)

    a = p.parse_args(argv)
    try:
        if a.cmd in ("train", "plan"):
            overrides = {}
            for kv in a.set:
                key, _, val = kv.partition("=")
                overrides[key] = json.loads(val)
            cfg = load_config(a.config, overrides)
            if a.cmd == "plan":
                from .data import open_run_data

                print(json.dumps(open_run_data(cfg).summary, indent=2))
                return 0
            from .train import train

            train(cfg, resume=a.resume, stop_at=a.stop_at)
        elif a.cmd == "sample":
            from .sample import sample_text

            for text in sample_text(a.checkpoint, a.prompt, a.max_new_tokens, 0.0 if a.greedy else a.temperature,
                                    a.top_k, a.top_p, a.num_samples, a.seed, a.tokenizer, a.device):
                print(text)
                print("-" * 40)
        elif a.cmd == "export":
            from .export import export_checkpoint

            print(export_checkpoint(a.checkpoint, a.out, a.tokenizer))
        elif a.cmd == "train-classifier":
            from .fasttext_classifier import train_classifier

            train_classifier(a.train_file, a.out, epoch=a.epoch, lr=a.lr, dim=a.dim, word_ngrams=a.word_ngrams,
                             min_count=a.min_count, bucket=a.bucket, seed=a.seed)
        elif a.cmd == "eval":
            from .evaluate import evaluate_perplexity

            print(json.dumps(evaluate_perplexity(a.checkpoint, a.shards, a.split, a.max_rows, a.batch_size, a.device), indent=2))
        return 0
    except (ConfigError, DataError, ResumeError, FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except TrainingDiverged as err:
        print(f"error: {err}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
