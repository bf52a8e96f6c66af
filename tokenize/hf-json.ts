// tokenizer.json in Hugging Face's format: a byte-level BPE model (vocab and merges in GPT-2's
// byte-to-unicode alphabet), a Split pre-tokenizer with our regex followed by ByteLevel without
// its own regex, a ByteLevel decoder, and the special tokens as added tokens. Loads unchanged in
// Hugging Face tokenizers (Rust, Python, Node) and transformers' PreTrainedTokenizerFast.
// Merges are written in the legacy "a b" string form, which every reader accepts (a byte-level
// token never holds a space).

import { bytesToByteLevel, byteLevelToBytes } from './byte-level.ts';
import type { BpeModel, SpecialToken } from './bpe-model.ts';

export function toHfJson(model: BpeModel): string {
  const names = model.tokens.map(bytesToByteLevel);
  const vocab: Record<string, number> = {};
  names.forEach((name, id) => {
    if (!(name in vocab)) vocab[name] = id;
  });
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

export class TokenizerFormatError extends Error {
  override name = 'TokenizerFormatError';
}

interface HfJson {
  added_tokens?: { id: number; content: string }[];
  pre_tokenizer?: { type?: string; pretokenizers?: { type?: string; pattern?: { Regex?: string } }[] };
  model?: { type?: string; vocab?: Record<string, number>; merges?: (string | [string, string])[] };
}

/** Reads a tokenizer.json written by `toHfJson` (or any byte-level BPE with a Split regex of the same shape). */
export function fromHfJson(text: string, origin = 'tokenizer.json'): BpeModel {
  const fail = (why: string): never => {
    throw new TokenizerFormatError(`${origin}: ${why}`);
  };
  let json: HfJson;
  try {
    json = JSON.parse(text) as HfJson;
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  if (json.model?.type !== 'BPE' || !json.model.vocab || !json.model.merges) fail('model is not a BPE model with vocab and merges');
  const split = json.pre_tokenizer?.pretokenizers?.find((p) => p.type === 'Split');
  const pattern = split?.pattern?.Regex;
  if (typeof pattern !== 'string') return fail('pre_tokenizer has no Split step with a Regex pattern');
  const vocab = json.model!.vocab!;
  const tokens: Uint8Array[] = [];
  for (const [name, id] of Object.entries(vocab)) {
    const bytes = byteLevelToBytes(name);
    if (!bytes) fail(`vocab entry ${JSON.stringify(name)} is not in the byte-level alphabet`);
    tokens[id] = bytes!;
  }
  for (let id = 0; id < tokens.length; id++) if (!tokens[id]) fail(`vocab has no token with id ${id}`);
  for (let b = 0; b < 256; b++) {
    if (tokens[b]?.length !== 1 || tokens[b]![0] !== b) fail(`vocab id ${b} is not the single byte ${b} (ids 0-255 must be the bytes)`);
  }
  const merges = new Int32Array(json.model!.merges!.length * 3);
  json.model!.merges!.forEach((m, r) => {
    const [left, right] = typeof m === 'string' ? m.split(' ') : m;
    const a = vocab[left ?? ''];
    const b = vocab[right ?? ''];
    if (a === undefined || b === undefined) fail(`merge ${r} (${JSON.stringify(m)}) names a token missing from vocab`);
    const merged = vocab[(left ?? '') + (right ?? '')];
    if (merged === undefined) fail(`merge ${r} (${JSON.stringify(m)}) makes a token missing from vocab`);
    merges[3 * r] = a!;
    merges[3 * r + 1] = b!;
    merges[3 * r + 2] = merged!;
  });
  const special: SpecialToken[] = (json.added_tokens ?? []).map((t) => ({ id: t.id, content: t.content }));
  return { pattern, tokens, merges, special };
}
