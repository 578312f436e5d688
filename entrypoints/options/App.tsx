/**
 * Options: watchlists (add, remove, reorder, several lists, export/import) and API keys.
 * Settings live in one versioned storage item (lib/settings/options.ts); every write is validated.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, updateSettings, watchSettings, type Settings } from '../../lib/settings/options';
import { SectorToggle } from './SectorToggle';
import { TICKER_RE } from '../../lib/settings/schema';
import { applyImport, exportWatchlists, importWatchlists, type ImportMode } from '../../lib/settings/watchlist-io';
import { quotesInBatches } from '../../lib/messaging/quotes';
import { send, type WatchRow } from '../../lib/messaging/protocol';
import { formatAge, formatPct, formatPrice } from '../../lib/metrics/format';
import { Alerts } from './Alerts';
import { Display } from './Display';
import { browser } from 'wxt/browser';
import { t, upColorFor } from '../../lib/i18n';


// Saves and re-reads of settings run one after another: a re-read started by storage.onChanged
// before a quick second edit (add, add, tick) could otherwise finish after that edit's save and
// put the older list back on screen.
let chain: Promise<unknown> = Promise.resolve();
function inOrder<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task);
  chain = run.catch(() => undefined);
  return run;
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [ticker, setTicker] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [rows, setRows] = useState<WatchRow[]>([]);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  const [readFailed, setReadFailed] = useState(false);
  const [importMode, setImportMode] = useState<ImportMode>('merge');

  useEffect(() => {
    document.title = t('opt_title');
    // A failed read shows a notice and retries (1 s, 2 s, 4 s … 30 s); the page offers nothing
    // to edit meanwhile, so defaults are never written over what the user saved (issue 11, medium 3).
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) =>
      void readSettings().then(
        (s) => {
          if (stopped) return;
          setSettings(s);
          setReadFailed(false);
        },
        () => {
          if (stopped) return;
          setReadFailed(true);
          timer = setTimeout(() => attempt(n + 1), Math.min(30_000, 1000 * 2 ** n));
        },
      );
    attempt(0);
    // Another tab or the worker may change settings: follow them.
    const unwatch = watchSettings(() => void inOrder(readSettings).then(setSettings, () => undefined));
    return () => {
      stopped = true;
      clearTimeout(timer);
      unwatch();
    };
  }, []);

  const list = settings?.watchlists.find((w) => w.id === settings.activeWatchlistId) ?? settings?.watchlists[0];

  useEffect(() => {
    if (!list || list.items.length === 0) return setRows([]);
    // in batches of 100, the most one quotes message carries
    void quotesInBatches(send, list.items.map((i) => i.symbol)).then((r) => r && setRows(r));
  }, [list?.id, list?.items.map((i) => i.symbol).join(',')]);

  if (!settings)
    return (
      <main class="tl-options">
        {readFailed ? <p role="alert" class="tl-err">{t('settings_readFailed')}</p> : t('opt_loading')}
      </main>
    );

  /** Resolves true when the change was saved. */
  const save = async (change: (s: Settings) => void, note?: string): Promise<boolean> => {
    let next: Settings;
    try {
      next = await inOrder(() => updateSettings(change));
    } catch {
      // the read before the write failed, or the write itself: nothing was changed
      setMessage({ ok: false, text: t('settings_saveFailed') });
      return false;
    }
    setSettings(next);
    if (note) setMessage({ ok: true, text: note });
    return true;
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const sym = ticker.trim().toUpperCase();
    if (!TICKER_RE.test(sym)) {
      setMessage({ ok: false, text: t('opt_bad_ticker') });
      return;
    }
    if (list?.items.some((i) => i.symbol === sym)) {
      setMessage({ ok: false, text: t('opt_dup', sym, list.name) });
      return;
    }
    await save((s) => {
      const w = s.watchlists.find((x) => x.id === list?.id);
      w?.items.push({ symbol: sym, assetId: null });
    }, t('opt_added', sym));
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
    if (file.size > 1_000_000) return setMessage({ ok: false, text: t('opt_too_large') });
    const r = importWatchlists(await file.text());
    if (!r.ok) return setMessage({ ok: false, text: t('opt_nothing_imported', r.error) });
    let done: ReturnType<typeof applyImport> | undefined;
    if (!(await save((s) => void (done = applyImport(s, r.watchlists, importMode)))) || !done) return; // nothing was saved (the save said why)
    const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
    const parts = [
      done.added.length ? t('import_added', quoted(done.added)) : '',
      done.merged.length ? t('import_merged', quoted(done.merged)) : '',
      done.replaced.length ? t('import_replaced', quoted(done.replaced)) : '',
    ].filter(Boolean);
    const skipped = r.skipped.length ? ` ${t('import_skipped', r.skipped.length, `${r.skipped.slice(0, 10).join('; ')}${r.skipped.length > 10 ? '; …' : ''}`)}` : '';
    setMessage({ ok: r.skipped.length === 0, text: `${t('import_result', r.watchlists.length, parts.join('; '))}${skipped}` });
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
    <main class="tl-options tl-dark" data-up-color={upColorFor(settings.upColor)}>
      <h1>{t('opt_title')}</h1>
      <p class="tl-muted">
        {t('opt_privacy')} <a href={browser.runtime.getURL('/compare.html')}>{t('cmp_title')}</a>{' · '}
        <a href={browser.runtime.getURL('/unlocks.html')}>{t('unlocks_link')}</a>
      </p>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'tl-ok' : 'tl-err'}>
          {message.text}
        </p>
      ) : null}

      <h2>{t('opt_watchlists')}</h2>
      <div class="tl-row tl-tabs" role="group" aria-label={t('opt_watchlists')}>
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
              s.watchlists.push({ id, name: t('opt_new_name', s.watchlists.length + 1), items: [] });
              s.activeWatchlistId = id;
            }, t('opt_created'))
          }
        >
          {t('opt_new')}
        </button>
      </div>
      {list ? (
        <>
          <div class="tl-row">
            <label class="tl-field">
              <span>{t('opt_name')}</span>
              <input
                type="text"
                aria-label={t('opt_name_aria')}
                value={list.name}
                maxLength={60}
                onChange={(e) => {
                  const name = (e.target as HTMLInputElement).value.trim();
                  if (name) void save((s) => void (s.watchlists.find((x) => x.id === list.id)!.name = name), t('opt_renamed'));
                }}
              />
            </label>
            <button
              type="button"
              onClick={() => {
                if (confirm(t('opt_delete_confirm', list.name)))
                  void save((s) => {
                    s.watchlists = s.watchlists.filter((x) => x.id !== list.id);
                    s.activeWatchlistId = s.watchlists[0]?.id ?? null;
                  }, t('opt_deleted'));
              }}
            >
              {t('opt_delete')}
            </button>
          </div>
          <SectorToggle list={list} onSave={(c) => void save(c)} />
          <form class="tl-row" onSubmit={add}>
            <input type="text" aria-label={t('opt_add_aria')} placeholder={t('opt_add_ph')} value={ticker} maxLength={20} onInput={(e) => setTicker((e.target as HTMLInputElement).value)} />
            <button type="submit">{t('opt_add')}</button>
          </form>
          <ul class="tl-list" aria-label={t('opt_tokens', list.name)} data-watchlist={list.id}>
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
                  <span>{formatPrice(row?.priceUsd ?? null)}</span>
                  <span class={typeof row?.change24hPct !== 'number' || row.change24hPct === 0 ? 'tl-flat' : row.change24hPct > 0 ? 'tl-up' : 'tl-down'}>{formatPct(row?.change24hPct ?? null, { signed: true })}</span>
                  <span class="tl-muted" title={row?.error}>{row?.asOfMs ? formatAge(Date.now() - row.asOfMs) : (row?.error ?? '')}</span>
                  <button type="button" aria-label={t('opt_up', item.symbol)} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑
                  </button>
                  <button type="button" aria-label={t('opt_down', item.symbol)} disabled={i === list.items.length - 1} onClick={() => move(i, i + 1)}>
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('opt_remove_aria', item.symbol)}
                    onClick={() => save((s) => {
                      const w = s.watchlists.find((x) => x.id === list.id);
                      if (w) w.items = w.items.filter((x) => x.symbol !== item.symbol);
                    }, t('opt_removed', item.symbol))}
                  >
                    {t('opt_remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p class="tl-muted">{t('opt_none')}</p>
      )}
      <div class="tl-row">
        <button type="button" onClick={onExport}>
          {t('opt_export')}
        </button>
        <fieldset class="tl-row">
          <legend>{t('importMode_legend')}</legend>
          <label>
            <input type="radio" name="tl-import-mode" checked={importMode === 'merge'} onChange={() => setImportMode('merge')} /> {t('importMode_merge')}
          </label>
          <label>
            <input type="radio" name="tl-import-mode" checked={importMode === 'replace'} onChange={() => setImportMode('replace')} /> {t('importMode_replace')}
          </label>
        </fieldset>
        <label>
          <span class="tl-muted">{t('opt_import')} </span>
          <input type="file" accept="application/json,.json" aria-label={t('opt_import')} onChange={onImport} />
        </label>
      </div>

      <Display settings={settings} onSave={(c, n) => void save(c, n)} onNote={(t) => setMessage({ ok: true, text: t })} />

      <Alerts symbols={[...new Set(settings.watchlists.flatMap((w) => w.items.map((i) => i.symbol)))]} />

      <h2>{t('opt_keys')}</h2>
      <p class="tl-muted">
        {t('opt_keys_note')}
      </p>
      <KeyForm settings={settings} onSave={(s) => save(s, t('opt_keys_saved'))} />
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
          <span>{t('opt_cg_key')}</span>
          <input type="password" autocomplete="off" aria-label={t('opt_cg_key')} value={cg} onInput={(e) => setCg((e.target as HTMLInputElement).value)} />
        </label>
        <label class="tl-field">
          <span>{t('opt_plan')}</span>
          <select aria-label={t('opt_plan_aria')} value={plan} onChange={(e) => setPlan((e.target as HTMLSelectElement).value as 'demo' | 'pro')}>
            <option value="demo">{t('opt_plan_demo')}</option>
            <option value="pro">{t('opt_plan_pro')}</option>
          </select>
        </label>
      </div>
      <div class="tl-row">
        <label class="tl-field">
          <span>{t('opt_tao_label')}</span>
          <input type="password" autocomplete="off" aria-label={t('opt_tao_key')} value={tao} onInput={(e) => setTao((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <button type="submit">{t('opt_save_keys')}</button>
    </form>
  );
}
