// Reads the run's small summary files the report needs besides the stats: run.json, the shard
// manifest, the training plan and the training log. Each is optional (a stage that did not run
// leaves it absent); a file that is present but unreadable becomes a warning, never a crash.
// The trainer's plan and log are read leniently, by a short list of accepted field names.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { filtersSchema, resolveFilters } from '../filters/index.ts';
import { runPaths } from '../pipeline/index.ts';

export interface RunInfo {
  name: string;
  configHash: string | undefined;
  /** Source names in config order. */
  sources: string[];
  /** The order the run's filters ran in (its filters config resolved), when run.json has one. */
  filterOrder: string[] | undefined;
  /** The run config's `report` section, unparsed. */
  report: unknown;
}

export interface ManifestSource {
  source: string;
  shards: number;
  rows: number;
  tokens: number;
  bytes: number;
}

export interface ManifestInfo {
  vocabSize: number | undefined;
  eotId: number | undefined;
  tokenizerSha256: string | undefined;
  dtype: string | undefined;
  sources: ManifestSource[];
}

export interface PlanRow {
  source: string;
  tokensAvailable: number | undefined;
  weight: number | undefined;
  tokensDrawn: number | undefined;
  epochs: number | undefined;
  /** Tokens held out for validation. */
  valTokens: number | undefined;
}

export interface PlanInfo {
  rows: PlanRow[];
  /** Other scalar facts of the plan (Chinchilla tokens, estimated time, …), for a small table. */
  facts: [string, number | string][];
}

export interface TrainPoint {
  step: number;
  loss: number | undefined;
  lr: number | undefined;
  tokensPerS: number | undefined;
  mfu: number | undefined;
  /** Validation loss per source ("all" for a blended number without a source). */
  val: Record<string, number>;
}

/** A file's text; undefined when absent, or unreadable (with a warning). */
async function readIfPresent(path: string, warnings: string[]): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warnings.push(`${path} could not be read: ${(err as Error).message}`);
    return undefined;
  }
}

async function readJsonIfPresent(path: string, warnings: string[]): Promise<unknown> {
  const text = await readIfPresent(path, warnings);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (err) {
    warnings.push(`${path} is not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

const runSchema = z.object({
  config: z
    .object({
      name: z.string().optional(),
      sources: z.array(z.object({ name: z.string() }).loose()).optional(),
      report: z.unknown().optional(),
      filters: z.unknown().optional(),
    })
    .loose(),
  config_hash: z.string().optional(),
});

export async function readRunInfo(runDir: string, warnings: string[]): Promise<RunInfo> {
  const path = runPaths.runJson(runDir);
  const raw = await readJsonIfPresent(path, warnings);
  const parsed = raw === undefined ? undefined : runSchema.safeParse(raw);
  if (parsed && !parsed.success) warnings.push(`${path} does not look like a run description: ${parsed.error.issues[0]?.message ?? ''}`);
  const run = parsed?.success ? parsed.data : undefined;
  const filters = run ? filtersSchema.safeParse(run.config.filters ?? {}) : undefined;
  if (filters && !filters.success) warnings.push(`${path}: the filters section is invalid (${filters.error.issues[0]?.message ?? ''}); filters are shown in the default order`);
  return {
    name: run?.config.name ?? 'run',
    configHash: run?.config_hash,
    sources: (run?.config.sources ?? []).map((s) => s.name),
    filterOrder: filters?.success ? resolveFilters(filters.data).order : undefined,
    report: run?.config.report,
  };
}

const count = z.number().nonnegative();
const manifestSchema = z.object({
  tokenizer: z
    .object({ vocab_size: count.optional(), eot_id: count.optional(), sha256: z.string().optional() })
    .loose()
    .optional(),
  dtype: z.string().optional(),
  shards: z.array(z.object({ source: z.string(), rows: count, tokens: count, bytes: count }).loose()).default([]),
  sources: z.record(z.string(), z.object({ shards: count, rows: count, tokens: count, bytes: count }).loose()).optional(),
});

export async function readManifest(runDir: string, warnings: string[]): Promise<ManifestInfo | undefined> {
  const path = join(runDir, 'shards', 'manifest.json');
  const raw = await readJsonIfPresent(path, warnings);
  if (raw === undefined) return undefined;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    warnings.push(`${path} left out: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}`);
    return undefined;
  }
  const m = parsed.data;
  let sources: ManifestSource[];
  if (m.sources) {
    sources = Object.entries(m.sources).map(([source, s]) => ({ source, shards: s.shards, rows: s.rows, tokens: s.tokens, bytes: s.bytes }));
  } else {
    const acc = new Map<string, ManifestSource>();
    for (const s of m.shards) {
      const row = acc.get(s.source) ?? { source: s.source, shards: 0, rows: 0, tokens: 0, bytes: 0 };
      row.shards += 1;
      row.rows += s.rows;
      row.tokens += s.tokens;
      row.bytes += s.bytes;
      acc.set(s.source, row);
    }
    sources = [...acc.values()];
  }
  return { vocabSize: m.tokenizer?.vocab_size, eotId: m.tokenizer?.eot_id, tokenizerSha256: m.tokenizer?.sha256, dtype: m.dtype, sources };
}

function num(obj: Record<string, unknown>, names: readonly string[]): number | undefined {
  for (const n of names) {
    const v = obj[n];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return undefined;
}

const PLAN_FIELDS = {
  tokensAvailable: ['tokens_available', 'available_tokens', 'tokens'],
  weight: ['weight', 'mix_weight'],
  tokensDrawn: ['tokens_drawn', 'drawn_tokens', 'tokens_to_draw', 'draw_tokens'],
  epochs: ['epochs', 'epoch', 'repetitions'],
  valTokens: ['val_tokens', 'tokens_val'],
} as const;

const record = z.record(z.string(), z.unknown());

export async function readPlan(runDir: string, warnings: string[]): Promise<PlanInfo | undefined> {
  const path = join(runDir, 'train', 'plan.json');
  const raw = await readJsonIfPresent(path, warnings);
  if (raw === undefined) return undefined;
  const top = record.safeParse(raw);
  const list = z.array(record).safeParse(raw);
  let entries: [string, Record<string, unknown>][] = [];
  const facts: [string, number | string][] = [];
  const sourcesField = top.success ? top.data['sources'] : raw;
  const asList = z.array(record).safeParse(sourcesField);
  const asMap = z.record(z.string(), record).safeParse(sourcesField);
  if (asList.success) {
    entries = asList.data.map((r, i) => [String(r['source'] ?? r['name'] ?? `source ${i + 1}`), r]);
  } else if (asMap.success) {
    entries = Object.entries(asMap.data);
  } else if (list.success) {
    entries = list.data.map((r, i) => [String(r['source'] ?? r['name'] ?? `source ${i + 1}`), r]);
  } else {
    warnings.push(`${path} has no per-source list under "sources"; the mixture plan is left out`);
    return undefined;
  }
  if (top.success && !list.success) {
    for (const [k, v] of Object.entries(top.data)) {
      if (k === 'sources') continue;
      if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') facts.push([k, v]);
    }
  }
  const rows = entries.map(([source, r]) => ({
    source,
    tokensAvailable: num(r, PLAN_FIELDS.tokensAvailable),
    weight: num(r, PLAN_FIELDS.weight),
    tokensDrawn: num(r, PLAN_FIELDS.tokensDrawn),
    epochs: num(r, PLAN_FIELDS.epochs),
    valTokens: num(r, PLAN_FIELDS.valTokens),
  }));
  return { rows, facts };
}

/** Reads RUN/train/log.jsonl; lines that are not JSON objects are counted in one warning. */
export async function readTrainLog(runDir: string, warnings: string[]): Promise<TrainPoint[] | undefined> {
  const path = join(runDir, 'train', 'log.jsonl');
  const text = await readIfPresent(path, warnings);
  if (text === undefined) return undefined;
  const points: TrainPoint[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let obj: unknown;
    try {
      // Python's json.dumps writes NaN and Infinity (a diverged or empty validation split) bare.
      obj = JSON.parse(line.replace(/\bNaN\b|-?\bInfinity\b/g, 'null'));
    } catch {
      bad += 1;
      continue;
    }
    const r = record.safeParse(obj);
    const step = r.success ? num(r.data, ['step', 'iter']) : undefined;
    if (!r.success || step === undefined) {
      bad += 1;
      continue;
    }
    const val = Object.create(null) as Record<string, number>; // keyed by source name
    for (const [k, v] of Object.entries(r.data)) {
      const m = /^val_loss(?:[/._](.+))?$/.exec(k);
      if (!m) continue;
      if (typeof v === 'number' && Number.isFinite(v)) val[m[1] ?? 'all'] = v;
      else if (m[1] === undefined && v !== null && typeof v === 'object') {
        for (const [src, x] of Object.entries(v)) if (typeof x === 'number' && Number.isFinite(x)) val[src] = x;
      }
    }
    points.push({
      step,
      loss: num(r.data, ['loss', 'train_loss']),
      lr: num(r.data, ['lr']),
      tokensPerS: num(r.data, ['tokens_per_s', 'tok_per_s', 'tokens_per_sec']),
      mfu: num(r.data, ['mfu']),
      val,
    });
  }
  if (bad) warnings.push(`${path}: ${bad} line(s) are not log records and were left out`);
  return points;
}

/** Tasks planned per stage, from RUN/tasks/<stage>.json (written before a stage's tasks run). */
export async function readPlannedTasks(runDir: string, warnings: string[]): Promise<Map<string, number>> {
  const dir = join(runDir, 'tasks');
  const planned = new Map<string, number>();
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warnings.push(`${dir} could not be read: ${(err as Error).message}`);
    return planned;
  }
  for (const f of files) {
    const stage = f.slice(0, -'.json'.length);
    const raw = await readJsonIfPresent(runPaths.plan(runDir, stage), warnings);
    if (Array.isArray(raw)) planned.set(stage, raw.length);
    else if (raw !== undefined) warnings.push(`${runPaths.plan(runDir, stage)} is not a list of tasks`);
  }
  return planned;
}
