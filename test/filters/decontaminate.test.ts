// Benchmark decontamination: benchmark-shaped items (MMLU, ARC, GSM8K, HellaSwag field layouts,
// from JSONL and Parquet) planted at the start, middle and end of real articles with case and
// punctuation changed are all found, in `remove` and `cut` mode; the real articles themselves are
// never touched; and an extract run removes the same documents with 1 or 3 workers.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as arrow from 'apache-arrow';
import * as pw from 'parquet-wasm';
import type { Document } from '../../pipeline/document.ts';
import { createStats } from '../../pipeline/stats.ts';
import { filtersSchema } from '../../filters/config.ts';
import { createFilterPipeline } from '../../filters/index.ts';
import { repoRoot, sharedDataDir } from '../shared-data.ts';
import { tempDirs } from '../temp-dirs.ts';

const tempDir = tempDirs();

const shared = sharedDataDir();
const skip = shared ? false : 'shared data (../shared/data) is absent: the real articles are in scrapinghub/ground-truth.json';

const MMLU = [
  { question: 'Which of the following best describes the primary function of the mitochondria in eukaryotic cells during aerobic respiration?', choices: ['Protein synthesis on ribosomes', 'Production of ATP through oxidative phosphorylation', 'Storage of genetic material', 'Breakdown of lipids into glycerol'], answer: 1 },
  { question: 'A company issues bonds at a premium because the stated interest rate on the bonds is higher than the prevailing market rate for similar securities. What happens to the premium over time?', choices: ['It is amortized, reducing interest expense', 'It increases each year', 'It is recognized immediately as revenue', 'It remains unchanged'], answer: 0 },
];
const ARC = [{ question: 'Which property of a mineral can be determined just by looking at it without using any tools or performing any tests on it?', choices: { text: ['luster', 'mass', 'weight', 'hardness'], label: ['A', 'B', 'C', 'D'] }, answerKey: 'A' }];
const GSM8K = [{ question: 'Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?', answer: 'Natalia sold 48/2 = 24 clips in May. Natalia sold 48+24 = 72 clips altogether in April and May. #### 72' }];
const HELLASWAG = [{ ctx: 'A man is standing on a ladder next to a house holding a paint roller. He dips the roller into a tray of white paint and', endings: ['begins rolling it carefully across the wooden siding in long even strokes.', 'throws the ladder into the pool.', 'eats the roller.', 'starts to sing loudly into a microphone.'] }];

/** The text a page would carry: question then choices then answer, as a quiz site reprints it. */
const planted = [
  `${MMLU[0]!.question}\nA. ${MMLU[0]!.choices.join('\nB. ')}`,
  MMLU[1]!.question,
  `${ARC[0]!.question} (A) luster (B) mass`,
  `${GSM8K[0]!.question} ${GSM8K[0]!.answer}`,
  `${HELLASWAG[0]!.ctx} ${HELLASWAG[0]!.endings[0]}`,
];
const plantedSet = ['mmlu', 'mmlu', 'arc', 'gsm8k', 'hellaswag'];

/** Case and punctuation changes: upper case, commas and question marks dropped, a dash and an exclamation added. */
const disguise = (s: string, k: number) => {
  const t = k % 2 === 0 ? s.toUpperCase() : s.replace(/[,?]/g, '').replace(/ and /, ' -- and ');
  return k % 3 === 0 ? t.replace(/\. /g, '! ') : t;
};

function writeSets(dir: string) {
  const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'mmlu.jsonl'), jsonl(MMLU));
  writeFileSync(join(dir, 'gsm8k.jsonl'), jsonl(GSM8K));
  writeFileSync(join(dir, 'hellaswag.jsonl'), `${jsonl(HELLASWAG)}not json\n`);
  // ARC as Hugging Face `datasets` writes it to Parquet: `choices` a struct of two string lists.
  const strings = () => new arrow.List(new arrow.Field('item', new arrow.Utf8(), true));
  const choicesType = new arrow.Struct([new arrow.Field('text', strings(), true), new arrow.Field('label', strings(), true)]);
  const table = new arrow.Table({
    question: arrow.vectorFromArray(ARC.map((r) => r.question), new arrow.Utf8()),
    choices: arrow.vectorFromArray(ARC.map((r) => r.choices), choicesType),
    answerKey: arrow.vectorFromArray(ARC.map((r) => r.answerKey), new arrow.Utf8()),
  });
  writeFileSync(join(dir, 'arc.parquet'), pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'))));
  return [
    { name: 'mmlu', path: join(dir, 'mmlu.jsonl'), fields: ['question', 'choices'] },
    { name: 'arc', path: join(dir, 'arc.parquet'), fields: ['question', 'choices.text'] },
    { name: 'gsm8k', path: join(dir, 'gsm8k.jsonl'), fields: ['question', 'answer'] },
    { name: 'hellaswag', path: join(dir, 'hellaswag.jsonl'), fields: ['ctx', 'endings'] },
  ];
}

function articles(): Document[] {
  const truth = JSON.parse(readFileSync(join(shared!, 'extraction', 'scrapinghub', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  return Object.entries(truth)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, t]) => ({ id, text: t.articleBody, url: t.url, source: 'web', file: 'gt', meta: {} }));
}

/** Every planted item at the start, middle and end of a long real article, disguised. */
function plantedDocs(pages: Document[]): { doc: Document; set: string; item: string }[] {
  const long = pages.filter((p) => p.text.length > 3000);
  const out: { doc: Document; set: string; item: string }[] = [];
  planted.forEach((item, k) => {
    (['start', 'middle', 'end'] as const).forEach((where, w) => {
      const page = long[(3 * k + w) % long.length]!;
      const d = disguise(item, k + w);
      const mid = page.text.indexOf('\n', page.text.length >> 1);
      const text = where === 'start' ? `${d}\n${page.text}` : where === 'end' ? `${page.text}\n${d}` : `${page.text.slice(0, mid)}\n${d}${page.text.slice(mid)}`;
      out.push({ doc: { ...page, id: `${page.id}-${k}-${where}`, text }, set: plantedSet[k]!, item: d });
    });
  });
  return out;
}

const config = (sets: object[], extra: object = {}) => filtersSchema.parse({ preset: 'none', decontaminate: { sets, ...extra } });

test('remove mode finds every planted item and leaves every real article alone', { skip }, async () => {
  const dir = tempDir('decon-');
  const p = await createFilterPipeline(config(writeSets(dir)));
  const pages = articles();
  const stats = createStats();
  for (const page of pages) {
    const v = p.apply(page, stats);
    assert.equal(v.keep, true, `${page.id} removed: ${v.keep ? '' : v.reason}`);
  }
  const cases = plantedDocs(pages);
  for (const { doc, set } of cases) {
    const v = p.apply(doc, stats);
    assert.equal(v.keep, false, `planted ${doc.id} not found`);
    assert.equal(v.keep ? '' : v.filter, 'decontaminate');
    assert.match(v.keep ? '' : v.reason, new RegExp(`shared with ${set}.*\\(${set}\\)$`), doc.id);
  }
  assert.equal(stats.counters['drop.decontaminate'], cases.length);
  assert.equal(stats.counters['decontaminate.docs.mmlu'], 6);
  assert.ok(stats.counters['decontaminate.ngrams.gsm8k']! >= 3 * 30);
});

test('cut mode removes the planted text with its margin and keeps the rest of the article', { skip }, async () => {
  const dir = tempDir('decon-');
  const p = await createFilterPipeline(config(writeSets(dir), { mode: 'cut', max_matches: 1000 }));
  const stats = createStats();
  for (const { doc, item } of plantedDocs(articles())) {
    const v = p.apply(doc, stats);
    assert.equal(v.keep, true, doc.id);
    const words = item.split(/\s+/);
    const probe = words.slice(words.length >> 1, (words.length >> 1) + 4).join(' ');
    assert.ok(!v.doc.text.includes(probe), `${doc.id}: "${probe}" still there`);
    assert.ok(v.doc.text.length < doc.text.length - item.length, doc.id);
    assert.ok(v.doc.text.length > doc.text.length - item.length - 2 * 200 - 2 * 200 - 10, `${doc.id}: cut more than span, margins and two short fragments`);
  }
  assert.equal(stats.counters['decontaminate.cut_docs'], 15);
  // More matching n-grams than max_matches: the whole document goes, as GPT-3 did.
  const strict = await createFilterPipeline(config(writeSets(dir), { mode: 'cut' }));
  const gsm = plantedDocs(articles()).find((c) => c.set === 'gsm8k')!;
  const v = strict.apply(gsm.doc, createStats());
  assert.equal(v.keep, false);
  assert.match(v.keep ? '' : v.reason, /more than 10, removed whole/);
});

test('an extract run removes the same documents with 1 or 3 workers', { skip }, () => {
  const dir = tempDir('decon-run-');
  const sets = writeSets(dir);
  const docs = [...articles().slice(0, 20), ...plantedDocs(articles()).map((c) => c.doc)];
  for (let f = 0; f < 3; f++) {
    const part = docs.filter((_, i) => i % 3 === f).map((d) => JSON.stringify({ id: d.id, text: d.text, url: d.url }));
    writeFileSync(join(dir, `part-${f}.jsonl`), `${part.join('\n')}\n`);
  }
  const yaml = JSON.stringify({
    name: 'decon',
    sources: [{ name: 'web', kind: 'jsonl', paths: [join(dir, 'part-*.jsonl')] }],
    extract: { keep_removed: true },
    filters: { preset: 'none', decontaminate: { sets } },
    dedup: { minhash: { enabled: false } },
  });
  writeFileSync(join(dir, 'config.yaml'), yaml);
  const outputs = (workers: number) => {
    const out = join(dir, `out-${workers}`);
    execFileSync(process.execPath, [join(repoRoot, 'cli/main.ts'), 'extract', join(dir, 'config.yaml'), '--out', out, '--workers', String(workers)], { stdio: 'pipe' });
    const files = (sub: string) => readdirSync(join(out, sub), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
    return [...files('docs'), ...files('removed'), ...files('decontaminate')].map((f) => [f.slice(out.length), readFileSync(f).toString('base64')]);
  };
  const one = outputs(1);
  assert.ok(one.some(([f]) => f!.startsWith('/removed/decontaminate/')));
  assert.deepEqual(outputs(3), one);
});

test('the config refuses no sets or a repeated name; a missing or unknown-format set fails in one line', async () => {
  assert.throws(() => filtersSchema.parse({ decontaminate: { enabled: true } }), /names no evaluation set/);
  const set = { name: 'a', path: '/nonexistent/a.jsonl', fields: ['q'] };
  assert.throws(() => filtersSchema.parse({ decontaminate: { sets: [set, set] } }), /duplicate evaluation set name/);
  await assert.rejects(createFilterPipeline(config([set])), (err: Error) => /cannot read evaluation set a \(\/nonexistent\/a\.jsonl\)/.test(err.message) && !err.message.includes('\n'));
  const dir = tempDir('decon-fmt-');
  writeFileSync(join(dir, 'a.csv'), 'q\n');
  await assert.rejects(createFilterPipeline(config([{ ...set, path: join(dir, 'a.csv') }])), /neither \.jsonl, \.jsonl\.gz nor \.parquet/);
});
