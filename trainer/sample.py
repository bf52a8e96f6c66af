"""Text generation from a checkpoint: greedy, or temperature sampling with optional top-k and
top-p (nucleus) truncation. Keys and values of the context are cached, so each new token costs one
position's forward pass; once the context is full, the window slides and is re-run each token, as
a model without a cache would do."""

from __future__ import annotations

from pathlib import Path

import torch
from tokenizers import Tokenizer

from .checkpoint import load_checkpoint, resolve_checkpoint
from .export import checkpoint_tokenizer, special_names
from .model import Decoder, ModelConfig


def load_model(checkpoint: str | Path, device: str = "cpu") -> tuple[Decoder, Path, dict]:
    """(model in eval mode, checkpoint file, the checkpoint's saved state)."""
    ckpt = resolve_checkpoint(checkpoint)
    saved = load_checkpoint(ckpt)
    model = Decoder(ModelConfig.from_dict(saved["model_config"]))
    model.load_state_dict(saved["model"])
    return model.to(device).eval(), ckpt, saved


def filter_logits(logits: torch.Tensor, top_k: int | None, top_p: float | None) -> torch.Tensor:
    """Sets to -inf every logit outside the top k and outside the smallest set holding top_p of the mass."""
    if top_k:
        kth = torch.topk(logits, min(top_k, logits.size(-1))).values[..., -1, None]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if top_p is not None and top_p < 1.0:
        sorted_logits, order = torch.sort(logits, descending=True)
        cum = sorted_logits.softmax(-1).cumsum(-1)
        drop = cum - sorted_logits.softmax(-1) >= top_p  # keep tokens until the mass before them reaches top_p
        logits = logits.masked_fill(drop.scatter(-1, order, drop), float("-inf"))
    return logits


@torch.no_grad()
def generate(
    model: Decoder,
    prompt_ids: list[int],
    max_new_tokens: int,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    stop_id: int | None = None,
    seed: int = 0,
) -> list[int]:
    """Token ids after the prompt. temperature 0 means greedy."""
    param = next(model.parameters())
    device, window = param.device, model.cfg.max_seq_len
    gen = torch.Generator(device=device).manual_seed(seed)
    ids = list(prompt_ids)
    cache = model.new_cache(1, device, param.dtype)
    feed, pos = ids[-window:], 0  # tokens not yet in the cache, and where they go
    out: list[int] = []
    for _ in range(max_new_tokens):
        if pos + len(feed) > window:  # the window is full: slide it and re-run it from position 0
            feed, pos = ids[-window:], 0
        logits, _ = model(torch.tensor([feed], dtype=torch.long, device=device), cache=cache, pos=pos)
        pos += len(feed)
        logits = logits[0, -1].float()
        if temperature == 0:
            nxt = int(logits.argmax())
        else:
            probs = filter_logits(logits / temperature, top_k, top_p).softmax(-1)
            nxt = int(torch.multinomial(probs, 1, generator=gen))
        if nxt == stop_id:
            break
        out.append(nxt)
        ids.append(nxt)
        feed = [nxt]
    return out


def sample_text(
    checkpoint: str | Path,
    prompt: str,
    max_new_tokens: int = 100,
    temperature: float = 0.8,
    top_k: int | None = None,
    top_p: float | None = None,
    num_samples: int = 1,
    seed: int = 0,
    tokenizer: str | Path | None = None,
    device: str = "cpu",
) -> list[str]:
    model, ckpt, saved = load_model(checkpoint, device)
    tok_path = checkpoint_tokenizer(ckpt, saved, tokenizer)
    tok = Tokenizer.from_file(str(tok_path))
    eos, bos = special_names(tok_path)
    eot = tok.token_to_id(eos)
    start = tok.token_to_id(bos) if bos else eot
    # an empty prompt starts from a document boundary, as training rows do after an EOT (and BOS)
    ids = tok.encode(prompt).ids if prompt else [start if start is not None else 0]
    return [
        prompt + tok.decode(generate(model, ids, max_new_tokens, temperature, top_k, top_p, eot, seed + i))
        for i in range(num_samples)
    ]
