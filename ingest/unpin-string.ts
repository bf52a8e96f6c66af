// V8 stores a slice of a long string as a view that keeps the whole parent string alive. Text
// taken out of a page — its title, a body that is one block — can be such a slice of the page's
// HTML (268 KB on average in the bench pages, megabytes for some), and a document outlives its page:
// it waits in memory for its Parquet row group (16 M characters of text, thousands of documents)
// to fill. Pinned pages made the extract process grow with the file (a 3,000-page WARC: 909 MB
// peak RSS, 604 MB with the documents' strings unpinned; bench/ingest/fineweb.ts).

/** V8 copies slices shorter than this (SlicedString::kMinLength) instead of making views. */
const MIN_SLICE = 13;

/** `s` with storage of its own, so that holding it holds no larger string. */
export function unpinString(s: string): string {
  // Concatenating makes a cons string, and slicing a cons string flattens it into a fresh
  // sequential copy first; the result is a view of that copy only.
  return s.length < MIN_SLICE ? s : (' ' + s).slice(1);
}
