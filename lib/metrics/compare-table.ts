/**
 * The comparison table's columns and CSV, pure: the page renders these rows and the CSV export
 * writes the same raw numbers (CONTRACT.md: one row per token, raw numbers, a header row naming
 * the metric ids).
 */
import type { Bundle, Metric } from '../engine/bundle';

export interface Column {
  /** metric id, or a pseudo id for composite columns */
  id: string;
  title: string;
  format: Metric['format'] | 'text';
}

export const COMPARE_COLUMNS: Column[] = [
  { id: 'price', title: 'Price', format: 'usd' },
  { id: 'marketCap', title: 'Market cap', format: 'usd' },
  { id: 'fdvToMcap', title: 'FDV / float', format: 'ratio' },
  { id: 'revenue30d', title: 'Revenue 30d', format: 'usd' },
  { id: 'fdvToRevenue', title: 'FDV / revenue', format: 'ratio' },
  { id: 'revenueToEmissions', title: 'Revenue / emissions', format: 'ratio' },
  { id: 'nextUnlockPctCirculating', title: 'Next unlock %', format: 'pct' },
  { id: 'nextUnlockDate', title: 'Next unlock', format: 'date' },
  { id: 'network', title: 'Network activity', format: 'count' },
];

export function metricOf(b: Bundle, id: string): Metric | undefined {
  if (id === 'network') return b.metrics.find((m) => m.id.startsWith('network:'));
  return b.metrics.find((m) => m.id === id);
}

/** Sort key: numbers as numbers, ISO dates by time; missing values always last. */
export function sortKey(b: Bundle, id: string): number | null {
  const v = metricOf(b, id)?.value;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

export function sortBundles(rows: Bundle[], id: string, dir: 'asc' | 'desc'): Bundle[] {
  return [...rows].sort((a, b) => {
    const x = sortKey(a, id);
    const y = sortKey(b, id);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return dir === 'asc' ? x - y : y - x;
  });
}

function csvCell(v: string): string {
  // Quote anything with a separator, quote or newline; neutralise spreadsheet formulas
  // (a cell starting with = + - @ would be evaluated by Excel/Sheets).
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row of metric ids; numbers raw (no currency symbols or abbreviations). */
export function toCsv(rows: Bundle[]): string {
  const header = ['symbol', 'name', ...COMPARE_COLUMNS.map((c) => c.id), 'networkMetric'];
  const lines = rows.map((b) => {
    const cells = COMPARE_COLUMNS.map((c) => {
      const v = metricOf(b, c.id)?.value;
      return v === null || v === undefined ? '' : String(v);
    });
    const net = metricOf(b, 'network');
    return [b.asset?.symbol ?? b.pair.base, b.asset?.name ?? '', ...cells, net ? net.id : ''].map(csvCell).join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}
