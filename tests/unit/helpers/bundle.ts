/**
 * Typed test bundles: every field a real Bundle has, metrics with their real labels, groups and
 * formats (METRIC_SPECS). Tests state only the values they care about, and the compiler still
 * checks the rest, so a change of the Bundle shape breaks the fixtures loudly instead of hiding
 * behind a cast.
 */
import { METRIC_SPECS } from '../../../lib/engine/assemble';
import type { Bundle, Metric, MetricId } from '../../../lib/engine/bundle';

export type MetricValues = Partial<Record<MetricId, Metric['value']>>;

export function metricOf(id: MetricId, value: Metric['value'], extra: Partial<Metric> = {}): Metric {
  const spec = id.startsWith('network:') ? { group: 'network' as const, label: id.slice('network:'.length), format: 'count' as const, explain: '' } : METRIC_SPECS[id as keyof typeof METRIC_SPECS];
  return { id, ...spec, value, source: 'computed', asOfMs: value === null ? null : 0, ...extra };
}

/** A ready bundle of `symbol` (venue-less, USD-quoted, as the popup and comparison page ask). */
export function bundleOf(values: MetricValues, over: Partial<Bundle> & { symbol?: string; name?: string } = {}): Bundle {
  const { symbol = 'TAO', name = symbol, ...rest } = over;
  const ids = Object.keys(values) as MetricId[];
  return {
    state: 'ready',
    pair: { venue: null, base: symbol, quote: 'USD', market: 'spot' },
    asset: { id: symbol.toLowerCase(), symbol, name },
    assetVia: 'override',
    alternatives: [],
    metrics: ids.map((id) => metricOf(id, values[id] ?? null)),
    sources: [],
    candlesFrom: null,
    notes: [],
    generatedAtMs: 0,
    ...rest,
  };
}
