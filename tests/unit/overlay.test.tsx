// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://www.kucoin.com/trade/TAO-USDT" }
/**
 * The overlay's controller (entrypoints/overlay.content/App.tsx) and panel (components/Overlay.tsx)
 * in a DOM, with @testing-library/preact: the states it shows, the figures it puts on CONTRACT.md
 * attributes, and the rule that an answer for a pair no longer on screen is dropped. The worker
 * is WXT's fake browser answering `getBundle`; selectors are CONTRACT.md attributes only.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OverlayApp } from '../../entrypoints/overlay.content/App';
import { Overlay, type OverlayProps } from '../../components/Overlay';
import type { Bundle } from '../../lib/engine/bundle';
import type { DetectedPair } from '../../lib/exchanges';
import { bundleOf } from './helpers/bundle';

type Reply = { ok: true; data: Bundle } | { ok: false; error: string };

/** The worker: every getBundle goes to `answer` (which may hold it). */
function worker(answer: (pair: DetectedPair) => Promise<Reply>) {
  const asked: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    const m = msg as { type?: string; data?: { pair: DetectedPair } };
    if (m.type !== 'getBundle' || !m.data) return undefined;
    asked.push(m.data.pair.base);
    return answer(m.data.pair);
  });
  return asked;
}

const ready = (base: string, price: number): Reply => ({ ok: true, data: bundleOf({ price, marketCap: price * 1e6 }, { symbol: base, pair: { venue: 'kucoin', base, quote: 'USDT', market: 'spot' } }) });

function panel(): HTMLElement | null {
  return document.querySelector('[data-tokenlens="overlay"]');
}
const valueOf = (id: string) => panel()?.querySelector(`[data-metric="${id}"]`)?.getAttribute('data-value');

let ctx: ContentScriptContext | undefined;
let mounts = 0;
function mountApp() {
  // One name per mount: WXT invalidates an older context of the same name when a new one starts
  // in the window, and a timer of an invalidated context never fires (the pair debounce uses one).
  ctx = new ContentScriptContext(`tokenlens-test-${++mounts}`);
  return render(<OverlayApp ctx={ctx} />);
}

afterEach(() => {
  cleanup();
  ctx?.abort();
  history.replaceState(null, '', '/trade/TAO-USDT');
});

describe('overlay controller', () => {
  it('shows the pair in the URL: loading, then the worker’s figures with their state', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    worker(async (p) => (await held, ready(p.base, 400)));
    mountApp();
    await waitFor(() => expect(panel()?.getAttribute('data-state')).toBe('loading'));
    expect(panel()?.getAttribute('data-asset')).toBe('TAO');
    release();
    await waitFor(() => expect(panel()?.getAttribute('data-state')).toBe('ready'));
    expect(valueOf('marketCap')).toBe('400000000');
  });

  it('an SPA switch drops the answer for the old pair: the old figure never appears', async () => {
    let releaseTao!: () => void;
    const taoHeld = new Promise<void>((r) => (releaseTao = r));
    const asked = worker(async (p) => (p.base === 'TAO' ? (await taoHeld, ready('TAO', 400)) : ready(p.base, 7)));
    mountApp();
    await waitFor(() => expect(asked).toContain('TAO'));
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const v = valueOf('marketCap');
      if (v) shown.push(`${panel()?.getAttribute('data-asset')}:${v}`);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    history.pushState(null, '', '/trade/RENDER-USDT');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(panel()?.getAttribute('data-state')).toBe('ready'));
    releaseTao(); // TAO's answer arrives late
    await new Promise((r) => setTimeout(r, 20));
    observer.disconnect();
    expect(panel()?.getAttribute('data-asset')).toBe('RENDER');
    expect(valueOf('marketCap')).toBe('7000000');
    expect(shown).toContain('RENDER:7000000'); // the observer did see the panel's figures
    expect(shown.filter((s) => s.endsWith(':400000000'))).toEqual([]);
  });

  it('a worker that fails twice shows the error state; Retry asks again and recovers', async () => {
    let fail = true;
    const asked = worker(async (p) => (fail ? { ok: false, error: 'the Tokenlens worker is not answering' } : ready(p.base, 400)));
    mountApp();
    await waitFor(() => expect(panel()?.getAttribute('data-state')).toBe('error'), { timeout: 3000 });
    expect(asked).toHaveLength(2); // one automatic resend after a restarting worker
    fail = false;
    fireEvent.click(screen.getAllByRole('button', { name: /retry/i })[0]!);
    await waitFor(() => expect(panel()?.getAttribute('data-state')).toBe('ready'));
    expect(valueOf('marketCap')).toBe('400000000');
  });
});

describe('overlay panel', () => {
  const base: OverlayProps = {
    asset: 'TAO',
    quote: 'USDT',
    state: 'ready',
    bundle: bundleOf({ price: 412.5, change24h: -1.25, fdvToMcap: 2.4 }),
    nowMs: 0,
    position: { x: 12, y: 112, collapsed: false },
    theme: 'dark',
    collapsedGroups: [],
    view: 'full',
    upColor: 'green',
    onMove: () => undefined,
    onToggleView: () => undefined,
    onToggleGroup: () => undefined,
    onRetry: () => undefined,
  };

  it('puts every metric on CONTRACT.md attributes, raw numbers in data-value', () => {
    render(<Overlay {...base} />);
    expect(panel()?.getAttribute('data-state')).toBe('ready');
    expect(valueOf('price')).toBe('412.5');
    expect(valueOf('change24h')).toBe('-1.25');
    expect(valueOf('fdvToMcap')).toBe('2.4');
  });

  it('collapses to a pill through onMove, keeping the position', () => {
    const onMove = vi.fn();
    render(<Overlay {...base} onMove={onMove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Tokenlens' }));
    expect(onMove).toHaveBeenCalledWith({ x: 12, y: 112, collapsed: true });
  });

  it('the error state offers Retry and shows the message, no figures', () => {
    const onRetry = vi.fn();
    render(<Overlay {...base} state="error" bundle={null} message="the Tokenlens worker is not answering" onRetry={onRetry} />);
    expect(panel()?.getAttribute('data-state')).toBe('error');
    expect(panel()?.querySelectorAll('[data-metric]')).toHaveLength(0);
    expect(panel()?.textContent).toContain('the Tokenlens worker is not answering');
    fireEvent.click(screen.getAllByRole('button', { name: /retry/i })[0]!);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
