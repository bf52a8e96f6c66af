// Reads a Hugging Face tokenizer.json into a BpeModel: ours (byte-level BPE whose ids 0–255 are
// the bytes) or another tool's. Supported besides ours: byte-level BPE with its own Split regex,
// normalizer and added tokens (GPT-2, GPT-NeoX, Llama 3, Qwen 2) and SentencePiece-style BPE over
// characters with `<0xNN>` byte fallback (Llama 2, Mistral: Prepend/Replace normalizers or a
// Metaspace pre-tokenizer). Anything else is refused with a message naming what is not supported.
// Vocabularies are read into Maps: a token spelled `constructor` or `__proto__` is data.

import { bytesToByteLevel, byteLevelToBytes } from './byte-level.ts';
import { onigurumaToJs } from './hf-regex.ts';
import type { BpeModel, Normalizer, SpecialToken, TextRules } from './bpe-model.ts';

export class TokenizerFormatError extends Error {
  override name = 'TokenizerFormatError';
}

/** What a tokenizer_config.json beside the file says, and the run config's choices. */
export interface TokenizerChoices {
  /** End-of-document token written after each document (content string). */
  eos?: string;
  /** Start-of-document token written before each document; null = none. */
  bos?: string | null;
}

type Json = Record<string, unknown>;

/** GPT-2's split, used by a ByteLevel pre-tokenizer with `use_regex: true` (Oniguruma syntax). */
const GPT2_REGEX = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

/** Tokens that end a document in the common families, in order of preference. */
const END_TOKENS = ['<|endoftext|>', '<|end_of_text|>', '</s>', '<eos>'];

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function readHfTokenizer(text: string, origin = 'tokenizer.json', choices: TokenizerChoices = {}): BpeModel {
  const fail = (why: string): never => {
    throw new TokenizerFormatError(`${origin}: ${why}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  if (!isObj(json) || !isObj(json.model)) return fail('no "model" object');
  const model = json.model;
  const type = str(model.type) ?? (isObj(model.vocab) && Array.isArray(model.merges) ? 'BPE' : undefined);
  if (type !== 'BPE') {
    fail(`model type ${JSON.stringify(type ?? null)} is not supported (only BPE: byte-level as GPT-2, Llama 3, Qwen 2, or SentencePiece-style with byte fallback as Llama 2, Mistral)`);
  }
  if (!isObj(model.vocab) || !Array.isArray(model.merges)) return fail('BPE model without vocab and merges');
  if (typeof model.dropout === 'number' && model.dropout > 0) fail(`BPE dropout ${model.dropout} is not supported (encoding would be random)`);
  if (str(model.continuing_subword_prefix)) fail(`continuing_subword_prefix ${JSON.stringify(model.continuing_subword_prefix)} is not supported`);
  if (str(model.end_of_word_suffix)) fail(`end_of_word_suffix ${JSON.stringify(model.end_of_word_suffix)} is not supported`);

  const vocab = new Map<string, number>();
  for (const [name, id] of Object.entries(model.vocab)) {
    if (!Number.isInteger(id) || (id as number) < 0) fail(`vocab entry ${JSON.stringify(name)} has id ${JSON.stringify(id)}, not a non-negative integer`);
    vocab.set(name, id as number);
  }

  const pre = readPreTokenizer(json.pre_tokenizer, fail);
  const normalizers = readNormalizers(json.normalizer, fail);
  const symbols: TextRules['symbols'] = pre.byteLevel ? 'bytes' : 'chars';
  const replacement = pre.metaspace?.replacement ?? '\u2581';

  const tokens: Uint8Array[] = [];
  const utf8 = new TextEncoder();
  for (const [name, id] of vocab) {
    if (symbols === 'bytes') {
      const bytes = byteLevelToBytes(name);
      if (!bytes) fail(`vocab entry ${JSON.stringify(name)} is not in the byte-level alphabet`);
      tokens[id] = bytes!;
    } else {
      const fallback = /^<0x([0-9A-Fa-f]{2})>$/.exec(name);
      tokens[id] = fallback ? Uint8Array.of(parseInt(fallback[1]!, 16)) : utf8.encode(name.replaceAll(replacement, ' '));
    }
  }

  const merges = new Int32Array(model.merges.length * 3);
  model.merges.forEach((m: unknown, r) => {
    let pair: [string, string] | undefined;
    if (typeof m === 'string') {
      const space = m.indexOf(' ', 1);
      if (space > 0) pair = [m.slice(0, space), m.slice(space + 1)];
    } else if (Array.isArray(m) && m.length === 2 && typeof m[0] === 'string' && typeof m[1] === 'string') pair = [m[0], m[1]];
    if (!pair) return fail(`merge ${r} (${JSON.stringify(m)}) is not "a b" or ["a", "b"]`);
    const a = vocab.get(pair[0]);
    const b = vocab.get(pair[1]);
    if (a === undefined || b === undefined) fail(`merge ${r} (${JSON.stringify(m)}) names a token missing from vocab`);
    const merged = vocab.get(pair[0] + pair[1]);
    if (merged === undefined) fail(`merge ${r} (${JSON.stringify(m)}) makes a token missing from vocab`);
    merges[3 * r] = a!;
    merges[3 * r + 1] = b!;
    merges[3 * r + 2] = merged!;
  });

  const special: SpecialToken[] = [];
  for (const t of Array.isArray(json.added_tokens) ? json.added_tokens : []) {
    if (!isObj(t) || !Number.isInteger(t.id) || typeof t.content !== 'string' || !t.content) return fail(`added token ${JSON.stringify(t)} has no id and content`);
    for (const opt of ['lstrip', 'rstrip', 'single_word'] as const) if (t[opt] === true) fail(`added token ${JSON.stringify(t.content)} sets ${opt}, which is not supported`);
    special.push({ id: t.id as number, content: t.content, special: t.special !== false });
  }

  const byteIds = new Int32Array(256).fill(-1);
  for (let b = 0; b < 256; b++) {
    const name = symbols === 'bytes' ? bytesToByteLevel(Uint8Array.of(b)) : `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
    if (symbols === 'bytes' || model.byte_fallback === true) byteIds[b] = vocab.get(name) ?? -1;
  }
  if (symbols === 'bytes') {
    const missing = byteIds.indexOf(-1);
    if (missing >= 0) fail(`byte-level vocab has no token for byte ${missing}`);
  }

  // Our own files: ids 0–255 are the bytes, a Split regex then ByteLevel, nothing else.
  const ours =
    symbols === 'bytes' &&
    normalizers.length === 0 &&
    !pre.prefixSpace &&
    !pre.dropGaps &&
    pre.pattern !== '' &&
    model.ignore_merges !== true &&
    byteIds.every((id, b) => id === b) &&
    [...vocab.values()].every((id) => id < vocab.size) &&
    special.every((s) => s.special !== false);
  if (ours) return { pattern: pre.pattern, tokens, merges, special: special.map(({ id, content }) => ({ id, content })) };

  const unk = str(model.unk_token);
  const input: TextRules = {
    normalizers,
    prefixSpace: pre.prefixSpace,
    dropGaps: pre.dropGaps,
    ...(pre.metaspace ? { metaspace: pre.metaspace } : {}),
    symbols,
    vocab,
    byteIds,
    unkId: unk === undefined ? -1 : (vocab.get(unk) ?? -1),
    fuseUnk: model.fuse_unk === true,
    ignoreMerges: model.ignore_merges === true,
    stripLeadingSpace: decoderStripsSpace(json.decoder),
  };
  const byContent = new Map(special.map((s) => [s.content, s.id]));
  const idOf = (content: string, what: string): number => {
    const id = byContent.get(content) ?? vocab.get(content);
    if (id === undefined) fail(`${what} ${JSON.stringify(content)} is not a token of this tokenizer`);
    return id!;
  };
  const eosName = choices.eos ?? END_TOKENS.find((t) => byContent.has(t));
  if (eosName === undefined) fail(`no end-of-document token: none of ${END_TOKENS.join(' ')}; name one with tokenizer.eos`);
  const bosName = choices.bos === undefined ? templateBos(json.post_processor) : choices.bos;
  return {
    pattern: pre.pattern,
    tokens,
    merges,
    special,
    input,
    eos: idOf(eosName!, 'end-of-document token'),
    ...(bosName ? { bos: idOf(bosName, 'start-of-document token') } : {}),
  };
}

interface PreTokenizer {
  pattern: string;
  byteLevel: boolean;
  prefixSpace: boolean;
  dropGaps: boolean;
  metaspace?: TextRules['metaspace'];
}

function readPreTokenizer(raw: unknown, fail: (why: string) => never): PreTokenizer {
  const out: PreTokenizer = { pattern: '', byteLevel: false, prefixSpace: false, dropGaps: false };
  if (raw === null || raw === undefined) return out;
  if (!isObj(raw)) return fail('pre_tokenizer is not an object');
  const steps = raw.type === 'Sequence' && Array.isArray(raw.pretokenizers) ? raw.pretokenizers : [raw];
  const regex = (source: string): string => {
    if (out.pattern) fail('pre_tokenizer has two regex splits; one is supported');
    try {
      return onigurumaToJs(source);
    } catch (err) {
      return fail(`pre-tokenizer regex ${JSON.stringify(source)}: ${(err as Error).message}`);
    }
  };
  steps.forEach((step: unknown, k: number) => {
    if (!isObj(step)) return fail('pre_tokenizer step is not an object');
    if (step.type === 'ByteLevel') {
      out.byteLevel = true;
      if (step.add_prefix_space === true) {
        if (k > 0) fail('ByteLevel add_prefix_space after another pre-tokenizer is not supported');
        out.prefixSpace = true;
      }
      if (step.use_regex !== false) out.pattern = regex(GPT2_REGEX);
    } else if (step.type === 'Split') {
      const keepMatches = step.behavior === 'Removed' && step.invert === true;
      if (!keepMatches && (step.invert === true || step.behavior !== 'Isolated')) {
        fail(`Split with behavior ${JSON.stringify(step.behavior)}${step.invert === true ? ' inverted' : ''} is not supported (Isolated, or Removed inverted)`);
      }
      out.dropGaps = keepMatches;
      const p = isObj(step.pattern) ? step.pattern : {};
      if (typeof p.Regex === 'string') out.pattern = regex(p.Regex);
      else if (typeof p.String === 'string') out.pattern = regex(p.String.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      else fail('Split without a Regex or String pattern');
    } else if (step.type === 'Metaspace') {
      if (steps.length > 1) fail('Metaspace combined with other pre-tokenizers is not supported');
      const scheme = str(step.prepend_scheme) ?? (step.add_prefix_space === false ? 'never' : 'always');
      if (scheme !== 'always' && scheme !== 'first' && scheme !== 'never') fail(`Metaspace prepend_scheme ${JSON.stringify(scheme)} is not supported`);
      out.metaspace = { replacement: str(step.replacement) ?? '\u2581', prepend: scheme as 'always' | 'first' | 'never', split: step.split !== false };
    } else fail(`pre-tokenizer ${JSON.stringify(step.type)} is not supported (ByteLevel, Split, Metaspace and Sequence are)`);
  });
  return out;
}

function readNormalizers(raw: unknown, fail: (why: string) => never): Normalizer[] {
  if (raw === null || raw === undefined) return [];
  if (!isObj(raw)) return fail('normalizer is not an object');
  if (raw.type === 'Sequence') return (Array.isArray(raw.normalizers) ? raw.normalizers : []).flatMap((n: unknown) => readNormalizers(n, fail));
  switch (raw.type) {
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD':
      return [{ type: 'unicode', form: raw.type }];
    case 'Prepend':
      if (typeof raw.prepend !== 'string') return fail('Prepend normalizer without a string');
      return [{ type: 'prepend', text: raw.prepend }];
    case 'Replace': {
      const p = isObj(raw.pattern) ? raw.pattern : {};
      if (typeof p.String !== 'string' || typeof raw.content !== 'string') return fail('Replace normalizer supported with a String pattern only');
      return [{ type: 'replace', from: p.String, to: raw.content }];
    }
    default:
      return fail(`normalizer ${JSON.stringify(raw.type)} is not supported (NFC, NFD, NFKC, NFKD, Prepend, Replace and Sequence are)`);
  }
}

/** SentencePiece decoders drop the space the encoder put before the text. */
function decoderStripsSpace(raw: unknown): boolean {
  if (!isObj(raw)) return false;
  if (raw.type === 'Sequence' && Array.isArray(raw.decoders)) return raw.decoders.some(decoderStripsSpace);
  if (raw.type === 'Strip') return raw.content === ' ' && typeof raw.start === 'number' && raw.start > 0;
  if (raw.type === 'Metaspace') return raw.prepend_scheme !== 'never' && raw.add_prefix_space !== false;
  return false;
}

/** The special token a TemplateProcessing post-processor puts before a single text, if any. */
function templateBos(raw: unknown): string | undefined {
  if (!isObj(raw)) return undefined;
  if (raw.type === 'Sequence' && Array.isArray(raw.processors)) {
    for (const p of raw.processors) {
      const bos = templateBos(p);
      if (bos) return bos;
    }
    return undefined;
  }
  if (raw.type !== 'TemplateProcessing' || !Array.isArray(raw.single)) return undefined;
  const first: unknown = raw.single[0];
  return isObj(first) && isObj(first.SpecialToken) ? str(first.SpecialToken.id) : undefined;
}
