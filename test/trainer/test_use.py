"""Using a trained model: Hugging Face export (logits equal ours), sampling modes, perplexity eval."""

import json
import math

import pytest
import torch

import fixtures
from trainer.__main__ import main
from trainer.config import parse_config
from trainer.evaluate import evaluate_perplexity
from trainer.export import export_checkpoint
from trainer.sample import filter_logits, generate, load_model, sample_text
from trainer.train import train


@pytest.fixture
def trained(run):
    train(parse_config(fixtures.train_config(run, steps=6, export=False)))
    return run


@pytest.mark.parametrize("model", ["tiny", {"n_layer": 2, "n_head": 4, "n_kv_head": 2, "d_model": 32, "tie_embeddings": False}])
def test_hf_export_loads_as_llama_with_equal_logits(run, tmp_path, model):
    from transformers import AutoModelForCausalLM, AutoTokenizer, LlamaForCausalLM

    train(parse_config(fixtures.train_config(run, steps=3, model=model, export=False)))
    out = export_checkpoint(run / "train", tmp_path / "hf")
    assert {p.name for p in out.iterdir()} >= {"config.json", "model.safetensors", "tokenizer.json"}
    hf = AutoModelForCausalLM.from_pretrained(out)
    assert isinstance(hf, LlamaForCausalLM)
    ours, _, _ = load_model(run / "train")
    x = torch.randint(0, 262, (2, 32), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        a, _ = ours(x)
        b = hf(x).logits
    assert torch.allclose(a, b, atol=1e-5), (a - b).abs().max()
    tok = AutoTokenizer.from_pretrained(out)
    assert tok.decode(tok("the cat")["input_ids"]) == "the cat"
    assert tok.eos_token == "<|endoftext|>"


def test_sampling_modes(trained):
    model, _, _ = load_model(trained / "train")
    prompt = [10, 20, 30]
    greedy = generate(model, prompt, 8, temperature=0)
    ids = list(prompt)
    with torch.no_grad():
        for _ in range(8):
            ids.append(int(model(torch.tensor([ids]))[0][0, -1].argmax()))
    assert greedy == ids[3:]
    assert generate(model, prompt, 8, temperature=1.0, top_k=1, seed=5) == greedy
    assert generate(model, prompt, 8, temperature=1.0, top_p=1e-9, seed=5) == greedy
    s1 = generate(model, prompt, 8, temperature=1.5, seed=1)
    assert s1 == generate(model, prompt, 8, temperature=1.5, seed=1)


def test_kv_cache_generation_equals_rerunning_the_window_past_the_context(trained):
    model, _, _ = load_model(trained / "train")
    window = model.cfg.max_seq_len
    prompt = [(7 * i) % 250 for i in range(window - 4)]
    ids = list(prompt)
    with torch.no_grad():  # the sampler without a cache: the last `window` tokens, each token
        for _ in range(12):
            ids.append(int(model(torch.tensor([ids[-window:]]))[0][0, -1].argmax()))
    assert generate(model, prompt, 12, temperature=0) == ids[len(prompt):]


def test_filter_logits():
    logits = torch.log(torch.tensor([0.5, 0.3, 0.15, 0.05]))
    assert torch.isinf(filter_logits(logits, 2, None)[2:]).all() and torch.isfinite(filter_logits(logits, 2, None)[:2]).all()
    kept = torch.isfinite(filter_logits(logits, None, 0.7))
    assert kept.tolist() == [True, True, False, False]  # 0.5 < 0.7, 0.5+0.3 reaches it
    assert torch.isfinite(filter_logits(logits, None, 0.5)).tolist() == [True, False, False, False]


def test_sample_text_and_cli(trained, capsys):
    texts = sample_text(trained / "train", "the", max_new_tokens=10, temperature=0.8, top_k=20, top_p=0.9, num_samples=2)
    assert len(texts) == 2 and all(t.startswith("the") for t in texts)
    assert main(["sample", str(trained / "train"), "--prompt", "the", "--greedy", "--max-new-tokens", "5"]) == 0
    assert capsys.readouterr().out.startswith("the")


def test_perplexity_eval(trained, tmp_path, capsys):
    res = evaluate_perplexity(trained / "train", trained / "shards", split="val")
    assert set(res["sources"]) == {"code", "web"}
    assert res["perplexity"] == pytest.approx(math.exp(res["loss"]))
    assert 1 < res["perplexity"] < 262
    # a held-out set encoded with another tokenizer is refused
    other = tmp_path / "other"
    fixtures.write_tokenizer(other / "tokenizer" / "tokenizer.json", merges=(("a", "b"),))
    fixtures.write_shards(other, {"web": ["a b c " * 50] * 4}, shards_per_source=1)
    assert main(["eval", str(trained / "train"), "--shards", str(other / "shards")]) == 2
    assert "tokenizer mismatch" in capsys.readouterr().err
    assert main(["eval", str(trained / "train"), "--shards", str(trained / "shards"), "--max-rows", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["tokens"] == 2 * 2 * 32


class _RunsCode:
    """Unpickles into a call of Path.touch: what a hostile checkpoint would do with os.system."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        from pathlib import Path

        return (Path.touch, (Path(self.marker),))


def test_checkpoint_with_a_pickled_callable_is_refused_and_runs_nothing(trained, capsys):
    ckpt = sorted((trained / "train" / "ckpt").iterdir())[-1]
    state = torch.load(ckpt, weights_only=True)
    marker = trained / "pwned"
    state["payload"] = _RunsCode(marker)
    torch.save(state, ckpt)
    for cmd in (["sample", str(trained / "train")], ["export", str(trained / "train"), "--out", str(trained / "hf")],
                ["eval", str(trained / "train"), "--shards", str(trained / "shards")]):
        assert main(cmd) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {ckpt}: refused: the checkpoint holds objects other than tensors") and "Traceback" not in err
    assert not marker.exists()


def test_sample_refuses_another_tokenizer_naming_both_hashes(trained, tmp_path, capsys):
    other = fixtures.write_tokenizer(tmp_path / "other.json", merges=(("a", "b"),))
    ours = fixtures.sha256(trained / "train" / "tokenizer.json")
    assert main(["sample", str(trained / "train"), "--tokenizer", str(other), "--greedy"]) == 2
    err = capsys.readouterr().err
    assert f"has sha256 {fixtures.sha256(other)}" in err and f"was trained with {ours}" in err
    assert main(["sample", str(trained / "train"), "--tokenizer", str(trained / "train" / "tokenizer.json"),
                 "--greedy", "--max-new-tokens", "3"]) == 0
