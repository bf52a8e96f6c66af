// `cc-pretrain inspect FILE`: what is in a WARC/WET/JSONL input, a docs Parquet file, a token
// shard or a tokenizer.json — counts and a few examples, as text or `--json`.

import { basename } from 'node:path';
import { inspectInput } from '../ingest/index.ts';
import { readDocs } from '../pipeline/doc-store.ts';
import type { Document } from '../pipeline/document.ts';
import { inspectShard } from '../shards/index.ts';
import { inspectTokenizer } from '../tokenize/index.ts';
import { parseCommandArgs } from './args.ts';
import { UsageError } from './usage.ts';

const clip = (text: string, n = 240) => (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\n/g, '\n    ');

function formatDocs(docs: readonly Document[]): string {
  return docs
    .map((d) => {
      const head = [d.id, d.url, d.lang ? `${d.lang} ${d.lang_score?.toFixed(2)}` : undefined].filter(Boolean).join('  ');
      return `- ${head}\n    ${clip(d.text)}`;
    })
    .join('\n');
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `  ${k.padEnd(32)} ${v.toLocaleString('en-US')}`)
    .join('\n');
}

async function inspectDocsFile(path: string, limit: number): Promise<{ rows: number; bySource: Record<string, number>; docs: Document[] }> {
  let rows = 0;
  const bySource = Object.create(null) as Record<string, number>; // keyed by source name
  const docs: Document[] = [];
  for await (const d of readDocs(path)) {
    rows++;
    bySource[d.source] = (bySource[d.source] ?? 0) + 1;
    if (docs.length < limit) docs.push(d);
  }
  return { rows, bySource, docs };
}

export async function inspectCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandArgs('inspect', argv, { limit: { type: 'string', default: '3' }, json: { type: 'boolean' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('inspect takes one FILE', 'inspect');
  const file = positionals[0]!;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit takes a number, not "${values.limit}"`, 'inspect');
  const print = (value: unknown, text: () => string) => process.stdout.write(values.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);

  if (file.endsWith('.parquet')) {
    const r = await inspectDocsFile(file, limit);
    print(r, () => `${file}: ${r.rows.toLocaleString('en-US')} documents\n${formatCounts(r.bySource)}\n${formatDocs(r.docs)}`);
  } else if (file.endsWith('.arrow')) {
    const r = await inspectShard(file, limit);
    print(r, () =>
      [
        `${file}: ${r.rows.toLocaleString('en-US')} rows, ${r.tokens.toLocaleString('en-US')} tokens (${r.tokens_per_row.toFixed(1)}/row), ${r.bytes.toLocaleString('en-US')} bytes, ${r.batches} batches`,
        `  source ${r.meta.source}, dtype ${r.meta.dtype}, tokenizer ${r.meta.tokenizer_sha256.slice(0, 16)}…, sha256 ${r.sha256.slice(0, 16)}…`,
        ...r.first_rows.map((row) => `- ${row.id}: ${row.tokens} tokens [${row.head.join(' ')}${row.tokens > row.head.length ? ' …' : ''}]`),
      ].join('\n'),
    );
  } else if (basename(file).endsWith('.json')) {
    const r = await inspectTokenizer(file);
    print(r, () =>
      [
        `${file}: vocabulary ${r.vocab_size.toLocaleString('en-US')}, ${r.merges.toLocaleString('en-US')} merges, special ${r.special_tokens
          .slice(0, 12)
          .map((s) => `${s.content}=${s.id}`)
          .join(' ')}${r.special_tokens.length > 12 ? ` … (${r.special_tokens.length} in all)` : ''}; documents: ${r.bos === null ? '' : `${r.bos} … `}${r.eos}`,
        `  longest tokens: ${r.longest.map((t) => JSON.stringify(t.text)).join(' ')}`,
        `  sample (${r.sample.bytes_per_token.toFixed(2)} bytes/token): ${r.sample.pieces.map((p) => JSON.stringify(p)).join(' ')}`,
      ].join('\n'),
    );
  } else {
    const r = await inspectInput(file, { limit });
    print(r, () => `${file}\n${formatCounts(r.counts)}\n${formatDocs(r.docs)}`);
  }
  return 0;
}
