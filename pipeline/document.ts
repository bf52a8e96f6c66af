// The document: one extracted web page or one line of a JSONL source, as it flows between
// stages (DESIGN.md, "Documents"). Every stage reads and writes this shape and nothing else.

export type MetaValue = string | number | boolean | null | MetaValue[] | { [key: string]: MetaValue };

export interface Document {
  /** WARC-Record-ID (`<urn:uuid:…>`) or a stable id from the source. */
  id: string;
  /** Extracted text, lines separated by `\n`. */
  text: string;
  /** The config's source name: the unit of the training mixture. */
  source: string;
  /** Input file (path or URL) the document came from. */
  file: string;
  url?: string;
  /** WARC-Date, ISO 8601. */
  date?: string;
  /** Crawl id, e.g. `CC-MAIN-2024-10`. */
  crawl?: string;
  lang?: string;
  lang_score?: number;
  /** Anything else: charset, content type, title, filter signals, dedup cluster. */
  meta: Record<string, MetaValue>;
}
