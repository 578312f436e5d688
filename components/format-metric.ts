/**
 * Turns a metric into the text people read: its value by declared format (lib/metrics/format.ts,
 * in the UI locale) and its label and formula from `_locales` by metric id, falling back to the
 * worker's English text for figures the messages do not name (a new network's own keys).
 */
import type { Metric, Note } from '../lib/engine/bundle';
import { t, tn } from '../lib/i18n';
import { sourceLabel } from '../lib/labels';
import { formatAge, formatCount, formatCountdown, formatIndex, formatNumber, formatPct, formatPrice, formatRatio, formatUsd } from '../lib/metrics/format';

/** USD figures that are prices (shown in full), as opposed to totals (shown compact). */
const PRICES = new Set(['price', 'ath', 'sma50', 'support', 'resistance']);

export function formatMetricValue(m: Pick<Metric, 'format' | 'value'> & { id?: string }, nowMs: number): string {
  const v = m.value;
  if (v === null || v === '') return '—';
  if (m.format === 'date') {
    const t = typeof v === 'string' ? Date.parse(v) : v;
    return Number.isFinite(t) ? formatCountdown(t, nowMs) : '—';
  }
  if (typeof v !== 'number') return '—';
  switch (m.format) {
    case 'usd':
      return m.id && PRICES.has(m.id) ? formatPrice(v) : formatUsd(v);
    case 'pct':
      return formatPct(v);
    case 'signedPct':
      return formatPct(v, { signed: true });
    case 'ratio':
      return formatRatio(v);
    case 'tokens':
      return formatNumber(v);
    case 'count':
      return formatCount(v);
    case 'eib':
      return `${formatCount(v)} EiB`;
    case 'index':
      return formatIndex(v);
  }
}

/**
 * Message key of a metric id: `m_marketCap`, `m_net_gpus` (labels), `x_…` (formulas); every
 * `sector:<id>` median is labelled `m_sector` (its tooltip is the worker's Note).
 */
function key(prefix: 'm' | 'x', id: string): string {
  return id.startsWith('network:') ? `${prefix}_net_${id.slice(8)}` : `${prefix}_${id.startsWith('sector:') ? 'sector' : id}`;
}

/**
 * The metric's name in the UI language: the figure's own Note (a network figure named for what
 * its source counts), else the `m_…` message, else the English label.
 */
export function metricLabel(m: { id: string; label?: string; labelNote?: Note }): string {
  if (m.labelNote) return tn(m.labelNote);
  const k = key('m', m.id);
  const s = t(k);
  return s === k ? (m.label ?? m.id) : s;
}

/** The metric's formula or definition in the UI language. */
export function metricExplain(m: Pick<Metric, 'id' | 'explain' | 'source'>): string {
  if (m.id.startsWith('network:')) return t('x_network', sourceLabel(m.source));
  const k = key('x', m.id);
  const s = t(k);
  return s === k ? (typeof m.explain === 'object' ? tn(m.explain) : (m.explain ?? '')) : s;
}

/** "CoinGecko · 3m ago" */
export function provenance(m: { source: string; asOfMs: number | null }, nowMs: number): string {
  const age = m.asOfMs === null ? '' : ` · ${formatAge(Math.max(0, nowMs - m.asOfMs))}`;
  return `${sourceLabel(m.source)}${age}`;
}

export { sourceLabel };
