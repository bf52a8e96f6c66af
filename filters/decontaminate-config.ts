// Config of benchmark decontamination (`filters.decontaminate`): the evaluation sets a user names
// and how their word n-grams are matched. Defaults follow GPT-3's recipe as lm-evaluation-harness
// implements it (decontamination/janitor.py): 13-grams of lowercased, punctuation-free,
// whitespace-split words; `cut` removes 200 characters either side of a match, drops fragments
// shorter than 200 characters and the whole document past 10 matches.

import { z } from 'zod';

const evalSetSchema = z
  .object({
    /** Names the set in stats, reasons and the report (e.g. `mmlu`). */
    name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'),
    /** A `.jsonl` / `.jsonl.gz` / `.parquet` file, one evaluation item a row; local path. */
    path: z.string().min(1),
    /** Fields to protect, joined in this order; `a.b` reaches into objects, arrays give each element. */
    fields: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const decontaminateSchema = z
  .object({
    enabled: z.boolean(),
    sets: z.array(evalSetSchema).max(16),
    /** Words per n-gram. */
    n: z.number().int().min(1).max(64),
    /** `remove` drops a document with any overlap; `cut` cuts the overlaps out. */
    mode: z.enum(['remove', 'cut']),
    /** cut: characters removed on either side of an overlapping span. */
    margin: z.number().int().min(0),
    /** cut: fragments shorter than this many characters are dropped too. */
    min_fragment: z.number().int().min(0),
    /** cut: a document with more matching n-gram spans than this is removed whole. */
    max_matches: z.number().int().min(0),
  })
  .partial()
  .strict()
  .superRefine((cfg, ctx) => {
    if (cfg.enabled === true && !cfg.sets?.length) ctx.addIssue({ code: 'custom', path: ['sets'], message: 'decontamination is enabled but names no evaluation set' });
    const seen = new Set<string>();
    (cfg.sets ?? []).forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: ['sets', i, 'name'], message: `duplicate evaluation set name "${s.name}"` });
      seen.add(s.name);
    });
  });

export type DecontaminateConfig = z.infer<typeof decontaminateSchema>;
export type EvalSet = z.infer<typeof evalSetSchema>;

export interface DecontaminateSettings {
  sets: EvalSet[];
  n: number;
  mode: 'remove' | 'cut';
  margin: number;
  min_fragment: number;
  max_matches: number;
}

export const DECONTAMINATE_DEFAULTS: DecontaminateSettings = { sets: [], n: 13, mode: 'remove', margin: 200, min_fragment: 200, max_matches: 10 };
