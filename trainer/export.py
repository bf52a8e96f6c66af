"""Export a checkpoint to Hugging Face format: config.json (LlamaConfig), model.safetensors,
tokenizer.json and tokenizer_config.json, loadable with
`transformers.AutoModelForCausalLM.from_pretrained(dir)` as LlamaForCausalLM. Our module names
are HF's, so the weights only gain the `model.` prefix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import torch
from safetensors.torch import save_file

from .checkpoint import load_checkpoint, resolve_checkpoint
from .errors import DataError
from .model import ModelConfig
from .shards import sha256_file

EOT = "<|endoftext|>"


def hf_config(mc: ModelConfig, eot_id: int | None) -> dict:
    return {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "vocab_size": mc.vocab_size,
        "hidden_size": mc.d_model,
        "intermediate_size": mc.ffn_hidden,
        "num_hidden_layers": mc.n_layer,
        "num_attention_heads": mc.n_head,
        "num_key_value_heads": mc.kv_heads,
        "head_dim": mc.head_dim,
        "hidden_act": "silu",
        "max_position_embeddings": mc.max_seq_len,
        "rms_norm_eps": mc.norm_eps,
        "rope_theta": mc.rope_theta,  # transformers 4.x
        "rope_parameters": {"rope_type": "default", "rope_theta": mc.rope_theta},  # transformers 5.x
        "attention_bias": False,
        "mlp_bias": False,
        "tie_word_embeddings": mc.tie_embeddings,
        "bos_token_id": eot_id,
        "eos_token_id": eot_id,
        "torch_dtype": "float32",
    }


def hf_state_dict(state: dict[str, torch.Tensor], mc: ModelConfig) -> dict[str, torch.Tensor]:
    out = {}
    for k, v in state.items():
        if k == "lm_head.weight":
            if not mc.tie_embeddings:
                out[k] = v
        else:
            out[f"model.{k}"] = v
    return {k: v.detach().to(torch.float32).contiguous().clone() for k, v in out.items()}


def special_names(tokenizer_json: Path) -> tuple[str, str | None]:
    """(eos, bos) token texts: the tokenizer_config.json beside the file names them for a tokenizer
    taken with `tokenizer.from` (Llama's `</s>`, `<|end_of_text|>` …); ours use `<|endoftext|>` for both."""
    side = tokenizer_json.with_name("tokenizer_config.json")
    try:
        cfg = json.loads(side.read_text()) if side.is_file() else {}
    except (OSError, ValueError):
        cfg = {}
    name = lambda v: v if isinstance(v, str) else v.get("content") if isinstance(v, dict) else None  # noqa: E731
    eos = name(cfg.get("eos_token")) or EOT
    bos = name(cfg.get("bos_token")) if cfg.get("add_bos_token") else None
    return eos, bos


def eot_id_of(tokenizer_json: Path) -> int | None:
    tok = json.loads(tokenizer_json.read_text())
    eos = special_names(tokenizer_json)[0]
    return next((t["id"] for t in tok.get("added_tokens", []) if t["content"] == eos), None)


def find_tokenizer(ckpt: Path) -> Path:
    """The tokenizer the trainer copied into its output folder (OUT/tokenizer.json, OUT/ckpt/step_*.pt)."""
    p = ckpt.parent.parent / "tokenizer.json"
    if not p.is_file():
        raise FileNotFoundError(f"no tokenizer.json next to the checkpoint's run folder ({p}); pass --tokenizer")
    return p


def checkpoint_tokenizer(ckpt: Path, saved: dict, tokenizer: str | Path | None) -> Path:
    """The tokenizer to use with a checkpoint: the one given, or the run's; refused (naming both
    hashes) unless it is byte for byte the one the checkpoint was trained with."""
    tok = Path(tokenizer) if tokenizer else find_tokenizer(ckpt)
    if not tok.is_file():
        raise FileNotFoundError(f"tokenizer {tok} does not exist")
    actual, trained = sha256_file(tok), saved["tokenizer_sha256"]
    if actual != trained:
        raise DataError(f"tokenizer mismatch: {tok} has sha256 {actual}, the checkpoint {ckpt} was trained with {trained}")
    return tok


def export_checkpoint(checkpoint: str | Path, out_dir: str | Path, tokenizer: str | Path | None = None) -> Path:
    ckpt = resolve_checkpoint(checkpoint)
    saved = load_checkpoint(ckpt)
    mc = ModelConfig.from_dict(saved["model_config"])
    tok = checkpoint_tokenizer(ckpt, saved, tokenizer)
    eot = eot_id_of(tok)
    out = Path(out_dir)
    tmp = out.with_name(out.name + ".tmp-export")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    (tmp / "config.json").write_text(json.dumps(hf_config(mc, eot), indent=2) + "\n")
    save_file(hf_state_dict(saved["model"], mc), str(tmp / "model.safetensors"), metadata={"format": "pt"})
    shutil.copyfile(tok, tmp / "tokenizer.json")
    eos, bos = special_names(tok)
    tok_cfg = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": mc.max_seq_len,
               "bos_token": bos or eos, "eos_token": eos, "pad_token": eos} if eot is not None else \
              {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": mc.max_seq_len}
    (tmp / "tokenizer_config.json").write_text(json.dumps(tok_cfg, indent=2) + "\n")
    (tmp / "generation_config.json").write_text(json.dumps({"bos_token_id": eot, "eos_token_id": eot}, indent=2) + "\n")
    # replace the previous export in one rename so a reader never sees half of one
    if out.exists():
        old = out.with_name(out.name + ".tmp-old")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old)
    else:
        tmp.rename(out)
    return out
