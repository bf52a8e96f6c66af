// The `classifier` filter: scores every document with the quality model and writes
// `meta.quality_score` and `meta.quality_label` on it. With `keep: threshold` it drops documents
// scoring below the threshold here; with `keep: top_fraction` it keeps them all, because the
// cut-off depends on the whole run's scores (classifier-cutoff.ts decides it after extract and
// the tokenize stage applies it).

import type { ClassifierSettings } from './classifier-config.ts';
import type { QualityModel } from './classifier-model.ts';
import { drop, type FilterContext, type Outcome } from './types.ts';
import type { Document } from '../pipeline/index.ts';

export function classifierFilter(model: QualityModel, s: ClassifierSettings): (doc: Document, ctx: FilterContext) => Outcome {
  return (doc, ctx) => {
    const { score, label } = model.score(doc.text);
    ctx.observe('quality_score', score, ...(s.keep === 'threshold' ? [{ op: '<' as const, limit: s.threshold }] : []));
    if (s.keep === 'threshold' && score < s.threshold) return drop('below_threshold', 'quality_score', score, '<', s.threshold);
    return { keep: true, meta: { quality_score: score, quality_label: label } };
  };
}
