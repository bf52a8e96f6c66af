// Language id of a reference commit's fastText reader against this tree's, in one process: first
// exactness (the same labels and the same float scores, not within a tolerance), then interleaved
// speed. Inputs: the WCXB dev gold texts, this tree's extraction of the WCXB pages, long documents
// (consecutive gold texts of 100–400 k characters, 200 extracted pages each, 3 M characters) and edge
// cases (separators only, `</s>` mid-line, label tokens, very long tokens, lone surrogates), each
// with newlines deleted and as spaces, twice on one model (cold, then warm cache): lid.176.ftz with
// the WebAssembly row summer and the JS loop (top 5), and the test fixtures' models (every label,
// one pass, the long documents left out). Speed: the gold texts (newlines deleted), a fresh model per side and
// round (cold pass) then the same texts again (warm), the side order alternating by round, CPU time.
// Usage: CC_PRETRAIN_SHARED=/work/shared node bench/filters/lid-vs-reference.ts [--ref COMMIT] [--rounds N]

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { extractMainText } from '../../ingest/html-extract.ts';
import { bundledLidModel } from '../../filters/lang-id.ts';
import { repoRoot, sharedDataDir } from '../../test/shared-data.ts';
import { median } from '../interleave.ts';
import { referenceTree } from '../reference-tree.ts';

const { values: args } = parseArgs({ options: { ref: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
const data = sharedDataDir();
if (!data) throw new Error('shared data absent: set CC_PRETRAIN_SHARED');
const { commit, dir } = referenceTree(args.ref, 'lid', ['filters'], ['node_modules']);
type Reader = typeof import('../../filters/fasttext-model.ts');
// Both readers are imported the same way, one after the other, so neither is favoured by when or how it was loaded.
const ref = (await import(path.join(dir, 'filters/fasttext-model.ts'))) as Reader;
const ours = (await import(path.join(repoRoot, 'filters/fasttext-model.ts'))) as Reader;

const wcxb = path.join(data, 'extraction/wcxb-dev');
const gold: string[] = [];
for (const f of readdirSync(path.join(wcxb, 'ground-truth')).sort()) {
  const t = (JSON.parse(readFileSync(path.join(wcxb, 'ground-truth', f), 'utf8')) as { ground_truth?: { main_content?: string } }).ground_truth?.main_content;
  if (t) gold.push(t);
}
const extracted = readdirSync(path.join(wcxb, 'html'))
  .sort()
  .map((f) => extractMainText(gunzipSync(readFileSync(path.join(wcxb, 'html', f))).toString('utf8')).text);
const long: string[] = [];
for (let i = 0, n = 20; i + n <= gold.length; i += n, n = 20 + (i % 40)) long.push(gold.slice(i, i + n).join(' '));
for (let i = 0; i + 200 <= extracted.length; i += 200) long.push(extracted.slice(i, i + 200).join('\n'));
long.push(gold.join(' ').slice(0, 3_000_000));
const edge = ['', ' ', '\t\v\f\r', '</s>', 'a </s> b c', '__label__en hello', `${'x'.repeat(70)} ${'y'.repeat(5000)}`, 'é'.repeat(100), '\u{1F600}abc \ud800 lone \udc00', 'hello\nworld', 'a\u0000b c', 'the '.repeat(300_000)];
const sets: [string, string[]][] = [['gold', gold], ['extracted', extracted], ['long', long], ['edge', edge]];

const fixtures = path.join(repoRoot, 'test/filters/fixtures/fasttext');
const models = [bundledLidModel(), ...readdirSync(fixtures).filter((f) => /\.(bin|ftz)$/.test(f)).map((f) => path.join(fixtures, f))];
let compared = 0;
let differ = 0;
for (const file of models) {
  const lid = file === bundledLidModel();
  for (const rowSummer of lid ? [true, false] : [true]) {
    const a = ref.loadFastText(file, { rowSummer });
    const b = ours.loadFastText(file, { rowSummer });
    for (let pass = 0; pass < 2; pass++) {
      for (const [name, texts] of sets) {
        if (!lid && (name === 'long' || pass === 1)) continue;
        for (const sub of ['', ' ']) {
          for (const raw of texts) {
            const text = raw.replaceAll('\n', sub);
            const k = lid && name !== 'edge' ? 5 : -1;
            const x = JSON.stringify(a.predict(text, k));
            const y = JSON.stringify(b.predict(text, k));
            compared++;
            if (x !== y && ++differ <= 5) console.log(`differs: ${path.basename(file)} ${name} ${JSON.stringify(text.slice(0, 60))}\n  ${x.slice(0, 200)}\n  ${y.slice(0, 200)}`);
          }
        }
      }
    }
  }
}
console.log(`reference ${commit.slice(0, 12)}: ${differ} of ${compared} predictions differ (${gold.length} gold, ${extracted.length} extracted, ${long.length} long, ${edge.length} edge texts; ${models.length} models)`);
if (differ > 0) process.exit(1);

const texts = gold.map((t) => t.replaceAll('\n', ''));
const cpu = (fn: () => void): number => {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e3;
};
const rows: { cold: [number, number]; warm: [number, number] }[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const row = { cold: [0, 0] as [number, number], warm: [0, 0] as [number, number] };
  for (const side of r % 2 ? [1, 0] : [0, 1]) {
    const model = (side === 0 ? ref : ours).loadFastText(bundledLidModel());
    row.cold[side] = cpu(() => texts.forEach((t) => model.predict(t, 1)));
    row.warm[side] = cpu(() => texts.forEach((t) => model.predict(t, 1)));
  }
  rows.push(row);
  console.log(`round ${r + 1}: cold ${row.cold[0].toFixed(0)} / ${row.cold[1].toFixed(0)} CPU-ms (${(row.cold[0] / row.cold[1]).toFixed(3)}x), warm ${row.warm[0].toFixed(0)} / ${row.warm[1].toFixed(0)} (${(row.warm[0] / row.warm[1]).toFixed(3)}x)`);
}
// `--rounds 0`: the exactness check alone.
for (const k of rows.length > 0 ? (['cold', 'warm'] as const) : []) {
  const ratios = rows.map((x) => x[k][0] / x[k][1]);
  console.log(`${k}: reference / this tree CPU, min ${Math.min(...ratios).toFixed(3)}x, median ${median(ratios).toFixed(3)}x`);
}
