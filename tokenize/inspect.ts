// `cc-pretrain inspect tokenizer.json`: what a user wants to see of a tokenizer at a glance.

import { createEncoder } from './encoder.ts';
import { vocabSize } from './bpe-model.ts';
import { loadTokenizer } from './stage.ts';

export interface TokenizerReport {
  path: string;
  vocab_size: number;
  merges: number;
  special_tokens: { id: number; content: string }[];
  /** Token ids written after (eos) and before (bos, when used) each document in shards. */
  eos: number;
  bos: number | null;
  pattern: string;
  /** The longest tokens by bytes, decoded (invalid UTF-8 shown with U+FFFD). */
  longest: { id: number; bytes: number; text: string }[];
  /** `pieces`: each token's text, or `<0xHH>` bytes for a token that is part of a character. */
  sample: { text: string; ids: number[]; pieces: string[]; bytes_per_token: number };
}

export const SAMPLE_TEXT = 'The quick brown fox jumps over the lazy dog. It\'s 2024: naïve café, 東京, 🦊 and 12345 ideas!\n';

const strict = new TextDecoder('utf-8', { fatal: true });

/** A token's text, or its bytes as `<0xC3>` when they are not whole UTF-8 characters. */
function showToken(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return [...bytes].map((b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`).join('');
  }
}

export async function inspectTokenizer(path: string, sample = SAMPLE_TEXT, top = 10): Promise<TokenizerReport> {
  const model = await loadTokenizer(path);
  const enc = createEncoder(model);
  const decoder = new TextDecoder();
  const longest = model.tokens
    .map((bytes, id) => ({ id, bytes: bytes.length }))
    .sort((a, b) => b.bytes - a.bytes || a.id - b.id)
    .slice(0, top)
    .map((t) => ({ ...t, text: decoder.decode(model.tokens[t.id]) }));
  const ids = enc.encode(sample);
  return {
    path,
    vocab_size: vocabSize(model),
    merges: model.merges.length / 3,
    special_tokens: model.special,
    eos: enc.eotId,
    bos: enc.bosId ?? null,
    pattern: model.pattern,
    longest,
    sample: {
      text: sample,
      ids,
      pieces: ids.map((id) => showToken(enc.decodeBytes([id]))),
      bytes_per_token: Buffer.byteLength(sample) / ids.length,
    },
  };
}
