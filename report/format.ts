// Number and text formatting shared by the HTML and markdown views: counts with digit grouping,
// compact magnitudes, percentages, bytes, rates, and HTML escaping.

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : grouped.format(n);
}

/** 1234567 → "1.23 M"; small numbers stay whole. */
export function fmtCompact(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, unit] of units) if (a >= scale) return `${fmtSig(n / scale)} ${unit}`;
  return Number.isInteger(n) ? String(n) : fmtSig(n);
}

/** Three significant digits, without trailing zeros. */
export function fmtSig(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (n === 0) return '0';
  const a = Math.abs(n);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return Number(n.toFixed(Math.min(decimals, 6))).toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 6) });
}

export function fmtPct(part: number | null | undefined, whole: number | null | undefined): string {
  if (part === null || part === undefined || !whole) return '—';
  return fmtShare(part / whole);
}

export function fmtShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const p = share * 100;
  if (p !== 0 && Math.abs(p) < 0.1) return `${p < 0 ? '>-' : '<'}0.1%`;
  return `${p.toFixed(1)}%`;
}

export function fmtBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : fmtSig(v)} ${units[i]}`;
}

export function fmtSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined || !Number.isFinite(s)) return '—';
  if (s < 60) return `${fmtSig(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
