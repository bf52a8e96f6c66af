// Per-task statistics: every task writes one `TaskStats` JSON next to its outputs, and the report
// aggregates these files alone (never the documents), so they must carry everything a reader of
// the report wants: counts by kind, value histograms, and a few sampled examples.
//
// Counter names are dotted, `<group>.<key>`, with these groups shared by every stage:
//   docs.in / docs.out            documents read / written by the task
//   bytes.in / bytes.out          bytes read / written (compressed where the input is)
//   errors.<kind>                 bad input skipped, by kind (never fatal)
//   drop.<filter>                 documents a filter removed
// and stage-specific groups documented where they are counted (records.<warc-type>, charset.<name>, …).

export interface Histogram {
  /** Ascending bin edges; bin i holds edges[i-1] <= v < edges[i], with open-ended first and last bins. */
  edges: number[];
  /** `edges.length + 1` counts. */
  counts: number[];
}

export interface Example {
  id: string;
  url?: string;
  /** Why it is an example: a drop reason with its measured value, a cluster id, … */
  reason: string;
  /** The first lines of the text, cut to a few hundred characters. */
  text: string;
  /** For examples kept by nearness (`exampleNearest`): how near; the smallest are kept. */
  distance?: number;
}

export interface TaskStats {
  stage: string;
  task: string;
  source?: string;
  input?: string;
  ok: boolean;
  error?: string;
  /** Wall-clock seconds of the task. */
  seconds: number;
  /** CPU seconds (user + system) of the thread that ran the task; absent in files of older versions. */
  cpu_seconds?: number;
  counters: Record<string, number>;
  histograms: Record<string, Histogram>;
  examples: Record<string, Example[]>;
}

export interface StatsCollector {
  readonly counters: Record<string, number>;
  readonly histograms: Record<string, Histogram>;
  readonly examples: Record<string, Example[]>;
  count(name: string, n?: number): void;
  observe(name: string, value: number, edges: readonly number[]): void;
  /** Keeps the first `max` examples of each kind: deterministic for a given task. */
  example(kind: string, example: Example, max?: number): void;
  /**
   * Keeps the `max` examples of each kind with the smallest `distance` (ties: smaller id), e.g. the
   * documents nearest a threshold; `make` runs only for an example that is kept.
   */
  exampleNearest(kind: string, distance: number, id: string, make: () => Omit<Example, 'distance'>, max?: number): void;
}

export const EXAMPLE_TEXT_CHARS = 300;

export function createStats(): StatsCollector {
  // Names carry data (sources, languages, domains): objects without a prototype, so a name like
  // `constructor` or `__proto__` is an ordinary key.
  const counters = Object.create(null) as Record<string, number>;
  const histograms = Object.create(null) as Record<string, Histogram>;
  const examples = Object.create(null) as Record<string, Example[]>;
  return {
    counters,
    histograms,
    examples,
    count(name, n = 1) {
      counters[name] = (counters[name] ?? 0) + n;
    },
    observe(name, value, edges) {
      let h = histograms[name];
      if (!h) {
        h = { edges: [...edges], counts: new Array<number>(edges.length + 1).fill(0) };
        histograms[name] = h;
      }
      h.counts[binOf(h.edges, value)]! += 1;
    },
    example(kind, ex, max = 5) {
      const list = (examples[kind] ??= []);
      if (list.length < max) list.push({ ...ex, text: ex.text.slice(0, EXAMPLE_TEXT_CHARS) });
    },
    exampleNearest(kind, distance, id, make, max = 5) {
      const list = (examples[kind] ??= []);
      const worst = list[list.length - 1];
      if (list.length >= max && worst && !nearer(distance, id, worst)) return;
      const ex = make();
      list.push({ ...ex, text: ex.text.slice(0, EXAMPLE_TEXT_CHARS), distance });
      list.sort((a, b) => (nearer(a.distance ?? Infinity, a.id, b) ? -1 : 1));
      if (list.length > max) list.length = max;
    },
  };
}

function nearer(distance: number, id: string, than: Example): boolean {
  const d = than.distance ?? Infinity;
  return distance < d || (distance === d && id < than.id);
}

function binOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value < edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Sums counters and histograms of many tasks; examples are concatenated up to `maxExamples` per kind. */
export function mergeStats(
  all: readonly Pick<TaskStats, 'counters' | 'histograms' | 'examples'>[],
  maxExamples = 20,
): Pick<TaskStats, 'counters' | 'histograms' | 'examples'> {
  const out = createStats();
  for (const s of all) {
    for (const [k, v] of Object.entries(s.counters)) out.count(k, v);
    for (const [k, h] of Object.entries(s.histograms)) {
      const target = (out.histograms[k] ??= { edges: [...h.edges], counts: new Array<number>(h.counts.length).fill(0) });
      if (target.edges.length !== h.edges.length || target.edges.some((e, i) => e !== h.edges[i])) {
        throw new Error(`histogram "${k}" has different bin edges in different tasks; it cannot be merged`);
      }
      h.counts.forEach((c, i) => (target.counts[i]! += c));
    }
    for (const [k, list] of Object.entries(s.examples)) {
      for (const ex of list) {
        if (ex.distance === undefined) out.example(k, ex, maxExamples);
        else out.exampleNearest(k, ex.distance, ex.id, () => ex, maxExamples);
      }
    }
  }
  return { counters: out.counters, histograms: out.histograms, examples: out.examples };
}

/**
 * Log-spaced edges shared by every length histogram, so tasks merge: seven per decade (1, 1.5, 2,
 * 3, 4, 5, 7), so that the 1k–10k characters where most web documents lie get seven bars, not three.
 */
export const LENGTH_EDGES: readonly number[] = [
  0,
  ...[10, 100, 1000, 10_000, 100_000].flatMap((d) => [1, 1.5, 2, 3, 4, 5, 7].map((m) => m * d)),
  1_000_000,
];
