// Language id cost per document: our fastText reader (filters/fasttext-model.ts) beside fastText's
// own WASM build (npm fasttext.wasm.js, what the filters ran before), same lid.176.ftz, same texts
// (the 1,497 WCXB dev gold texts, newlines removed, as the language filter gives them), interleaved
// rounds, CPU time of this process. "Cold" = a fresh model (empty token cache) per round; "warm" =
// the same texts again on a model that has seen them. Also: how often a `language.max_chars`
// prefix bound (100,000) changes the verdict against the whole text, on documents made of
// consecutive pages (100–400 k characters).
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/lid-speed.ts [rounds]

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getLIDModel } from 'fasttext.wasm.js';
import { loadFastText } from '../../filters/fasttext-model.ts';
import { bundledLidModel, loadLanguageId } from '../../filters/lang-id.ts';
import { sharedDataDir } from '../../test/shared-data.ts';

const data = sharedDataDir();
if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
const gt = path.join(data, 'extraction/wcxb-dev/ground-truth');
const texts: string[] = [];
for (const f of readdirSync(gt).sort()) {
  const t = (JSON.parse(readFileSync(path.join(gt, f), 'utf8')) as { ground_truth?: { main_content?: string } }).ground_truth?.main_content;
  if (t) texts.push(t.replaceAll('\n', ''));
}
const chars = texts.reduce((n, t) => n + t.length, 0);
const rounds = Number(process.argv[2] ?? 3);

interface WasmVector {
  size(): number;
  delete(): void;
}
const wasm = await (await getLIDModel()).load();
const cpu = (fn: () => void): number => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
};
const rows: { wasm: number; cold: number; warm: number }[] = [];
for (let r = 0; r < rounds; r++) {
  const w = cpu(() => {
    for (const t of texts) (wasm.predict(t, 1, 0) as unknown as WasmVector).delete();
  });
  const model = loadFastText(bundledLidModel());
  const cold = cpu(() => {
    for (const t of texts) model.predict(t, 1);
  });
  const warm = cpu(() => {
    for (const t of texts) model.predict(t, 1);
  });
  rows.push({ wasm: w, cold, warm });
  console.log(`round ${r + 1}: fastText WASM ${w.toFixed(2)} s, ours cold ${cold.toFixed(2)} s, warm ${warm.toFixed(2)} s`);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = (k: 'cold' | 'warm') => rows.map((x) => x.wasm / x[k]);
console.log(`\n${texts.length} documents, ${(chars / 1e6).toFixed(1)} M characters, ${rounds} interleaved rounds`);
console.log(`| path | CPU s (median) | documents per CPU-second | MB of text per CPU-second |`);
console.log(`|---|---|---|---|`);
for (const [name, k] of [['fastText WASM (fasttext.wasm.js)', 'wasm'], ['ours, cold cache', 'cold'], ['ours, warm cache', 'warm']] as const) {
  const s = med(rows.map((x) => x[k]));
  console.log(`| ${name} | ${s.toFixed(2)} | ${(texts.length / s).toFixed(0)} | ${(chars / 1e6 / s).toFixed(1)} |`);
}
for (const k of ['cold', 'warm'] as const) console.log(`ours ${k} vs WASM: min ${Math.min(...ratio(k)).toFixed(1)}×, median ${med(ratio(k)).toFixed(1)}×`);

// Prefix bound vs whole text.
const whole = loadLanguageId('delete', null);
const prefix = loadLanguageId('delete', 100_000);
let docs = 0;
let sameLabel = 0;
let sameVerdict = 0;
for (let i = 0, n = 20; i + n <= texts.length; i += n, n = 20 + (i % 40)) {
  const text = texts.slice(i, i + n).join(' ');
  if (text.length <= 100_000) continue;
  const a = whole.predict(text);
  const b = prefix.predict(text);
  docs++;
  if (a.lang === b.lang) sameLabel++;
  if ((a.lang === 'en' && a.score > 0.65) === (b.lang === 'en' && b.score > 0.65)) sameVerdict++;
}
console.log(`\nmax_chars 100000 vs whole text on ${docs} documents of 100–400 k characters: same label ${sameLabel}/${docs}, same keep/drop (en, > 0.65) ${sameVerdict}/${docs}`);
