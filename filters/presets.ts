// The recipes: which filters run, in which order, with which parameters. `fineweb` reproduces
// FineWeb v1 (datatrove v0.2.0 examples/fineweb.py), `c4` the original TFDS C4 cleaning (its
// global line dedup is the dedup stage's job), `gopher` the MassiveText quality + repetition
// rules, `none` nothing. A config's per-filter fields override the preset's.

import { C4_QUALITY_DEFAULTS, type C4QualityParams } from './c4-quality.ts';
import type { C4BadWordsParams } from './c4-badwords.ts';
import { DECONTAMINATE_DEFAULTS, type DecontaminateSettings } from './decontaminate-config.ts';
import { CLASSIFIER_DEFAULTS, type ClassifierSettings } from './classifier-config.ts';
import type { FilterName, FiltersConfig } from './config.ts';
import { FINEWEB_QUALITY_DEFAULTS, type FinewebQualityParams } from './fineweb-quality.ts';
import { GOPHER_QUALITY_DEFAULTS, type GopherQualityParams } from './gopher-quality.ts';
import { GOPHER_REPETITION_DEFAULTS, type GopherRepetitionParams } from './gopher-repetition.ts';
import type { NewlineMode } from './lang-id.ts';
import { PII_DEFAULTS, type PiiParams } from './pii.ts';

export interface UrlSettings {
  ut1: boolean;
  domain_lists: string[];
  url_lists: string[];
  default_word_lists: boolean;
  banned_words: string[];
  banned_subwords: string[];
  soft_banned_words: string[];
  soft_word_threshold: number;
}

export interface LanguageSettings {
  languages: string[];
  threshold: number;
  newlines: NewlineMode;
  max_chars: number | null;
  model: string | null;
}

export interface ResolvedFilters {
  preset: FiltersConfig['preset'];
  order: FilterName[];
  url: UrlSettings;
  language: LanguageSettings;
  gopher_repetition: GopherRepetitionParams;
  gopher_quality: GopherQualityParams;
  c4_quality: C4QualityParams;
  c4_badwords: C4BadWordsParams;
  fineweb_quality: FinewebQualityParams;
  /** null = no classifier in the order. */
  classifier: ClassifierSettings | null;
  /** null = redaction off. */
  pii: PiiParams | null;
  decontaminate: DecontaminateSettings;
}

interface Preset {
  order: FilterName[];
  ut1: boolean;
  language: LanguageSettings;
  c4_quality: C4QualityParams;
  pii: boolean;
}

const URL_DEFAULTS: Omit<UrlSettings, 'ut1'> = {
  domain_lists: [],
  url_lists: [],
  default_word_lists: true,
  banned_words: [],
  banned_subwords: [],
  soft_banned_words: [],
  soft_word_threshold: 2,
};

const PRESETS: Record<FiltersConfig['preset'], Preset> = {
  fineweb: {
    ut1: true,
    order: ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'fineweb_quality'],
    language: { languages: ['en'], threshold: 0.65, newlines: 'delete', max_chars: null, model: null },
    c4_quality: { ...C4_QUALITY_DEFAULTS, filter_no_terminal_punct: false },
    pii: true,
  },
  c4: {
    ut1: false,
    order: ['c4_quality', 'language', 'c4_badwords'],
    language: { languages: ['en'], threshold: 0.99, newlines: 'space', max_chars: null, model: null },
    c4_quality: {
      ...C4_QUALITY_DEFAULTS,
      filter_no_terminal_punct: true,
      end_marks: ['.', '?', '!', '"'],
      min_words_per_line: 5,
      min_num_sentences: 3,
      count_words: 'after_citations',
      max_page_chars: 190_000,
    },
    pii: false,
  },
  gopher: {
    ut1: false,
    order: ['language', 'gopher_quality', 'gopher_repetition'],
    language: { languages: ['en'], threshold: 0.65, newlines: 'space', max_chars: null, model: null },
    c4_quality: C4_QUALITY_DEFAULTS,
    pii: false,
  },
  none: {
    ut1: false,
    order: [],
    language: { languages: ['en'], threshold: 0.65, newlines: 'space', max_chars: null, model: null },
    c4_quality: C4_QUALITY_DEFAULTS,
    pii: false,
  },
};

function without<T extends { enabled?: boolean }>(section: T | undefined): Omit<T, 'enabled'> {
  const { enabled: _enabled, ...rest } = section ?? ({} as T);
  return rest;
}

/** The preset with the config's overrides applied; `enabled: true|false` adds or removes a filter. */
export function resolveFilters(cfg: FiltersConfig): ResolvedFilters {
  const preset = PRESETS[cfg.preset];
  let order = cfg.order ? [...cfg.order] : [...preset.order];
  for (const name of ['url', 'language', 'gopher_repetition', 'gopher_quality', 'c4_quality', 'c4_badwords', 'fineweb_quality', 'classifier', 'decontaminate'] as const) {
    const enabled = cfg[name]?.enabled ?? (name === 'decontaminate' && (cfg.decontaminate?.sets?.length ?? 0) > 0 ? true : undefined);
    if (enabled === false) order = order.filter((n) => n !== name);
    if (enabled === true && !order.includes(name)) order.push(name);
  }
  const piiOn = cfg.pii?.enabled ?? preset.pii;
  return {
    preset: cfg.preset,
    order,
    url: { ...URL_DEFAULTS, ut1: preset.ut1, ...without(cfg.url) },
    language: { ...preset.language, ...without(cfg.language) },
    gopher_repetition: { ...GOPHER_REPETITION_DEFAULTS, ...without(cfg.gopher_repetition) },
    gopher_quality: { ...GOPHER_QUALITY_DEFAULTS, ...without(cfg.gopher_quality) },
    c4_quality: { ...preset.c4_quality, ...without(cfg.c4_quality) },
    c4_badwords: { keep_fraction: 0, default_language: 'en', ...without(cfg.c4_badwords) },
    fineweb_quality: { ...FINEWEB_QUALITY_DEFAULTS, ...without(cfg.fineweb_quality) },
    classifier: order.includes('classifier') ? { ...CLASSIFIER_DEFAULTS, model: '', ...without(cfg.classifier) } : null,
    pii: piiOn ? { ...PII_DEFAULTS, ...without(cfg.pii) } : null,
    decontaminate: { ...DECONTAMINATE_DEFAULTS, ...without(cfg.decontaminate) },
  };
}
