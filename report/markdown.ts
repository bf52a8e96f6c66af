// The markdown view of the report, for a terminal or a CI job summary: the same sections as
// the HTML page, as tables, without charts.

import type { ReportData } from './aggregate.ts';
import type { Comparison, Pair } from './compare.ts';
import { fmtBytes, fmtCompact, fmtFixed, fmtInt, fmtPct, fmtSeconds, fmtShare, fmtSig } from './format.ts';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [head, align, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

function notRun(what: string): string {
  return `_Not run: ${what}_`;
}

function comparisonLines(c: Comparison): string[] {
  const row = (p: Pair, format: (n: number | null) => string, asPoints = false) => [
    p.name,
    format(p.a),
    format(p.b),
    p.a === null || p.b === null ? '—' : asPoints ? `${p.b - p.a >= 0 ? '+' : ''}${fmtFixed((p.b - p.a) * 100, 1)} pp` : p.a ? `×${fmtFixed(p.b / p.a, 3)}` : '—',
  ];
  const rate = (n: number | null) => (n === null ? '—' : fmtShare(n));
  return [
    `## Against ${c.b}`,
    '',
    table(['Step', c.a, c.b, 'Change'], c.funnel.map((p) => row(p, fmtInt))),
    '',
    table(['Filter: share dropped', c.a, c.b, 'Change'], c.filterRates.map((p) => row(p, rate, true))),
    '',
    table(['Tokens', c.a, c.b, 'Change'], [...c.tokens.map((p) => row(p, fmtInt)), row(c.bytesPerToken, (n) => fmtFixed(n))]),
    '',
  ];
}

/** The markdown view; with `comparison`, the comparison with another run comes first. */
export function renderMarkdown(d: ReportData, comparison?: Comparison): string {
  const out: string[] = [`# Dataset report — ${d.run.name}`, ''];
  if (comparison) out.push(...comparisonLines(comparison));
  out.push(`Sources: ${d.run.sources.join(', ') || '—'} · stages: ${d.run.stages.join(' → ') || 'none'}${d.run.configHash ? ` · config ${d.run.configHash}` : ''}`, '');
  if (d.warnings.length) out.push(`> ${d.warnings.length} warning(s): ${d.warnings.slice(0, 5).join('; ')}`, '');

  out.push('## Funnel', '');
  const f = d.funnel;
  if (f) {
    const cols = [...f.rows, f.total];
    const rows = f.steps.map((s, i) => [
      s.label,
      ...cols.map((r) => {
        const v = r.docs[i] ?? null;
        const share = r.ofPrevious[i] ?? null;
        return v === null ? '—' : `${fmtInt(v)}${share !== null ? ` (${fmtShare(share)})` : ''}`;
      }),
    ]);
    rows.push(['Tokens', ...cols.map((r) => fmtInt(r.tokens))]);
    out.push(table(['Step', ...f.rows.map((r) => r.source), 'Total'], rows));
    if (f.notes.length) out.push('', `${f.notes.join('; ')}.`);
  } else out.push(notRun('no extract, tokenize or manifest output.'));

  out.push('', '## Filters', '');
  if (d.filters?.length) {
    const extracted = d.filters[0]?.input ?? null;
    out.push(
      table(
        ['Filter', 'Input', 'Dropped', 'Of its input', 'Of extracted', 'Dropped text', '≈ Tokens', 'Top rules', 'Top languages'],
        d.filters.map((x) => [
          x.name,
          fmtInt(x.input),
          fmtInt(x.dropped),
          fmtPct(x.dropped, x.input),
          fmtPct(x.dropped, extracted),
          fmtBytes(x.droppedBytes),
          x.droppedBytes !== null && d.bytesPerToken ? fmtCompact(x.droppedBytes / d.bytesPerToken) : '—',
          x.rules.slice(0, 3).map((r) => `${r.name} ${fmtInt(r.count)}`).join(', '),
          x.byLanguage.slice(0, 3).map((l) => `${l.name} ${fmtInt(l.count)}`).join(', '),
        ]),
      ),
    );
  } else out.push(d.filters ? '_No filter dropped any document._' : notRun('the extract stage has no stats.'));

  out.push('', '## Languages', '');
  if (d.languages) out.push(table(['Language', 'Documents', 'Share'], [...d.languages.top.map((l) => [l.name, fmtInt(l.count), fmtPct(l.count, d.languages!.total)]), ['others', fmtInt(d.languages.others), fmtPct(d.languages.others, d.languages.total)]]));
  else out.push(notRun('no language counts.'));

  out.push('', '## Domains', '');
  if (d.domains && (d.domains.kept.length || d.domains.dropped.length)) {
    const n = Math.max(d.domains.kept.length, d.domains.dropped.length);
    const rows = Array.from({ length: n }, (_, i) => {
      const k = d.domains!.kept[i];
      const x = d.domains!.dropped[i];
      return [k?.name ?? '', k ? fmtInt(k.count) : '', x?.name ?? '', x ? fmtInt(x.count) : ''];
    });
    out.push(table(['Kept domain', 'Documents', 'Dropped domain', 'Documents'], rows));
  } else out.push(notRun('no domain counts.'));

  out.push('', '## Dedup', '');
  if (d.dedup) {
    if (d.dedup.removal.length) out.push(table(['Source', 'Documents', 'Removed', 'Share'], d.dedup.removal.map((r) => [r.source, fmtInt(r.docs), fmtInt(r.removed), fmtShare(r.share)])), '');
    if (d.dedup.clusters.length) out.push(table(['Cluster', 'Size', 'Example'], d.dedup.clusters.map((c) => [c.cluster, fmtInt(c.size), c.examples[0]?.url ?? c.examples[0]?.id ?? ''])));
  } else out.push(notRun('no dedup stage ran.'));

  out.push('', '## Tokenizer', '');
  if (d.tokenizer) {
    out.push(`Vocabulary: ${fmtInt(d.tokenizer.vocabSize)} · end-of-text id: ${fmtInt(d.tokenizer.eotId)} · dtype: ${d.tokenizer.dtype ?? '—'}`, '');
    if (d.tokenizer.bytesPerToken.length) out.push(table(['Source', 'Text bytes', 'Tokens', 'Bytes / token'], d.tokenizer.bytesPerToken.map((r) => [r.source, fmtBytes(r.bytes), fmtInt(r.tokens), fmtFixed(r.bytesPerToken)])));
  } else out.push(notRun('no tokenizer or tokenize stage ran.'));

  out.push('', '## Shards and mixture', '');
  if (d.shards) out.push(table(['Source', 'Shards', 'Documents', 'Tokens', 'Bytes'], [...d.shards.sources, d.shards.total].map((r) => [r.source, fmtInt(r.shards), fmtInt(r.rows), fmtInt(r.tokens), fmtBytes(r.bytes)])), '');
  else out.push(notRun('no shard manifest.'), '');
  if (d.mixture) out.push(table(['Source', 'Tokens available', 'Weight', 'Tokens drawn', 'Epochs'], d.mixture.rows.map((r) => [r.source, fmtInt(r.tokensAvailable), fmtSig(r.weight), fmtInt(r.tokensDrawn), fmtSig(r.epochs)])));
  else out.push(notRun('no training plan.'));

  out.push('', '## Throughput', '');
  if (d.throughput.length) out.push(table(['Stage', 'Planned', 'Done', 'Failed', 'Task time', 'Docs / s', 'MB / s'], d.throughput.map((s) => [s.stage, fmtInt(s.planned), fmtInt(s.tasks - s.failed), fmtInt(s.failed), fmtSeconds(s.seconds), fmtSig(s.docsPerS), fmtSig(s.mbPerS)])));
  else out.push(notRun('no stage has written stats.'));
  for (const x of d.failures) out.push(`- failed: ${x.stage} ${x.task}: ${x.error}`);

  out.push('', '## Training', '');
  if (d.training) {
    const t = d.training;
    out.push(`Steps: ${fmtInt(t.steps)} · final loss: ${fmtSig(t.finalLoss, 4)} · tokens/s: ${fmtCompact(t.meanTokensPerS)} · MFU: ${t.meanMfu === null ? '—' : fmtShare(t.meanMfu)}`);
    const val = Object.entries(t.finalVal);
    if (val.length) out.push('', table(['Source', 'Final val loss'], val.map(([s, v]) => [s, fmtSig(v, 4)])));
  } else out.push(notRun('no training log.'));
  out.push('');
  return out.join('\n');
}
