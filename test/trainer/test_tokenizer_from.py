"""A tokenizer taken with `tokenizer.from` names its own eos/bos in the tokenizer_config.json beside
it; export and sample use those instead of `<|endoftext|>`."""

import json

from trainer.export import eot_id_of, special_names


def test_special_names_follow_tokenizer_config(tmp_path):
    tok = tmp_path / "tokenizer.json"
    tok.write_text(json.dumps({"added_tokens": [{"id": 0, "content": "<unk>"}, {"id": 1, "content": "<s>"}, {"id": 2, "content": "</s>"}]}))
    assert special_names(tok) == ("<|endoftext|>", None)
    assert eot_id_of(tok) is None
    (tmp_path / "tokenizer_config.json").write_text(json.dumps({"eos_token": "</s>", "bos_token": {"content": "<s>"}, "add_bos_token": True}))
    assert special_names(tok) == ("</s>", "<s>")
    assert eot_id_of(tok) == 2
