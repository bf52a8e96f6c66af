"""Anchors for bench/tokenizer/run.ts, run in the bench-only venv (bench/.venv):

  train  DOCS.jsonl VOCAB PATTERN OUT.json   Hugging Face tokenizers' BpeTrainer with our regex,
                                             streaming the documents from the file
                                             (Split + ByteLevel without its regex, all 256 bytes
                                             as initial alphabet); prints seconds and peak RSS.
  encode DOCS.jsonl TOKENIZER.json           encode_batch of the docs; prints tokens, seconds.
  tiktoken DOCS.jsonl TOKENIZER.json         tiktoken (Rust core) over the same ranks and regex.

Each prints one JSON line. Thread count: RAYON_NUM_THREADS as set by the caller."""

import json
import resource
import sys
import time


def load_docs(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def stream_docs(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def train(docs_path, vocab, pattern, out):
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers

    base_rss = peak_rss_mb()
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(pattern), behavior="isolated", invert=False),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=int(vocab),
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    t, c = time.perf_counter(), time.process_time()
    tok.train_from_iterator(stream_docs(docs_path), trainer=trainer)
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    tok.save(out)
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak_rss_mb(), "base_rss_mb": base_rss, "vocab": tok.get_vocab_size()}))


def encode(docs_path, tokenizer_path):
    from tokenizers import Tokenizer

    docs = load_docs(docs_path)
    tok = Tokenizer.from_file(tokenizer_path)
    t, c = time.perf_counter(), time.process_time()
    n = 0
    for i in range(0, len(docs), 256):
        for e in tok.encode_batch(docs[i : i + 256], add_special_tokens=False):
            n += len(e.ids)
    print(json.dumps({"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - c, "tokens": n}))


def tiktoken_encode(docs_path, tokenizer_path):
    import tiktoken

    spec = json.load(open(tokenizer_path, encoding="utf-8"))
    pattern = spec["pre_tokenizer"]["pretokenizers"][0]["pattern"]["Regex"]
    byte_of = {}
    n = 256
    for b in range(256):
        printable = 33 <= b <= 126 or 161 <= b <= 172 or 174 <= b <= 255
        byte_of[chr(b) if printable else chr(n)] = b
        if not printable:
            n += 1
    ranks = {bytes(byte_of[c] for c in name): i for name, i in spec["model"]["vocab"].items()}
    special = {t["content"]: t["id"] for t in spec["added_tokens"]}
    enc = tiktoken.Encoding("ours", pat_str=pattern, mergeable_ranks=ranks, special_tokens=special)
    docs = load_docs(docs_path)
    t, c = time.perf_counter(), time.process_time()
    n = sum(len(ids) for ids in enc.encode_ordinary_batch(docs, num_threads=1))
    print(json.dumps({"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - c, "tokens": n}))


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    {"train": train, "encode": encode, "tiktoken": tiktoken_encode}[cmd](*args)
