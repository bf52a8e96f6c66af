// The MinHash bench corpus: real main-content texts (the gold texts of the two extraction
// benchmarks in ../shared/data/extraction) plus planted near-duplicates of a seeded subset: exact
// copies, case/punctuation-only copies, and word-edit variants at 2–30% edit rates. Deterministic.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../test/dedup/corpus.ts';

export interface BenchDoc {
  id: string;
  text: string;
}

export function buildCorpus(dataDir: string): BenchDoc[] {
  const originals: BenchDoc[] = [];
  const sh = JSON.parse(readFileSync(join(dataDir, 'extraction/scrapinghub/ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  for (const [id, v] of Object.entries(sh)) if (v.articleBody) originals.push({ id: `sh-${id.slice(0, 12)}`, text: v.articleBody });
  const gtDir = join(dataDir, 'extraction/wcxb-dev/ground-truth');
  for (const f of readdirSync(gtDir).sort()) {
    const gt = JSON.parse(readFileSync(join(gtDir, f), 'utf8')) as { ground_truth?: { main_content?: string } };
    const text = gt.ground_truth?.main_content;
    if (text) originals.push({ id: `wcxb-${f.slice(0, -5)}`, text });
  }
  const next = rng(2024);
  const docs = [...originals];
  const rates = [0, -1, 0.02, 0.05, 0.1, 0.2, 0.3];
  originals.forEach((doc, i) => {
    if (next() >= 0.4) return;
    const rate = rates[i % rates.length]!;
    docs.push({ id: `${doc.id}~${rate}`, text: rate === -1 ? restyle(doc.text) : rate === 0 ? doc.text : edit(doc.text, rate, next) });
  });
  // A fixed shuffle so copies are spread through the file.
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [docs[i], docs[j]] = [docs[j]!, docs[i]!];
  }
  return docs;
}

/** Same words, different case and punctuation: identical after normalisation. */
function restyle(text: string): string {
  return text.toUpperCase().replace(/\./g, '!').replace(/,/g, ' ;');
}

/** Replaces, deletes or inserts words at `rate` per word. */
function edit(text: string, rate: number, next: () => number): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .flatMap((w) => {
          if (next() >= rate) return [w];
          const r = next();
          return r < 0.4 ? ['edited'] : r < 0.7 ? [] : [w, 'inserted'];
        })
        .join(' '),
    )
    .join('\n');
}
