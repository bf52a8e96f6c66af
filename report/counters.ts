// Where each number of the report comes from: the one table that maps the stages' counter,
// histogram and example names (pipeline/stats.ts conventions) to report sections. Stages are
// written by different people; when a stage renames a counter, this file is the only place to
// follow it. Each entry lists accepted names, first present wins; `…Prefix` entries are groups
// whose last part is a key (`lang.en`, `domain.kept.example.com`).

export const STAGES = {
  extract: 'extract',
  /** Every stage whose name starts with this is a dedup stage (`dedup-buckets`, `dedup-clusters`, …). */
  dedupPrefix: 'dedup',
  tokenizer: 'tokenizer',
  tokenize: 'tokenize',
  /** The report does not report on itself. */
  report: 'report',
} as const;

export const COUNTERS = {
  // Funnel, from the extract stage's stats, per source.
  /** WARC records of every type, summed over `records.<warc-type>` (ingest/warc-documents.ts)… */
  warcRecordsPrefix: 'records.',
  /** …except these, which count lines of other formats (ingest/jsonl-documents.ts). */
  notWarcRecords: ['records.jsonl'],
  /** Responses whose payload is HTML and reached the extractor. */
  htmlResponses: ['html.responses', 'responses.html', 'records.html', 'html.in'],
  /** Documents with text after extraction: what the filters see. */
  extracted: ['docs.in', 'extract.docs', 'docs.extracted'],
  /** Documents kept by every filter. */
  keptAfterFilters: ['docs.out'],
  /** `drop.<filter>`: documents a filter removed. */
  dropPrefix: 'drop.',
  /** `drop_bytes.<filter>`: UTF-8 bytes of the documents a filter removed (filters/index.ts). */
  dropBytesPrefix: 'drop_bytes.',
  /** `drop_lang.<filter>.<lang>`: a filter's removals by the document's language. */
  dropLangPrefix: 'drop_lang.',
  /** UTF-8 bytes of the text entering the filters, and of the text they kept. */
  filterInBytes: ['filter.in_bytes'],

  // Dedup, from the tokenize stage (it applies the dedup removals to every docs row), per source.
  dedupRemoved: ['dedup.removed', 'drop.dedup', 'drop.minhash', 'drop.dedup_minhash'],
  afterDedup: ['docs.out'],
  tokenizeIn: ['docs.in'],
  tokens: ['tokens.out', 'tokens', 'tokens.total'],
  /** UTF-8 bytes of the text that was tokenized (for bytes per token). */
  textBytes: ['bytes.text', 'text.bytes', 'bytes.in'],

  // Bytes read, for throughput (every stage).
  docsIn: ['docs.in'],
  bytesIn: ['bytes.in'],

  /** `filter.<filter>.<rule>`: a filter's drops by rule (filters/index.ts); keys with a further dot are not rules. */
  filterRulePrefix: 'filter.',

  // Languages (filters/index.ts counts every scored document), domains and TLDs (report/domains.ts).
  langPrefixes: ['docs.lang.', 'lang.'],
  domainKeptPrefix: 'domain.kept.',
  domainDroppedPrefix: 'domain.dropped.',
  tldKeptPrefix: 'tld.kept.',
  tldDroppedPrefix: 'tld.dropped.',

  // Tokenizer stage.
  vocabSize: ['vocab.size', 'tokenizer.vocab_size', 'vocab_size'],
} as const;

export const HISTOGRAMS = {
  langScore: ['filter.language.score', 'lang.score', 'lang_score'],
  /** Characters of kept documents (ingest/extract-stage.ts)… */
  chars: ['length.chars', 'doc.chars'],
  /** …else of every extracted document, before filtering (ingest). */
  charsExtracted: ['extract.text_chars'],
  /** Tokens of documents (tokenize stage, shards/tokenize-stage.ts). */
  tokens: ['tokens_per_doc', 'length.tokens', 'doc.tokens'],
  clusterSize: ['dedup.cluster_size', 'cluster_size', 'cluster.size'],
  /** Prefixes under which a filter records the distribution of a measured value: `<prefix><filter>.<metric>`. */
  filterValuePrefixes: ['filter.', 'filters.', 'value.', ''],
} as const;

export const EXAMPLES = {
  /** Example kinds, in any stage, holding duplicate clusters; reasons look like `cluster 17 size 42`. */
  clusters: ['dedup.cluster', 'cluster', 'clusters', 'dedup'],
  /** Example kinds of dropped documents are `<prefix><filter>` for one of these prefixes. */
  dropPrefixes: ['drop.', 'filter.', ''],
  /** `<prefix><filter>.<metric>`: the documents nearest a threshold, kept and dropped (filters/index.ts). */
  nearKeptPrefix: 'near_kept.',
  nearDroppedPrefix: 'near_dropped.',
} as const;

/**
 * The order filters run in (FineWeb's recipe, then C4's and others); filters not listed follow
 * in the order their counters first appear. Aliases name the same filter under other spellings.
 */
export const FILTER_ORDER: readonly string[] = [
  'url',
  'language',
  'lang',
  'gopher_repetition',
  'gopher_quality',
  'c4_quality',
  'c4',
  'c4_badwords',
  'fineweb_quality',
  'fineweb',
  'classifier',
];

/** Counters under `drop.` that are not filters of the extract stage. */
export const NOT_FILTERS: readonly string[] = ['dedup', 'minhash', 'dedup_minhash'];

/** Reads the first of `names` present in `counters`. */
export function pick(counters: Readonly<Record<string, number>>, names: readonly string[]): number | undefined {
  for (const n of names) if (counters[n] !== undefined) return counters[n];
  return undefined;
}

/** Sums every counter under `prefix` but those in `except`; undefined when there is none. */
export function sumPrefix(counters: Readonly<Record<string, number>>, prefix: string, except: readonly string[] = []): number | undefined {
  let total: number | undefined;
  for (const [k, v] of Object.entries(counters)) if (k.startsWith(prefix) && !except.includes(k)) total = (total ?? 0) + v;
  return total;
}

/** Counters under `prefix` keyed by what follows it. */
export function byPrefix(counters: Readonly<Record<string, number>>, prefix: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(counters)) if (k.startsWith(prefix) && k.length > prefix.length) out.set(k.slice(prefix.length), v);
  return out;
}
