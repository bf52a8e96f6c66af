// The HTML view of the report: one static, self-contained page (inline CSS, inline SVG charts,
// no script, no external resource), sections in the order a reader asks their questions —
// the funnel first, then why documents were dropped, what remains, duplicates, tokens, mixture,
// throughput and training.

import type { Example, Histogram } from '../pipeline/index.ts';
import type { FunnelRow, NamedCount, ReportData } from './aggregate.ts';
import type { Comparison, Pair } from './compare.ts';
import { escapeHtml as e, fmtBytes, fmtFixed, fmtCompact, fmtInt, fmtPct, fmtSeconds, fmtShare, fmtSig } from './format.ts';
import { barChart, histogramChart, lineChart, PALETTE, type Series } from './svg.ts';

export const SECTIONS = [
  ['funnel', 'Funnel'],
  ['filters', 'Filters'],
  ['languages', 'Languages'],
  ['lengths', 'Lengths'],
  ['domains', 'Domains'],
  ['dedup', 'Dedup'],
  ['tokenizer', 'Tokenizer'],
  ['shards', 'Shards & mixture'],
  ['throughput', 'Throughput'],
  ['training', 'Training'],
] as const;

type SectionId = (typeof SECTIONS)[number][0];

const CSS = `
:root{--fg:#1d2329;--muted:#5f6b76;--line:#e3e7eb;--bg:#fff;--soft:#f5f7f9;--accent:#3b6ea5;--bad:#c8473f}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-variant-numeric:tabular-nums}
header{background:#17324f;color:#fff;padding:28px 0 20px}
header h1{margin:0;font-size:26px;font-weight:650;letter-spacing:-.01em}
header p{margin:6px 0 0;color:#c9d6e3;font-size:14px}
nav{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line)}
nav .wrap{display:flex;flex-wrap:wrap;gap:4px 18px;padding-top:8px;padding-bottom:8px}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
nav a{color:var(--muted);text-decoration:none;font-size:13px;font-weight:500}
nav a:hover{color:var(--accent)}
.wrap{max-width:1120px;margin:0 auto;padding:0 28px}
main{padding-bottom:60px}
section{padding:26px 0 8px;border-bottom:1px solid var(--line)}
h2{font-size:21px;margin:0 0 4px;font-weight:650}
h3{font-size:16px;margin:22px 0 6px;font-weight:600}
.lede{color:var(--muted);margin:0 0 14px;max-width:820px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:22px 0 4px}
.card{background:var(--soft);border-radius:8px;padding:12px 14px}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:24px;font-weight:650;margin-top:2px}
.card .s{color:var(--muted);font-size:12.5px}
table{border-collapse:collapse;margin:8px 0 14px;font-size:13.5px;width:auto;max-width:100%}
th,td{padding:5px 12px 5px 0;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:12.5px;white-space:nowrap}
td.n,th.n{text-align:right;padding-left:16px}
td .p{display:block;color:var(--muted);font-size:11.5px}
tr.total td{font-weight:650;border-top:2px solid var(--line)}
.scroll{overflow-x:auto}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:8px 28px}
figure{margin:8px 0 14px}
figcaption{color:var(--muted);font-size:12.5px;margin-bottom:4px;font-weight:500}
.chart-svg{max-width:100%;height:auto;display:block}
.chart-svg text{fill:#2c343b;font-size:11.5px;font-family:inherit}
.chart-svg text.tick,.chart-svg text.axis-title{fill:var(--muted);font-size:10.5px}
.chart-svg text.label{font-size:12px}
.chart-svg line.grid{stroke:#eef1f4}
.chart-svg line.axis{stroke:#9aa5ae}
.chart-svg line.threshold{stroke:var(--bad);stroke-width:2;stroke-dasharray:5 3}
.chart-svg text.threshold-label{fill:var(--bad);font-weight:600;font-size:11px}
.not-run{color:var(--muted);background:var(--soft);border-left:3px solid #c3ccd4;padding:8px 12px;border-radius:0 6px 6px 0;font-style:italic}
.examples{list-style:none;padding:0;margin:6px 0 10px;display:grid;gap:6px}
.examples li{background:var(--soft);border-radius:6px;padding:6px 10px;font-size:13px}
.examples .why{color:var(--bad);font-weight:600;font-size:12.5px}
.examples .url{color:var(--accent);word-break:break-all;font-size:12.5px}
.examples pre{margin:4px 0 0;white-space:pre-wrap;word-break:break-word;font:11.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#39424a;max-height:5.7em;overflow:hidden}
.filter{border-top:1px dashed var(--line);margin-top:18px}
.filter-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.4fr);gap:8px 28px;align-items:start}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 22px}
@media (max-width:900px){.filter-body{grid-template-columns:1fr}}
h4{font-size:12.5px;color:var(--muted);font-weight:500;margin:8px 0 4px}
.filter h3 .badge{font-size:12.5px;font-weight:500;color:var(--muted);margin-left:8px}
.warnings{background:#fff7e6;border:1px solid #f0d9a8;border-radius:8px;padding:10px 14px;margin-top:18px;font-size:13px}
.warnings li{margin:2px 0}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.err{color:var(--bad)}
`;

function notRun(what: string): string {
  return `<p class="not-run">Not run: ${e(what)}</p>`;
}

function section(id: SectionId, title: string, lede: string, body: string): string {
  return `<section id="${id}"><h2>${e(title)}</h2>${lede ? `<p class="lede">${lede}</p>` : ''}${body}</section>`;
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${e(caption)}</figcaption>${svg}</figure>`;
}

function table(head: string[], rows: string[][], numeric: boolean[], totalRow?: string[]): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${h}</th>`).join('');
  const tr = (r: string[], cls = '') => `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`;
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>${rows.map((r) => tr(r)).join('')}${totalRow ? tr(totalRow, 'total') : ''}</tbody></table></div>`;
}

function card(k: string, v: string, s = ''): string {
  return `<div class="card"><div class="k">${e(k)}</div><div class="v">${v}</div>${s ? `<div class="s">${s}</div>` : ''}</div>`;
}

function funnelCell(row: FunnelRow, i: number): string {
  const share = row.ofPrevious[i] ?? null;
  return `${fmtInt(row.docs[i] ?? null)}${share !== null ? `<span class="p">${fmtShare(share)}</span>` : ''}`;
}

function overview(d: ReportData): string {
  const t = d.funnel?.total;
  const at = (key: string) => (t && d.funnel ? t.docs[d.funnel.steps.findIndex((s) => s.key === key)] ?? null : null);
  const extracted = at('extracted');
  const filtered = d.funnel && t ? t.docs[d.funnel.steps.length - 2] ?? null : null;
  const deduped = at('dedup');
  const tasks = d.throughput.reduce((a, s) => a + s.tasks, 0);
  const failed = d.throughput.reduce((a, s) => a + s.failed, 0);
  return `<div class="cards">${[
    card('Extracted documents', fmtCompact(extracted), at('warc') === null ? '' : `${fmtInt(at('warc'))} WARC records`),
    card('Kept by filters', fmtCompact(filtered), filtered === null || extracted === null ? '' : `${fmtPct(filtered, extracted)} of extracted`),
    card('After dedup', fmtCompact(deduped), deduped === null || filtered === null ? '' : `${fmtPct(deduped, filtered)} of filtered`),
    card('Tokens', fmtCompact(t?.tokens ?? null), d.tokenizer?.vocabSize ? `vocabulary ${fmtInt(d.tokenizer.vocabSize)}` : ''),
    card('Tasks', fmtInt(tasks), failed ? `<span class="err">${fmtInt(failed)} failed</span>` : 'none failed'),
  ].join('')}</div>`;
}

function change(p: Pair, format: (n: number | null) => string, asPoints = false): string[] {
  const delta = p.a === null || p.b === null ? '–' : asPoints ? `${p.b - p.a >= 0 ? '+' : ''}${fmtFixed((p.b - p.a) * 100, 1)} pp` : p.a ? `×${fmtFixed(p.b / p.a, 3)}` : '–';
  return [e(p.name), format(p.a), format(p.b), delta];
}

function comparisonSection(c: Comparison): string {
  const head = (what: string) => [what, e(c.a), e(c.b), 'Change'];
  const num = [false, true, true, true];
  const rate = (n: number | null) => (n === null ? '–' : fmtShare(n));
  const body =
    `<h3>Funnel, all sources</h3>${table(head('Step'), c.funnel.map((p) => change(p, fmtInt)), num)}` +
    `<h3>Share of its input each filter dropped</h3>${table(head('Filter'), c.filterRates.map((p) => change(p, rate, true)), num)}` +
    `<h3>Documents each filter dropped</h3>${table(head('Filter'), c.filterDrops.map((p) => change(p, fmtInt)), num)}` +
    `<h3>Tokens in the shards</h3>${table(head('Source'), [...c.tokens, c.bytesPerToken].map((p) => change(p, p === c.bytesPerToken ? (n) => fmtFixed(n) : fmtInt)), num)}`;
  return `<section id="comparison"><h2>Against ${e(c.b)}</h2><p class="lede">This run (${e(c.a)}) beside ${e(c.b)}: the same steps, filters and sources side by side; the change is B/A for counts and percentage points for rates.</p>${body}</section>`;
}

function funnelSection(d: ReportData): string {
  const lede = 'How much of the crawl survived each step. Percentages are of the previous step; filters run in order, so each one only sees what the ones before it kept.';
  const f = d.funnel;
  if (!f) return section('funnel', 'Funnel', lede, notRun('no extract, tokenize or manifest output in this run.'));
  const bars = f.steps.flatMap((s, i) => {
    const v = f.total.docs[i];
    if (v === null || v === undefined) return [];
    const share = f.total.ofPrevious[i] ?? null;
    return [{ label: s.label, value: v, note: `${fmtCompact(v)}${share !== null ? ` · ${fmtShare(share)}` : ''}`, color: s.key.startsWith('filter:') ? PALETTE[4] : PALETTE[0] }];
  });
  const chart = bars.length ? figure(`Documents at each step, all sources${f.total.tokens !== null ? ` → ${fmtCompact(f.total.tokens)} tokens` : ''}`, barChart('funnel', 'Funnel: documents at each step', bars, { width: 900 })) : '';
  const head = ['Step', ...f.rows.map((r) => e(r.source)), 'Total'];
  const cols = [...f.rows, f.total];
  const body = f.steps.map((s, i) => [e(s.label), ...cols.map((r) => funnelCell(r, i))]);
  body.push(['Text', ...cols.map((r) => fmtBytes(r.bytes[f.steps.length - 1] ?? null))]);
  body.push(['Tokens', ...cols.map((r) => fmtInt(r.tokens))]);
  const bpt = d.bytesPerToken;
  const textRows = f.steps.flatMap((s, i) => {
    const v = f.total.bytes[i];
    if (v === null || v === undefined) return [];
    return [[e(s.label), fmtBytes(v), bpt ? fmtCompact(v / bpt) : '–']];
  });
  const textTable = textRows.length
    ? `<h3>Text at each step</h3><p class="lede">UTF-8 bytes of text, all sources; tokens estimated at the run’s ${bpt ? fmtFixed(bpt) : '?'} bytes per token (exact after dedup).</p>${table(['Step', 'Text', '≈ Tokens'], textRows, [false, true, true])}`
    : '';
  const notes = f.notes.length ? `<p class="lede">${f.notes.map(e).join('; ')}.</p>` : '';
  return section('funnel', 'Funnel', lede, chart + notes + table(head, body, head.map((_, i) => i > 0)) + textTable);
}

function histFigure(
  kind: string,
  caption: string,
  h: Histogram | null,
  missing: string,
  threshold: { value: number; label: string } | null = null,
  format?: (n: number) => string,
  size: { width?: number; height?: number } = {},
): string {
  if (!h) return `<figure><figcaption>${e(caption)}</figcaption>${notRun(missing)}</figure>`;
  const total = h.counts.reduce((a, b) => a + b, 0);
  return figure(`${caption} (${fmtInt(total)} values)`, histogramChart(kind, caption, h, { threshold, ...size, ...(format ? { format } : {}) }));
}

function examplesList(list: readonly Example[]): string {
  if (!list.length) return '<p class="lede">No examples were sampled.</p>';
  return `<ul class="examples">${list
    .map(
      (x) =>
        `<li><div class="why">${e(x.reason)}</div>${x.url ? `<div class="url">${e(x.url)}</div>` : `<div class="url mono">${e(x.id)}</div>`}<pre>${e(x.text.split('\n').slice(0, 4).join('\n'))}</pre></li>`,
    )
    .join('')}</ul>`;
}

function filtersSection(d: ReportData): string {
  const lede = 'Why documents were dropped: each filter’s drops, the distribution of the value it measures (dashed line: the threshold) and a few dropped documents with their reasons.';
  if (!d.filters) return section('filters', 'Filters', lede, notRun('the extract stage has no stats in this run.'));
  if (!d.filters.length) return section('filters', 'Filters', lede, '<p class="not-run">No filter dropped any document.</p>');
  const extracted = d.filters[0]?.input ?? null;
  const totalDropped = d.filters.reduce((a, f) => a + f.dropped, 0);
  const bpt = d.bytesPerToken;
  const tokensOf = (bytes: number | null) => (bytes === null ? '–' : bpt ? fmtCompact(bytes / bpt) : '?');
  const totalBytes = d.filters.every((f) => f.droppedBytes !== null) ? d.filters.reduce((a, f) => a + f.droppedBytes!, 0) : null;
  const summary = table(
    ['Filter', 'Input', 'Dropped', 'Of its input', 'Of extracted', 'Dropped text', '≈ Tokens'],
    d.filters.map((f) => [
      `<a href="#filter-${e(f.name)}">${e(f.name)}</a>`,
      fmtInt(f.input),
      fmtInt(f.dropped),
      fmtPct(f.dropped, f.input),
      fmtPct(f.dropped, extracted),
      fmtBytes(f.droppedBytes),
      tokensOf(f.droppedBytes),
    ]),
    [false, true, true, true, true, true, true],
    ['All filters', fmtInt(extracted), fmtInt(totalDropped), fmtPct(totalDropped, extracted), fmtPct(totalDropped, extracted), fmtBytes(totalBytes), tokensOf(totalBytes)],
  );
  const chart = figure(
    'Documents dropped per filter',
    barChart('filter-drops', 'Documents dropped per filter', d.filters.map((f) => ({ label: f.name, value: f.dropped, note: `${fmtCompact(f.dropped)} · ${fmtPct(f.dropped, f.input)}`, color: PALETTE[3] }))),
  );
  const blocks = d.filters.map((f) => {
    // Metrics with a threshold read from the drop reasons first: they are the ones that fired.
    const values = [...f.values].sort((a, b) => Number(b.threshold !== null) - Number(a.threshold !== null));
    const hists = values.length
      ? `<div class="multiples">${values
          .map((v) =>
            histFigure('filter-value', v.metric, v.histogram, '', v.threshold ? { value: v.threshold.value, label: `threshold ${v.threshold.op} ${fmtSig(v.threshold.value)}` } : null, undefined, { width: 360, height: 170 }),
          )
          .join('')}</div>`
      : '<p class="lede">This filter recorded no value distribution.</p>';
    const rules = f.rules.length
      ? `<h4>Drops by rule</h4>${table(['Rule', 'Dropped', 'Of the filter’s drops'], f.rules.map((r) => [e(r.name), fmtInt(r.count), fmtPct(r.count, f.dropped)]), [false, true, true])}`
      : '';
    const langs = f.byLanguage.length
      ? `<h4>Drops by language</h4>${table(['Language', 'Dropped', 'Of the filter’s drops'], f.byLanguage.map((l) => [e(l.name), fmtInt(l.count), fmtPct(l.count, f.dropped)]), [false, true, true])}`
      : '';
    const near = f.near
      .filter((n) => n.kept.length || n.dropped.length)
      .map((n) => `<h4 class="near">${e(n.metric)}: nearest the threshold</h4><div class="grid2"><div><h4>Kept, just inside</h4>${examplesList(n.kept)}</div><div><h4>Dropped, just outside</h4>${examplesList(n.dropped)}</div></div>`)
      .join('');
    return `<div class="filter" id="filter-${e(f.name)}"><h3>${e(f.name)}<span class="badge">dropped ${fmtInt(f.dropped)} · ${fmtPct(f.dropped, f.input)} of its input · ${fmtBytes(f.droppedBytes)}</span></h3>${hists}<div class="filter-body"><div>${rules}${langs}</div><div><h4>Dropped examples</h4>${examplesList(f.examples)}</div></div>${near}</div>`;
  });
  return section('filters', 'Filters', lede, summary + chart + blocks.join(''));
}

function topBars(kind: string, caption: string, list: readonly NamedCount[], color: string, extra?: NamedCount): string {
  const rows = extra && extra.count > 0 ? [...list, extra] : list;
  if (!rows.length) return `<figure><figcaption>${e(caption)}</figcaption><p class="not-run">Not counted in this run.</p></figure>`;
  return figure(caption, barChart(kind, caption, rows.map((r) => ({ label: r.name, value: r.count, color })), { width: 520, barHeight: 18 }));
}

function languagesSection(d: ReportData): string {
  const lede = 'Languages detected among the documents, and how sure the identifier was.';
  const l = d.languages;
  if (!l) return section('languages', 'Languages', lede, notRun(d.filters ? 'no language counts in the extract stats.' : 'the extract stage has no stats in this run.'));
  const others = { name: 'others', count: l.others };
  const bars = topBars('languages', `Top ${l.top.length} languages (${fmtInt(l.total)} documents)`, l.top.map((x) => ({ name: `${x.name} · ${fmtPct(x.count, l.total)}`, count: x.count })), PALETTE[2]!, others);
  return section('languages', 'Languages', lede, `<div class="grid2">${bars}${histFigure('lang-score', 'Language score', l.score, 'no language score distribution recorded.', null, (n) => fmtSig(n, 2))}</div>`);
}

function lengthsSection(d: ReportData): string {
  const lede = 'Document length in characters and in tokens (documents written to shards).';
  return section(
    'lengths',
    'Lengths',
    lede,
    `<div class="grid2">${histFigure('length-chars', d.lengths.charsOf === 'kept' ? 'Characters per kept document' : 'Characters per extracted document (before filtering)', d.lengths.chars, d.filters ? 'no character length histogram in the extract stats.' : 'the extract stage has no stats in this run.')}${histFigure('length-tokens', 'Tokens per document', d.lengths.tokens, 'the tokenize stage has no stats in this run.')}</div>`,
  );
}

function domainsSection(d: ReportData): string {
  const lede = 'Where the kept and the dropped documents come from.';
  const x = d.domains;
  if (!x) return section('domains', 'Domains', lede, notRun('the extract stage has no stats in this run.'));
  return section(
    'domains',
    'Domains',
    lede,
    `<div class="grid2">${topBars('domains-kept', 'Top domains kept', x.kept, PALETTE[0]!)}${topBars('domains-dropped', 'Top domains dropped', x.dropped, PALETTE[3]!)}${topBars('tlds-kept', 'Top TLDs kept', x.tldsKept, PALETTE[0]!)}${topBars('tlds-dropped', 'Top TLDs dropped', x.tldsDropped, PALETTE[3]!)}</div>`,
  );
}

function dedupSection(d: ReportData): string {
  const lede = 'Near-duplicate clusters found by MinHash: how large they are, the largest ones, and how much each source lost.';
  const x = d.dedup;
  if (!x) return section('dedup', 'Dedup', lede, notRun('no dedup stage ran.'));
  const hist = histFigure('cluster-sizes', 'Cluster size (documents per cluster)', x.clusterSizes, 'no cluster size distribution recorded.');
  const removal = x.removal.length
    ? figure(
        'Removed as duplicates, per source',
        barChart('dedup-removal', 'Removed as duplicates per source', x.removal.map((r) => ({ label: r.source, value: r.removed, note: `${fmtCompact(r.removed)} · ${fmtShare(r.share)}`, color: PALETTE[1] })), { width: 520 }),
      ) + table(['Source', 'Documents', 'Removed', 'Share'], x.removal.map((r) => [e(r.source), fmtInt(r.docs), fmtInt(r.removed), fmtShare(r.share)]), [false, true, true, true])
    : '<p class="not-run">No removal counts per source.</p>';
  const clusters = x.clusters.length
    ? table(
        ['Cluster', 'Size', 'Example documents'],
        x.clusters.map((c) => [e(c.cluster), fmtInt(c.size), c.examples.map((ex) => `<div class="${ex.url ? 'url' : 'mono'}">${e(ex.url ?? ex.id)}</div>`).join('')]),
        [false, true, false],
      )
    : '<p class="not-run">No cluster examples were sampled.</p>';
  return section('dedup', 'Dedup', lede, `<div class="grid2">${hist}<div>${removal}</div></div><h3>Largest clusters</h3>${clusters}`);
}

function tokenizerSection(d: ReportData): string {
  const lede = 'The byte-level BPE tokenizer and how well it compresses each source (more bytes per token is better).';
  const t = d.tokenizer;
  if (!t) return section('tokenizer', 'Tokenizer', lede, notRun('no tokenizer or tokenize stage ran.'));
  const cards = `<div class="cards">${card('Vocabulary', fmtInt(t.vocabSize))}${card('End-of-text id', fmtInt(t.eotId))}${card('Token dtype', e(t.dtype ?? '—'))}${card('SHA-256', `<span class="mono">${e((t.sha256 ?? '—').slice(0, 12))}</span>`)}</div>`;
  const bpt = t.bytesPerToken.length
    ? figure('Bytes per token, per source', barChart('bytes-per-token', 'Bytes per token per source', t.bytesPerToken.map((r) => ({ label: r.source, value: r.bytesPerToken ?? 0, note: fmtFixed(r.bytesPerToken), color: PALETTE[6] })), { width: 520 })) +
      table(['Source', 'Text bytes', 'Tokens', 'Bytes / token'], t.bytesPerToken.map((r) => [e(r.source), fmtBytes(r.bytes), fmtInt(r.tokens), fmtFixed(r.bytesPerToken)]), [false, true, true, true])
    : notRun('the tokenize stage has no stats in this run.');
  return section('tokenizer', 'Tokenizer', lede, cards + bpt);
}

function shardsSection(d: ReportData): string {
  const lede = 'Tokens written to Arrow shards per source, and what the training mixture will draw from each.';
  const s = d.shards;
  const shards = s
    ? `<div class="grid2">${figure('Tokens per source', barChart('shard-tokens', 'Tokens per source', s.sources.map((r, i) => ({ label: r.source, value: r.tokens, note: `${fmtCompact(r.tokens)} · ${fmtPct(r.tokens, s.total.tokens)}`, color: PALETTE[i % PALETTE.length] })), { width: 520 }))}${table(
        ['Source', 'Shards', 'Documents', 'Tokens', 'Bytes'],
        s.sources.map((r) => [e(r.source), fmtInt(r.shards), fmtInt(r.rows), fmtInt(r.tokens), fmtBytes(r.bytes)]),
        [false, true, true, true, true],
        ['Total', fmtInt(s.total.shards), fmtInt(s.total.rows), fmtInt(s.total.tokens), fmtBytes(s.total.bytes)],
      )}</div>`
    : notRun('no shard manifest (the manifest stage did not run).');
  const p = d.mixture;
  const mixture = p
    ? `<h3>Mixture plan</h3><div class="grid2"><div>${table(
        ['Source', 'Tokens available', 'Held out', 'Weight', 'Tokens drawn', 'Epochs'],
        p.rows.map((r) => [e(r.source), fmtInt(r.tokensAvailable), fmtInt(r.valTokens), fmtSig(r.weight), fmtInt(r.tokensDrawn), fmtSig(r.epochs)]),
        [false, true, true, true, true, true],
      )}${p.facts.length ? table(['Plan', 'Value'], p.facts.map(([k, v]) => [e(k.replace(/_/g, ' ')), typeof v === 'number' ? fmtSig(v, 4) : e(v)]), [false, true]) : ''}</div>${p.rows.some((r) => r.tokensDrawn !== undefined) ? figure('Tokens drawn per source', barChart('mixture', 'Tokens drawn per source', p.rows.map((r, i) => ({ label: r.source, value: r.tokensDrawn ?? 0, note: `${fmtCompact(r.tokensDrawn ?? null)} · ${fmtSig(r.epochs)} epochs`, color: PALETTE[i % PALETTE.length] })), { width: 520 })) : ''}</div>`
    : `<h3>Mixture plan</h3>${notRun('no training plan (the train stage did not run).')}`;
  return section('shards', 'Shards & mixture', lede, shards + mixture);
}

function throughputSection(d: ReportData): string {
  const lede = 'Work per stage, summed over tasks (rates are per task-second, so they do not depend on the number of workers), and every task that failed.';
  if (!d.throughput.length) return section('throughput', 'Throughput', lede, notRun('no stage has written stats yet.'));
  const t = table(
    ['Stage', 'Planned', 'Done', 'Failed', 'Task time', 'Documents', 'Bytes', 'Docs / s', 'MB / s'],
    d.throughput.map((s) => [
      e(s.stage),
      fmtInt(s.planned),
      fmtInt(s.tasks - s.failed),
      s.failed ? `<span class="err">${fmtInt(s.failed)}</span>` : '0',
      fmtSeconds(s.seconds),
      fmtInt(s.docs),
      fmtBytes(s.bytes),
      fmtSig(s.docsPerS),
      fmtSig(s.mbPerS),
    ]),
    [false, true, true, true, true, true, true, true, true],
  );
  const failures = d.failures.length
    ? `<h3>Failed tasks</h3>${table(['Stage', 'Task', 'Error'], d.failures.map((f) => [e(f.stage), `<span class="mono">${e(f.task)}</span>`, `<span class="err">${e(f.error)}</span>`]), [false, false, false])}`
    : '<p class="lede">No task failed.</p>';
  return section('throughput', 'Throughput', lede, t + failures);
}

function trainingSection(d: ReportData): string {
  const lede = 'The training run on these shards: loss, validation loss per source, throughput and model FLOPs utilisation.';
  const t = d.training;
  if (!t) return section('training', 'Training', lede, notRun('no training log (train/log.jsonl) in this run.'));
  const finalVal = Object.entries(t.finalVal);
  const cards = `<div class="cards">${card('Steps', fmtInt(t.steps))}${card('Final train loss', fmtSig(t.finalLoss, 4))}${finalVal.length ? card('Final val loss', fmtSig(finalVal.reduce((a, [, v]) => a + v, 0) / finalVal.length, 4), 'mean over sources') : ''}${card('Tokens / s', fmtCompact(t.meanTokensPerS), 'mean, after warm-up')}${card('MFU', t.meanMfu === null ? '—' : fmtShare(t.meanMfu), 'mean, after warm-up')}</div>`;
  const lossSeries: Series[] = [{ name: 'train', points: t.loss, color: '#1d2329' }, ...Object.entries(t.val).map(([s, pts], i) => ({ name: `val ${s}`, points: pts, color: PALETTE[i % PALETTE.length]! }))].filter((s) => s.points.length);
  const charts = [
    lossSeries.length ? figure('Loss (train and validation per source)', lineChart('loss', 'Loss', lossSeries, { xLabel: 'step', width: 1060, height: 280 })) : '',
    t.tokensPerS.length ? figure('Tokens per second', lineChart('tokens-per-s', 'Tokens per second', [{ name: 'tokens/s', points: t.tokensPerS, color: PALETTE[2]! }], { xLabel: 'step', yFormat: fmtCompact, height: 200 })) : '',
    t.mfu.length ? figure('Model FLOPs utilisation', lineChart('mfu', 'MFU', [{ name: 'MFU', points: t.mfu, color: PALETTE[1]! }], { xLabel: 'step', height: 200, yFormat: (n) => fmtShare(n) })) : '',
  ];
  return section('training', 'Training', lede, cards + charts[0] + `<div class="grid2">${charts[1]}${charts[2]}</div>`);
}

/** The page; with `comparison`, a section comparing this run with another comes first. */
export function renderHtml(d: ReportData, comparison?: Comparison): string {
  const title = `Dataset report — ${d.run.name}`;
  const sub = [
    d.run.sources.length ? `${d.run.sources.length} source${d.run.sources.length > 1 ? 's' : ''}: ${d.run.sources.join(', ')}` : '',
    d.run.stages.length ? `stages: ${d.run.stages.join(' → ')}` : 'no stage has run',
    d.run.configHash ? `config ${d.run.configHash}` : '',
  ].filter(Boolean);
  const warnings = d.warnings.length
    ? `<div class="warnings"><strong>${fmtInt(d.warnings.length)} warning${d.warnings.length > 1 ? 's' : ''} while building this report</strong><ul>${d.warnings
        .slice(0, 30)
        .map((w) => `<li>${e(w)}</li>`)
        .join('')}</ul></div>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title><style>${CSS}</style></head>
<body><header><div class="wrap"><h1>${e(title)}</h1><p>${sub.map(e).join(' · ')}</p></div></header>
<nav><div class="wrap">${comparison ? '<a href="#comparison">Comparison</a>' : ''}${SECTIONS.map(([id, label]) => `<a href="#${id}">${e(label)}</a>`).join('')}</div></nav>
<main class="wrap">${warnings}${overview(d)}
${comparison ? comparisonSection(comparison) : ''}
${funnelSection(d)}
${filtersSection(d)}
${languagesSection(d)}
${lengthsSection(d)}
${domainsSection(d)}
${dedupSection(d)}
${tokenizerSection(d)}
${shardsSection(d)}
${throughputSection(d)}
${trainingSection(d)}
</main></body></html>
`;
}
