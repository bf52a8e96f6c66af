// Config of the quality filters: a preset (FineWeb by default) and per-filter overrides. Every
// field of a filter section is optional; what is not set comes from the preset (filters/presets.ts),
// so `filters: { preset: c4, language: { threshold: 0.9 } }` changes one number of the C4 recipe.

import { z } from 'zod';
import { classifierSchema } from './classifier-config.ts';
import { decontaminateSchema } from './decontaminate-config.ts';

export const FILTER_NAMES = ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'c4_badwords', 'fineweb_quality', 'classifier', 'decontaminate'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const ratio = z.number().min(0).nullable();
const pairs = z.array(z.tuple([z.number().int().min(1), z.number().min(0)]));

const urlSchema = z
  .object({
    enabled: z.boolean(),
    /** UT1's adult domain and URL lists as FineWeb used them (fetched by `npm run setup`); on in `fineweb`. */
    ut1: z.boolean(),
    /** Domain block-list files (one domain per line, `#` comments, `.gz` allowed), e.g. UT1 `adult/domains`. */
    domain_lists: z.array(z.string().min(1)),
    /** Exact-URL block-list files, e.g. UT1 `adult/urls`. */
    url_lists: z.array(z.string().min(1)),
    /** Use the shipped banned word / sub-word / soft word lists (datatrove's). */
    default_word_lists: z.boolean(),
    banned_words: z.array(z.string()),
    banned_subwords: z.array(z.string()),
    soft_banned_words: z.array(z.string()),
    soft_word_threshold: z.number().int().min(1),
  })
  .partial()
  .strict();

const languageSchema = z
  .object({
    enabled: z.boolean(),
    /** Languages kept (fastText lid.176 codes); empty = any language above the threshold. */
    languages: z.array(z.string().min(1)),
    threshold: z.number().min(0).max(1),
    newlines: z.enum(['delete', 'space']),
    /** Classify only the first this many characters; null (every preset's default) = whole text, as FineWeb. */
    max_chars: z.number().int().min(1).nullable(),
    /** fastText model file, `.bin` or `.ftz` (e.g. lid.176.bin as FineWeb ran); null = the bundled lid.176.ftz. */
    model: z.string().min(1).nullable(),
  })
  .partial()
  .strict();

const gopherRepetitionSchema = z
  .object({
    enabled: z.boolean(),
    dup_para_frac: ratio,
    dup_para_char_frac: ratio,
    dup_line_frac: ratio,
    dup_line_char_frac: ratio,
    top_n_grams: pairs,
    dup_n_grams: pairs,
    lines: z.enum(['splitlines', 'newline_runs']),
  })
  .partial()
  .strict();

const gopherQualitySchema = z
  .object({
    enabled: z.boolean(),
    min_doc_words: z.number().int().min(0).nullable(),
    max_doc_words: z.number().int().min(0).nullable(),
    min_avg_word_length: ratio,
    max_avg_word_length: ratio,
    max_symbol_word_ratio: ratio,
    max_bullet_lines_ratio: ratio,
    max_ellipsis_lines_ratio: ratio,
    max_non_alpha_words_ratio: ratio,
    min_stop_words: z.number().int().min(0).nullable(),
    stop_words: z.array(z.string().min(1)),
    stop_word_count: z.enum(['occurrences', 'distinct']),
  })
  .partial()
  .strict();

const c4QualitySchema = z
  .object({
    enabled: z.boolean(),
    split_paragraph: z.boolean(),
    remove_citations: z.boolean(),
    filter_no_terminal_punct: z.boolean(),
    end_marks: z.array(z.string().min(1)),
    min_num_sentences: z.number().int().min(-1),
    min_words_per_line: z.number().int().min(-1),
    max_word_length: z.number().int().min(-1),
    filter_lorem_ipsum: z.boolean(),
    filter_javascript: z.boolean(),
    filter_curly_bracket: z.boolean(),
    filter_policy: z.boolean(),
    count_words: z.enum(['before_citations', 'after_citations']),
    max_page_chars: z.number().int().min(1).nullable(),
  })
  .partial()
  .strict();

const c4BadWordsSchema = z
  .object({
    enabled: z.boolean(),
    keep_fraction: z.number().min(0).max(1),
    default_language: z.string().min(1),
  })
  .partial()
  .strict();

const finewebQualitySchema = z
  .object({
    enabled: z.boolean(),
    line_punct_thr: z.number().min(0),
    line_punct_exclude_zero: z.boolean(),
    short_line_thr: z.number().min(0),
    short_line_length: z.number().int().min(0),
    char_duplicates_ratio: z.number().min(0),
    new_line_ratio: z.number().min(0),
    stop_chars: z.array(z.string().min(1)),
    variant: z.enum(['fineweb', 'head']),
  })
  .partial()
  .strict();

const piiSchema = z
  .object({
    enabled: z.boolean(),
    remove_emails: z.boolean(),
    remove_ips: z.boolean(),
    only_remove_public_ips: z.boolean(),
    email_replacement: z.array(z.string()).min(1),
    ip_replacement: z.array(z.string()).min(1),
    mixed_case_emails: z.boolean(),
  })
  .partial()
  .strict();

export const filtersSchema = z
  .object({
    preset: z.enum(['fineweb', 'c4', 'gopher', 'none']).default('fineweb'),
    /** Order of the filters; the preset's order when absent. Filters not listed do not run. */
    order: z.array(z.enum(FILTER_NAMES)).optional(),
    url: urlSchema.optional(),
    language: languageSchema.optional(),
    gopher_repetition: gopherRepetitionSchema.optional(),
    gopher_quality: gopherQualitySchema.optional(),
    c4_quality: c4QualitySchema.optional(),
    c4_badwords: c4BadWordsSchema.optional(),
    fineweb_quality: finewebQualitySchema.optional(),
    classifier: classifierSchema.optional(),
    pii: piiSchema.optional(),
    /** Benchmark decontamination (filters/decontaminate.ts); runs, last, when it names sets. */
    decontaminate: decontaminateSchema.optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const c = cfg.classifier;
    const on = c?.enabled === true || (c?.enabled !== false && cfg.order?.includes('classifier'));
    if (on && !c?.model) ctx.addIssue({ code: 'custom', path: ['classifier', 'model'], message: 'the classifier needs a model file' });
  });

export type FiltersConfig = z.infer<typeof filtersSchema>;
