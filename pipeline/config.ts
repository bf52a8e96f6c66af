// The run config: one YAML file, parsed once here with zod. Each part's section is defined by the
// folder that owns it; defaults reproduce the FineWeb recipe. A wrong field fails before any
// work with a message naming the field's path and what was expected. The sections come from each
// folder's config.ts directly, not its index.ts: those index files import this one.

import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sourceSchema, extractSchema } from '../ingest/config.ts';
import { filtersSchema } from '../filters/config.ts';
import { dedupSchema } from '../dedup/config.ts';
import { tokenizerSchema } from '../tokenize/config.ts';
import { shardsSchema } from '../shards/config.ts';
import { reportSchema } from '../report/config.ts';
import { trainSchema } from './train-config.ts';
import { executorSchema } from './executor-config.ts';

export const runConfigSchema = z
  .object({
    name: z.string().min(1).default('run'),
    sources: z.array(sourceSchema).min(1),
    extract: extractSchema.prefault({}),
    filters: filtersSchema.prefault({}),
    dedup: dedupSchema.prefault({}),
    tokenizer: tokenizerSchema.prefault({}),
    shards: shardsSchema.prefault({}),
    train: trainSchema.prefault({}),
    report: reportSchema.prefault({}),
    executor: executorSchema.prefault({ kind: 'local' }),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const seen = new Set<string>();
    cfg.sources.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `duplicate source name "${s.name}"` });
      seen.add(s.name);
    });
  });

export type RunConfig = z.infer<typeof runConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates a parsed config object; `origin` names the file in messages. */
export function parseRunConfig(raw: unknown, origin: string): RunConfig {
  const result = runConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
      return `  ${path}: ${issue.message}`;
    });
    throw new ConfigError(`invalid config ${origin}:\n${lines.join('\n')}`);
  }
  return result.data;
}

export async function loadRunConfig(path: string): Promise<RunConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as Error).message}`);
  }
  // Loaded here, not with the module: worker threads parse the run's JSON record (task-runner.ts)
  // and never a YAML file, and each worker would load yaml's 72 modules anew.
  const { parse: parseYaml } = await import('yaml');
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new ConfigError(`config ${path} is not valid YAML: ${(err as Error).message}`);
  }
  return parseRunConfig(raw ?? {}, path);
}

/** Identity of a run's config, so a resume with a different config is refused. Executor settings do not count. */
export function configHash(config: RunConfig): string {
  const { executor: _executor, ...rest } = config;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
}
