// Turns the merged per-task stats and the run's summary files into the report's data model:
// one plain object (written as RUN/report/stats.json) from which the HTML and markdown views
// are rendered. A part whose stage did not run is null, and the views say "not run".

import type { Example, Histogram } from '../pipeline/index.ts';
import { reportSchema, type ReportConfig } from './config.ts';
import { stageTotal, type Collected, type Merged, type StageStats } from './collect.ts';
import { byPrefix, COUNTERS, EXAMPLES, FILTER_ORDER, HISTOGRAMS, NOT_FILTERS, pick, STAGES, sumPrefix } from './counters.ts';
import type { ManifestInfo, ManifestSource, PlanInfo, RunInfo, TrainPoint } from './run-files.ts';

export interface NamedCount {
  name: string;
  count: number;
}

export interface FunnelStep {
  key: string;
  label: string;
}

export interface FunnelRow {
  source: string;
  /** One value per step; null where the stage that counts it did not run or did not count it. */
  docs: (number | null)[];
  /** Share of the previous counted step; null for the first or where the two steps cover different sources. */
  ofPrevious: (number | null)[];
  /** UTF-8 bytes of text at each step from `Extracted` on (null before, or where not counted). */
  bytes: (number | null)[];
  tokens: number | null;
}

export interface Threshold {
  op: string;
  value: number;
}

export interface FilterValue {
  metric: string;
  histogram: Histogram;
  threshold: Threshold | null;
}

export interface NearThreshold {
  metric: string;
  /** Kept documents nearest the threshold, nearest first, and the dropped ones nearest it. */
  kept: Example[];
  dropped: Example[];
}

export interface FilterSection {
  name: string;
  /** Documents that reached this filter. */
  input: number | null;
  dropped: number;
  /** UTF-8 bytes of the dropped documents; null when the run did not count them. */
  droppedBytes: number | null;
  /** Drops by the document's language, largest first. */
  byLanguage: NamedCount[];
  near: NearThreshold[];
  /** Drops by rule, largest first. */
  rules: NamedCount[];
  values: FilterValue[];
  examples: Example[];
}

export interface Cluster {
  cluster: string;
  size: number;
  examples: { id: string; url?: string; text: string }[];
}

export interface StageThroughput {
  stage: string;
  /** Tasks in the stage's plan (RUN/tasks/<stage>.json); null when the plan is absent. */
  planned: number | null;
  /** Tasks that wrote stats (succeeded or failed). */
  tasks: number;
  failed: number;
  seconds: number;
  docs: number | null;
  bytes: number | null;
  docsPerS: number | null;
  mbPerS: number | null;
}

export interface ReportData {
  version: 1;
  run: { name: string; configHash: string | null; sources: string[]; stages: string[] };
  warnings: string[];
  /** `notes` says which sources enter the funnel late (JSONL sources have no WARC records). */
  funnel: { steps: FunnelStep[]; rows: FunnelRow[]; total: FunnelRow; notes: string[] } | null;
  filters: FilterSection[] | null;
  languages: { top: NamedCount[]; others: number; total: number; score: Histogram | null } | null;
  /** `charsOf` says whose characters: kept documents, or every extracted one (before filtering). */
  lengths: { chars: Histogram | null; charsOf: 'kept' | 'extracted'; tokens: Histogram | null };
  domains: { kept: NamedCount[]; dropped: NamedCount[]; tldsKept: NamedCount[]; tldsDropped: NamedCount[] } | null;
  dedup: {
    stages: string[];
    clusterSizes: Histogram | null;
    clusters: Cluster[];
    removal: { source: string; docs: number | null; removed: number; share: number | null }[];
  } | null;
  tokenizer: {
    vocabSize: number | null;
    eotId: number | null;
    sha256: string | null;
    dtype: string | null;
    bytesPerToken: { source: string; bytes: number; tokens: number; bytesPerToken: number | null }[];
  } | null;
  /** Bytes per token over every tokenized document: turns bytes removed into an estimate of tokens. */
  bytesPerToken: number | null;
  shards: { sources: ManifestSource[]; total: ManifestSource } | null;
  mixture: PlanInfo | null;
  throughput: StageThroughput[];
  failures: { stage: string; task: string; error: string }[];
  training: {
    steps: number;
    finalLoss: number | null;
    finalVal: Record<string, number>;
    meanTokensPerS: number | null;
    /** Model FLOPs utilisation as a fraction of peak. */
    meanMfu: number | null;
    loss: [number, number][];
    val: Record<string, [number, number][]>;
    tokensPerS: [number, number][];
    mfu: [number, number][];
  } | null;
}

export interface ReportInputs {
  collected: Collected;
  run: RunInfo;
  manifest: ManifestInfo | undefined;
  plan: PlanInfo | undefined;
  trainLog: TrainPoint[] | undefined;
  planned: Map<string, number>;
  warnings: string[];
}

const STAGE_ORDER = [STAGES.extract, STAGES.dedupPrefix, STAGES.tokenizer, STAGES.tokenize, 'manifest', 'train'];
const MAX_CURVE_POINTS = 600;

function stageRank(name: string): number {
  const i = STAGE_ORDER.findIndex((s) => name === s || (s === STAGES.dedupPrefix && name.startsWith(s)));
  return i < 0 ? STAGE_ORDER.length : i;
}

function reportConfig(raw: unknown, warnings: string[]): ReportConfig {
  const parsed = reportSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  warnings.push(`run.json's report section is invalid (${parsed.error.issues[0]?.message ?? ''}); defaults used`);
  return reportSchema.parse({});
}

function topCounts(map: Map<string, number>, n: number): NamedCount[] {
  return [...map.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, n);
}

function pickHistogram(m: Merged, names: readonly string[]): Histogram | null {
  for (const n of names) if (m.histograms[n]) return m.histograms[n];
  return null;
}

/** Filters in the order they ran: the run's own order, else the known order, then others as their counters appear. */
function filterNames(extract: Merged, runOrder: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const k of byPrefix(extract.counters, COUNTERS.dropPrefix).keys()) if (!NOT_FILTERS.includes(k)) seen.add(k);
  // A histogram names a filter only under an explicit prefix: bare `lang.score` is not a filter.
  for (const h of Object.keys(extract.histograms)) {
    for (const f of FILTER_ORDER) if (HISTOGRAMS.filterValuePrefixes.some((p) => p !== '' && h.startsWith(`${p}${f}.`))) seen.add(f);
  }
  // Every filter the run configured ran, even one that dropped nothing.
  for (const f of runOrder ?? []) seen.add(f);
  const order = [...(runOrder ?? []), ...FILTER_ORDER.filter((f) => !runOrder?.includes(f))];
  const known = order.filter((f) => seen.has(f));
  return [...known, ...[...seen].filter((f) => !order.includes(f))];
}

const NUM = '(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)';
const REASON_RE = new RegExp(`([A-Za-z_][\\w.]*)\\s+${NUM}\\s*(<=|>=|<|>|≤|≥|!=)\\s*${NUM}`);
/** `mean_word_length 3.02 kept (drops when mean_word_length < 3)`, from the documents near a threshold. */
const NEAR_RE = new RegExp(`drops when ([A-Za-z_][\\w.]*) (<=|>=|<|>) ${NUM}\\)`);

/** Thresholds read from drop reasons such as `gopher_quality: mean_word_length 2.1 < 3`. */
function thresholdsFrom(examples: readonly Example[]): Map<string, Threshold> {
  const out = new Map<string, Threshold>();
  for (const ex of examples) {
    const near = NEAR_RE.exec(ex.reason);
    if (near) {
      if (!out.has(near[1]!)) out.set(near[1]!, { op: near[2]!, value: Number(near[3]) });
      continue;
    }
    const m = REASON_RE.exec(ex.reason);
    if (m && !out.has(m[1]!)) out.set(m[1]!, { op: m[3]!, value: Number(m[4]) });
  }
  return out;
}

function filterExamples(extract: Merged, filter: string): Example[] {
  for (const p of EXAMPLES.dropPrefixes) {
    const list = extract.examples[`${p}${filter}`];
    if (list?.length) return list;
  }
  return [];
}

/** Per metric, the documents either side of its threshold (filters/index.ts records the nearest). */
function nearThresholds(extract: Merged, filter: string, max: number): NearThreshold[] {
  const metrics = new Set<string>();
  for (const prefix of [EXAMPLES.nearKeptPrefix, EXAMPLES.nearDroppedPrefix]) {
    for (const kind of Object.keys(extract.examples)) if (kind.startsWith(`${prefix}${filter}.`)) metrics.add(kind.slice(prefix.length + filter.length + 1));
  }
  return [...metrics].sort().map((metric) => ({
    metric,
    kept: (extract.examples[`${EXAMPLES.nearKeptPrefix}${filter}.${metric}`] ?? []).slice(0, max),
    dropped: (extract.examples[`${EXAMPLES.nearDroppedPrefix}${filter}.${metric}`] ?? []).slice(0, max),
  }));
}

function filterValues(extract: Merged, filter: string, thresholds: Map<string, Threshold>): FilterValue[] {
  const out: FilterValue[] = [];
  const taken = new Set<string>();
  for (const p of HISTOGRAMS.filterValuePrefixes) {
    const head = `${p}${filter}.`;
    for (const [name, histogram] of Object.entries(extract.histograms)) {
      if (!name.startsWith(head) || taken.has(name)) continue;
      taken.add(name);
      const metric = name.slice(head.length);
      out.push({ metric, histogram, threshold: thresholds.get(metric) ?? thresholds.get(name) ?? null });
    }
  }
  return out.sort((a, b) => a.metric.localeCompare(b.metric));
}

function downsample(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_CURVE_POINTS) return points;
  const stride = points.length / MAX_CURVE_POINTS;
  const out: [number, number][] = [];
  for (let i = 0; i < MAX_CURVE_POINTS; i++) out.push(points[Math.floor(i * stride)]!);
  out.push(points[points.length - 1]!);
  return out;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function training(log: TrainPoint[] | undefined): ReportData['training'] {
  if (!log?.length) return null;
  const series = (get: (p: TrainPoint) => number | undefined): [number, number][] =>
    downsample(log.flatMap((p) => (get(p) === undefined ? [] : [[p.step, get(p)!] as [number, number]])));
  const val = Object.create(null) as Record<string, [number, number][]>; // keyed by source name
  const sources = [...new Set(log.flatMap((p) => Object.keys(p.val)))].sort();
  for (const s of sources) val[s] = series((p) => p.val[s]);
  const finalVal = Object.create(null) as Record<string, number>;
  for (const s of sources) {
    const last = val[s]!.at(-1);
    if (last) finalVal[s] = last[1];
  }
  // The first logged steps include compilation and warm-up; the rate is the steady state.
  const steady = log.slice(Math.floor(log.length / 10));
  // MFU is a fraction here; a trainer that logs percentages is recognised by values above 1.
  const mfuScale = log.some((p) => (p.mfu ?? 0) > 1) ? 0.01 : 1;
  const mfuOf = (p: TrainPoint) => (p.mfu === undefined ? undefined : p.mfu * mfuScale);
  const loss = series((p) => p.loss);
  return {
    steps: Math.max(...log.map((p) => p.step)),
    finalLoss: loss.at(-1)?.[1] ?? null,
    finalVal,
    meanTokensPerS: mean(steady.flatMap((p) => (p.tokensPerS === undefined ? [] : [p.tokensPerS]))),
    meanMfu: mean(steady.flatMap((p) => (p.mfu === undefined ? [] : [mfuOf(p)!]))),
    loss,
    val,
    tokensPerS: series((p) => p.tokensPerS),
    mfu: series(mfuOf),
  };
}

function bytesPerTokenOf(tokenize: Merged | undefined): number | null {
  const bytes = tokenize ? pick(tokenize.counters, COUNTERS.textBytes) : undefined;
  const tokens = tokenize ? pick(tokenize.counters, COUNTERS.tokens) : undefined;
  return bytes !== undefined && tokens ? bytes / tokens : null;
}

export function aggregate(inputs: ReportInputs): ReportData {
  const { collected, run, manifest, plan } = inputs;
  const warnings = [...inputs.warnings, ...collected.warnings];
  const cfg = reportConfig(run.report, warnings);
  const stages = collected.stages;
  const extractSt = stages.get(STAGES.extract);
  const tokenizeSt = stages.get(STAGES.tokenize);
  const dedupSts = [...stages.values()].filter((s) => s.stage.startsWith(STAGES.dedupPrefix));
  const extract = extractSt ? stageTotal(extractSt) : undefined;
  const tokenize = tokenizeSt ? stageTotal(tokenizeSt) : undefined;

  const seenSources = new Set<string>();
  for (const st of stages.values()) for (const s of st.bySource.keys()) if (s) seenSources.add(s);
  for (const s of manifest?.sources ?? []) seenSources.add(s.source);
  const sources = [...run.sources, ...[...seenSources].filter((s) => !run.sources.includes(s)).sort()];

  // Funnel.
  const filters = extract ? filterNames(extract, run.filterOrder) : [];
  const steps: FunnelStep[] = [
    { key: 'warc', label: 'WARC records' },
    { key: 'html', label: 'HTML responses' },
    { key: 'extracted', label: 'Extracted' },
    ...filters.map((f) => ({ key: `filter:${f}`, label: `After ${f}` })),
    // The classifier's top-fraction cut is applied with dedup's removals, at tokenize.
    { key: 'dedup', label: tokenize?.counters['drop.classifier'] !== undefined ? 'After dedup and the classifier cut' : 'After dedup' },
  ];
  const tokensOf = (source: string | undefined): number | null => {
    if (manifest) {
      const rows = manifest.sources.filter((s) => source === undefined || s.source === source);
      return rows.length ? rows.reduce((a, s) => a + s.tokens, 0) : source === undefined ? 0 : null;
    }
    const t = tokenizeSt ? (source === undefined ? tokenize : tokenizeSt.bySource.get(source)) : undefined;
    return t ? (pick(t.counters, COUNTERS.tokens) ?? null) : null;
  };
  const funnelRow = (source: string | undefined): FunnelRow => {
    const ex = extractSt ? (source === undefined ? extract : extractSt.bySource.get(source)) : undefined;
    const tk = tokenizeSt ? (source === undefined ? tokenize : tokenizeSt.bySource.get(source)) : undefined;
    const docs: (number | null)[] = [];
    docs.push(ex ? (sumPrefix(ex.counters, COUNTERS.warcRecordsPrefix, COUNTERS.notWarcRecords) ?? null) : null);
    docs.push(ex ? (pick(ex.counters, COUNTERS.htmlResponses) ?? null) : null);
    /** What enters the filters, then what is left after each one, less its `dropPrefix` counter. */
    const throughFilters = (start: readonly string[], dropPrefix: string): (number | null)[] => {
      let remaining = ex ? (pick(ex.counters, start) ?? null) : null;
      const out = [remaining];
      for (const f of filters) {
        if (remaining !== null && ex) remaining -= ex.counters[`${dropPrefix}${f}`] ?? 0;
        out.push(remaining);
      }
      return out;
    };
    docs.push(...throughFilters(COUNTERS.extracted, COUNTERS.dropPrefix));
    docs.push(tk ? (pick(tk.counters, COUNTERS.afterDedup) ?? null) : null);
    const bytes = [null, null, ...throughFilters(COUNTERS.filterInBytes, COUNTERS.dropBytesPrefix), tk ? (pick(tk.counters, COUNTERS.textBytes) ?? null) : null];
    return { source: source ?? 'total', docs, ofPrevious: [], bytes, tokens: tokensOf(source) };
  };
  let funnel: ReportData['funnel'] = null;
  if (extractSt || tokenizeSt || manifest) {
    const rows = sources.map(funnelRow);
    const total = funnelRow(undefined);
    // Which sources each step counts: a total is comparable with the step before only over the same sources.
    const coverage = steps.map((_, i) => rows.map((r) => (r.docs[i] === null ? '0' : '1')).join(''));
    for (const row of [...rows, total]) {
      let prev = -1;
      row.ofPrevious = row.docs.map((v, i) => {
        if (v === null) return null;
        const p = prev;
        prev = i;
        if (p < 0 || !row.docs[p]) return null;
        if (row === total && coverage[p] !== coverage[i]) return null;
        return v / row.docs[p]!;
      });
    }
    const notes = rows.flatMap((r) => {
      const first = r.docs.findIndex((v) => v !== null);
      return first > 0 && rows.some((o) => o.docs[0] !== null) ? [`${r.source} enters at “${steps[first]!.label}” (it has no WARC records: not a WARC source)`] : [];
    });
    funnel = { steps, rows, total, notes };
  }

  // Filters.
  let filterSections: FilterSection[] | null = null;
  if (extract) {
    let input = pick(extract.counters, COUNTERS.extracted) ?? null;
    // A filter may also drop at tokenize (the classifier's top-fraction cut, decided run-wide).
    filterSections = filters.map((name) => {
      const late = tokenize ?? { counters: {}, histograms: {}, examples: {} };
      const count = (prefix: string) => (extract.counters[`${prefix}${name}`] ?? 0) + (late.counters[`${prefix}${name}`] ?? 0);
      const dropped = count(COUNTERS.dropPrefix);
      const examples = [...filterExamples(extract, name), ...filterExamples(late, name)];
      const rules = new Map<string, number>();
      const byLanguage = new Map<string, number>();
      for (const m of [extract, late]) {
        for (const [rule, n] of byPrefix(m.counters, `${COUNTERS.filterRulePrefix}${name}.`)) if (!rule.includes('.')) rules.set(rule, (rules.get(rule) ?? 0) + n);
        for (const [lang, n] of byPrefix(m.counters, `${COUNTERS.dropLangPrefix}${name}.`)) byLanguage.set(lang, (byLanguage.get(lang) ?? 0) + n);
      }
      const near = nearThresholds(extract, name, cfg.examples);
      const thresholds = thresholdsFrom([...examples, ...near.flatMap((n) => [...n.kept, ...n.dropped])]);
      const section: FilterSection = {
        name,
        input,
        dropped,
        droppedBytes: extract.counters[`${COUNTERS.dropBytesPrefix}${name}`] !== undefined || late.counters[`${COUNTERS.dropBytesPrefix}${name}`] !== undefined ? count(COUNTERS.dropBytesPrefix) : dropped ? null : 0,
        byLanguage: topCounts(byLanguage, cfg.top_n),
        near,
        rules: topCounts(rules, Infinity),
        values: filterValues(extract, name, thresholds),
        examples: examples.slice(0, cfg.examples),
      };
      if (input !== null) input -= dropped;
      return section;
    });
  }

  // Languages, lengths, domains.
  let languages: ReportData['languages'] = null;
  let domains: ReportData['domains'] = null;
  if (extract) {
    let langs = new Map<string, number>();
    for (const prefix of COUNTERS.langPrefixes) if (!langs.size) langs = byPrefix(extract.counters, prefix);
    const total = [...langs.values()].reduce((a, b) => a + b, 0);
    const top = topCounts(langs, cfg.top_n);
    const score = pickHistogram(extract, HISTOGRAMS.langScore);
    if (total || score) languages = { top, others: total - top.reduce((a, b) => a + b.count, 0), total, score };
    domains = {
      kept: topCounts(byPrefix(extract.counters, COUNTERS.domainKeptPrefix), cfg.top_n),
      dropped: topCounts(byPrefix(extract.counters, COUNTERS.domainDroppedPrefix), cfg.top_n),
      tldsKept: topCounts(byPrefix(extract.counters, COUNTERS.tldKeptPrefix), cfg.top_n),
      tldsDropped: topCounts(byPrefix(extract.counters, COUNTERS.tldDroppedPrefix), cfg.top_n),
    };
  }
  const keptChars = extract ? pickHistogram(extract, HISTOGRAMS.chars) : null;
  const lengths: ReportData['lengths'] = {
    chars: keptChars ?? (extract ? pickHistogram(extract, HISTOGRAMS.charsExtracted) : null),
    charsOf: keptChars ? 'kept' : 'extracted',
    tokens: tokenize ? pickHistogram(tokenize, HISTOGRAMS.tokens) : null,
  };

  // Dedup.
  let dedup: ReportData['dedup'] = null;
  if (dedupSts.length || (tokenize && pick(tokenize.counters, COUNTERS.dedupRemoved) !== undefined)) {
    let clusterSizes: Histogram | null = null;
    for (const st of dedupSts) clusterSizes ??= pickHistogram(stageTotal(st), HISTOGRAMS.clusterSize);
    const clusters: Cluster[] = [];
    for (const ex of collected.clusters) {
      let c = clusters.find((x) => x.cluster === ex.cluster);
      if (!c) {
        if (clusters.length >= cfg.top_n) continue;
        clusters.push((c = { cluster: ex.cluster, size: ex.size, examples: [] }));
      }
      if (c.examples.length < Math.max(cfg.examples, 1)) c.examples.push({ id: ex.id, ...(ex.url ? { url: ex.url } : {}), text: ex.text });
    }
    const removalFrom = (st: StageStats | undefined, base: (s: string) => number | null) =>
      sources.flatMap((source) => {
        const m = st?.bySource.get(source);
        if (!m) return [];
        // A source that lost nothing has no removal counter: it counts as 0.
        const removed = pick(m.counters, COUNTERS.dedupRemoved) ?? 0;
        const docs = base(source);
        return [{ source, docs, removed, share: docs ? removed / docs : null }];
      });
    let removal = removalFrom(tokenizeSt, (s) => {
      const m = tokenizeSt?.bySource.get(s);
      return m ? (pick(m.counters, COUNTERS.tokenizeIn) ?? null) : null;
    });
    for (const st of dedupSts) {
      if (removal.length) break;
      removal = removalFrom(st, (s) => {
        const m = extractSt?.bySource.get(s);
        return m ? (pick(m.counters, COUNTERS.keptAfterFilters) ?? null) : null;
      });
    }
    dedup = { stages: dedupSts.map((s) => s.stage), clusterSizes, clusters, removal };
  }

  // Tokenizer, shards, mixture.
  let tokenizer: ReportData['tokenizer'] = null;
  const tokenizerSt = stages.get(STAGES.tokenizer);
  if (tokenizerSt || manifest || tokenizeSt) {
    const vocabStat = tokenizerSt ? pick(stageTotal(tokenizerSt).counters, COUNTERS.vocabSize) : undefined;
    tokenizer = {
      vocabSize: manifest?.vocabSize ?? vocabStat ?? null,
      eotId: manifest?.eotId ?? null,
      sha256: manifest?.tokenizerSha256 ?? null,
      dtype: manifest?.dtype ?? null,
      bytesPerToken: sources.flatMap((source) => {
        const m = tokenizeSt?.bySource.get(source);
        if (!m) return [];
        const bytes = pick(m.counters, COUNTERS.textBytes);
        const tokens = pick(m.counters, COUNTERS.tokens);
        if (bytes === undefined || tokens === undefined) return [];
        return [{ source, bytes, tokens, bytesPerToken: tokens ? bytes / tokens : null }];
      }),
    };
  }
  const shards = manifest
    ? {
        sources: manifest.sources,
        total: manifest.sources.reduce(
          (a, s) => ({ source: 'total', shards: a.shards + s.shards, rows: a.rows + s.rows, tokens: a.tokens + s.tokens, bytes: a.bytes + s.bytes }),
          { source: 'total', shards: 0, rows: 0, tokens: 0, bytes: 0 },
        ),
      }
    : null;

  // Throughput and failures.
  const byRank = (a: string, b: string) => stageRank(a) - stageRank(b) || a.localeCompare(b);
  const ordered = [...stages.values()].sort((a, b) => byRank(a.stage, b.stage));
  const stageNames = [...new Set([...stages.keys(), ...[...inputs.planned.keys()].filter((s) => s !== STAGES.report)])].sort(byRank);
  const throughput = stageNames.map((name): StageThroughput => {
    const st = stages.get(name);
    const planned = inputs.planned.get(name) ?? null;
    if (!st) return { stage: name, planned, tasks: 0, failed: 0, seconds: 0, docs: null, bytes: null, docsPerS: null, mbPerS: null };
    const t = stageTotal(st);
    const docs = pick(t.counters, COUNTERS.docsIn) ?? null;
    const bytes = pick(t.counters, COUNTERS.bytesIn) ?? null;
    const per = (v: number | null, scale: number) => (v !== null && st.seconds > 0 ? v / scale / st.seconds : null);
    return { stage: name, planned, tasks: st.tasks, failed: st.failed, seconds: st.seconds, docs, bytes, docsPerS: per(docs, 1), mbPerS: per(bytes, 1e6) };
  });
  const failures = ordered.flatMap((st) => st.failures.map((f) => ({ stage: st.stage, ...f })));

  return {
    version: 1,
    run: { name: run.name, configHash: run.configHash ?? null, sources, stages: ordered.map((s) => s.stage) },
    warnings,
    funnel,
    filters: filterSections,
    languages,
    lengths,
    domains,
    dedup,
    tokenizer,
    bytesPerToken: bytesPerTokenOf(tokenize),
    shards,
    mixture: plan ?? null,
    throughput,
    failures,
    training: training(inputs.trainLog),
  };
}
