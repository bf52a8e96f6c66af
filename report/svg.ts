// Small SVG chart functions, rendered to strings at build time so the page needs no script, no
// DOM emulation and no network: horizontal bars (funnel, top lists), pre-binned histograms with a
// threshold marker, and line charts (training curves). Sizes are in viewBox units; CSS scales
// them to the column width. Text styling comes from the page's stylesheet (`.chart …`).

import type { Histogram } from '../pipeline/index.ts';
import { escapeHtml, fmtCompact, fmtInt, fmtSig } from './format.ts';

export const PALETTE = ['#3b6ea5', '#e8833a', '#4f9a56', '#c8473f', '#6aa9a4', '#d1a52a', '#9a6b9f', '#e58ea0', '#8c6d54', '#8f8f8f'];

const CHAR_W = 6.6;

function svgOpen(kind: string, width: number, height: number, label: string): string {
  return `<svg class="chart-svg" data-chart="${kind}" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`;
}

function r1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar; defaults to the formatted value. */
  note?: string;
  color?: string;
}

/** Horizontal bars, one per row, longest = full width. */
export function barChart(kind: string, label: string, bars: readonly Bar[], opts: { width?: number; barHeight?: number; color?: string } = {}): string {
  const width = opts.width ?? 720;
  const barH = opts.barHeight ?? 22;
  const gap = 6;
  const labelW = Math.min(220, Math.max(60, Math.max(...bars.map((b) => Math.min(b.label.length, 32))) * CHAR_W + 12));
  const noteW = Math.min(220, Math.max(50, Math.max(...bars.map((b) => (b.note ?? fmtCompact(b.value)).length)) * CHAR_W + 10));
  const plotW = width - labelW - noteW;
  const max = Math.max(...bars.map((b) => b.value), 0);
  const height = bars.length * (barH + gap) + gap;
  const parts = [svgOpen(kind, width, height, label)];
  bars.forEach((b, i) => {
    const y = gap + i * (barH + gap);
    const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * plotW) : 0;
    const title = `${b.label}: ${fmtInt(b.value)}`;
    parts.push(
      `<g><title>${escapeHtml(title)}</title>` +
        `<text class="label" x="${labelW - 8}" y="${r1(y + barH / 2)}" text-anchor="end" dominant-baseline="central">${escapeHtml(truncate(b.label, 32))}</text>` +
        `<rect x="${labelW}" y="${y}" width="${r1(w)}" height="${barH}" rx="2" fill="${b.color ?? opts.color ?? PALETTE[0]}"/>` +
        `<text class="value" x="${r1(labelW + w + 6)}" y="${r1(y + barH / 2)}" dominant-baseline="central">${escapeHtml(b.note ?? fmtCompact(b.value))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Ticks at 1, 2 or 5 × 10^k covering [0, max]. */
function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function binLabel(edges: readonly number[], i: number, fmt: (n: number) => string): string {
  if (i === 0) return `< ${fmt(edges[0]!)}`;
  if (i === edges.length) return `≥ ${fmt(edges[edges.length - 1]!)}`;
  return `${fmt(edges[i - 1]!)} – ${fmt(edges[i]!)}`;
}

export interface HistogramOptions {
  width?: number;
  height?: number;
  color?: string;
  /** A value to mark with a vertical line (a filter's threshold). */
  threshold?: { value: number; label: string } | null;
  format?: (n: number) => string;
}

/**
 * A pre-binned histogram (pipeline/stats.ts `Histogram`), one equal-width column per bin so
 * log-spaced edges read naturally. Empty bins at both ends are trimmed, but the bin holding the
 * threshold is kept so the marker always shows.
 */
export function histogramChart(kind: string, label: string, h: Histogram, opts: HistogramOptions = {}): string {
  const width = opts.width ?? 560;
  const height = opts.height ?? 200;
  const fmt = opts.format ?? ((n: number) => fmtCompact(n));
  const m = { top: 22, right: 12, bottom: 38, left: 52 };
  const thrBin = opts.threshold ? binIndex(h.edges, opts.threshold.value) : undefined;
  let lo = h.counts.findIndex((c) => c > 0);
  let hi = h.counts.length - 1 - [...h.counts].reverse().findIndex((c) => c > 0);
  if (lo < 0) {
    lo = 0;
    hi = h.counts.length - 1;
  }
  if (thrBin !== undefined) {
    lo = Math.min(lo, thrBin);
    hi = Math.max(hi, thrBin);
  }
  // One empty bin of context on each side, so a distribution in a single bin does not fill the chart.
  lo = Math.max(0, lo - 1);
  hi = Math.min(h.counts.length - 1, hi + 1);
  const counts = h.counts.slice(lo, hi + 1);
  const n = counts.length;
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const max = Math.max(...counts, 1);
  const ticks = niceTicks(0, max);
  const yMax = Math.max(max, ticks.at(-1) ?? max);
  const bw = plotW / n;
  const parts = [svgOpen(kind, width, height, label)];
  for (const t of ticks) {
    const y = m.top + plotH - (t / yMax) * plotH;
    parts.push(`<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${r1(y)}" y2="${r1(y)}"/>`);
    parts.push(`<text class="tick" x="${m.left - 6}" y="${r1(y)}" text-anchor="end" dominant-baseline="central">${fmtCompact(t)}</text>`);
  }
  const total = h.counts.reduce((a, b) => a + b, 0);
  counts.forEach((c, j) => {
    const i = lo + j;
    const bh = (c / yMax) * plotH;
    const x = m.left + j * bw;
    const share = total ? ` (${fmtSig((c / total) * 100, 2)}%)` : '';
    parts.push(
      `<rect x="${r1(x + 1)}" y="${r1(m.top + plotH - bh)}" width="${r1(Math.max(bw - 2, 1))}" height="${r1(bh)}" fill="${opts.color ?? PALETTE[0]}"><title>${escapeHtml(`${binLabel(h.edges, i, fmt)}: ${fmtInt(c)}${share}`)}</title></rect>`,
    );
  });
  // Edge labels under bin boundaries, thinned to fit; the outer boundary of an open-ended bin has none.
  const every = Math.max(1, Math.ceil((n + 1) / Math.max(1, Math.floor(plotW / 46))));
  for (let j = lo === 0 ? 1 : 0; j <= n; j += every) {
    const edge = h.edges[lo + j - 1];
    if (edge === undefined) continue;
    const x = m.left + j * bw;
    parts.push(`<line class="axis" x1="${r1(x)}" x2="${r1(x)}" y1="${m.top + plotH}" y2="${m.top + plotH + 4}"/>`);
    const anchor = x > width - m.right - 14 ? 'end' : 'middle';
    parts.push(`<text class="tick" x="${r1(x)}" y="${m.top + plotH + 16}" text-anchor="${anchor}">${escapeHtml(fmt(edge))}</text>`);
  }
  parts.push(`<line class="axis" x1="${m.left}" x2="${width - m.right}" y1="${m.top + plotH}" y2="${m.top + plotH}"/>`);
  if (opts.threshold && thrBin !== undefined) {
    const j = thrBin - lo;
    const left = h.edges[thrBin - 1];
    const right = h.edges[thrBin];
    const frac = left !== undefined && right !== undefined && right > left ? (opts.threshold.value - left) / (right - left) : left === undefined ? 1 : 0;
    const x = m.left + (j + Math.min(Math.max(frac, 0), 1)) * bw;
    const anchor = x > width - 120 ? 'end' : 'start';
    parts.push(`<line class="threshold" x1="${r1(x)}" x2="${r1(x)}" y1="${m.top - 4}" y2="${m.top + plotH}"/>`);
    parts.push(`<text class="threshold-label" x="${r1(anchor === 'start' ? x + 4 : x - 4)}" y="${m.top - 8}" text-anchor="${anchor}">${escapeHtml(opts.threshold.label)}</text>`);
  }
  parts.push(`<text class="axis-title" x="${m.left + plotW / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(label)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function binIndex(edges: readonly number[], value: number): number {
  let i = 0;
  while (i < edges.length && value >= edges[i]!) i++;
  return i;
}

export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
  color?: string;
}

/** Lines over a shared x axis (steps), with a legend when there is more than one series. */
export function lineChart(kind: string, label: string, series: readonly Series[], opts: { width?: number; height?: number; xLabel?: string; yFormat?: (n: number) => string } = {}): string {
  const width = opts.width ?? 640;
  const height = opts.height ?? 240;
  const legendRows = series.length > 1 ? Math.ceil(series.length / 4) : 0;
  const m = { top: 14 + legendRows * 18, right: 16, bottom: 38, left: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const yLo = Math.min(...ys);
  const yHi = Math.max(...ys);
  const pad = (yHi - yLo) * 0.05 || Math.abs(yHi) * 0.05 || 1;
  const yTicks = niceTicks(yLo - pad, yHi + pad);
  const y0 = Math.min(yLo - pad, yTicks[0]!);
  const y1 = Math.max(yHi + pad, yTicks.at(-1)!);
  const sx = (x: number) => m.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y: number) => m.top + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const yFmt = opts.yFormat ?? ((n: number) => fmtSig(n));
  const parts = [svgOpen(kind, width, height, label)];
  for (const t of yTicks) {
    if (t < y0 || t > y1) continue;
    parts.push(`<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${r1(sy(t))}" y2="${r1(sy(t))}"/>`);
    parts.push(`<text class="tick" x="${m.left - 6}" y="${r1(sy(t))}" text-anchor="end" dominant-baseline="central">${escapeHtml(yFmt(t))}</text>`);
  }
  for (const t of niceTicks(x0, x1, 6)) {
    parts.push(`<line class="axis" x1="${r1(sx(t))}" x2="${r1(sx(t))}" y1="${m.top + plotH}" y2="${m.top + plotH + 4}"/>`);
    parts.push(`<text class="tick" x="${r1(sx(t))}" y="${m.top + plotH + 16}" text-anchor="middle">${fmtCompact(t)}</text>`);
  }
  parts.push(`<line class="axis" x1="${m.left}" x2="${width - m.right}" y1="${m.top + plotH}" y2="${m.top + plotH}"/>`);
  series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    const d = s.points.map((p, j) => `${j ? 'L' : 'M'}${r1(sx(p[0]))},${r1(sy(p[1]))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.8" stroke-linejoin="round"><title>${escapeHtml(s.name)}</title></path>`);
    if (s.points.length === 1) parts.push(`<circle cx="${r1(sx(s.points[0]![0]))}" cy="${r1(sy(s.points[0]![1]))}" r="3" fill="${color}"/>`);
    if (legendRows) {
      const lx = m.left + (i % 4) * (plotW / 4);
      const ly = 10 + Math.floor(i / 4) * 18;
      parts.push(`<rect x="${r1(lx)}" y="${ly - 5}" width="14" height="4" fill="${color}"/><text class="legend" x="${r1(lx + 20)}" y="${ly}" dominant-baseline="central">${escapeHtml(truncate(s.name, 24))}</text>`);
    }
  });
  if (opts.xLabel) parts.push(`<text class="axis-title" x="${m.left + plotW / 2}" y="${height - 4}" text-anchor="middle">${escapeHtml(opts.xLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
