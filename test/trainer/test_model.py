"""The decoder: sizes of the presets, causality, the FLOP count used for MFU, the chunked loss
against the plain one (values and gradients), grouped-query attention against repeated K/V, the KV
cache against full forwards, and document masking."""

import pytest
import torch
import torch.nn.functional as F

import trainer.model as model_mod
from trainer.model import PRESETS, Decoder, chunked_cross_entropy, document_mask, resolve_model_config


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
    logits, _ = model(x)
    _, loss = model(x, torch.randint(0, 300, (2, 16)))
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


def test_chunked_loss_equals_plain_loss_and_gradients(monkeypatch):
    monkeypatch.setattr(model_mod, "_LOSS_CHUNK_ELEMENTS", 7 * 96)  # 7 rows per chunk: 5 chunks, one ragged
    g = torch.Generator().manual_seed(0)
    h = torch.randn(2, 16, 32, generator=g, requires_grad=True)
    w = (torch.randn(96, 32, generator=g) * 0.5).requires_grad_()
    t = torch.randint(0, 96, (2, 16), generator=g)
    ours = chunked_cross_entropy(h, w, t)
    ours.backward()
    gh, gw = h.grad.clone(), w.grad.clone()
    h.grad = w.grad = None
    plain = F.cross_entropy((h @ w.T).float().view(-1, 96), t.view(-1))
    plain.backward()
    assert ours.item() == pytest.approx(plain.item(), rel=1e-6)
    assert torch.allclose(gh, h.grad, atol=1e-7) and torch.allclose(gw, w.grad, atol=1e-7)
    with torch.no_grad():  # evaluation takes the same path without recomputation
        assert chunked_cross_entropy(h, w, t).item() == pytest.approx(plain.item(), rel=1e-6)


def test_gqa_equals_repeated_kv_heads():
    torch.manual_seed(0)
    cfg = resolve_model_config({"n_layer": 1, "n_head": 4, "n_kv_head": 2, "d_model": 32}, 100, 8)
    attn = Decoder(cfg).layers[0].self_attn
    x = torch.randn(2, 8, 32)
    cos, sin = model_mod.rope_tables(cfg)
    q = attn.q_proj(x).view(2, 8, 4, 8).transpose(1, 2)
    k = attn.k_proj(x).view(2, 8, 2, 8).transpose(1, 2)
    v = attn.v_proj(x).view(2, 8, 2, 8).transpose(1, 2)
    q, k = model_mod.apply_rope(q, cos, sin), model_mod.apply_rope(k, cos, sin)
    ref = F.scaled_dot_product_attention(q, k.repeat_interleave(2, 1), v.repeat_interleave(2, 1), is_causal=True)
    assert torch.allclose(attn(x, cos, sin), attn.o_proj(ref.transpose(1, 2).reshape(2, 8, 32)), atol=1e-6)


@pytest.mark.parametrize("kv", [None, 2])
def test_kv_cache_equals_full_forward(kv):
    torch.manual_seed(0)
    model = Decoder(resolve_model_config({"n_layer": 2, "n_head": 4, "n_kv_head": kv, "d_model": 32}, 100, 16)).eval()
    x = torch.randint(0, 100, (1, 12))
    with torch.no_grad():
        full, _ = model(x)
        cache = model.new_cache(1, x.device, torch.float32)
        parts = [model(x[:, :5], cache=cache, pos=0)[0], model(x[:, 5:8], cache=cache, pos=5)[0]]
        parts += [model(x[:, i : i + 1], cache=cache, pos=i)[0] for i in range(8, 12)]
    assert torch.allclose(torch.cat(parts, 1), full, atol=1e-5)


def test_document_mask_stops_attention_at_end_of_text():
    eot = 0
    x = torch.tensor([[5, 6, eot, 7, 8, eot, 9]])
    m = document_mask(x, eot)[0, 0]
    assert m[2].tolist() == [True, True, True, False, False, False, False]  # EOT closes its document
    assert m[4].tolist() == [False, False, False, True, True, False, False]
    assert m[6].tolist() == [False] * 6 + [True]
    torch.manual_seed(0)
    model = Decoder(resolve_model_config("tiny", 100, 16)).eval()
    a = torch.tensor([[5, 6, 7, eot, 10, 11, 12, 13]])
    b = a.clone()
    b[0, :3] = torch.tensor([40, 41, 42])  # another first document
    with torch.no_grad():
        la, _ = model(a, eot_id=eot)
        lb, _ = model(b, eot_id=eot)
        lc, _ = model(b)
        no_eot = torch.tensor([[5, 6, 7, 8]])
        assert torch.allclose(model(no_eot, eot_id=eot)[0], model(no_eot)[0], atol=1e-6)
    assert torch.allclose(la[:, 4:], lb[:, 4:], atol=1e-5)  # the second document never saw the first
    assert not torch.allclose(lb[:, 4:], lc[:, 4:], atol=1e-3)  # without the mask it does
