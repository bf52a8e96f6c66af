// The trained tokenizer as data: byte tokens, ordered merges, special tokens and the
// pre-tokenisation pattern. Ids: 0–255 are the bytes by value, then one id per distinct merged
// token in creation order, then the special tokens (`<|endoftext|>` first). Merge rank = its
// index in `merges`, which is also the order Hugging Face's BPE applies them.

export const END_OF_TEXT = '<|endoftext|>';

export interface SpecialToken {
  id: number;
  content: string;
}

export interface BpeModel {
  /** Pre-tokenisation regex source (JS flags `gu`; stored as the Split regex in tokenizer.json). */
  pattern: string;
  /** Bytes of every non-special token, indexed by id; the first 256 are the single bytes. */
  tokens: Uint8Array[];
  /** Merges in rank order: left id, right id, merged id (three ints per merge). */
  merges: Int32Array;
  special: SpecialToken[];
}

export function vocabSize(model: BpeModel): number {
  return model.tokens.length + model.special.length;
}

export function endOfTextId(model: BpeModel): number {
  const eot = model.special.find((s) => s.content === END_OF_TEXT);
  if (!eot) throw new Error(`tokenizer has no ${END_OF_TEXT} special token`);
  return eot.id;
}

/** The 256 single-byte tokens every vocabulary starts with. */
export function byteTokens(): Uint8Array[] {
  return Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));
}
