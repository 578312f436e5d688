/**
 * Popup: quick lookup of any token by ticker or name, with suggestions from CoinGecko search
 * (cached by the worker). Enter shows the same metric card as the overlay.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { UpcomingUnlocks } from '../../components/UpcomingUnlocks';
import { browser } from 'wxt/browser';
import type { Bundle } from '../../lib/engine/bundle';
import { send, type WatchRow } from '../../lib/messaging/protocol';
import type { CoinSearchHit } from '../../lib/types';
import { loadSettings } from '../../lib/settings/options';
import { Majors, WatchRows } from './Lists';
import { Result } from './Result';
import { t, upColorFor, type UpColor } from '../../lib/i18n';

const MAJORS = ['BTC', 'ETH', 'SOL', 'BNB', 'XRP'];


export function App() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CoinSearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [bundle, setBundle] = useState<Bundle | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [majors, setMajors] = useState<WatchRow[]>([]);
  const [now, setNow] = useState(Date.now());
  const [upColor, setUpColor] = useState<UpColor>(upColorFor(null));
  const seq = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const [watch, setWatch] = useState<{ name: string; rows: Bundle[] } | null>(null);

  useEffect(() => {
    document.title = 'Tokenlens';
    input.current?.focus();
    void send('quotes', { symbols: MAJORS }).then((r) => r.ok && setMajors(r.data));
    // Pre-fill with the pair of the current tab when it is a supported trading page: the
    // content script answers (no `tabs` permission needed to message it).
    void (async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) return;
        const pair = (await browser.tabs.sendMessage(tab.id, { type: 'tokenlens:currentPair' })) as { base?: unknown } | null;
        if (pair && typeof pair.base === 'string' && /^[A-Z0-9]{1,20}$/.test(pair.base)) {
          setQuery(pair.base);
          void lookup(pair.base);
        }
      } catch {
        /* not a supported page: no content script to answer */
      }
    })();
    // The active watchlist as compact rows.
    void loadSettings().then(async (s) => {
      setUpColor(upColorFor(s.upColor));
      const list = s.watchlists.find((w) => w.id === s.activeWatchlistId) ?? s.watchlists[0];
      if (!list || list.items.length === 0) return;
      const r = await send('compare', { symbols: list.items.slice(0, 20).map((i) => i.symbol) });
      if (r.ok) setWatch({ name: list.name, rows: r.data });
    });
  }, []);

  // Suggestions as you type, debounced; late answers for an older query are dropped. A lookup
  // (Enter, a click) bumps `seq`, which cancels the pending request, so suggestions never
  // reopen over the result (issue 9).
  const [suggestFor, setSuggestFor] = useState('');
  useEffect(() => {
    const q = suggestFor.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(async () => {
      if (mine !== seq.current) return;
      const r = await send('suggest', { query: q });
      if (mine === seq.current && r.ok) {
        setHits(r.data);
        setActive(-1);
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [suggestFor]);

  async function lookup(q: string, assetId?: string) {
    const text = q.trim();
    if (!text) return;
    seq.current++; // drop any suggestion request still on its way
    setSuggestFor('');
    setBusy(true);
    setError(null);
    setHits([]);
    const r = await send('lookup', { query: text.slice(0, 60), ...(assetId ? { assetId } : {}) });
    setBusy(false);
    setNow(Date.now());
    if (!r.ok) {
      setError(r.error);
      setBundle(null);
      return;
    }
    setBundle(r.data);
    if (r.data.sources.some((s) => s.stale)) {
      const again = await send('lookup', { query: text.slice(0, 60), ...(assetId ? { assetId } : {}), refresh: true });
      if (again.ok) setBundle(again.data);
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Escape') {
      seq.current++;
      setHits([]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = active >= 0 ? hits[active] : undefined;
      if (pick) {
        setQuery(pick.symbol.toUpperCase());
        void lookup(pick.symbol, pick.id);
      } else void lookup(query);
    }
  };

  const pick = (symbol: string) => {
    setQuery(symbol);
    void lookup(symbol);
  };

  return (
    <main class="tl-popup tl-dark" data-up-color={upColor}>
      <header class="tl-bar">
        <strong>Tokenlens</strong>
        <nav>
          <a href={browser.runtime.getURL('/compare.html')} target="_blank" rel="noreferrer">
            {t('pp_compare')}
          </a>{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            {t('pp_settings')}
          </a>
        </nav>
      </header>
      <UpcomingUnlocks />
      <div class="tl-search" role="combobox" aria-expanded={hits.length > 0} aria-haspopup="listbox" aria-owns="tl-suggest">
        <input
          ref={input}
          type="search"
          aria-label={t('pp_search')}
          placeholder={t('pp_placeholder')}
          value={query}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            setQuery(v);
            setSuggestFor(v);
          }}
          onKeyDown={onKey}
          aria-autocomplete="list"
          aria-controls="tl-suggest"
          aria-activedescendant={active >= 0 ? `tl-opt-${active}` : undefined}
        />
        {hits.length > 0 ? (
          <ul id="tl-suggest" role="listbox" class="tl-suggest">
            {hits.map((h, i) => (
              <li
                id={`tl-opt-${i}`}
                role="option"
                aria-selected={i === active}
                key={h.id}
                class={i === active ? 'tl-active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  setQuery(h.symbol.toUpperCase());
                  void lookup(h.symbol, h.id);
                }}
              >
                <strong>{h.symbol.toUpperCase()}</strong> {h.name}
                {h.rank ? <span class="tl-rank"> #{h.rank}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {majors.length > 0 && !bundle ? <Majors rows={majors} onPick={pick} /> : null}
      {watch && !bundle ? <WatchRows name={watch.name} rows={watch.rows} nowMs={now} onPick={pick} /> : null}
      {busy ? (
        <p class="tl-status" aria-live="polite">
          {t('pp_looking')}
        </p>
      ) : null}
      {error ? (
        <p class="tl-status tl-err" role="alert">
          {error}
        </p>
      ) : null}
      {bundle ? <Result bundle={bundle} nowMs={now} /> : null}
    </main>
  );
}
