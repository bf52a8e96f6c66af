// Why an input file yielded no document at all, in words for the stage summary: an empty file,
// bytes that are not WARC or JSONL, a WARC with no HTML response, JSON lines without text. Read off
// the task's counters, which the readers already keep by kind.

type Counters = Readonly<Record<string, number>>;

const sumOf = (c: Counters, prefix: string): number => Object.entries(c).reduce((n, [k, v]) => (k.startsWith(prefix) ? n + v : n), 0);

function listOf(c: Counters, prefix: string): string {
  return Object.entries(c)
    .filter(([k, v]) => k.startsWith(prefix) && v > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k.slice(prefix.length)} ${v}`)
    .join(', ');
}

/** undefined when the input yielded documents; else the reason it yielded none. */
export function explainEmptyInput(c: Counters): string | undefined {
  if ((c['docs.in'] ?? 0) > 0) return undefined;
  if ((c['bytes.in'] ?? 0) === 0) return 'empty file';
  const records = sumOf(c, 'records.');
  const errors = sumOf(c, 'errors.');
  if (records === 0) return errors > 0 ? `not readable as WARC or JSONL (${listOf(c, 'errors.')})` : 'no records';
  const jsonl = c['records.jsonl'] ?? 0;
  if (jsonl > 0) {
    const parse = c['errors.jsonl_parse'] ?? 0;
    if (parse === jsonl) return `none of its ${jsonl} lines is JSON`;
    return `no line with text (${listOf(c, 'errors.') || `${jsonl} lines, all empty`})`;
  }
  const html = c['html.responses'] ?? 0;
  if (html === 0) {
    const skipped = listOf(c, 'skipped.');
    return `no HTML response among its ${records} WARC records (${listOf(c, 'records.')}${skipped ? `; skipped: ${skipped}` : ''})`;
  }
  return `no main text in its ${html} HTML pages${errors ? ` (${listOf(c, 'errors.')})` : ''}`;
}
