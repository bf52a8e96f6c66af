// `report RUN_A --against RUN_B`: two runs side by side — the funnel, each filter's drop rate and
// the tokens per source — for the question a data engineer asks after changing a config: what did
// the change do? Steps, filters and sources are aligned by name; what one run lacks shows as a gap.

import type { ReportData } from './aggregate.ts';

export interface Pair {
  name: string;
  a: number | null;
  b: number | null;
}

export interface Comparison {
  a: string;
  b: string;
  /** Documents at each funnel step, all sources. */
  funnel: Pair[];
  /** Share of its input each filter dropped. */
  filterRates: Pair[];
  /** Documents each filter dropped. */
  filterDrops: Pair[];
  /** Tokens per source in the shards, then the total. */
  tokens: Pair[];
  bytesPerToken: Pair;
}

function aligned(a: ReadonlyMap<string, number | null>, b: ReadonlyMap<string, number | null>): Pair[] {
  const names = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return names.map((name) => ({ name, a: a.get(name) ?? null, b: b.get(name) ?? null }));
}

const funnelOf = (d: ReportData) => new Map((d.funnel?.steps ?? []).map((s, i) => [s.label, d.funnel!.total.docs[i] ?? null]));
const ratesOf = (d: ReportData) => new Map((d.filters ?? []).map((f) => [f.name, f.input ? f.dropped / f.input : null]));
const dropsOf = (d: ReportData) => new Map((d.filters ?? []).map((f) => [f.name, f.dropped]));

function tokensOf(d: ReportData): Map<string, number | null> {
  const m = new Map<string, number | null>((d.funnel?.rows ?? []).map((r) => [r.source, r.tokens]));
  m.set('total', d.funnel?.total.tokens ?? null);
  return m;
}

/** `labels` name the two runs (default: their config names, which two runs of one config share). */
export function compareRuns(a: ReportData, b: ReportData, labels: [string, string] = [a.run.name, b.run.name]): Comparison {
  const tokens = aligned(tokensOf(a), tokensOf(b));
  // The total reads last whatever order the sources came in.
  tokens.push(...tokens.splice(tokens.findIndex((p) => p.name === 'total'), 1));
  return {
    a: labels[0],
    b: labels[1],
    funnel: aligned(funnelOf(a), funnelOf(b)),
    filterRates: aligned(ratesOf(a), ratesOf(b)),
    filterDrops: aligned(dropsOf(a), dropsOf(b)),
    tokens,
    bytesPerToken: { name: 'bytes per token', a: a.bytesPerToken, b: b.bytesPerToken },
  };
}
