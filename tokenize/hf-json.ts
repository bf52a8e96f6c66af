// tokenizer.json in Hugging Face's format: a byte-level BPE model (vocab and merges in GPT-2's
// byte-to-unicode alphabet), a Split pre-tokenizer with our regex followed by ByteLevel without
// its own regex, a ByteLevel decoder, and the special tokens as added tokens. Loads unchanged in
// Hugging Face tokenizers (Rust, Python, Node) and transformers' PreTrainedTokenizerFast.
// Merges are written in the legacy "a b" string form, which every reader accepts (a byte-level
// token never holds a space). Reading is `hf-read.ts`.

import { bytesToByteLevel } from './byte-level.ts';
import type { BpeModel } from './bpe-model.ts';

export function toHfJson(model: BpeModel): string {
  const names = model.tokens.map(bytesToByteLevel);
  // A Map, not an object: a learned token may be spelled `constructor` or `__proto__`.
  const ids = new Map<string, number>();
  names.forEach((name, id) => {
    if (!ids.has(name)) ids.set(name, id);
  });
  const vocab = Object.fromEntries(ids); // own data properties, `__proto__` included
  const merges: string[] = [];
  for (let r = 0; r < model.merges.length; r += 3) merges.push(`${names[model.merges[r]!]} ${names[model.merges[r + 1]!]}`);
  const json = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: model.special.map((s) => ({
      id: s.id,
      content: s.content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: model.pattern }, behavior: 'Isolated', invert: false },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
  return JSON.stringify(json, null, 1) + '\n';
}
