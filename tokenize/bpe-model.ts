// The tokenizer as data: byte tokens, ordered merges, special tokens and the pre-tokenisation
// pattern. For a tokenizer we train, ids 0–255 are the bytes by value, then one id per distinct
// merged token in creation order, then the special tokens (`<|endoftext|>` first). A tokenizer.json
// from another tool (GPT-2, Llama, Qwen, Mistral …) keeps its own ids and carries `input`: how its
// text becomes pieces and first symbols. Merge rank = index in `merges`, the order Hugging Face's
// BPE applies them.

export const END_OF_TEXT = '<|endoftext|>';

export interface SpecialToken {
  id: number;
  content: string;
  /** false for Hugging Face's non-special added tokens, which are matched in every text. */
  special?: boolean;
}

/** A text step before pre-tokenisation (Hugging Face normalizers we support). */
export type Normalizer =
  | { type: 'unicode'; form: 'NFC' | 'NFD' | 'NFKC' | 'NFKD' }
  | { type: 'prepend'; text: string }
  | { type: 'replace'; from: string; to: string };

/** How an imported tokenizer.json turns text into pieces and first symbols. */
export interface TextRules {
  normalizers: Normalizer[];
  /** ByteLevel `add_prefix_space`: a space before a text that does not start with one. */
  prefixSpace: boolean;
  /** The Split keeps only the regex's matches (`Removed`, inverted), dropping the text between. */
  dropGaps: boolean;
  /** Metaspace pre-tokenizer: spaces become `replacement`, prepended per scheme, split before it. */
  metaspace?: { replacement: string; prepend: 'always' | 'first' | 'never'; split: boolean };
  /** First symbols: the UTF-8 bytes (byte-level BPE) or the characters (SentencePiece-style BPE). */
  symbols: 'bytes' | 'chars';
  /** The model's vocabulary: token string (byte-level alphabet for `bytes`) → id. */
  vocab: ReadonlyMap<string, number>;
  /** Id of each byte: its byte-level token, or its `<0xNN>` byte-fallback token; -1 when none. */
  byteIds: Int32Array;
  /** `unk_token` id, -1 when none; `fuse_unk` joins a run of unknowns into one. */
  unkId: number;
  fuseUnk: boolean;
  /** Llama 3's `ignore_merges`: a piece that is a whole vocabulary entry is that token. */
  ignoreMerges: boolean;
  /** Decoding drops one leading space (SentencePiece's decoders `Strip`/`Metaspace`). */
  stripLeadingSpace: boolean;
}

export interface BpeModel {
  /** Pre-tokenisation regex source (JS flags `gu`); '' when the text is not split. */
  pattern: string;
  /** Bytes of every model token, indexed by id (holes where an id is only an added token). */
  tokens: Uint8Array[];
  /** Merges in rank order: left id, right id, merged id (three ints per merge). */
  merges: Int32Array;
  special: SpecialToken[];
  /** Set for a tokenizer.json not written by us. */
  input?: TextRules;
  /** End-of-document and start-of-document ids written into shards (imported tokenizers). */
  eos?: number;
  bos?: number;
}

export function vocabSize(model: BpeModel): number {
  let n = model.tokens.length;
  for (const s of model.special) n = Math.max(n, s.id + 1);
  return n;
}

export function endOfTextId(model: BpeModel): number {
  if (model.eos !== undefined) return model.eos;
  const eot = model.special.find((s) => s.content === END_OF_TEXT);
  if (!eot) throw new Error(`tokenizer has no ${END_OF_TEXT} special token`);
  return eot.id;
}

/** The 256 single-byte tokens every vocabulary we train starts with. */
export function byteTokens(): Uint8Array[] {
  return Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));
}
