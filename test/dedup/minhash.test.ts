// MinHash bit compatibility with datatrove as FineWeb ran it: the spec's test vector, the seeded
// permutation parameters, SHA-1 64, and the FineWeb-era text normalisation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createMinHasher } from '../../dedup/minhash.ts';
import { compatParams } from '../../dedup/permutations.ts';
import { createPermuteKernel } from '../../dedup/permute-wasm.ts';
import { sha1Prefix64 } from '../../dedup/sha1.ts';
import { createShingleSha1 } from '../../dedup/sha1-x4.ts';
import { simplifyText, joinedWords, normalisedWords } from '../../dedup/normalize.ts';
import { rng } from './corpus.ts';
import { sharedDataDir } from '../shared-data.ts';

const u64 = (w: Uint32Array, i: number) => ((BigInt(w[i]!) << 32n) | BigInt(w[i + 1]!)).toString();

test('sha1-64 of "hello world" and of the test vector shingles', () => {
  const out = new Uint32Array(2);
  const hash = (s: string) => {
    const b = new TextEncoder().encode(s);
    sha1Prefix64(b, 0, b.length, out, 0);
    return ((BigInt(out[1]!) << 32n) | BigInt(out[0]!)).toString();
  };
  assert.equal(hash('hello world'), '13028719972609469994');
  assert.equal(hash('the quick brown fox jumps'), '12313522834835307089');
  // Multi-block messages (> 55 bytes) take the general padding path.
  const long = 'x'.repeat(200);
  const node = (s: string) => createHash('sha1').update(s).digest().readBigUInt64LE(0).toString();
  for (const s of [long, 'y'.repeat(55), 'z'.repeat(56), 'é'.repeat(40), '']) assert.equal(hash(s), node(s));
});

test('the four-lane kernel gives node:crypto\'s sha1-64 for every shingle, one block or more, in any count', () => {
  const sha1 = createShingleSha1();
  const random = rng(7);
  // Word lengths from 1 to 70 bytes (multi-byte letters among them), so shingles run from a few
  // bytes past one block (55) and two; counts that leave a group of four part full.
  for (const [words, ngram] of [[5, 5], [6, 5], [9, 5], [40, 5], [300, 5], [17, 1], [64, 3], [2000, 5]] as const) {
    const text = Array.from({ length: words }, () => {
      const len = 1 + Math.floor(random() * (random() < 0.1 ? 70 : 12));
      return Array.from({ length: len }, () => (random() < 0.1 ? 'é' : String.fromCharCode(97 + Math.floor(random() * 26)))).join('');
    }).join(' ');
    const bytes = new TextEncoder().encode(text);
    const ends: number[] = [];
    for (let i = 0; i <= bytes.length; i++) if (i === bytes.length || bytes[i] === 0x20) ends.push(i);
    const n = ends.length - ngram + 1;
    const out = new Uint32Array(n * 2);
    sha1.hash(bytes, Int32Array.from(ends), ngram, n, out);
    for (let i = 0; i < n; i++) {
      const shingle = bytes.subarray(i === 0 ? 0 : ends[i - 1]! + 1, ends[i + ngram - 1]!);
      const d = createHash('sha1').update(shingle).digest();
      assert.deepEqual([out[i * 2], out[i * 2 + 1]], [d.readUInt32LE(0), d.readUInt32LE(4)], `shingle ${i} of ${n} (${shingle.length} bytes)`);
    }
  }
});

test('fineweb-compat signature of the spec test vector equals the reference', () => {
  const m = createMinHasher({ bands: 14, rows: 8, ngram: 5, seed: 1, hash: 'fineweb-compat' });
  const sig = m.signatureOfWords('the quick brown fox jumps over the lazy dog');
  assert.ok(sig);
  const band = (b: number) => Array.from({ length: 8 }, (_, k) => u64(sig, (b * 8 + k) * 2));
  assert.deepEqual(band(0), [
    '585594454516184072', '284080765670708113', '594234408324153881', '226360113463360020',
    '42312182183823545', '295150809832830541', '316606424307206655', '439255022718586444',
  ]);
  assert.deepEqual(band(13), [
    '164139703210280404', '29074511532028102', '126148420424728747', '770718497917940458',
    '126167845672318228', '404162727557050195', '306993506350509109', '800584869340422436',
  ]);
  // Through the full normalisation: case, punctuation and spacing do not matter.
  const sig2 = m.signature('The  quick, brown FOX jumps over the lazy dog!');
  assert.ok(sig2);
  assert.equal(u64(sig2, 0), '585594454516184072');
  assert.equal(m.signatureOfWords('too short for five'), null);
});

test('the permutation kernel gives the exact minima, also when a permuted hash reduces past P (its slow path)', () => {
  const P = (1n << 61n) - 1n;
  const M64 = (1n << 64n) - 1n;
  const hi = (v: bigint) => Number(v >> 32n);
  const lo = (v: bigint) => Number(v & 0xffffffffn);
  const next = rng(21);
  const r64 = () => (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32));
  // a = 1, b = 0 maps a shingle hash h to (h & P) + (h >> 61): h in [P, P + 7] or h = 2^64 − 1 land past P.
  const pairs: [bigint, bigint][] = [[1n, 0n], ...Array.from({ length: 7 }, (): [bigint, bigint] => [(r64() % (P - 1n)) + 1n, r64() % P])];
  const params = new Uint32Array(pairs.length * 4);
  pairs.forEach(([a, b], j) => params.set([hi(a), lo(a), hi(b), lo(b)], j * 4));
  const kernel = createPermuteKernel(params);
  const cases: bigint[][] = [[P], [P, 5n, 1000n], [P + 5n, 2n], [P + 5n, 9n], [9n, M64, 8n], [P - 1n, P + 7n, P + 1n], [0n], [7n, 8n, P - 2n]];
  for (let c = 0; c < 40; c++) cases.push(Array.from({ length: 1 + (c % 9) }, () => (c % 3 === 0 ? P + BigInt(c % 8) : r64())));
  for (const hashes of cases) {
    const words = kernel.reserve(hashes.length);
    hashes.forEach((h, i) => words.set([lo(h), hi(h)], i * 2));
    const out = kernel.run(hashes.length);
    pairs.forEach(([a, b], j) => {
      let min = M64;
      for (const h of hashes) {
        let x = (h * a + b) & M64;
        x = (x & P) + (x >> 61n);
        if (x >= P) x -= P;
        if (x < min) min = x;
      }
      assert.equal((BigInt(out[j * 2 + 1]!) << 32n) | BigInt(out[j * 2]!), min, `hash ${j} of [${hashes.join(', ')}]`);
    });
  }
});

test('permutation parameters follow numpy RandomState(1)', () => {
  const p = compatParams(1, 112);
  const a = (i: number) => u64(p, i * 4);
  const b = (i: number) => u64(p, i * 4 + 2);
  assert.equal(a(0), '775169054918279404');
  assert.equal(a(1), '1758426461858698313');
});

const sharedRoot = sharedDataDir();
const specFile = sharedRoot ? join(sharedRoot, '..', 'spec', 'minhash-params-seed1.json') : undefined;

test(
  'all 112 permutation parameters equal the reference numpy drew',
  { skip: specFile && existsSync(specFile) ? false : 'the reference parameters (../shared/spec/minhash-params-seed1.json) are absent' },
  () => {
    const p = compatParams(1, 112);
    const spec = JSON.parse(readFileSync(specFile!, 'utf8')) as { a: string[]; b: string[] };
    assert.deepEqual(Array.from({ length: 112 }, (_, i) => u64(p, i * 4)), spec.a);
    assert.deepEqual(Array.from({ length: 112 }, (_, i) => u64(p, i * 4 + 2)), spec.b);
  },
);

test('FineWeb-era simplify_text', () => {
  assert.equal(simplifyText('end.Start'), 'endstart');
  assert.equal(simplifyText('pi is 3.14 and 42'), 'pi is 0 and 0');
  assert.equal(simplifyText('  Café   naïve\t\u00a0x '), 'cafe naive x');
  assert.equal(simplifyText('a \u2018quoted\u2019 word'), 'a \u2018quoted word');
  assert.equal(simplifyText('a\x1cb'), 'a b'); // Python whitespace, not JS \s
  assert.equal(simplifyText('a\ufeffb'), 'a\ufeffb'); // JS \s would have split here
  assert.equal(simplifyText('full\uff0cwidth\uff11'), 'fullwidth');
  assert.equal(joinedWords(simplifyText('a - b')), 'a b');
});

test('fast signatures are deterministic and differ from compat', () => {
  const f = createMinHasher({ bands: 14, rows: 8, ngram: 5, seed: 1, hash: 'fast' });
  const s1 = Array.from(f.signature('one two three four five six seven')!);
  const s2 = Array.from(f.signature('One two three four five, six seven.')!);
  assert.equal(s1.length, 112);
  assert.deepEqual(s1, s2);
  assert.notDeepEqual(s1, Array.from(f.signature('one two three four five six eight')!));
});

test('the one-pass ASCII normalisation equals simplify_text + word join', () => {
  const next = rng(3);
  const alphabet = 'aZ9 .,-\t\n\x0b\x1c\x1f\x00\x7f"\'()[]{}!?:;/\\|_*&^%$#@~`+=<>0123456789 xyzXYZ  ';
  for (let k = 0; k < 2000; k++) {
    const len = Math.floor(next() * 40);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    assert.equal(normalisedWords(s), joinedWords(simplifyText(s)), JSON.stringify(s));
  }
  assert.equal(normalisedWords('Café 3.14'), 'cafe 0');
});

test('the one-pass normalisation folds non-ASCII letters as simplify_text + word join does', () => {
  const next = rng(5);
  // Characters folded on their own (é Ä ß İ ŉ ǅ Ω д 中 ﬁ), beside the ones that must take the
  // general path: a combining mark, Σ (final sigma), a non-ASCII digit, ‘, Hangul, an emoji.
  const alphabet = ['a', 'Z', '9', ' ', '.', '\u00a0', '\u2019', '\u00e9', '\u00c4', '\u00df', '\u0130', '\u0149', '\u01c5', '\u03a9', '\u0434', '\u4e2d', '\ufb01', '\u0301', '\u03a3', '\u0663', '\u2018', '\uac00', '\ud83d\ude00'];
  for (let k = 0; k < 4000; k++) {
    const len = Math.floor(next() * 30);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * (k % 2 ? 15 : alphabet.length))];
    assert.equal(normalisedWords(s), joinedWords(simplifyText(s)), JSON.stringify(s));
  }
  for (let c = 0x80; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    const s = `A${ch}b 9${ch}9 ${ch}.x\u00e9${ch}`;
    assert.equal(normalisedWords(s), joinedWords(simplifyText(s)), `U+${c.toString(16)}`);
  }
  assert.equal(normalisedWords('Größe ÄRGER naïve Ωμέγα'), 'große arger naive ωμεγα');
});

test('words split as NLTK word_tokenize splits normalised text', () => {
  assert.equal(normalisedWords('I cannot, gonna, wanna GOTTA gimme; lemme go'), 'i can not gon na wan na got ta gim me lem me go');
  assert.equal(normalisedWords('cannots wannabe wanna'), 'cannots wannabe wan na');
  assert.equal(normalisedWords('the \u2018quoted\u2019 word'), 'the \u2018 quoted word');
  assert.equal(joinedWords(simplifyText('Gonna \u2018x')), 'gon na \u2018 x');
  // ‘ on the one-pass path: its own token, a digit run ended by it, and twice as many units out as in.
  for (const s of ['\u2018a'.repeat(500), 'a\u2018b\u2018\u2018c 1\u20182 3.\u20184 ', '\u2018', ' \u2018 ', 'x\u2018.\u2018', 'Ä\u2018\u00a0\u20189']) {
    assert.equal(normalisedWords(s), joinedWords(simplifyText(s)), JSON.stringify(s));
  }
});

test('the signature from the one-pass UTF-8 bytes equals the signature of the joined words', () => {
  const m = createMinHasher({ bands: 14, rows: 8, ngram: 5, seed: 1, hash: 'fineweb-compat' });
  const next = rng(11);
  // Contractions beside word characters, non-word characters that fold on their own (€ ©), ‘,
  // digits, 2- and 3-byte folds (é → e, д, 中), and a character of the general path (a mark).
  const alphabet = ['cannot', 'gimme', 'lemme', 'gonna', 'gotta', 'wanna', 'CanNot', 'a', '0', ' ', ' ', '.', '-', '\u20ac', '\u00a9', '\u2018', '\u00e9', '\u0434', '\u4e2d', '_', '\u0301'];
  for (let k = 0; k < 4000; k++) {
    const len = 5 + Math.floor(next() * 25);
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * (k % 2 ? alphabet.length - 1 : alphabet.length))];
    const joined = joinedWords(simplifyText(s));
    assert.equal(normalisedWords(s), joined, JSON.stringify(s));
    const want = m.signatureOfWords(joined);
    const expected = want === null ? null : Array.from(want);
    const got = m.signature(s);
    assert.deepEqual(got === null ? null : Array.from(got), expected, JSON.stringify(s));
  }
  assert.equal(normalisedWords('\u20accannot wanna\u20ac \u00e9gonna gotta\u2018'), '\u20accan not wanna\u20ac egonna got ta \u2018');
});
