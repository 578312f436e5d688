// @vitest-environment happy-dom
/**
 * The overlay's two views, rendered with @testing-library/preact: which figures the compact card
 * shows for an asset with everything, with no fundamentals, and with only market data; the
 * toggle's attributes; the pill; the failure line; red-up colours in Chinese.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { Overlay, type OverlayProps } from '../../components/Overlay';
import { compactMetrics } from '../../components/compact';
import type { Bundle, Metric, MetricFormat, MetricGroup, Note, SourceStatus } from '../../lib/engine/bundle';
import { setMessages } from '../../lib/i18n';
import { messagesGetter } from './messages';

const NOW = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;

function m(id: string, group: MetricGroup, format: MetricFormat, value: number | string | null, source = 'coingecko'): Metric {
  return { id, group, format, value, source, asOfMs: value === null ? null : NOW - 60_000, label: id, explain: '' } as Metric;
}

const MARKET = [m('price', 'market', 'usd', 412.3, 'kucoin'), m('change24h', 'market', 'signedPct', 1.1, 'kucoin'), m('volume24h', 'market', 'usd', 2.1e7, 'kucoin')];
const VALUATION = [m('marketCap', 'valuation', 'usd', 3.65e9), m('fdv', 'valuation', 'usd', 8.6e9), m('fdvToMcap', 'valuation', 'ratio', 2.36, 'computed')];
const FUNDAMENTALS = [
  m('revenue30d', 'usage', 'usd', 127_000, 'defillama'),
  m('fees30d', 'usage', 'usd', 344_000, 'defillama'),
  m('nextUnlockDate', 'unlocks', 'date', new Date(NOW + 11 * DAY).toISOString(), 'defillama'),
  m('nextUnlockPctCirculating', 'unlocks', 'pct', 2.0, 'computed'),
  m('unlockPressure', 'unlocks', 'ratio', 1.84, 'computed'),
  m('network:activeMiners', 'network', 'count', 3127, 'filfox'),
  m('network:storagePowerEiB', 'network', 'eib', 22.4, 'filfox'),
];

function bundle(metrics: Metric[], sources: SourceStatus[] = [], notes: Note[] = []): Bundle {
  return {
    state: 'ready',
    pair: { venue: 'kucoin', base: 'FIL', quote: 'USDT', market: 'spot' },
    asset: { id: 'filecoin', symbol: 'FIL', name: 'Filecoin' },
    assetVia: 'override',
    alternatives: [],
    metrics,
    sources,
    candlesFrom: null,
    notes,
    generatedAtMs: NOW,
  };
}

function props(b: Bundle, over: Partial<OverlayProps> = {}): OverlayProps {
  return {
    asset: 'FIL',
    quote: 'USDT',
    state: b.state,
    bundle: b,
    nowMs: NOW,
    position: { x: null, y: null, collapsed: false },
    view: 'compact',
    theme: 'dark',
    upColor: 'green',
    collapsedGroups: [],
    onMove: vi.fn(),
    onToggleView: vi.fn(),
    onToggleGroup: vi.fn(),
    onRetry: vi.fn(),
    ...over,
  };
}

const shown = (root: Element) => [...root.querySelectorAll('[data-metric]')].filter((e) => !e.closest('[hidden]')).map((e) => e.getAttribute('data-metric'));

afterEach(() => {
  cleanup();
  setMessages(messagesGetter('en'));
});

describe('compact view: the figures that decide a trade', () => {
  it('an asset with everything: market cap, FDV/MC, next unlock and its share, revenue 30d, one network headline', () => {
    const { container } = render(<Overlay {...props(bundle([...MARKET, ...VALUATION, ...FUNDAMENTALS]))} />);
    expect(shown(container)).toEqual(['marketCap', 'fdvToMcap', 'nextUnlockDate', 'nextUnlockPctCirculating', 'revenue30d', 'network:activeMiners']);
    const root = container.querySelector('[data-tokenlens="overlay"]')!;
    expect(root.getAttribute('data-view')).toBe('compact');
    expect(container.querySelector('[data-metric="marketCap"]')!.textContent).toBe('$3.65B');
    expect(container.querySelector('[data-metric="network:activeMiners"]')!.textContent).toBe('3,127');
    expect(container.querySelector('[data-metric="nextUnlockDate"]')!.textContent).toBe('in 11 days');
    // the verdict line, with a chip per clause
    expect(container.querySelectorAll('.tl-verdict [data-level]').length).toBeGreaterThan(0);
  });

  it('no fundamentals: only market cap and FDV/MC, no empty rows, no dashes', () => {
    const b = bundle([...MARKET, ...VALUATION, m('revenue30d', 'usage', 'usd', null, 'defillama'), m('nextUnlockDate', 'unlocks', 'date', null, 'defillama')], [
      { source: 'defillama', what: 'w_fees', ok: true, stale: false, asOfMs: null, absent: true },
    ]);
    const { container } = render(<Overlay {...props(b)} />);
    expect(shown(container)).toEqual(['marketCap', 'fdvToMcap']);
    expect(container.textContent).not.toContain('—');
  });

  it('only market data (CoinGecko failing): the gap stays visible, with the failure in plain words', () => {
    const b = bundle([...MARKET, m('marketCap', 'valuation', 'usd', null), m('fdvToMcap', 'valuation', 'ratio', null, 'computed')], [
      { source: 'coingecko', what: 'w_market', ok: false, stale: false, asOfMs: NOW - 3 * 60_000, error: 'HTTP 429 (rate-limited)' },
    ]);
    const { container } = render(<Overlay {...props({ ...b, state: 'partial' }, { retryAtMs: NOW + 2 * 60_000 })} />);
    expect(shown(container)).toEqual(['marketCap']);
    expect(container.querySelector('[data-metric="marketCap"]')!.getAttribute('data-value')).toBe('');
    expect(container.querySelector('.tl-fail')!.textContent).toBe('CoinGecko is limiting requests. Retrying in 2 minutes. Last worked 3m ago. A free key raises the limit.');
    expect(compactMetrics(b).map((x) => x.id)).toEqual(['marketCap']);
  });
});

describe('the toggle, the pill and the full view', () => {
  it('one control switches views, says so with aria-expanded, and reports the click', () => {
    const p = props(bundle([...MARKET, ...VALUATION, ...FUNDAMENTALS]));
    const { container, rerender } = render(<Overlay {...p} />);
    const toggle = container.querySelector<HTMLButtonElement>('[data-tokenlens-action="toggle-view"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('All figures');
    fireEvent.click(toggle);
    expect(p.onToggleView).toHaveBeenCalledTimes(1);
    rerender(<Overlay {...p} view="full" />);
    expect(container.querySelector('[data-tokenlens-action="toggle-view"]')!.getAttribute('aria-expanded')).toBe('true');
    // full: every group, source and age on the group header
    expect(container.querySelectorAll('[data-group]').length).toBeGreaterThanOrEqual(2);
  });

  it('the pill shows FDV/MC and the next unlock, not the price', () => {
    const { container } = render(<Overlay {...props(bundle([...MARKET, ...VALUATION, ...FUNDAMENTALS]), { position: { x: null, y: null, collapsed: true } })} />);
    const pill = container.querySelector('.tl-pill')!.textContent!;
    expect(pill).toMatch(/^FDV\/MC 2\.36× · unlock in 11 ?d 2\.0%$/);
    expect(pill).not.toContain('412');
  });

  it('in Chinese: translated labels and red rising colours by default', async () => {
    setMessages(messagesGetter('zh_CN'));
    const { upColorFor } = await import('../../lib/i18n');
    const { container } = render(<Overlay {...props(bundle([...MARKET, ...VALUATION, ...FUNDAMENTALS]), { upColor: upColorFor('auto') })} />);
    expect(container.querySelector('[data-tokenlens="overlay"]')!.getAttribute('data-up-color')).toBe('red');
    expect(container.querySelector('.tl-cell .tl-label')!.textContent).toBe('市值');
    expect(container.querySelector('[data-metric="nextUnlockDate"]')!.textContent).toBe('11天后');
  });
});
