/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (`h(type, props, ...children)`) in everything the content script renders: ~180 B
// gzip less than the automatic runtime's `{ children: [...] }` objects (QUALITY.md: 20 KB).
import { Component, h, Fragment } from 'preact';
/**
 * The in-page panel: header (asset, state, controls) and either the compact card (the figures
 * that decide a trade) or the full card (every group), plus the failure and coverage lines.
 * Draggable by its header, collapsible to a pill that shows what the page does not (FDV/MC, the
 * next unlock). Placement, view and storage are the caller's: this component reports changes
 * through callbacks and never touches storage or extension APIs.
 */
import type { Bundle, Metric, MetricGroup, OverlayState } from '../lib/engine/bundle';
import type { OverlayCorner } from '../lib/exchanges/define';
import { t, type UpColor } from '../lib/i18n';
import { formatCountdown, formatPct, formatRatio } from '../lib/metrics/format';
import { Coverage, MetricCard } from './MetricCard';
import { Verdict } from './Verdict';
import { compactMetrics, pillParts } from './compact';
import { formatMetricValue, metricExplain, metricLabel } from './format-metric';

export interface OverlayPosition {
  /** px from the viewport's left edge; null: the venue's default corner */
  x: number | null;
  /** px from the viewport's top edge; null: the venue's default corner */
  y: number | null;
  collapsed: boolean;
}

export type OverlayView = 'compact' | 'full';

export interface OverlayProps {
  /** base ticker on screen (CONTRACT.md `data-asset`) */
  asset: string;
  quote: string;
  state: OverlayState;
  bundle: Bundle | null;
  /** shown in error/unsupported states */
  message?: string;
  nowMs: number;
  position: OverlayPosition;
  /** where the panel sits until the user drags it (the venue's clear corner) */
  corner?: OverlayCorner;
  view: OverlayView;
  theme: 'dark' | 'light';
  upColor: UpColor;
  collapsedGroups: readonly string[];
  hiddenGroups?: readonly string[];
  /** when the next automatic retry happens (epoch ms), for the failure line */
  retryAtMs?: number | null;
  onMove(p: OverlayPosition): void;
  onToggleView(): void;
  onToggleGroup(g: MetricGroup): void;
  onRetry(): void;
  onChooseAsset?(assetId: string): void;
}

const EDGE = 8;
/** Clear of the venues' footers and status bars. */
const BOTTOM = 40;
const TOP = 112;

type Drag = { dx: number; dy: number; id: number; x: number; y: number };

// Class components, not hooks, in everything the content script renders: preact/hooks is ~1 KB
// gzip of the page budget (QUALITY.md: 20 KB) and Component is in preact's core anyway.
export class Overlay extends Component<OverlayProps, { drag: Drag | null; all?: boolean }> {
  panel: { current: HTMLDivElement | null } = { current: null };
  raf = 0;

  /**
   * Progressive first paint for a new pair (or a panel opened again): market and valuation in
   * the first frame, the other groups in the next, so the first render never becomes one long
   * frame on the trading page (QUALITY.md: no long animation frames caused by the extension).
   * Two frames out: a mount or update runs before the browser paints, and one
   * requestAnimationFrame would land before that same paint.
   */
  arm() {
    cancelAnimationFrame(this.raf);
    if (this.state.all) this.setState({ all: false });
    this.raf = requestAnimationFrame(() => (this.raf = requestAnimationFrame(() => this.setState({ all: true }))));
  }

  override componentDidMount() {
    this.arm();
  }

  override componentDidUpdate(prev: OverlayProps) {
    const p = this.props;
    if (prev.asset !== p.asset || !prev.bundle !== !p.bundle || prev.view !== p.view || (prev.position.collapsed && !p.position.collapsed)) this.arm();
  }

  override componentWillUnmount() {
    cancelAnimationFrame(this.raf);
  }

  // While a drag is on, the pointer is captured by the panel (setPointerCapture), so its own
  // move/up/cancel events follow the pointer anywhere; without a drag they do nothing.
  move = (e: PointerEvent) => {
    const drag = this.state.drag;
    if (drag && e.pointerId === drag.id) this.setState({ drag: { ...drag, ...clampToViewport({ x: e.clientX - drag.dx, y: e.clientY - drag.dy }) } });
  };

  up = (e: PointerEvent) => {
    const drag = this.state.drag;
    if (!drag || e.pointerId !== drag.id) return;
    this.setState({ drag: null });
    this.props.onMove({ ...this.props.position, x: drag.x, y: drag.y });
  };

  startDrag = (e: PointerEvent) => {
    if ((e.target as HTMLElement).closest('button, select, a')) return;
    const el = this.panel.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    el.setPointerCapture?.(e.pointerId);
    this.setState({ drag: { dx: e.clientX - r.left, dy: e.clientY - r.top, id: e.pointerId, x: Math.round(r.left), y: Math.round(r.top) } });
  };

  render(p: OverlayProps, { drag, all }: { drag: Drag | null; all?: boolean }) {
    const full = p.view === 'full';
    const placed = drag ?? (p.position.x !== null && p.position.y !== null ? clampToViewport({ x: p.position.x, y: p.position.y }) : null);

    // Placement: the stored spot, else the venue's corner. The height limit is measured from the
    // panel's own top edge, so the full view's last row can always be scrolled into view (issue 9:
    // a limit of "viewport − 24 px" for a panel starting 112 px down hid Support and Sources).
    let style: Record<string, string>;
    if (placed) {
      // A full panel dragged low moves up enough to show a useful height.
      const y = full && !p.position.collapsed ? Math.min(placed.y, Math.max(8, innerHeight - 420)) : placed.y;
      style = { left: `${placed.x}px`, top: `${y}px`, maxHeight: `calc(100vh - ${y + 8}px)` };
    } else {
      const c = p.corner ?? 'bottom-left';
      const [v, h] = c.split('-') as ['top' | 'bottom', 'left' | 'right' | 'center'];
      style = {
        ...(v === 'top' ? { top: `${TOP}px`, maxHeight: `calc(100vh - ${TOP + 8}px)` } : { bottom: `${BOTTOM}px`, maxHeight: `calc(100vh - ${BOTTOM + 8}px)` }),
        ...(h === 'right' ? { right: `${EDGE}px` } : h === 'center' ? { left: 'calc(50% - 144px)' } : { left: `${EDGE}px` }),
      };
    }

    const toggle = () => p.onMove({ ...p.position, collapsed: !p.position.collapsed });
    const pill = p.bundle ? pillParts(p.bundle) : null;
    const pillText = pill
      ? [
          pill.fdvToMcap !== null ? t('ov_pill_fdv', formatRatio(pill.fdvToMcap)) : '',
          pill.unlockDate ? t('ov_pill_unlock', formatCountdown(Date.parse(pill.unlockDate), p.nowMs, 'narrow'), pill.unlockPct !== null ? formatPct(pill.unlockPct) : '').trim() : '',
        ]
          .filter(Boolean)
          .join(' · ')
      : '';

    return (
      <div
        ref={this.panel}
        onPointerMove={this.move}
        onPointerUp={this.up}
        onPointerCancel={this.up}
        class={`tl-root tl-${p.theme} tl-view-${p.view}${p.position.collapsed ? ' tl-collapsed' : ''}`}
        data-tokenlens="overlay"
        data-asset={p.asset}
        data-state={p.state}
        data-theme={p.theme}
        data-view={p.view}
        data-up-color={p.upColor}
        style={style}
        role="complementary"
        aria-label={t('ov_aria', p.asset)}
      >
        <div class="tl-head" onPointerDown={this.startDrag}>
          <span class="tl-title">
            <strong>{p.asset}</strong>
            {p.bundle?.asset && !p.position.collapsed ? <span class="tl-name"> {p.bundle.asset.name}</span> : null}
          </span>
          {p.position.collapsed && pillText ? <span class="tl-pill">{pillText}</span> : null}
          <span class={`tl-state tl-state-${p.state}`}>{t(`state_${p.state}`)}</span>
          {p.position.collapsed ? null : (
            <button
              type="button"
              class="tl-btn"
              data-tokenlens-action="toggle-view"
              aria-expanded={full}
              aria-label={full ? t('ov_show_compact') : t('ov_show_full')}
              title={full ? t('ov_show_compact') : t('ov_show_full')}
              onClick={p.onToggleView}
            >
              {full ? '⊟' : '⊞'}
            </button>
          )}
          <button type="button" class="tl-btn" onClick={toggle} aria-expanded={!p.position.collapsed} aria-label={p.position.collapsed ? t('ov_expand') : t('ov_collapse')} title="Alt+Shift+L">
            {p.position.collapsed ? '▢' : '–'}
          </button>
        </div>
        {p.position.collapsed ? null : (
          <div class="tl-body">
            {body(p, all)}
          </div>
        )}
      </div>
    );
  }
}

function body(p: OverlayProps, all?: boolean) {
  if (p.state === 'loading' && !p.bundle) {
    return (
      <div class="tl-loading" aria-busy="true">
        {t('ov_loading', p.asset)}
      </div>
    );
  }
  if (p.state === 'unsupported') {
    return (
      <div class="tl-message">
        <strong>{t('ov_unsupported', `${p.asset}/${p.quote}`)}</strong> {p.message ?? t('ov_unsupported_why')}
      </div>
    );
  }
  if (!p.bundle) {
    return (
      <div class="tl-message">
        <strong>{t('ov_nodata')}</strong> {p.message ?? t('ov_nodata_why')}{' '}
        <button type="button" class="tl-link" onClick={p.onRetry}>
          {t('ov_retry')}
        </button>
      </div>
    );
  }
  const b = p.bundle;
  const ambiguous =
    b.asset && b.alternatives.length > 0 ? (
      <div class="tl-ambiguous">
        <label>
          {t('ov_ambiguous', b.pair.base)}{' '}
          <select aria-label={t('ov_which')} value={b.asset.id} onChange={(e) => p.onChooseAsset?.((e.target as HTMLSelectElement).value)}>
            <option value={b.asset.id}>{b.asset.name}</option>
            {b.alternatives.map((a) => (
              <option value={a.id} key={a.id}>
                {a.name}
                {a.rank ? ` (#${a.rank})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
    ) : null;
  if (p.view === 'compact') {
    const figures = compactMetrics(b);
    return (
      <>
        {ambiguous}
        <Compact figures={figures} nowMs={p.nowMs} />
        <Verdict bundle={b} nowMs={p.nowMs} max={2} />
        <Coverage bundle={b} nowMs={p.nowMs} retryAtMs={p.retryAtMs} failuresOnly />
      </>
    );
  }
  return (
    <>
      <Verdict bundle={b} nowMs={p.nowMs} />
      {ambiguous}
      <Coverage bundle={b} nowMs={p.nowMs} retryAtMs={p.retryAtMs} />
      <MetricCard bundle={b} nowMs={p.nowMs} collapsed={p.collapsedGroups} onToggleGroup={p.onToggleGroup} hiddenGroups={p.hiddenGroups} {...(all ? {} : { maxGroups: 2 })} />
      {/* Source and age are on each group header, failures and gaps in the lines above: no
          separate sources list in the page (the popup keeps one). */}
      {p.state !== 'ready' ? (
        <button type="button" class="tl-link tl-refresh" onClick={p.onRetry}>
          {t('ov_refresh')}
        </button>
      ) : null}
    </>
  );
}

/** One compact figure: the CONTRACT.md attributes, the value, its formula as a tooltip. */
function Fig({ m, nowMs }: { m: Metric; nowMs: number }) {
  return (
    <span class="tl-fig" data-metric={m.id} data-value={m.value === null ? '' : String(m.value)} data-source={m.source} data-as-of={m.asOfMs === null ? '' : String(m.asOfMs)} title={metricExplain(m)}>
      {formatMetricValue(m, nowMs)}
    </span>
  );
}

/** The compact grid: two columns of label over value; the next unlock's date and share share a cell. */
function Compact({ figures, nowMs }: { figures: Metric[]; nowMs: number }) {
  if (figures.length === 0) return <p class="tl-empty">{t('ov_compact_empty')}</p>;
  const date = figures.find((m) => m.id === 'nextUnlockDate');
  const pct = figures.find((m) => m.id === 'nextUnlockPctCirculating');
  const cells: Array<{ key: string; label: string; figs: Metric[] }> = [];
  for (const m of figures) {
    if (m === pct && date) continue;
    if (m === date) cells.push({ key: m.id, label: metricLabel(m), figs: pct ? [m, pct] : [m] });
    else cells.push({ key: m.id, label: metricLabel(m), figs: [m] });
  }
  return (
    <div class="tl-compact">
      {cells.map((c) => (
        <div class="tl-cell" key={c.key} tabIndex={0}>
          <span class="tl-label">{c.label}</span>
          <span class="tl-value">
            {c.figs.map((m, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <Fig m={m} nowMs={nowMs} key={m.id} />
              </>
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Keeps at least the header on screen after a resize or a stored position from a larger window. */
export function clampToViewport(p: { x: number; y: number }): { x: number; y: number } {
  const w = innerWidth;
  const h = innerHeight;
  return { x: Math.round(Math.min(Math.max(0, p.x), Math.max(0, w - 120))), y: Math.round(Math.min(Math.max(0, p.y), Math.max(0, h - 36))) };
}
