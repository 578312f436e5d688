/**
 * Options: watchlists (add, remove, reorder, several lists, export/import) and API keys.
 * Settings live in one versioned storage item (lib/settings/options.ts); every write is validated.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, updateSettings, watchSettings, type Settings } from '../../lib/settings/options';
import { SectorToggle } from './SectorToggle';
import { ImportExport } from './ImportExport';
import { WatchlistItems } from './WatchlistItems';
import { KeyForm } from './KeyForm';
import { TICKER_RE } from '../../lib/settings/schema';
import { quotesInBatches } from '../../lib/messaging/quotes';
import { send, type WatchRow } from '../../lib/messaging/protocol';
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

  const [readFailed, setReadFailed] = useState(false);

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
          <WatchlistItems list={list} rows={rows} save={save} />
        </>
      ) : (
        <p class="tl-muted">{t('opt_none')}</p>
      )}
      <ImportExport settings={settings} save={save} onMessage={setMessage} />

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
