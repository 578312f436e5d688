/**
 * Comparison page: a watchlist side by side on the fundamentals. The compute networks are the
 * first default list. Sortable columns, sparklines, each cell with its source and age, CSV export.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SectorMedianRow } from '../../components/SectorMedianRow';
import { Sparkline } from '../../components/Sparkline';
import { formatMetricValue, metricExplain, metricLabel, provenance } from '../../components/format-metric';
import type { Bundle } from '../../lib/engine/bundle';
import { compareColumns, metricOf, sortBundles, toCsv } from '../../lib/metrics/compare-table';
import { send } from '../../lib/messaging/protocol';
import { loadSettings, type Settings } from '../../lib/settings/options';
import { t, tn, upColorFor } from '../../lib/i18n';
import { downloadText } from '../../components/download';

/** Render, Akash, io.net, Aethir, Bittensor, Gensyn (no settled ticker yet), Filecoin, Helium. */
export const COMPUTE_NETWORKS = ['RENDER', 'AKT', 'IO', 'ATH', 'TAO', 'FIL', 'HNT'];

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [listId, setListId] = useState<string>('compute');
  const [rows, setRows] = useState<Bundle[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ id: string; dir: 'asc' | 'desc' }>({ id: 'marketCap', dir: 'desc' });
  const now = Date.now();

  useEffect(() => {
    document.title = `Tokenlens: ${t('cmp_title')}`;
    void loadSettings().then(setSettings);
  }, []);

  const symbols =
    listId === 'compute' ? COMPUTE_NETWORKS : (settings?.watchlists.find((w) => w.id === listId)?.items.map((i) => i.symbol) ?? []);

  useEffect(() => {
    if (symbols.length === 0) return setRows([]);
    setBusy(true);
    setError(null);
    void send('compare', { symbols: symbols.slice(0, 40) }).then((r) => {
      setBusy(false);
      if (r.ok) setRows(r.data);
      else setError(r.error);
    });
  }, [listId, symbols.join(',')]);

  const sorted = sortBundles(rows, sort.id, sort.dir);
  const columns = compareColumns(rows);
  /** A column's name: the overlay's label for that metric (the same words everywhere). */
  const title = (id: string) => {
    const m = rows.map((b) => metricOf(b, id)).find(Boolean);
    return m ? metricLabel(m) : metricLabel({ id, label: id });
  };

  const exportCsv = () => downloadText(`tokenlens-compare-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(sorted), 'text/csv');

  return (
    <main class="tl-compare tl-dark" data-up-color={upColorFor(settings?.upColor)}>
      <h1>{t('cmp_title')}</h1>
      <div class="tl-row">
        <label>
          {t('cmp_list')}{' '}
          <select aria-label={t('cmp_list_aria')} value={listId} onChange={(e) => setListId((e.target as HTMLSelectElement).value)}>
            <option value="compute">{t('cmp_builtin')}</option>
            {settings?.watchlists.map((w) => (
              <option value={w.id} key={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('cmp_export')}
        </button>
        <a href={browser.runtime.getURL('/unlocks.html')}>{t('unlocks_link')}</a>
        {busy ? <span aria-live="polite">{t('cmp_loading')}</span> : null}
        {error ? <span role="alert">{error}</span> : null}
      </div>
      {/* The table scrolls inside this box; the token column stays put (position: sticky). */}
      <div class="tl-table-wrap" tabIndex={0} role="region" aria-label={t('cmp_table')}>
        <table aria-label={t('cmp_table')}>
          <thead>
            <tr>
              <th scope="col">{t('cmp_token')}</th>
              {columns.map((id) => (
                <th scope="col" key={id} aria-sort={sort.id === id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => setSort((s) => ({ id, dir: s.id === id && s.dir === 'desc' ? 'asc' : 'desc' }))}>
                    {title(id)}
                    {sort.id === id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('cmp_price30')}</th>
              <th scope="col">{t('cmp_rev30')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((b) => (
              <tr key={b.pair.base} data-symbol={b.asset?.symbol ?? b.pair.base} data-state={b.state}>
                <th scope="row">{b.asset ? `${b.asset.symbol} · ${b.asset.name}` : t('cmp_unknown', b.pair.base)}</th>
                {columns.map((id) => {
                  const m = metricOf(b, id);
                  if (!m || m.value === null)
                    return (
                      <td class="tl-na" key={id} title={m?.note ? tn(m.note) : t('cmp_na')}>
                        —
                      </td>
                    );
                  const signed = m.format === 'signedPct' && typeof m.value === 'number' && m.value !== 0;
                  return (
                    <td key={id} class={signed ? ((m.value as number) > 0 ? 'tl-up' : 'tl-down') : undefined} data-metric={m.id} data-value={String(m.value)} data-source={m.source} data-as-of={m.asOfMs === null ? '' : String(m.asOfMs)} title={metricExplain(m)}>
                      {formatMetricValue(m, now)}
                      <span class="tl-age">{provenance(m, now)}</span>
                    </td>
                  );
                })}
                <td>
                  <Sparkline values={b.spark ?? []} label={t('cmp_price_spark', b.pair.base)} />
                </td>
                <td>
                  <Sparkline values={b.revenueSpark ?? []} label={t('cmp_rev_spark', b.pair.base)} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>{rows.length ? <SectorMedianRow rows={rows} columns={columns.map((id) => ({ id, title: metricLabel({ id, label: id }) }))} trailing={2} name={listId === 'compute' ? t('cmp_builtin') : (settings?.watchlists.find((w) => w.id === listId)?.name ?? '')} nowMs={now} /> : null}</tfoot>
        </table>
      </div>
      <p class="tl-muted">{t('cmp_footer')}</p>
    </main>
  );
}
