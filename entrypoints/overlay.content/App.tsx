/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (`h(type, props, ...children)`) in everything the content script renders: ~180 B
// gzip less than the automatic runtime's `{ children: [...] }` objects (QUALITY.md: 20 KB).
import { Component, h, Fragment } from 'preact';
/**
 * Overlay controller: follows the page's URL (SPA switches included), asks the worker for the
 * pair's bundle and drops any answer that arrives for a pair no longer on screen.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay, type OverlayPosition } from '../../components/Overlay';
import type { Bundle, MetricGroup, OverlayState } from '../../lib/engine/bundle';
import { detectPair, pairFromPageText, venueForUrl, type DetectedPair } from '../../lib/exchanges';
import { send, type OverlayLayout, type OverlayPrefs } from '../../lib/messaging/protocol';
import type { VenueId } from '../../lib/exchanges/define';
import { upColorFor } from '../../lib/i18n';
import { detectTheme, watchTheme } from './theme';

// x/y null: the venue's default corner (lib/exchanges, `overlayCorner`) until the user drags it.
const DEFAULT_POS: OverlayPosition = { x: null, y: null, collapsed: false };
/** ms a dragged panel rests before its place is sent to the worker */
const MOVE_SAVE_MS = 250;
const DEFAULT_LAYOUT: OverlayLayout = { x: null, y: null, collapsed: false, view: null, closedGroups: [] };

// Benchmark build only (`npm run bench`, bench/run.ts): performance marks on the page's timeline.
// `__TL_BENCH__` is the compile-time constant `false` in the build users install, so these
// statements are removed there; `typeof` keeps unit tests (no vite define) working.
const BENCH = typeof __TL_BENCH__ !== 'undefined' && __TL_BENCH__;
if (BENCH) performance.mark('tokenlens:injected');

interface View {
  pair: DetectedPair;
  state: OverlayState;
  bundle: Bundle | null;
  message?: string;
}

function samePair(a: DetectedPair | undefined, b: DetectedPair | undefined): boolean {
  return !!a && !!b && a.venue === b.venue && a.base === b.base && a.quote === b.quote && a.market === b.market && a.multiplier === b.multiplier;
}

function currentPair(): DetectedPair | undefined {
  const url = new URL(location.href);
  const venue = venueForUrl(url);
  // TradingView and Hyperliquid can show a pair the URL does not carry (an in-app symbol change
  // keeps the old `symbol=`): their one narrow selector, declared and justified in the venue's
  // file, wins when it names a pair.
  if (venue?.pairFromPage) {
    const text = document.querySelector(venue.pairFromPage.selector)?.textContent ?? '';
    const fromPage = text ? pairFromPageText(venue.id, text.slice(0, 100), url) : undefined;
    if (fromPage) return fromPage;
  }
  return detectPair(url);
}

/**
 * The overlay's layout and display settings, from the worker: the content script never reads
 * or writes extension storage (QUALITY.md, "The page's context gets no secret and no write").
 * A failed answer keeps the defaults for this page view and writes nothing.
 */
async function loadPrefs(venue: VenueId): Promise<OverlayPrefs> {
  const r = await send('getOverlayPrefs', { venue });
  return r.ok ? r.data : { layout: DEFAULT_LAYOUT, hiddenGroups: [], off: false, upColor: null };
}

/** The panel's place: null coordinates mean the venue's default corner. */
function positionOf(l: OverlayLayout): OverlayPosition {
  return l.x === null || l.y === null ? { ...DEFAULT_POS, collapsed: l.collapsed } : { x: l.x, y: l.y, collapsed: l.collapsed };
}

interface AppState {
  view: View | null;
  layout: OverlayLayout;
  prefs: Omit<OverlayPrefs, 'layout'>;
  /**
   * The venue whose preferences are loaded: nothing renders before, so a remembered view or
   * position never flashes the default first.
   */
  prefsFor: VenueId | null;
  retryAtMs: number | null;
  now: number;
  theme: 'dark' | 'light';
}

/**
 * A class component, not hooks: preact/hooks is ~1 KB gzip of the page budget (QUALITY.md:
 * 20 KB) and Component is in preact's core anyway. Everything that lives as long as the panel
 * (the load sequence, the current pair, retries, the pending layout save) is local to
 * componentDidMount; render needs only `load` and `edit`, and renders nothing before the mount
 * has found a pair.
 */
export class OverlayApp extends Component<{ ctx: ContentScriptContext }, AppState> {
  override state: AppState = {
    view: null,
    layout: DEFAULT_LAYOUT,
    prefs: { hiddenGroups: [], off: false, upColor: null },
    prefsFor: null,
    retryAtMs: null,
    now: Date.now(),
    theme: 'dark',
  };
  load!: (pair: DetectedPair, force?: boolean) => Promise<void>;
  /** Applies a layout change (a function of the current layout) and has the worker store it. */
  edit!: (change: (l: OverlayLayout) => Partial<OverlayLayout>) => void;
  stop?: () => void;

  override componentDidMount() {
    const { ctx } = this.props;
    const set = (s: Partial<AppState>) => this.setState(s as AppState);
    const setView = (view: View | null) => set({ view });
    const stamp = () => set({ now: Date.now() });
    let seq = 0;
    let current: DetectedPair | undefined;

    // Bounded automatic retries while sources are failing (offline, API down): 5 s, 30 s, 2 min,
    // then only on navigation, tab focus or the Retry button. Reset for every new pair.
    let retries: { pair?: DetectedPair; n: number; timer?: number } = { n: 0 };
    const RETRY_DELAYS_MS = [5_000, 30_000, 120_000];

    const load = (this.load = async (pair: DetectedPair, force = false) => {
      const mine = ++seq;
      const stillMine = () => mine === seq && samePair(current, pair) && !ctx.isInvalid;
      if (!samePair(retries.pair, pair)) {
        clearTimeout(retries.timer);
        retries = { pair, n: 0 };
      }
      this.setState(({ view: v }) => ({ view: v && samePair(v.pair, pair) && !force ? v : { pair, state: 'loading', bundle: v && samePair(v.pair, pair) ? v.bundle : null } }));
      // First answer: whatever the worker has at once (cached data may be stale, and says so).
      let first = await send('getBundle', { pair, refresh: force });
      // A worker terminated mid-request closes the channel; the next message starts it again.
      if (!first.ok && first.error !== 'context-invalidated' && stillMine()) {
        await new Promise<void>((r) => ctx.setTimeout(() => r(), 300));
        if (!stillMine()) return;
        first = await send('getBundle', { pair, refresh: force });
      }
      if (!stillMine()) return;
      if (!first.ok) {
        if (first.error === 'context-invalidated') return; // extension reloaded: stop quietly
        setView({ pair, state: 'error', bundle: null, message: first.error });
        scheduleRetry(pair);
        return;
      }
      let latest = first.data;
      setView({ pair, state: latest.state, bundle: latest });
      if (BENCH) requestAnimationFrame(() => performance.mark(`tokenlens:painted:${pair.base}`));
      stamp();
      // Then, if anything shown is stale (or the sector medians are still on their way), wait for
      // the refresh the worker started.
      if (!force && (latest.sectorPending || latest.sources.some((s) => s.stale))) {
        const second = await send('getBundle', { pair, refresh: true });
        if (!stillMine() || !second.ok) return;
        latest = second.data;
        setView({ pair, state: latest.state, bundle: latest });
        stamp();
      }
      if (latest.sources.some((s) => !s.ok && !s.absent) || latest.state === 'error') scheduleRetry(pair);
      else retries.n = 0;
    });

    const scheduleRetry = (pair: DetectedPair) => {
      const r = retries;
      if (r.timer || r.n >= RETRY_DELAYS_MS.length) return;
      const delay = RETRY_DELAYS_MS[r.n]!;
      r.n++;
      set({ retryAtMs: Date.now() + delay });
      r.timer = ctx.setTimeout(() => {
        r.timer = undefined;
        set({ retryAtMs: null });
        if (samePair(current, pair) && document.visibilityState === 'visible') void load(pair, true);
      }, delay);
    };

    /**
     * Applies a layout change at once and asks the worker to store it (the worker validates it).
     * A drag reports every pointer move: moves are merged and sent once the pointer rests
     * (MOVE_SAVE_MS); any other change is sent at once, with the moves still pending.
     */
    let pending: Partial<OverlayLayout> = {};
    let pendingTimer: number | undefined;
    const edit = (this.edit = (f) =>
      this.setState(({ layout }) => {
        const change = f(layout);
        // one content script serves one exchange host, so one venue: one queue is enough
        const venue = current?.venue;
        if (venue) {
          Object.assign(pending, change);
          clearTimeout(pendingTimer);
          const flush = () => {
            void send('setOverlayLayout', { venue, layout: pending });
            pending = {};
          };
          if ('x' in change) pendingTimer = ctx.setTimeout(flush, MOVE_SAVE_MS);
          else flush();
        }
        return { layout: { ...layout, ...change } };
      }));

    // Follow the URL: initial load, SPA navigation (path, query and hash), venue selector changes.
    let venueKey = '';
    // Every pair change asks the worker at once: the worker debounces a burst of new pairs per
    // page and answers `superseded` for those it skips (lib/engine/rate-limit.ts, TabGate), and
    // `load` drops any answer for a pair no longer shown. One owner for the rule (issue 11, medium 2).
    const check = () => {
      if (ctx.isInvalid) return;
      const pair = currentPair();
      if (samePair(pair, current)) return;
      current = pair;
      if (!pair) {
        seq++;
        setView(null);
        return;
      }
      if (pair.venue !== venueKey) {
        venueKey = pair.venue;
        const venue = pair.venue;
        void loadPrefs(venue).then(({ layout, ...prefs }) => set({ layout, prefs, prefsFor: venue }));
      }
      void load(pair);
    };
    check();
    ctx.addEventListener(window, 'wxt:locationchange', check);
    // WXT's location watcher polls once a second; where the Navigation API exists (Chromium) an
    // SPA pushState is seen within a frame instead (QUALITY.md: SPA switch p95 ≤ 100 ms).
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav) {
      nav.addEventListener('navigatesuccess', check);
      ctx.onInvalidated(() => nav.removeEventListener('navigatesuccess', check));
    }
    ctx.addEventListener(window, 'hashchange', check);
    ctx.addEventListener(window, 'popstate', check);
    // One narrow observer on the venue's symbol element only, where the URL hides the pair.
    const venue = venueForUrl(new URL(location.href));
    let observer: MutationObserver | undefined;
    if (venue?.pairFromPage) {
      const attach = (tries: number) => {
        const el = document.querySelector(venue.pairFromPage!.selector);
        if (el) {
          observer = new MutationObserver(check);
          observer.observe(el, { childList: true, characterData: true, subtree: true });
          check();
        } else if (tries > 0) ctx.setTimeout(() => attach(tries - 1), 1000);
      };
      attach(15);
    }
    // Ages ("2 min ago") tick every 30 s while visible; no data polling.
    ctx.setInterval(() => {
      if (document.visibilityState === 'visible') stamp();
    }, 30_000);
    // Coming back to the tab: refresh if the worker's data went stale meanwhile.
    ctx.addEventListener(document, 'visibilitychange', () => {
      if (document.visibilityState === 'visible' && current) void load(current);
    });
    // The popup asks which pair this tab shows, to pre-fill its search. Only our own extension
    // pages may ask (tabs.sendMessage from the popup has no sender.tab).
    // Answered through sendResponse (synchronously), which Chrome and Firefox both support.
    const onAsk = (msg: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (r: unknown) => void): undefined => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if (!msg || typeof msg !== 'object' || (msg as { type?: unknown }).type !== 'tokenlens:currentPair') return undefined;
      sendResponse(current ?? null);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onAsk);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onAsk));
    // Keyboard toggle: Alt+Shift+L collapses or expands the panel.
    ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
      if (e.isTrusted && e.altKey && e.shiftKey && e.code === 'KeyL') edit((l) => ({ collapsed: !l.collapsed }));
    });

    set({ theme: detectTheme() });
    const unwatch = watchTheme(ctx, (theme) => set({ theme }));
    this.stop = () => {
      observer?.disconnect();
      unwatch();
    };
  }

  override componentWillUnmount() {
    this.stop?.();
  }

  render(_: { ctx: ContentScriptContext }, { view, layout, prefs, prefsFor, now, retryAtMs, theme }: AppState) {
    if (!view || prefs.off || prefsFor !== view.pair.venue) return null;
    const { load, edit } = this;
    return (
      <Overlay
        asset={view.pair.base}
        quote={view.pair.quote}
        state={view.state}
        bundle={view.bundle}
        message={view.message}
        nowMs={now}
        position={positionOf(layout)}
        corner={venueForUrl(new URL(location.href))?.overlayCorner}
        // Compact until the user chooses otherwise on this venue (CONTRACT.md, "Views").
        view={layout.view ?? 'compact'}
        upColor={upColorFor(prefs.upColor)}
        retryAtMs={retryAtMs}
        theme={theme}
        collapsedGroups={layout.closedGroups}
        hiddenGroups={prefs.hiddenGroups}
        onMove={(p) =>
          edit((l) => {
            // Only what changed: collapsing keeps a panel that was never moved in its default corner.
            const cur = positionOf(l);
            return { ...(p.x !== cur.x || p.y !== cur.y ? { x: p.x, y: p.y } : {}), ...(p.collapsed !== l.collapsed ? { collapsed: p.collapsed } : {}) };
          })
        }
        onToggleView={() => edit((l) => ({ view: (l.view ?? 'compact') === 'full' ? 'compact' : 'full' }))}
        onToggleGroup={(g: MetricGroup) => edit((l) => ({ closedGroups: l.closedGroups.includes(g) ? l.closedGroups.filter((x) => x !== g) : [...l.closedGroups, g] }))}
        onRetry={() => void load(view.pair, true)}
        onChooseAsset={(assetId) => {
          const pair = view.pair;
          void send('chooseAsset', { venue: pair.venue, ticker: pair.base, assetId }).then(() => load(pair, true));
        }}
      />
    );
  }
}
