/**
 * The metric card shared by the overlay and the popup: groups of figures, each carrying the
 * CONTRACT.md attributes (`data-metric`, `data-value`, `data-source`, `data-as-of`) and showing
 * where it came from and how old it is. Pure Preact: no browser APIs, no fetching.
 */
import type { Bundle, Metric, MetricGroup } from '../lib/engine/bundle';
import { formatMetricValue, provenance, sourceLabel } from './format-metric';
import { formatAge, formatCountdown, formatNumber } from '../lib/metrics/format';

export const GROUPS: Array<{ id: MetricGroup; title: string }> = [
  { id: 'market', title: 'Market' },
  { id: 'valuation', title: 'Valuation' },
  { id: 'usage', title: 'Usage and revenue' },
  { id: 'network', title: 'Network' },
  { id: 'unlocks', title: 'Unlocks' },
  { id: 'technicals', title: 'Technicals' },
];

export interface MetricCardProps {
  bundle: Bundle;
  nowMs: number;
  collapsed?: readonly string[];
  onToggleGroup?: (group: MetricGroup) => void;
  hiddenGroups?: readonly string[];
  /** render only the first N groups (progressive first paint); all when absent */
  maxGroups?: number;
}

export function MetricRow({ m, nowMs }: { m: Metric; nowMs: number }) {
  const raw = m.value === null ? '' : String(m.value);
  const missing = m.value === null;
  const trend = typeof m.trendPct === 'number' && Number.isFinite(m.trendPct) ? m.trendPct : null;
  return (
    <div
      class={`tl-metric${missing ? ' tl-missing' : ''}`}
      data-metric={m.id}
      data-value={raw}
      data-source={m.source}
      data-as-of={m.asOfMs === null ? '' : String(m.asOfMs)}
      tabIndex={0}
    >
      <span class="tl-label">{m.label}</span>
      <span class={`tl-value${m.format === 'signedPct' && typeof m.value === 'number' ? (m.value >= 0 ? ' tl-up' : ' tl-down') : ''}`}>
        {formatMetricValue(m, nowMs)}
        {trend !== null ? (
          <span class={`tl-trend ${trend >= 0 ? 'tl-up' : 'tl-down'}`} title={m.trendLabel}>
            {' '}
            {trend >= 0 ? '▲' : '▼'}
            {Math.abs(trend).toFixed(1)}%
          </span>
        ) : null}
      </span>
      <span class="tl-prov">{missing ? (m.note ?? 'unavailable') : provenance(m, nowMs)}</span>
      <span class="tl-explain">
        {m.explain}
        {m.note && !missing ? ` (${m.note})` : ''}
      </span>
    </div>
  );
}

export function MetricCard({ bundle, nowMs, collapsed = [], onToggleGroup, hiddenGroups = [], maxGroups }: MetricCardProps) {
  const byGroup = new Map<MetricGroup, Metric[]>();
  for (const m of bundle.metrics) {
    const list = byGroup.get(m.group) ?? [];
    list.push(m);
    byGroup.set(m.group, list);
  }
  return (
    <div class="tl-card">
      {GROUPS.filter((g) => byGroup.has(g.id) && !hiddenGroups.includes(g.id)).slice(0, maxGroups).map((g) => {
        const isCollapsed = collapsed.includes(g.id);
        const metrics = byGroup.get(g.id) ?? [];
        const available = metrics.filter((m) => m.value !== null).length;
        return (
          <section class="tl-group" data-group={g.id} key={g.id}>
            <button
              type="button"
              class="tl-group-head"
              aria-expanded={!isCollapsed}
              onClick={() => onToggleGroup?.(g.id)}
            >
              <span>{isCollapsed ? '▸' : '▾'} {g.title}</span>
              {available < metrics.length ? <span class="tl-group-count">{available}/{metrics.length}</span> : null}
            </button>
            <div class="tl-group-body" hidden={isCollapsed}>
              {metrics.map((m) => (
                <MetricRow m={m} nowMs={nowMs} key={m.id} />
              ))}
              {g.id === 'unlocks' && bundle.unlockSchedule ? <UnlockDetail bundle={bundle} nowMs={nowMs} /> : null}
              {g.id === 'usage' && bundle.methodology ? <Methodology bundle={bundle} /> : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function UnlockDetail({ bundle, nowMs }: { bundle: Bundle; nowMs: number }) {
  const s = bundle.unlockSchedule;
  if (!s) return null;
  const next = bundle.metrics.find((m) => m.id === 'nextUnlockDate');
  const max = Math.max(1, ...s.months.map((m) => m.cliff + m.linear));
  return (
    <div class="tl-unlock-detail">
      {s.recipients.length > 0 ? (
        <div class="tl-recipients">
          {typeof next?.value === 'string' ? `${formatCountdown(Date.parse(next.value), nowMs)} → ` : ''}
          {s.recipients
            .slice(0, 3)
            .map((r) => `${r.recipient || r.category} ${formatNumber(r.amount)}`)
            .join(' · ')}
        </div>
      ) : null}
      {s.months.length > 0 ? (
        <div class="tl-months" role="img" aria-label="Tokens unlocking per month">
          {s.months.map((m) => {
            const total = m.cliff + m.linear;
            const label = new Date(m.monthStartMs).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
            return (
              <div class="tl-month" key={m.monthStartMs} title={`${label}: ${formatNumber(total)} tokens`}>
                <div class="tl-month-bar" style={{ height: `${Math.round((total / max) * 100)}%` }} />
                <span>{label}</span>
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

function Methodology({ bundle }: { bundle: Bundle }) {
  const text = bundle.methodology?.revenue ?? bundle.methodology?.fees;
  if (!text) return null;
  return (
    <details class="tl-method">
      <summary>How DefiLlama counts it</summary>
      <p>{text}</p>
    </details>
  );
}

/** The "where from, how old" list, with failures named. */
export function SourceList({ bundle, nowMs }: { bundle: Bundle; nowMs: number }) {
  return (
    <ul class="tl-sources">
      {bundle.sources.map((s) => (
        <li key={`${s.source}:${s.what}`} class={s.absent ? 'tl-src-absent' : s.ok ? (s.stale ? 'tl-src-stale' : 'tl-src-ok') : 'tl-src-fail'} data-source-status={s.source}>
          <strong>{sourceLabel(s.source)}</strong> {s.what}:{' '}
          {s.absent
            ? (s.error ?? 'not covered')
            : s.ok
            ? `${s.stale ? 'stale, ' : ''}${s.asOfMs ? formatAge(Math.max(0, nowMs - s.asOfMs)) : 'ok'}`
            : `${s.error ?? 'failed'}${s.asOfMs ? ` (last worked ${formatAge(Math.max(0, nowMs - s.asOfMs))})` : ' (no earlier data)'}`}
        </li>
      ))}
    </ul>
  );
}
