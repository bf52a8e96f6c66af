// Encoding: exact round trip for every kind of string, the documented lone-surrogate rule,
// special tokens only where asked for, and agreement with training's own segmentation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainTokenizer, createEncoder, toHfJson, readHfTokenizer } from '../../tokenize/index.ts';
import { generatedDocs, HARD_STRINGS } from './corpus.ts';

const model = await trainTokenizer(generatedDocs(120, 11), { vocab_size: 800, pretokenizer: 'gpt4', digit_group: 3, special_tokens: ['<|user|>'] });
const enc = createEncoder(model);

test('decode(encode(s)) === s for hard strings and generated documents', () => {
  for (const s of [...HARD_STRINGS, ...generatedDocs(30, 99)]) assert.equal(enc.decode(enc.encode(s)), s, JSON.stringify(s.slice(0, 60)));
});

test('every code point class round-trips (all BMP code points except surrogates, and astral samples)', () => {
  let s = '';
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) s += String.fromCharCode(c);
  for (let c = 0x10000; c < 0x110000; c += 997) s += String.fromCodePoint(c);
  assert.equal(enc.decode(enc.encode(s)), s);
});

test('1 MB of one repeated character round-trips, in letters, digits, spaces and emoji', () => {
  for (const ch of ['a', '7', ' ', '\n', '🦊', '東']) {
    const s = ch.repeat((1 << 20) / ch.length);
    const ids = enc.encode(s);
    assert.equal(enc.decode(ids), s, `repeated ${JSON.stringify(ch)}`);
  }
});

test('lone surrogates encode as U+FFFD: decode(encode(s)) === s.toWellFormed()', () => {
  for (const s of ['a\ud800b', '\udfff', 'x\ud83d', '\ud83d\ude00\ud83d', '\udc00\ud800']) {
    assert.equal(enc.decode(enc.encode(s)), s.toWellFormed());
    assert.deepEqual(enc.encode(s), enc.encode(s.toWellFormed()));
  }
});

test('special-token strings are plain text in encode, special tokens in encodeWithSpecial', () => {
  const text = 'end<|endoftext|>start<|user|>';
  const plain = enc.encode(text);
  assert.ok(!plain.includes(enc.eotId));
  assert.equal(enc.decode(plain), text);
  const special = enc.encodeWithSpecial(text);
  assert.deepEqual(special, [...enc.encode('end'), enc.eotId, ...enc.encode('start'), model.special[1]!.id]);
  assert.equal(enc.decode(special), text);
});

test('tokenizer.json round trip keeps the model and its encoding', () => {
  const back = createEncoder(readHfTokenizer(toHfJson(model)));
  for (const s of HARD_STRINGS) assert.deepEqual(back.encode(s), enc.encode(s));
  assert.equal(toHfJson(readHfTokenizer(toHfJson(model))), toHfJson(model));
});

test('frequent training words encode to one token; encoding is independent of the cache', () => {
  assert.equal(enc.encode(' tokenizer').length, 1);
  const fresh = createEncoder(model);
  const docs = generatedDocs(10, 1234);
  assert.deepEqual(docs.map((d) => fresh.encode(d)), docs.map((d) => enc.encode(d)));
  assert.throws(() => enc.decode([model.tokens.length + 99]), /outside the vocabulary/);
});
