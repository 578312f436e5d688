/** Turns a metric's raw value into the text people read, by its declared format. */
import type { Metric } from '../lib/engine/bundle';
import { sourceLabel } from '../lib/labels';
import { formatAge, formatCountdown, formatNumber, formatPct, formatRatio, formatUsd } from '../lib/metrics/format';

export function formatMetricValue(m: Pick<Metric, 'format' | 'value'>, nowMs: number): string {
  const v = m.value;
  if (v === null || v === '') return '—';
  if (m.format === 'date') {
    const t = typeof v === 'string' ? Date.parse(v) : v;
    return Number.isFinite(t) ? formatCountdown(t, nowMs) : '—';
  }
  if (typeof v !== 'number') return '—';
  switch (m.format) {
    case 'usd':
      return formatUsd(v);
    case 'pct':
      return formatPct(v, { signed: false });
    case 'signedPct':
      return formatPct(v, { signed: true });
    case 'ratio':
      return formatRatio(v);
    case 'tokens':
    case 'count':
      return formatNumber(v);
    case 'eib':
      return `${formatNumber(v)} EiB`;
    case 'index':
      return v.toFixed(1);
  }
}

/** "coingecko · 3 min ago" */
export function provenance(m: Pick<Metric, 'source' | 'asOfMs'>, nowMs: number): string {
  const age = m.asOfMs === null ? '' : ` · ${formatAge(Math.max(0, nowMs - m.asOfMs))}`;
  return `${sourceLabel(m.source)}${age}`;
}

export { sourceLabel };
