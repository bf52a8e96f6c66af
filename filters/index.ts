// The filter stage's entry point: `createFilterPipeline(cfg)` resolves the preset, loads the lists,
// the language model and the decontamination index once, and returns `apply` (run the filters in order; first drop wins) and
// `redact` (PII). Stats written (names documented in docs/filters.md):
//   drop.<filter>                       documents the filter removed
//   filter.<filter>.<rule>              the same, by rule (datatrove's reason names)
//   filter.kept                         documents that passed every filter
//   docs.lang.<code>                    language of every document scored (kept or not)
//   filter.errors.<filter>              a filter threw on a document (the document is dropped)
//   filter.c4_badwords.no_list.<lang>   documents whose language has no bad-word list (kept)
//   pii.emails / pii.ips / pii.docs     replacements made, documents changed
//   histograms filter.<filter>.<metric> measured values, fixed edges (histograms.ts)
//   examples drop.<filter>              first dropped documents with their reasons
//   meta.quality_score / quality_label  the classifier's score and top label (docs/classifier.md)
//   decontaminate.*                     matches per evaluation set, cuts (docs/decontamination.md)

import type { Document } from '../pipeline/index.ts';
import type { StatsCollector } from '../pipeline/index.ts';
import { c4BadWords } from './c4-badwords.ts';
import { c4Quality } from './c4-quality.ts';
import { classifierFilter } from './classifier.ts';
import { loadQualityModel } from './classifier-model.ts';
import { decontaminate } from './decontaminate.ts';
import { buildEvalIndex, evalIndexDir, readEvalIndex, writeEvalIndex, type IndexSummary } from './decontaminate-index.ts';
import type { FilterName, FiltersConfig } from './config.ts';
import { finewebQuality } from './fineweb-quality.ts';
import { gopherQuality } from './gopher-quality.ts';
import { gopherRepetition } from './gopher-repetition.ts';
import { edgesFor } from './histograms.ts';
import { loadLanguageId } from './lang-id.ts';
import { piiRedactor } from './pii.ts';
import { resolveFilters, type ResolvedFilters } from './presets.ts';
import { fmt, type Bound, type FilterContext, type Outcome } from './types.ts';
import { loadUrlLists, urlFilter } from './url-filter.ts';
import { UT1_DIR, UT1_MISSING, ut1DomainsFile, ut1Present } from './ut1.ts';
import { createTextMemo } from './text-memo.ts';
import { createUnitCopy } from './units.ts';

export { filtersSchema, FILTER_NAMES, type FiltersConfig, type FilterName } from './config.ts';
export { resolveFilters, type ResolvedFilters } from './presets.ts';
export { classifierSchema, type ClassifierSettings } from './classifier-config.ts';
export { loadQualityModel, fastTextLabel, fastTextLine, ModelFileError, type QualityModel } from './classifier-model.ts';
export { classifierCutoffStage, createScoreRecorder, openQualityCut, type ScoreRecorder } from './classifier-cutoff.ts';
export { loadFastText, type FastTextArgs, type FastTextModel, type FastTextPrediction } from './fasttext-model.ts';
export { BLOCK, END, LOOP, WASM_HEADER, WASM_PAGE, br, brIf, get, i32c, i64c, section, set, str, tee, uleb, wasm, type WasmMemory } from './wasm-module.ts';

/** What a config needs that is not there (the UT1 lists, looked for in `ut1Dir`), as one line; null when all is present. */
export function missingFilterAssets(cfg: FiltersConfig, ut1Dir = UT1_DIR): string | null {
  const r = resolveFilters(cfg);
  if (r.order.includes('url') && r.url.ut1 && !ut1Present(ut1Dir)) return UT1_MISSING;
  return null;
}

/** The files every worker's pipeline reads whole, to be shared between worker threads (pipeline/shared-files.ts). */
export function sharedFilterFiles(cfg: FiltersConfig, ut1Dir = UT1_DIR): string[] {
  const r = resolveFilters(cfg);
  return r.order.includes('url') && r.url.ut1 && ut1Present(ut1Dir) ? [ut1DomainsFile(ut1Dir)] : [];
}

export interface FilterOptions {
  /** The run folder, where `prepareFilters` left the decontamination index; without it the index is built here. */
  runDir?: string;
}

/**
 * Work done once per run, before any task (the extract stage's planning): the decontamination
 * index. Returns its summary, or null when decontamination is off.
 */
export async function prepareFilters(cfg: FiltersConfig, runDir: string): Promise<IndexSummary | null> {
  const r = resolveFilters(cfg);
  if (!r.order.includes('decontaminate')) return null;
  const dir = evalIndexDir(runDir);
  const existing = await readEvalIndex(dir, r.decontaminate);
  if (existing) return existing.summary;
  const index = await buildEvalIndex(r.decontaminate);
  await writeEvalIndex(dir, r.decontaminate, index);
  return index.summary;
}

export type FilterVerdict = { keep: true; doc: Document } | { keep: false; doc: Document; filter: string; reason: string };

export interface FilterPipeline {
  apply(doc: Document, stats: StatsCollector): FilterVerdict;
  redact(doc: Document, stats: StatsCollector): Document;
}

type Step = (doc: Document, ctx: FilterContext, stats: StatsCollector) => Outcome;

interface Checked {
  keys: MetricKeys;
  value: number;
  limits: readonly Bound[];
}

const fails = (v: number, b: Bound): boolean => (b.op === '<' ? v < b.limit : b.op === '<=' ? v <= b.limit : b.op === '>' ? v > b.limit : v >= b.limit);

/**
 * The documents either side of each threshold, nearest first (relative distance to the limit):
 * `near_kept.<filter>.<metric>` for those a filter kept, `near_dropped.…` for those the limit dropped.
 */
function recordNearest(stats: StatsCollector, doc: Document, checked: readonly Checked[], kept: boolean): void {
  for (let i = 0; i < checked.length; i++) {
    const { keys, value, limits } = checked[i]!;
    let nearest: Bound | undefined;
    let distance = Infinity;
    for (const b of limits) {
      if (!kept && !fails(value, b)) continue;
      const d = Math.abs(value - b.limit) / Math.max(Math.abs(b.limit), 1e-9);
      if (d < distance) [nearest, distance] = [b, d];
    }
    if (!nearest) continue;
    const b = nearest;
    const metric = keys.metric;
    stats.exampleNearest(kept ? keys.nearKept : keys.nearDropped, distance, doc.id, () => ({
      id: doc.id,
      ...(doc.url ? { url: doc.url } : {}),
      reason: `${metric} ${fmt(value)} ${kept ? 'kept' : 'dropped'} (drops when ${metric} ${b.op} ${fmt(b.limit)})`,
      text: doc.text,
    }));
  }
}

/** The stats names of one filter's metric and its histogram's edges. */
interface MetricKeys {
  metric: string;
  /** `filter.<filter>.<metric>`. */
  histogram: string;
  edges: readonly number[];
  /** `near_kept.<filter>.<metric>`. */
  nearKept: string;
  /** `near_dropped.<filter>.<metric>`. */
  nearDropped: string;
}

/**
 * A filter's metric's stats names, made once per pair: a key concatenated per observation is a
 * new string that every stats lookup must flatten and hash again (a few dozen per document), and
 * one record serves the histogram and both example kinds.
 */
function metricKeys(): (filter: string, metric: string) => MetricKeys {
  const made = new Map<string, Map<string, MetricKeys>>();
  return (filter, metric) => {
    let byMetric = made.get(filter);
    if (!byMetric) made.set(filter, (byMetric = new Map()));
    let keys = byMetric.get(metric);
    if (keys === undefined) {
      const name = `${filter}.${metric}`;
      keys = { metric, histogram: `filter.${name}`, edges: edgesFor(metric), nearKept: `near_kept.${name}`, nearDropped: `near_dropped.${name}` };
      byMetric.set(metric, keys);
    }
    return keys;
  };
}

function languageStep(s: ResolvedFilters['language']): Step {
  const wanted = new Set(s.languages);
  return (doc) => {
    const lang = doc.lang ?? 'unknown';
    const score = doc.lang_score ?? 0;
    if (wanted.size > 0 && !wanted.has(lang)) return { keep: false, rule: 'language', detail: `language ${lang} (${score.toFixed(3)}) not in [${s.languages.join(', ')}]` };
    if (!(score > s.threshold)) return { keep: false, rule: 'language_score', detail: `${lang} score ${score.toFixed(3)} <= ${s.threshold}` };
    return { keep: true };
  };
}

async function buildSteps(r: ResolvedFilters, options: FilterOptions): Promise<Map<FilterName, Step>> {
  const steps = new Map<FilterName, Step>();
  for (const name of r.order) {
    switch (name) {
      case 'url': {
        const f = urlFilter(await loadUrlLists(r.url), { soft_word_threshold: r.url.soft_word_threshold });
        steps.set(name, (doc) => f(doc));
        break;
      }
      case 'language':
        break;
      case 'gopher_repetition':
        steps.set(name, gopherRepetition(r.gopher_repetition));
        break;
      case 'gopher_quality':
        steps.set(name, gopherQuality(r.gopher_quality));
        break;
      case 'c4_quality':
        steps.set(name, c4Quality(r.c4_quality));
        break;
      case 'c4_badwords': {
        const f = c4BadWords(r.c4_badwords);
        steps.set(name, (doc, _ctx, stats) => f(doc, (lang) => stats.count(`filter.c4_badwords.no_list.${lang}`)));
        break;
      }
      case 'fineweb_quality':
        steps.set(name, finewebQuality(r.fineweb_quality));
        break;
      case 'decontaminate': {
        const saved = options.runDir === undefined ? null : await readEvalIndex(evalIndexDir(options.runDir), r.decontaminate);
        const f = decontaminate(saved ?? (await buildEvalIndex(r.decontaminate)), r.decontaminate);
        steps.set(name, (doc, _ctx, stats) => f(doc, stats));
        break;
      }
      case 'classifier':
        steps.set(name, classifierFilter(await loadQualityModel(r.classifier!), r.classifier!));
        break;
    }
  }
  return steps;
}

/** Loads the configured quality model once, so a bad file or label fails the run before any work. */
export async function checkClassifierModel(cfg: FiltersConfig): Promise<void> {
  const c = resolveFilters(cfg).classifier;
  if (c) await loadQualityModel(c);
}

export async function createFilterPipeline(cfg: FiltersConfig, options: FilterOptions = {}): Promise<FilterPipeline> {
  const r = resolveFilters(cfg);
  const steps = await buildSteps(r, options);
  const lid = r.order.includes('language') ? loadLanguageId(r.language.newlines, r.language.max_chars, r.language.model) : undefined;
  if (lid) steps.set('language', languageStep(r.language));
  const redactor = r.pii ? piiRedactor(r.pii) : undefined;
  const keysOf = metricKeys();
  // One buffer for every document's word scan, not one per document's memo.
  const units = createUnitCopy();

  const identify = (doc: Document, stats: StatsCollector): Document => {
    if (!lid) return doc;
    const { lang, score } = lid.predict(doc.text);
    stats.count(`docs.lang.${lang}`);
    stats.observe('filter.language.score', score, edgesFor('score'));
    return { ...doc, lang, lang_score: score };
  };

  return {
    apply(input, stats) {
      let doc = input;
      let current: FilterName = 'url';
      /** This step's measured values that have thresholds: for the documents nearest them. */
      const checked: Checked[] = [];
      const ctx: FilterContext = {
        ...createTextMemo(units),
        observe(metric, value, ...limits) {
          if (!Number.isFinite(value)) return;
          const keys = keysOf(current, metric);
          stats.observe(keys.histogram, value, keys.edges);
          if (limits.length) checked.push({ keys, value, limits });
        },
      };
      const bytes = Buffer.byteLength(doc.text);
      stats.count('filter.in_bytes', bytes);
      let identified = false;
      for (const name of r.order) {
        current = name;
        checked.length = 0;
        if (name === 'language') {
          doc = identify(doc, stats);
          identified = true;
          checked.push({ keys: keysOf('language', 'score'), value: doc.lang_score ?? 0, limits: [{ op: '<=', limit: r.language.threshold }] });
        }
        let out: Outcome;
        try {
          out = steps.get(name)!(doc, ctx, stats);
        } catch (err) {
          stats.count(`filter.errors.${name}`);
          out = { keep: false, rule: 'error', detail: `filter failed: ${(err as Error).message}` };
        }
        if (!out.keep) {
          if (lid && !identified) doc = identify(doc, stats);
          const reason = `${name}: ${out.detail} (${out.rule})`;
          stats.count(`drop.${name}`);
          stats.count(`drop_bytes.${name}`, bytes);
          stats.count(`drop_lang.${name}.${doc.lang ?? 'unknown'}`);
          stats.count(`filter.${name}.${out.rule}`);
          stats.example(`drop.${name}`, { id: doc.id, ...(doc.url ? { url: doc.url } : {}), reason, text: doc.text });
          recordNearest(stats, doc, checked, false);
          return { keep: false, doc, filter: name, reason };
        }
        recordNearest(stats, doc, checked, true);
        if (out.text !== undefined && out.text !== doc.text) doc = { ...doc, text: out.text };
        if (out.meta) doc = { ...doc, meta: { ...doc.meta, ...out.meta } };
      }
      stats.count('filter.kept');
      stats.count('filter.kept_bytes', Buffer.byteLength(doc.text));
      return { keep: true, doc };
    },
    redact(doc, stats) {
      if (!redactor) return doc;
      const { text, emails, ips } = redactor(doc.text);
      if (emails + ips === 0) return doc;
      stats.count('pii.emails', emails);
      stats.count('pii.ips', ips);
      stats.count('pii.docs');
      return { ...doc, text };
    },
  };
}
