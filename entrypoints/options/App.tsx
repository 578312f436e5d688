/**
 * Options: watchlists (add, remove, reorder, several lists, export/import) and API keys.
 * Settings live in one versioned storage item (lib/settings/options.ts); every write is validated.
 */
import { useEffect, useState } from 'preact/hooks';
import { SectorToggle } from './SectorToggle';
import { t } from '../../components/unlocks-i18n';
import { loadSettings, settingsItem, updateSettings, type Settings } from '../../lib/settings/options';
import { TICKER_RE } from '../../lib/settings/schema';
import { exportWatchlists, importWatchlists } from '../../lib/settings/watchlist-io';
import { send, type WatchRow } from '../../lib/messaging/protocol';
import { formatAge, formatPct, formatUsd } from '../../lib/metrics/format';
import { Alerts } from './Alerts';
import { Display } from './Display';
import { browser } from 'wxt/browser';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [ticker, setTicker] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [rows, setRows] = useState<WatchRow[]>([]);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another tab or the worker may change settings: follow them.
    const unwatch = settingsItem.watch(() => void loadSettings().then(setSettings));
    return unwatch;
  }, []);

  const list = settings?.watchlists.find((w) => w.id === settings.activeWatchlistId) ?? settings?.watchlists[0];

  useEffect(() => {
    if (!list || list.items.length === 0) return setRows([]);
    void send('quotes', { symbols: list.items.map((i) => i.symbol) }).then((r) => r.ok && setRows(r.data));
  }, [list?.id, list?.items.map((i) => i.symbol).join(',')]);

  if (!settings) return <main class="tl-options">Loading…</main>;

  const save = async (change: (s: Settings) => void, note?: string) => {
    const next = await updateSettings(change);
    setSettings(next);
    if (note) setMessage({ ok: true, text: note });
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const sym = ticker.trim().toUpperCase();
    if (!TICKER_RE.test(sym)) {
      setMessage({ ok: false, text: 'A ticker is 1–20 letters or digits, e.g. TAO.' });
      return;
    }
    if (list?.items.some((i) => i.symbol === sym)) {
      setMessage({ ok: false, text: `${sym} is already in ${list.name}.` });
      return;
    }
    await save((s) => {
      const w = s.watchlists.find((x) => x.id === list?.id);
      w?.items.push({ symbol: sym, assetId: null });
    }, `Added ${sym}.`);
    setTicker('');
  };

  const move = (from: number, to: number) =>
    save((s) => {
      const w = s.watchlists.find((x) => x.id === list?.id);
      if (!w || to < 0 || to >= w.items.length) return;
      const [it] = w.items.splice(from, 1);
      if (it) w.items.splice(to, 0, it);
    });

  const onImport = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    (e.target as HTMLInputElement).value = '';
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ ok: false, text: 'That file is too large to be a Tokenlens export.' });
    const r = importWatchlists(await file.text());
    if (!r.ok) return setMessage({ ok: false, text: `Nothing imported: ${r.error}` });
    await save((s) => {
      for (const w of r.watchlists) {
        const existing = s.watchlists.find((x) => x.id === w.id);
        if (existing) Object.assign(existing, w);
        else s.watchlists.push(w);
      }
    }, `Imported ${r.watchlists.length} watchlist(s).`);
  };

  const onExport = () => {
    const blob = new Blob([exportWatchlists(settings)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `tokenlens-watchlists-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <main class="tl-options">
      <h1>Tokenlens settings</h1>
      <p class="tl-muted">
        Settings stay in this browser’s extension storage and are never sent anywhere.{' '}
        <a href={browser.runtime.getURL('/compare.html')}>Compare networks</a>{' · '}
        <a href={browser.runtime.getURL('/unlocks.html')}>{t('unlocks_link')}</a>
      </p>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'tl-ok' : 'tl-err'}>
          {message.text}
        </p>
      ) : null}

      <h2>Watchlists</h2>
      <div class="tl-row tl-tabs" role="group" aria-label="Watchlists">
        {settings.watchlists.map((w) => (
          <button type="button" key={w.id} aria-pressed={w.id === list?.id} onClick={() => save((s) => void (s.activeWatchlistId = w.id))}>
            {w.name} ({w.items.length})
          </button>
        ))}
        <button
          type="button"
          onClick={() =>
            save((s) => {
              const id = `wl-${Date.now().toString(36)}`;
              s.watchlists.push({ id, name: `Watchlist ${s.watchlists.length + 1}`, items: [] });
              s.activeWatchlistId = id;
            }, 'New watchlist created.')
          }
        >
          New watchlist
        </button>
      </div>
      {list ? (
        <>
          <div class="tl-row">
            <label class="tl-field">
              <span>Name</span>
              <input
                type="text"
                aria-label="Watchlist name"
                value={list.name}
                maxLength={60}
                onChange={(e) => {
                  const name = (e.target as HTMLInputElement).value.trim();
                  if (name) void save((s) => void (s.watchlists.find((x) => x.id === list.id)!.name = name), 'Renamed.');
                }}
              />
            </label>
            <button
              type="button"
              onClick={() => {
                if (confirm(`Delete the watchlist “${list.name}”?`))
                  void save((s) => {
                    s.watchlists = s.watchlists.filter((x) => x.id !== list.id);
                    s.activeWatchlistId = s.watchlists[0]?.id ?? null;
                  }, 'Watchlist deleted.');
              }}
            >
              Delete watchlist
            </button>
          </div>
          <SectorToggle list={list} onSave={(c) => void save(c)} />
          <form class="tl-row" onSubmit={add}>
            <input type="text" aria-label="Add to watchlist" placeholder="Ticker, e.g. TAO" value={ticker} maxLength={20} onInput={(e) => setTicker((e.target as HTMLInputElement).value)} />
            <button type="submit">Add</button>
          </form>
          <ul class="tl-list" aria-label={`${list.name} tokens`} data-watchlist={list.id}>
            {list.items.map((item, i) => {
              const row = rows.find((r) => r.symbol === item.symbol);
              return (
                <li
                  key={item.symbol}
                  data-symbol={item.symbol}
                  draggable
                  onDragStart={() => setDragFrom(i)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={() => dragFrom !== null && dragFrom !== i && void move(dragFrom, i)}
                >
                  <span class="tl-sym">{item.symbol}</span>
                  <span class="tl-grow tl-muted">{row?.name ?? ''}</span>
                  <span>{formatUsd(row?.priceUsd ?? null)}</span>
                  <span class={(row?.change24hPct ?? 0) >= 0 ? 'tl-up' : 'tl-down'}>{formatPct(row?.change24hPct ?? null, { signed: true })}</span>
                  <span class="tl-muted" title={row?.error}>{row?.asOfMs ? formatAge(Date.now() - row.asOfMs) : (row?.error ?? '')}</span>
                  <button type="button" aria-label={`Move ${item.symbol} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${item.symbol} down`} disabled={i === list.items.length - 1} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${item.symbol}`}
                    onClick={() => save((s) => {
                      const w = s.watchlists.find((x) => x.id === list.id);
                      if (w) w.items = w.items.filter((x) => x.symbol !== item.symbol);
                    }, `Removed ${item.symbol}.`)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p class="tl-muted">No watchlist yet.</p>
      )}
      <div class="tl-row">
        <button type="button" onClick={onExport}>
          Export watchlists
        </button>
        <label>
          <span class="tl-muted">Import watchlists </span>
          <input type="file" accept="application/json,.json" aria-label="Import watchlists" onChange={onImport} />
        </label>
      </div>

      <Display settings={settings} onSave={(c, n) => void save(c, n)} onNote={(t) => setMessage({ ok: true, text: t })} />

      <Alerts symbols={[...new Set(settings.watchlists.flatMap((w) => w.items.map((i) => i.symbol)))]} />

      <h2>API keys</h2>
      <p class="tl-muted">
        Optional. Tokenlens works without keys; CoinGecko’s free Demo key raises its rate limit and keeps market cap and supply figures available.
        Keys are sent only to their own provider, in a request header.
      </p>
      <KeyForm settings={settings} onSave={(s) => save(s, 'Keys saved.')} />
    </main>
  );
}

function KeyForm({ settings, onSave }: { settings: Settings; onSave: (c: (s: Settings) => void) => void }) {
  const [cg, setCg] = useState(settings.apiKeys.coingecko);
  const [plan, setPlan] = useState(settings.apiKeys.coingeckoPlan);
  const [tao, setTao] = useState(settings.apiKeys.taostats);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave((s) => {
          s.apiKeys = { coingecko: cg.trim(), coingeckoPlan: plan, taostats: tao.trim() };
        });
      }}
    >
      <div class="tl-row">
        <label class="tl-field">
          <span>CoinGecko API key</span>
          <input type="password" autocomplete="off" aria-label="CoinGecko API key" value={cg} onInput={(e) => setCg((e.target as HTMLInputElement).value)} />
        </label>
        <label class="tl-field">
          <span>Plan</span>
          <select aria-label="CoinGecko plan" value={plan} onChange={(e) => setPlan((e.target as HTMLSelectElement).value as 'demo' | 'pro')}>
            <option value="demo">Demo (free)</option>
            <option value="pro">Pro</option>
          </select>
        </label>
      </div>
      <div class="tl-row">
        <label class="tl-field">
          <span>Taostats API key (Bittensor subnets)</span>
          <input type="password" autocomplete="off" aria-label="Taostats API key" value={tao} onInput={(e) => setTao((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <button type="submit">Save keys</button>
    </form>
  );
}
