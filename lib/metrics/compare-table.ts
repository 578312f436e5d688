/**
 * The comparison table's columns and CSV, pure: the page renders these rows and the CSV export
 * writes the same raw numbers (CONTRACT.md: one row per token, raw numbers, a header row naming
 * the metric ids).
 */
import type { Bundle, Metric } from '../engine/bundle';

/**
 * The fixed columns, by metric id; the page names them with the same labels as the overlay
 * (`_locales`, `m_<id>`). Network activity follows as one column per `network:<key>` present
 * (`networkColumns`): EiB of storage is not sortable against a count of providers.
 */
export const COMPARE_COLUMNS: string[] = [
  'price',
  'marketCap',
  'fdvToMcap',
  'revenue30d',
  'fdvToRevenue',
  'revenueToEmissions',
  'nextUnlockPctCirculating',
  'nextUnlockDate',
];

/** Every `network:<key>` some row has a value for, in first-seen order. */
export function networkColumns(rows: Bundle[]): string[] {
  const ids = new Set<string>();
  for (const b of rows) for (const m of b.metrics) if (m.id.startsWith('network:') && m.value !== null) ids.add(m.id);
  return [...ids];
}

/** The table's columns for these rows: the fixed ones, then one per network figure. */
export function compareColumns(rows: Bundle[]): string[] {
  return [...COMPARE_COLUMNS, ...networkColumns(rows)];
}

export function metricOf(b: Bundle, id: string): Metric | undefined {
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
  const columns = compareColumns(rows);
  const header = ['symbol', 'name', ...columns];
  const lines = rows.map((b) => {
    const cells = columns.map((id) => {
      const v = metricOf(b, id)?.value;
      return v === null || v === undefined ? '' : String(v);
    });
    return [b.asset?.symbol ?? b.pair.base, b.asset?.name ?? '', ...cells].map(csvCell).join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}
