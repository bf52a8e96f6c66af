// Benchmark decontamination: a document that shares a word n-gram with an evaluation set is
// removed (`remove`) or has the shared spans cut out (`cut`, GPT-3's recipe as lm-evaluation-
// harness's Janitor applies it: each matching n-gram's span plus `margin` characters either side
// is cut, fragments shorter than `min_fragment` go too, and more than `max_matches` matching
// n-grams remove the document). A per-document decision against an index built once
// (filters/decontaminate-index.ts), so it runs inside `extract` with no corpus-wide pass.
// Stats: decontaminate.docs.<set> / decontaminate.ngrams.<set> (documents and n-gram positions
// that matched), decontaminate.cut_docs / decontaminate.cut_chars, examples `cut.decontaminate`.
// A drop's rule is the set of its first matching n-gram; its reason quotes that overlap.

import type { Document, StatsCollector } from '../pipeline/index.ts';
import type { DecontaminateSettings } from './decontaminate-config.ts';
import type { EvalIndex } from './decontaminate-index.ts';
import { ngramHashes, normalisedWords } from './decontaminate-ngrams.ts';
import type { Outcome } from './types.ts';

const QUOTE_CHARS = 160;

export function decontaminate(index: EvalIndex, s: DecontaminateSettings): (doc: Document, stats: StatsCollector) => Outcome {
  const names = s.sets.map((set) => set.name);
  return (doc, stats) => {
    const words = normalisedWords(doc.text);
    const hashes = ngramHashes(words, s.n);
    const hits: number[] = [];
    const perSet = new Array<number>(names.length).fill(0);
    let firstSet = -1;
    for (let i = 0; i < hashes.length / 2; i++) {
      const at = index.ngrams.indexOf(hashes[2 * i]!, hashes[2 * i + 1]!);
      if (at < 0) continue;
      hits.push(i);
      const mask = index.masks[at]!;
      for (let k = 0; k < names.length; k++) if (mask & (1 << k)) perSet[k]!++;
      if (firstSet < 0) firstSet = 31 - Math.clz32(mask & -mask);
    }
    if (hits.length === 0) return { keep: true };
    const matched = names.filter((_, k) => perSet[k]! > 0);
    names.forEach((name, k) => {
      if (perSet[k]! === 0) return;
      stats.count(`decontaminate.docs.${name}`);
      stats.count(`decontaminate.ngrams.${name}`, perSet[k]!);
    });
    const spanOf = (i: number): [number, number] => [words.start[i]!, words.end[i + s.n - 1]!];
    const [qs, qe] = spanOf(hits[0]!);
    const quote = doc.text.slice(qs, Math.min(qe, qs + QUOTE_CHARS)).replace(/\s+/g, ' ');
    const detail = `${hits.length} ${s.n}-gram(s) shared with ${matched.join(', ')}, first "${quote}${qe - qs > QUOTE_CHARS ? '…' : ''}"`;
    const rule = names[firstSet]!;
    if (s.mode === 'remove') return { keep: false, rule, detail };
    if (hits.length > s.max_matches) return { keep: false, rule, detail: `${detail}: more than ${s.max_matches}, removed whole` };

    // Cut: the matched spans widened by the margin, merged, and the fragments between them kept.
    const fragments: string[] = [];
    let from = 0;
    let cutStart = -1;
    let cutEnd = -1;
    const flush = (until: number) => {
      if (until - from >= s.min_fragment && until > from) fragments.push(doc.text.slice(from, until));
    };
    for (const i of hits) {
      const [a, b] = spanOf(i);
      const lo = Math.max(0, a - s.margin);
      const hi = Math.min(doc.text.length, b + s.margin);
      if (cutStart >= 0 && lo <= cutEnd) {
        cutEnd = Math.max(cutEnd, hi);
        continue;
      }
      if (cutStart >= 0) from = cutEnd;
      flush(lo);
      cutStart = lo;
      cutEnd = hi;
    }
    from = cutEnd;
    flush(doc.text.length);
    const text = fragments.map((f) => f.trim()).filter((f) => f !== '').join('\n');
    if (text === '') return { keep: false, rule, detail: `${detail}: nothing left after cutting` };
    stats.count('decontaminate.cut_docs');
    stats.count('decontaminate.cut_chars', doc.text.length - text.length);
    stats.example('cut.decontaminate', { id: doc.id, ...(doc.url ? { url: doc.url } : {}), reason: detail, text: quote });
    return { keep: true, text };
  };
}
