// inspectInput: what `cc-pretrain inspect <file>` shows for a WARC, WET or JSONL input: the
// reader's counters over the whole input and its first few documents.

import path from 'node:path';
import type { Document } from '../pipeline/index.ts';
import { createStats } from '../pipeline/index.ts';
import { extractSchema } from './config.ts';
import { isRemote, kindOf } from './input-ref.ts';
import { readDocuments } from './read-documents.ts';

export async function inspectInput(pathOrUrl: string, opts: { limit: number }): Promise<{ counts: Record<string, number>; docs: Document[] }> {
  const location = isRemote(pathOrUrl) ? pathOrUrl : path.resolve(pathOrUrl);
  const stats = createStats();
  const docs: Document[] = [];
  const input = { source: 'inspect', kind: kindOf(location), location };
  for await (const doc of readDocuments(input, extractSchema.parse({}), stats, new AbortController().signal)) {
    if (docs.length < opts.limit) docs.push(doc);
  }
  const counts = Object.fromEntries(Object.entries(stats.counters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { counts, docs };
}
