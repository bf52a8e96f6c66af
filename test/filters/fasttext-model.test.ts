// Our fastText reader against Python fastText 0.9.2: the labels and scores Python gave (stored in
// fixtures/fasttext/python-predictions.json by bench/filters/fasttext_fixtures.py) for lid.176.ftz
// on shared pages and on half-million-character documents, and for tiny models of every loss and
// file kind (dense .bin with word bigrams or char n-grams, quantized .ftz with a pruned dictionary,
// norm quantization and a quantized output matrix). Also: bad files fail with one line, and the
// token cache never changes a result.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadFastText, type FastTextPrediction } from '../../filters/fasttext-model.ts';
import { bundledLidModel } from '../../filters/lang-id.ts';
import { sharedDataDir } from '../shared-data.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/fasttext');
type Pairs = [string, number][][];
const golden = JSON.parse(readFileSync(path.join(fixtures, 'python-predictions.json'), 'utf8')) as {
  held_out: string[];
  models: Record<string, Pairs>;
  lid: { pages: Pairs; long: Pairs; long_docs: number[][] };
};
const data = sharedDataDir();

let textsById: Map<string, string> | undefined;

/** The WCXB page texts the fixtures were made from (main_content, newlines to spaces), by file id. */
function wcxbTexts(dir: string): Map<string, string> {
  if (textsById) return textsById;
  const gt = path.join(dir, 'extraction/wcxb-dev/ground-truth');
  const out = new Map<string, string>();
  for (const name of readdirSync(gt).sort()) {
    const j = JSON.parse(readFileSync(path.join(gt, name), 'utf8')) as { ground_truth?: { main_content?: string }; _internal?: { page_type?: { primary?: string } } };
    const text = j.ground_truth?.main_content;
    if (text && j._internal?.page_type?.primary) out.set(name, text.replaceAll('\n', ' '));
  }
  textsById = out;
  return out;
}

/** Same labels in the same order, scores within `tol`; returns the largest score difference. */
function compare(ours: FastTextPrediction[], theirs: [string, number][], what: string, tol: number): number {
  assert.deepEqual(
    ours.map((p) => p.label),
    theirs.map(([l]) => l),
    what,
  );
  let worst = 0;
  ours.forEach((p, i) => (worst = Math.max(worst, Math.abs(p.prob - theirs[i]![1]))));
  assert.ok(worst <= tol, `${what}: score differs by ${worst}`);
  return worst;
}

test('lid.176.ftz: Python fastText labels and scores on shared pages and on 0.5 M-character documents', { skip: !data && 'shared data absent (../shared/data)' }, () => {
  const texts = [...wcxbTexts(data!).values()];
  const model = loadFastText(bundledLidModel());
  golden.lid.pages.forEach((want, i) => compare(model.predict(texts[i]!, 3), want, `page ${i}`, 1e-6));
  golden.lid.long_docs.forEach((doc, i) => {
    const text = doc.map((j) => texts[j]!).join(' ');
    assert.ok(text.length > 300_000);
    compare(model.predict(text, 3), golden.lid.long[i]!, `long document ${i}`, 1e-6);
  });
});

for (const name of Object.keys(golden.models)) {
  test(`${name}: Python fastText labels and scores on held-out pages`, { skip: !data && 'shared data absent (../shared/data)' }, () => {
    const texts = wcxbTexts(data!);
    const model = loadFastText(path.join(fixtures, name));
    const k = name.startsWith('ova-300') ? 5 : -1;
    golden.held_out.forEach((id, i) => compare(model.predict(texts.get(id)!, k), golden.models[name]![i]!, `${name} ${id}`, 1e-6));
  });
}

test('model arguments and labels are read from the file', () => {
  const lid = loadFastText(bundledLidModel());
  assert.deepEqual(lid.args, { dim: 16, wordNgrams: 1, loss: 'hs', bucket: 2000000, minn: 2, maxn: 4 });
  assert.equal(lid.labels.length, 176);
  assert.ok(lid.labels.includes('__label__en'));
  const softmax = loadFastText(path.join(fixtures, 'softmax-bigrams.bin'));
  assert.equal(softmax.args.loss, 'softmax');
  assert.equal(softmax.args.wordNgrams, 2);
});

test('first line only, `</s>` ends the line, label tokens are ignored, empty text still predicts', () => {
  const lid = loadFastText(bundledLidModel());
  const en = 'The weather was warm and the children played in the park until dinner time.';
  const de = 'Das Wetter war warm und die Kinder spielten im Park bis zum Abendessen.';
  assert.deepEqual(lid.predict(`${en}\n${de}`), lid.predict(en));
  assert.deepEqual(lid.predict(`${en} </s> ${de}`), lid.predict(`${en} </s>`));
  assert.deepEqual(lid.predict(`__label__de ${en}`), lid.predict(en));
  assert.equal(lid.predict('').length, 1);
  const all = lid.predict(en, 0);
  assert.ok(all.length > 5 && all.every((p, i) => i === 0 || p.prob <= all[i - 1]!.prob));
  assert.ok(lid.predict(en, 5, 0.5).length <= 1);
});

test('`</s>` and the line end stop the document wherever they fall among the tokens looked up together', () => {
  const lid = loadFastText(bundledLidModel());
  const en = 'The weather was warm and the children played in the park until dinner time.'.split(' ');
  const de = 'Das Wetter war warm und die Kinder spielten im Park bis zum Abendessen.'.repeat(40);
  for (const n of [1, 126, 127, 128, 129, 255, 256, 257, 300, 1000]) {
    const head = Array.from({ length: n }, (_, i) => en[i % en.length]).join(' ');
    assert.deepEqual(lid.predict(`${head} </s> ${de}`, 3), lid.predict(`${head} </s>`, 3), `</s> after ${n} tokens`);
    assert.deepEqual(lid.predict(`${head}\n${de}`, 3), lid.predict(head, 3), `newline after ${n} tokens`);
    assert.notDeepEqual(lid.predict(`${head} ${de}`, 3), lid.predict(head, 3));
  }
});

test('the token cache never changes a result', { skip: !data && 'shared data absent (../shared/data)' }, () => {
  const texts = [...wcxbTexts(data!).values()];
  const fresh = (t: string) => loadFastText(bundledLidModel()).predict(t, 3);
  const warm = loadFastText(bundledLidModel());
  // 140k distinct tokens pass through the cache (it is cleared when full) before the probe texts.
  warm.predict(Array.from({ length: 140_000 }, (_, i) => `w${i.toString(36)}`).join(' '));
  for (const t of texts.slice(0, 5)) warm.predict(t);
  for (const i of [0, 3, 7]) assert.deepEqual(warm.predict(texts[i]!, 3), fresh(texts[i]!));
});

test('a dictionary word that starts with U+FEFF is that word, as fastText compares bytes', () => {
  // The words-only model with 'through' rewritten in place as BOM + 'ough' (same byte length): the
  // token '\uFEFFough' must find that word, and 'ough' must not (a BOM-stripping decoder mapped it there).
  const original = path.join(fixtures, 'ova-words.bin');
  const bytes = readFileSync(original);
  const at = bytes.indexOf(Buffer.from('through\0'));
  assert.ok(at > 0);
  Buffer.from([0xef, 0xbb, 0xbf]).copy(bytes, at);
  const patched = path.join(mkdtempSync(path.join(tmpdir(), 'ft-')), 'bom.bin');
  writeFileSync(patched, bytes);
  const before = loadFastText(original);
  const after = loadFastText(patched);
  assert.notDeepEqual(before.predict('through', 0), before.predict('ough', 0));
  assert.deepEqual(after.predict('\uFEFFough', 0), before.predict('through', 0));
  assert.deepEqual(after.predict('ough', 0), before.predict('ough', 0));
});

test('tokens are looked up by their UTF-8 bytes as TextEncoder writes them, a lone surrogate matching no word', () => {
  // The words-only model with words rewritten in place (same byte lengths): 'through' as U+1F600
  // U+20AC (4 + 3 bytes: a surrogate pair is one 4-byte character), 'and' as U+FFFD, 'of' as U+00E9.
  const original = path.join(fixtures, 'ova-words.bin');
  const bytes = readFileSync(original);
  const patch = (word: string, as: string) => {
    const at = bytes.indexOf(Buffer.from(`\0${word}\0`));
    assert.ok(at > 0 && Buffer.byteLength(as) === word.length);
    Buffer.from(as).copy(bytes, at + 1);
  };
  patch('through', '\u{1F600}\u20AC');
  patch('and', '\uFFFD');
  patch('of', '\u00E9');
  const patched = path.join(mkdtempSync(path.join(tmpdir(), 'ft-')), 'utf8.bin');
  writeFileSync(patched, bytes);
  const before = loadFastText(original);
  const after = loadFastText(patched);
  const unknown = before.predict('qqzzxx', 0);
  for (const w of ['through', 'and', 'of']) assert.notDeepEqual(before.predict(w, 0), unknown, w);
  assert.deepEqual(after.predict('\u{1F600}\u20AC', 0), before.predict('through', 0));
  assert.deepEqual(after.predict('\uFFFD', 0), before.predict('and', 0));
  assert.deepEqual(after.predict('\u00E9', 0), before.predict('of', 0));
  // Lone surrogates encode as U+FFFD's bytes, but no dictionary word (valid UTF-8) is such a string.
  for (const t of ['\uD800', '\uDC00', '\uD83D', 'x\uDE00'.slice(1)]) assert.deepEqual(after.predict(t, 0), unknown, JSON.stringify(t));
  assert.deepEqual(after.predict('through', 0), unknown);
});

test('a missing, foreign or truncated file fails with one line naming it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ft-'));
  assert.throws(() => loadFastText(path.join(dir, 'none.bin')), /none\.bin: cannot read fastText model \(ENOENT\)/);
  const foreign = path.join(dir, 'foreign.bin');
  writeFileSync(foreign, 'not a model at all');
  assert.throws(() => loadFastText(foreign), /foreign\.bin: not a fastText model \(bad magic number\)/);
  const cut = path.join(dir, 'cut.ftz');
  writeFileSync(cut, readFileSync(bundledLidModel()).subarray(0, 300_000));
  assert.throws(() => loadFastText(cut), (err: Error) => /cut\.ftz: not a fastText model \(truncated/.test(err.message) && !err.message.includes('\n'));
});

test('input rows summed by the WebAssembly kernel equal the JS sums bit for bit: token cache cleared mid-document, tokens past the staging area', () => {
  const kernel = loadFastText(bundledLidModel());
  const js = loadFastText(bundledLidModel(), { rowSummer: false });
  // 300,000 distinct tokens overflow the token cache, each clear coming right after a cached
  // token ("the") whose rows are still queued; a 6,000-character token has ~18,000 rows, past the
  // 4,096-row staging area.
  const words = Array.from({ length: 300_000 }, (_, i) => `w${(i * 2654435761 >>> 0).toString(36)}`);
  const long = 'ab'.repeat(3000);
  const docs = [words.map((w) => `the ${w}`).join(' '), `${long} ${words.slice(0, 5000).join(' ')} ${long}`, 'Ein kurzer deutscher Satz über das Wetter.'];
  for (const doc of docs) assert.deepEqual(kernel.predict(doc, 5), js.predict(doc, 5));
});
