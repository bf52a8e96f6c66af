"""The decoder: a Llama-architecture transformer in one file (nanoGPT style).

Token embedding, rotary position embeddings (RoPE, Llama's half-split convention), RMSNorm
pre-normalisation, causal multi-head attention through scaled_dot_product_attention (FlashAttention
on GPU), SwiGLU MLP, no biases, optional tied input/output embeddings. Module names follow Hugging
Face's LlamaForCausalLM so that export is a renaming of keys, not a conversion.

The loss is computed chunk by chunk from the final hidden states (the full fp32 logits of a batch,
e.g. 16 × 1024 × 32k × 4 bytes = 2 GiB, never exist); generation keeps a KV cache; training can
mask attention at end-of-text tokens so that packed documents do not see each other.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

# torch ≥ 2.5 lets SDPA broadcast K/V heads itself (no copy); older builds get repeated K/V
_SDPA_GQA = "enable_gqa" in (F.scaled_dot_product_attention.__doc__ or "")
# rows of logits computed at once by the chunked loss: about 128 MiB of fp32 logits per chunk
_LOSS_CHUNK_ELEMENTS = 2**25


@dataclass(frozen=True)
class ModelConfig:
    vocab_size: int
    n_layer: int
    n_head: int
    d_model: int
    ffn_hidden: int
    max_seq_len: int
    n_kv_head: int | None = None  # None: same as n_head (plain multi-head attention)
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    tie_embeddings: bool = True

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_head

    @property
    def kv_heads(self) -> int:
        return self.n_kv_head or self.n_head

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict) -> "ModelConfig":
        names = {f.name for f in fields(ModelConfig)}
        return ModelConfig(**{k: v for k, v in d.items() if k in names})


# Shapes of the presets (vocab and context come from the tokenizer and the run). 124m/350m/760m/1.3b
# follow GPT-2/GPT-3 widths and depths; the SwiGLU hidden size keeps the MLP parameter count of a
# 4x GELU MLP (8/3 d, rounded up to a multiple of 256 as Llama does).
PRESETS: dict[str, dict] = {
    "tiny": dict(n_layer=2, n_head=4, d_model=64),
    "124m": dict(n_layer=12, n_head=12, d_model=768),
    "350m": dict(n_layer=24, n_head=16, d_model=1024),
    "760m": dict(n_layer=24, n_head=16, d_model=1536),
    "1.3b": dict(n_layer=24, n_head=16, d_model=2048),
}


def swiglu_hidden(d_model: int, multiple_of: int = 256) -> int:
    hidden = int(8 * d_model / 3)
    return multiple_of * math.ceil(hidden / multiple_of)


def resolve_model_config(spec: str | dict, vocab_size: int, max_seq_len: int) -> ModelConfig:
    """A preset name or an explicit dict of sizes -> ModelConfig. The vocabulary is padded to a
    multiple of 64 (faster matmuls) unless the spec names vocab_size explicitly."""
    if isinstance(spec, str):
        if spec not in PRESETS:
            raise ValueError(f"unknown model preset {spec!r}; presets: {', '.join(PRESETS)}")
        sizes = dict(PRESETS[spec])
    else:
        sizes = dict(spec)
        unknown = set(sizes) - {f.name for f in fields(ModelConfig)}
        if unknown:
            raise ValueError(f"unknown model fields {sorted(unknown)}")
    if "vocab_size" in sizes and sizes["vocab_size"] < vocab_size:
        raise ValueError(
            f"the tokenizer's vocabulary ({vocab_size} tokens) is larger than the model's "
            f"vocab_size ({sizes['vocab_size']}): token ids would index past the embedding"
        )
    sizes.setdefault("vocab_size", 64 * math.ceil(vocab_size / 64))
    sizes.setdefault("max_seq_len", max_seq_len)
    sizes.setdefault("ffn_hidden", swiglu_hidden(sizes["d_model"]))
    if sizes["d_model"] % sizes["n_head"]:
        raise ValueError(f"d_model {sizes['d_model']} is not a multiple of n_head {sizes['n_head']}")
    return ModelConfig(**sizes)


def rope_tables(cfg: ModelConfig) -> tuple[torch.Tensor, torch.Tensor]:
    inv_freq = 1.0 / (cfg.rope_theta ** (torch.arange(0, cfg.head_dim, 2, dtype=torch.float32) / cfg.head_dim))
    t = torch.arange(cfg.max_seq_len, dtype=torch.float32)
    freqs = torch.outer(t, inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return emb.cos(), emb.sin()


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    # x: (B, H, T, D); rotate the two halves of the head dimension (Llama / HF convention)
    half = x.shape[-1] // 2
    rotated = torch.cat((-x[..., half:], x[..., :half]), dim=-1)
    return (x * cos + rotated * sin).to(x.dtype)


def document_mask(idx: torch.Tensor, eot_id: int) -> torch.Tensor:
    """(B, 1, T, T) attention mask of a packed row: causal, and a token sees only its own document,
    which ends with (and includes) an end-of-text token."""
    is_eot = idx == eot_id
    doc = torch.cumsum(is_eot, dim=1) - is_eot.long()  # documents begin after each EOT
    T = idx.shape[1]
    causal = torch.ones(T, T, dtype=torch.bool, device=idx.device).tril()
    return (causal & (doc[:, :, None] == doc[:, None, :])).unsqueeze(1)


def _chunk_loss(h: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    return F.cross_entropy(F.linear(h, weight).float(), targets, reduction="sum")


def chunked_cross_entropy(h: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean next-token loss of hidden states `h` (…, d) under the output matrix `weight` (V, d),
    computed over chunks of rows; under autograd each chunk's logits are recomputed in the backward
    pass instead of stored, so only one chunk of fp32 logits (about 128 MiB) exists at a time."""
    h, targets = h.reshape(-1, h.size(-1)), targets.reshape(-1)
    rows = max(1, _LOSS_CHUNK_ELEMENTS // weight.size(0))
    total = h.new_zeros((), dtype=torch.float32)
    for i in range(0, h.size(0), rows):
        args = (h[i : i + rows], weight, targets[i : i + rows])
        total = total + (checkpoint(_chunk_loss, *args, use_reentrant=False) if torch.is_grad_enabled() else _chunk_loss(*args))
    return total / targets.numel()


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # normalise in float32 as Llama does, whatever the autocast dtype
        xf = x.float()
        xf = xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * xf.to(x.dtype)


class Attention(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.n_head, self.n_kv, self.head_dim = cfg.n_head, cfg.kv_heads, cfg.head_dim
        self.q_proj = nn.Linear(cfg.d_model, cfg.n_head * cfg.head_dim, bias=False)
        self.k_proj = nn.Linear(cfg.d_model, self.n_kv * cfg.head_dim, bias=False)
        self.v_proj = nn.Linear(cfg.d_model, self.n_kv * cfg.head_dim, bias=False)
        self.o_proj = nn.Linear(cfg.n_head * cfg.head_dim, cfg.d_model, bias=False)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, mask: torch.Tensor | None = None,
                cache: tuple[torch.Tensor, torch.Tensor] | None = None, pos: int = 0) -> torch.Tensor:
        """`mask` (B, 1, T, T), True where attention is allowed, replaces the causal mask; `cache` is
        this layer's (K, V) buffers: the new keys/values go at [pos, pos+T) and the queries attend
        to everything before them."""
        B, T, _ = x.shape
        q = self.q_proj(x).view(B, T, self.n_head, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(B, T, self.n_kv, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(B, T, self.n_kv, self.head_dim).transpose(1, 2)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        causal = mask is None
        if cache is not None:
            cache[0][:B, :, pos : pos + T] = k
            cache[1][:B, :, pos : pos + T] = v
            k, v = cache[0][:B, :, : pos + T], cache[1][:B, :, : pos + T]
            if pos > 0:  # queries at pos.. see all cached keys and the new ones causally
                causal = False
                if T > 1:
                    mask = torch.arange(pos + T, device=x.device) <= pos + torch.arange(T, device=x.device)[:, None]
        if self.n_kv != self.n_head and not _SDPA_GQA:
            k = k.repeat_interleave(self.n_head // self.n_kv, dim=1)
            v = v.repeat_interleave(self.n_head // self.n_kv, dim=1)
        gqa = {"enable_gqa": self.n_kv != self.n_head} if _SDPA_GQA else {}
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=causal, **gqa)
        return self.o_proj(y.transpose(1, 2).reshape(B, T, -1))


class MLP(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.gate_proj = nn.Linear(cfg.d_model, cfg.ffn_hidden, bias=False)
        self.up_proj = nn.Linear(cfg.d_model, cfg.ffn_hidden, bias=False)
        self.down_proj = nn.Linear(cfg.ffn_hidden, cfg.d_model, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.input_layernorm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.self_attn = Attention(cfg)
        self.post_attention_layernorm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.mlp = MLP(cfg)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor, mask: torch.Tensor | None = None,
                cache: tuple[torch.Tensor, torch.Tensor] | None = None, pos: int = 0) -> torch.Tensor:
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, mask, cache, pos)
        return x + self.mlp(self.post_attention_layernorm(x))


class Decoder(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.norm = RMSNorm(cfg.d_model, cfg.norm_eps)
        self.lm_head = nn.Linear(cfg.d_model, cfg.vocab_size, bias=False)
        if cfg.tie_embeddings:
            self.lm_head.weight = self.embed_tokens.weight
        cos, sin = rope_tables(cfg)
        self.register_buffer("rope_cos", cos, persistent=False)
        self.register_buffer("rope_sin", sin, persistent=False)
        self.apply(self._init_weights)
        # GPT-2 scaled init: residual projections shrink with depth so the stream's variance stays put
        for name, p in self.named_parameters():
            if name.endswith("o_proj.weight") or name.endswith("down_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def forward(self, idx: torch.Tensor, targets: torch.Tensor | None = None, eot_id: int | None = None,
                cache: list[tuple[torch.Tensor, torch.Tensor]] | None = None, pos: int = 0):
        """(logits, None) without targets; (None, mean loss) with targets, the logits never built
        whole. `eot_id`: attention stops at that token (document masking); `cache`/`pos`: see
        `new_cache` and `Attention.forward`."""
        T = idx.shape[1]
        if pos + T > self.cfg.max_seq_len:
            raise ValueError(f"sequence of {pos + T} tokens is longer than the model's context {self.cfg.max_seq_len}")
        cos, sin = self.rope_cos[pos : pos + T], self.rope_sin[pos : pos + T]
        mask = document_mask(idx, eot_id) if eot_id is not None else None
        x = self.embed_tokens(idx)
        for i, layer in enumerate(self.layers):
            x = layer(x, cos, sin, mask, cache[i] if cache is not None else None, pos)
        h = self.norm(x)
        if targets is None:
            return self.lm_head(h), None
        return None, chunked_cross_entropy(h, self.lm_head.weight, targets)

    def new_cache(self, batch: int, device: torch.device, dtype: torch.dtype) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """Empty K/V buffers for the whole context, one pair per layer."""
        c = self.cfg
        shape = (batch, c.kv_heads, c.max_seq_len, c.head_dim)
        return [(torch.empty(shape, device=device, dtype=dtype), torch.empty(shape, device=device, dtype=dtype))
                for _ in range(c.n_layer)]

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def flops_per_token(self, seq_len: int) -> float:
        """Training FLOPs per token, fwd+bwd: 6N plus attention 12·L·H·Q·T (PaLM appendix B, as
        nanoGPT/llm.c count it). N leaves out the input embedding lookup unless it is the tied
        output matrix, which is a real matmul."""
        n = self.num_params()
        if not self.cfg.tie_embeddings:
            n -= self.embed_tokens.weight.numel()
        c = self.cfg
        return 6 * n + 12 * c.n_layer * c.n_head * c.head_dim * seq_len
