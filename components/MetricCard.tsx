/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (`h(type, props, ...children)`) in everything the content script renders: ~180 B
// gzip less than the automatic runtime's `{ children: [...] }` objects (QUALITY.md: 20 KB).
import { h, Fragment } from 'preact';
/**
 * The metric card shared by the overlay and the popup: groups of figures, each carrying the
 * CONTRACT.md attributes (`data-metric`, `data-value`, `data-source`, `data-as-of`). Source and
 * age are said once per group header; a row names its own only when they differ from the
 * group's or the row is stale (issue 9). Pure Preact: no browser APIs, no fetching.
 */
import type { Bundle, Metric, MetricGroup, SourceStatus } from '../lib/engine/bundle';
import { t, tn } from '../lib/i18n';
import { formatMetricValue, metricExplain, metricLabel, provenance, sourceLabel } from './format-metric';
import { formatAge, formatCountdown, formatMonth, formatNumber } from '../lib/metrics/format';

export const GROUPS: MetricGroup[] = ['market', 'valuation', 'usage', 'network', 'unlocks', 'technicals'];
export const groupTitle = (g: string): string => t(`group_${g}`);

export interface MetricCardProps {
  bundle: Bundle;
  nowMs: number;
  collapsed?: readonly string[];
  onToggleGroup?: (group: MetricGroup) => void;
  hiddenGroups?: readonly string[];
  /** render only the first N groups (progressive first paint); all when absent */
  maxGroups?: number;
}

const failedSource = (b: Bundle, source: string): boolean => b.sources.some((s) => s.source === source && !s.ok && !s.absent);
const staleSource = (b: Bundle, source: string): boolean => b.sources.some((s) => s.source === source && s.stale);

/** A group's own source and age: the most common source among its figures, and their oldest age. */
export function groupProvenance(metrics: Metric[]): { source: string; asOfMs: number | null } | null {
  const withValue = metrics.filter((m) => m.value !== null);
  if (withValue.length === 0) return null;
  const count = new Map<string, number>();
  for (const m of withValue) count.set(m.source, (count.get(m.source) ?? 0) + 1);
  const source = [...count.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const ages = withValue.filter((m) => m.source === source && m.asOfMs !== null).map((m) => m.asOfMs!);
  return { source, asOfMs: ages.length ? Math.min(...ages) : null };
}

export function MetricRow({ m, nowMs, own }: { m: Metric; nowMs: number; /** show the row's own source and age */ own?: boolean }) {
  const raw = m.value === null ? '' : String(m.value);
  const missing = m.value === null;
  const trend = typeof m.trendPct === 'number' && Number.isFinite(m.trendPct) ? m.trendPct : null;
  const signed = m.format === 'signedPct' && typeof m.value === 'number' && m.value !== 0;
  return (
    <div class={`tl-metric${missing ? ' tl-missing' : ''}`} data-metric={m.id} data-value={raw} data-source={m.source} data-as-of={m.asOfMs === null ? '' : String(m.asOfMs)} tabIndex={0}>
      <span class="tl-label">{metricLabel(m)}</span>
      <span class={`tl-value${signed ? ((m.value as number) > 0 ? ' tl-up' : ' tl-down') : ''}`}>
        {formatMetricValue(m, nowMs)}
        {trend !== null ? (
          <span class={`tl-trend ${trend > 0 ? 'tl-up' : trend < 0 ? 'tl-down' : 'tl-flat'}`} title={m.trendLabel}>
            {' '}
            {trend >= 0 ? '▲' : '▼'}
            {Math.abs(trend).toFixed(1)}%
          </span>
        ) : null}
      </span>
      {missing && m.note ? <span class="tl-prov">{tn(m.note)}</span> : own && !missing ? <span class="tl-prov">{provenance(m, nowMs)}</span> : null}
      <span class="tl-explain" role="tooltip">
        {metricExplain(m)}
        {m.note && !missing ? ` (${tn(m.note)})` : ''}
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
      {GROUPS.filter((g) => byGroup.has(g) && !hiddenGroups.includes(g))
        .slice(0, maxGroups)
        .map((g) => {
          const isCollapsed = collapsed.includes(g);
          const metrics = byGroup.get(g) ?? [];
          const prov = groupProvenance(metrics);
          const empty = prov === null;
          return (
            <section class="tl-group" data-group={g} key={g}>
              <button type="button" class="tl-group-head" aria-expanded={!isCollapsed} onClick={() => onToggleGroup?.(g)}>
                <span>
                  {isCollapsed ? '▸' : '▾'} {groupTitle(g)}
                </span>
                {prov ? <span class="tl-group-prov">{provenance(prov, nowMs)}</span> : null}
              </button>
              <div class="tl-group-body" hidden={isCollapsed}>
                {empty ? (
                  // Nothing to show: one line with the reason, not a wall of dashes. The rows stay
                  // in the DOM, hidden, so `data-value=""` still says "unavailable" per figure.
                  <>
                    <p class="tl-empty">{tn(metrics.find((m) => m.note)?.note ?? ['ov_group_empty'])}</p>
                    <div hidden>
                      {metrics.map((m) => (
                        <MetricRow m={m} nowMs={nowMs} key={m.id} />
                      ))}
                    </div>
                  </>
                ) : (
                  metrics.map((m) => <MetricRow m={m} nowMs={nowMs} key={m.id} own={(m.source !== prov.source && m.source !== 'computed') || staleSource(bundle, m.source) || failedSource(bundle, m.source)} />)
                )}
                {g === 'unlocks' && bundle.unlockSchedule ? <UnlockDetail bundle={bundle} nowMs={nowMs} /> : null}
                {g === 'usage' && bundle.methodology ? <Methodology bundle={bundle} /> : null}
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
        <div class="tl-months" role="img" aria-label={t('unl_per_month')}>
          {s.months.map((m) => {
            const total = m.cliff + m.linear;
            const label = formatMonth(m.monthStartMs);
            return (
              <div class="tl-month" key={m.monthStartMs} title={t('unl_month', label, formatNumber(total))}>
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
      <summary>{t('how_counted')}</summary>
      <p>{text}</p>
    </details>
  );
}

/** One failed source in plain words: what failed, when it last worked, when it retries. */
export function failureText(s: SourceStatus, nowMs: number, retryAtMs?: number | null): string {
  const name = sourceLabel(s.source);
  const limited = /429|rate/i.test(s.error ?? '');
  const parts = [limited ? t('src_limited', name) : t('src_failed', name, s.error ?? t(s.what))];
  if (retryAtMs && retryAtMs > nowMs) parts.push(t('src_retrying', formatCountdown(retryAtMs, nowMs)));
  parts.push(s.asOfMs ? t('src_last_worked', formatAge(Math.max(0, nowMs - s.asOfMs))) : t('src_no_earlier'));
  if (limited && s.source === 'coingecko') parts.push(t('src_key_hint'));
  return parts.join(' ');
}

/**
 * Real failures in amber (one line per failed source), then one muted line naming the groups the
 * asset has nothing for, "Not covered: unlocks, network", that expands to the worker's reasons.
 */
export function Coverage({ bundle, nowMs, retryAtMs, failuresOnly }: { bundle: Bundle; nowMs: number; retryAtMs?: number | null; /** compact view: amber failures only */ failuresOnly?: boolean }) {
  const failed = bundle.sources.filter((s) => !s.ok && !s.absent);
  const seen = new Set<string>();
  const failures = failed.filter((s) => !seen.has(s.source) && seen.add(s.source));
  const notes = failuresOnly ? [] : bundle.notes;
  const notCovered = failuresOnly ? [] : GROUPS.filter((g) => g !== 'market' && !bundle.metrics.some((m) => m.group === g && m.value !== null)).map(groupTitle);
  if (failures.length === 0 && notes.length === 0 && notCovered.length === 0) return null;
  return (
    <div class="tl-notes">
      {failures.map((s) => (
        <p class="tl-fail" key={s.source} data-failed={s.source}>
          {failureText(s, nowMs, retryAtMs)}
        </p>
      ))}
      {notes.length > 0 || notCovered.length > 0 ? (
        <details class="tl-cover">
          <summary>{notCovered.length ? t('ov_not_covered', notCovered.join(', ')) : t('ov_sources')}</summary>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{tn(n)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** The "where from, how old" list, with failures named. */
export function SourceList({ bundle, nowMs }: { bundle: Bundle; nowMs: number }) {
  return (
    <ul class="tl-sources">
      {bundle.sources.map((s) => (
        <li key={`${s.source}:${s.what}`} class={s.absent ? 'tl-src-absent' : s.ok ? (s.stale ? 'tl-src-stale' : 'tl-src-ok') : 'tl-src-fail'} data-source-status={s.source}>
          <strong>{sourceLabel(s.source)}</strong> {t(s.what)}:{' '}
          {s.absent
            ? (s.error ?? t('src_not_covered'))
            : s.ok
              ? `${s.stale ? `${t('ov_stale')}, ` : ''}${s.asOfMs ? formatAge(Math.max(0, nowMs - s.asOfMs)) : t('src_ok')}`
              : failureText(s, nowMs)}
        </li>
      ))}
    </ul>
  );
}
