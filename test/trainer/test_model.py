"""The decoder: sizes of the presets, causality, the FLOP count used for MFU."""

import pytest
import torch

from trainer.model import PRESETS, Decoder, resolve_model_config


def test_presets_have_their_nominal_size():
    # GPT-2's vocabulary, tied embeddings: the parameter counts the names promise
    expected = {"124m": 124e6, "350m": 355e6, "760m": 760e6, "1.3b": 1.3e9}
    for name, n in expected.items():
        cfg = resolve_model_config(name, 50257, 1024)
        with torch.device("meta"):
            params = Decoder(cfg).num_params()
        assert abs(params - n) / n < 0.08, (name, params)
    assert set(PRESETS) == {"tiny", "124m", "350m", "760m", "1.3b"}


def test_vocab_padded_and_explicit_sizes():
    cfg = resolve_model_config({"n_layer": 1, "n_head": 2, "d_model": 32}, 262, 64)
    assert cfg.vocab_size == 320 and cfg.ffn_hidden == 256 and cfg.max_seq_len == 64
    with pytest.raises(ValueError, match="larger than the model's vocab_size"):
        resolve_model_config({"n_layer": 1, "n_head": 2, "d_model": 32, "vocab_size": 100}, 262, 64)
    with pytest.raises(ValueError, match="unknown model preset"):
        resolve_model_config("7b", 262, 64)


def test_causal_and_loss():
    torch.manual_seed(0)
    model = Decoder(resolve_model_config("tiny", 300, 16))
    x = torch.randint(0, 300, (2, 16))
    logits, loss = model(x, torch.randint(0, 300, (2, 16)))
    x2 = x.clone()
    x2[:, 10:] = (x2[:, 10:] + 1) % 300
    logits2, _ = model(x2)
    assert torch.allclose(logits[:, :10], logits2[:, :10], atol=1e-6)
    assert not torch.allclose(logits[:, 10:], logits2[:, 10:])
    assert abs(loss.item() - torch.log(torch.tensor(320.0)).item()) < 0.5  # near uniform at init


def test_tied_and_gqa():
    cfg = resolve_model_config({"n_layer": 1, "n_head": 4, "n_kv_head": 2, "d_model": 32, "tie_embeddings": False}, 100, 8)
    model = Decoder(cfg)
    assert model.lm_head.weight is not model.embed_tokens.weight
    assert model.layers[0].self_attn.k_proj.weight.shape == (16, 32)
    logits, _ = model(torch.zeros(1, 8, dtype=torch.long))
    assert logits.shape == (1, 8, 128)


def test_flops_per_token_matches_nanogpt_formula():
    cfg = resolve_model_config("124m", 50257, 1024)
    with torch.device("meta"):
        model = Decoder(cfg)
    n = model.num_params()
    assert model.flops_per_token(1024) == 6 * n + 12 * 12 * 12 * 64 * 1024
