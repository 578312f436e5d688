/**
 * The in-page panel: header (asset, state, controls), the metric card, and the sources footer.
 * Draggable by its header, collapsible to a small pill. Position handling is the caller's: this
 * component reports moves through `onMove` and never touches storage or extension APIs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Bundle, MetricGroup, OverlayState } from '../lib/engine/bundle';
import { MetricCard, SourceList } from './MetricCard';
import { formatMetricValue } from './format-metric';
import { verdict } from '../lib/metrics/verdict';

export interface OverlayPosition {
  /** px from the viewport's left edge */
  x: number;
  /** px from the viewport's top edge */
  y: number;
  collapsed: boolean;
}

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
  theme: 'dark' | 'light';
  collapsedGroups: readonly string[];
  hiddenGroups?: readonly string[];
  onMove(p: OverlayPosition): void;
  onToggleGroup(g: MetricGroup): void;
  onRetry(): void;
  onChooseAsset?(assetId: string): void;
}

/** The badge says the state's own name, except `ready`, which reads "live". */
const stateText = (s: OverlayState): string => (s === 'ready' ? 'live' : s);

export function Overlay(p: OverlayProps) {
  const panel = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ dx: number; dy: number; id: number } | null>(null);
  const pos = clampToViewport(p.position);

  useEffect(() => {
    if (!drag) return;
    const el = panel.current;
    const move = (e: PointerEvent) => {
      if (e.pointerId !== drag.id) return;
      p.onMove(clampToViewport({ ...p.position, x: e.clientX - drag.dx, y: e.clientY - drag.dy }));
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId === drag.id) setDrag(null);
    };
    el?.addEventListener('pointermove', move);
    el?.addEventListener('pointerup', up);
    el?.addEventListener('pointercancel', up);
    return () => {
      el?.removeEventListener('pointermove', move);
      el?.removeEventListener('pointerup', up);
      el?.removeEventListener('pointercancel', up);
    };
  }, [drag, p.position]);

  const startDrag = (e: PointerEvent) => {
    if ((e.target as HTMLElement).closest('button, select, a')) return;
    const el = panel.current;
    if (!el) return;
    el.setPointerCapture?.(e.pointerId);
    setDrag({ dx: e.clientX - pos.x, dy: e.clientY - pos.y, id: e.pointerId });
  };

  const price = p.bundle?.metrics.find((m) => m.id === 'price');
  const change = p.bundle?.metrics.find((m) => m.id === 'change24h');
  const toggle = () => p.onMove({ ...p.position, collapsed: !p.position.collapsed });

  return (
    <div
      ref={panel}
      class={`tl-root tl-${p.theme}${p.position.collapsed ? ' tl-collapsed' : ''}`}
      data-tokenlens="overlay"
      data-asset={p.asset}
      data-state={p.state}
      data-theme={p.theme}
      style={{ left: `${pos.x}px`, top: `${pos.y}px` }}
      role="complementary"
      aria-label={`Tokenlens fundamentals for ${p.asset}`}
    >
      <div class="tl-head" onPointerDown={startDrag}>
        <span class="tl-title">
          <strong>{p.asset}</strong>
          {p.bundle?.asset ? <span class="tl-name"> {p.bundle.asset.name}</span> : null}
        </span>
        {p.position.collapsed && price ? (
          <span class="tl-pill-price">
            {formatMetricValue(price, p.nowMs)}
            {change ? ` ${formatMetricValue(change, p.nowMs)}` : ''}
          </span>
        ) : null}
        <span class={`tl-state tl-state-${p.state}`}>{stateText(p.state)}</span>
        <button type="button" class="tl-btn" onClick={toggle} aria-expanded={!p.position.collapsed} aria-label={p.position.collapsed ? 'Expand Tokenlens' : 'Collapse Tokenlens'} title="Alt+Shift+L">
          {p.position.collapsed ? '▢' : '–'}
        </button>
      </div>
      {p.position.collapsed ? null : (
        <div class="tl-body">
          <Body {...p} />
        </div>
      )}
    </div>
  );
}

function Body(p: OverlayProps) {
  // Progressive first paint for a new pair: market and valuation in the first frame, the other
  // groups in the next, so the first render never becomes one long frame on the trading page
  // (QUALITY.md: no long animation frames caused by the extension).
  const [full, setFull] = useState(false);
  useEffect(() => {
    setFull(false);
    const id = requestAnimationFrame(() => setFull(true));
    return () => cancelAnimationFrame(id);
  }, [p.asset, !!p.bundle]);
  if (p.state === 'loading' && !p.bundle) {
    return (
      <div class="tl-loading" aria-busy="true">
        Fetching {p.asset} fundamentals…
      </div>
    );
  }
  if (p.state === 'unsupported') {
    return (
      <div class="tl-message">
        <strong>{p.asset}/{p.quote} is unsupported.</strong> {p.message ?? 'Tokenlens could not tell which asset this ticker is.'}
      </div>
    );
  }
  if (!p.bundle) {
    return (
      <div class="tl-message">
        <strong>No data.</strong> {p.message ?? 'The data sources did not answer.'}{' '}
        <button type="button" class="tl-link" onClick={p.onRetry}>
          Retry
        </button>
      </div>
    );
  }
  const b = p.bundle;
  const strip = verdict(b, p.nowMs);
  return (
    <>
      {strip ? (
        <p class="tl-verdict" data-tokenlens-verdict="">
          {strip}
        </p>
      ) : null}
      {b.asset && b.alternatives.length > 0 ? (
        <div class="tl-ambiguous">
          <label>
            {b.pair.base} could be several assets; showing{' '}
            <select
              aria-label="Which asset is this ticker"
              value={b.asset.id}
              onChange={(e) => p.onChooseAsset?.((e.target as HTMLSelectElement).value)}
            >
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
      ) : null}
      {b.notes.length > 0 ? (
        <ul class="tl-notes">
          {b.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <MetricCard bundle={b} nowMs={p.nowMs} collapsed={p.collapsedGroups} onToggleGroup={p.onToggleGroup} hiddenGroups={p.hiddenGroups} {...(full ? {} : { maxGroups: 2 })} />
      <details class="tl-foot">
        <summary>Sources</summary>
        <SourceList bundle={b} nowMs={p.nowMs} />
        {p.state !== 'ready' ? (
          <button type="button" class="tl-link" onClick={p.onRetry}>
            Refresh now
          </button>
        ) : null}
      </details>
    </>
  );
}

/** Keeps at least the header on screen after a resize or a stored position from a larger window. */
export function clampToViewport(p: OverlayPosition): OverlayPosition {
  const w = innerWidth;
  const h = innerHeight;
  return { ...p, x: Math.round(Math.min(Math.max(0, p.x), Math.max(0, w - 120))), y: Math.round(Math.min(Math.max(0, p.y), Math.max(0, h - 36))) };
}
