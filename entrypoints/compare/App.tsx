/**
 * Comparison page: a watchlist side by side on the fundamentals. The compute networks are the
 * first default list. Sortable columns, sparklines, each cell with its source and age, CSV export.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/unlocks-i18n';
import { SectorMedianRow } from '../../components/SectorMedianRow';
import { Sparkline } from '../../components/Sparkline';
import { formatMetricValue, sourceLabel } from '../../components/format-metric';
import type { Bundle } from '../../lib/engine/bundle';
import { COMPARE_COLUMNS, metricOf, sortBundles, toCsv } from '../../lib/metrics/compare-table';
import { send } from '../../lib/messaging/protocol';
import { formatAge } from '../../lib/metrics/format';
import { loadSettings, type Settings } from '../../lib/settings/options';

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

  const exportCsv = () => {
    const blob = new Blob([toCsv(sorted)], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `tokenlens-compare-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <main class="tl-compare">
      <h1>Compare networks</h1>
      <div class="tl-row">
        <label>
          List{' '}
          <select aria-label="Watchlist to compare" value={listId} onChange={(e) => setListId((e.target as HTMLSelectElement).value)}>
            <option value="compute">Compute networks (built in)</option>
            {settings?.watchlists.map((w) => (
              <option value={w.id} key={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
        <a href={browser.runtime.getURL('/unlocks.html')}>{t('unlocks_link')}</a>
        {busy ? <span aria-live="polite">Loading…</span> : null}
        {error ? <span role="alert">{error}</span> : null}
      </div>
      <table aria-label="Fundamentals side by side">
        <thead>
          <tr>
            <th scope="col">Token</th>
            {COMPARE_COLUMNS.map((c) => (
              <th scope="col" key={c.id} aria-sort={sort.id === c.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" onClick={() => setSort((s) => ({ id: c.id, dir: s.id === c.id && s.dir === 'desc' ? 'asc' : 'desc' }))}>
                  {c.title}
                  {sort.id === c.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th scope="col">Price 30d</th>
            <th scope="col">Revenue 30d</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((b) => (
            <tr key={b.pair.base} data-symbol={b.asset?.symbol ?? b.pair.base} data-state={b.state}>
              <th scope="row">
                {b.asset ? `${b.asset.symbol} · ${b.asset.name}` : `${b.pair.base} (unknown)`}
              </th>
              {COMPARE_COLUMNS.map((c) => {
                const m = metricOf(b, c.id);
                if (!m || m.value === null) return <td class="tl-na" key={c.id} title={m?.note ?? 'not available for this token'}>—</td>;
                return (
                  <td key={c.id} data-metric={m.id} data-value={String(m.value)} data-source={m.source} data-as-of={m.asOfMs === null ? '' : String(m.asOfMs)} title={m.explain}>
                    {c.id === 'network' ? `${formatMetricValue(m, now)} ${m.label}` : formatMetricValue(m, now)}
                    <span class="tl-age">
                      {sourceLabel(m.source)}
                      {m.asOfMs ? ` · ${formatAge(Math.max(0, now - m.asOfMs))}` : ''}
                    </span>
                  </td>
                );
              })}
              <td>
                <Sparkline values={b.spark ?? []} label={`${b.pair.base} price, last 30 days`} />
              </td>
              <td>
                <Sparkline values={b.revenueSpark ?? []} label={`${b.pair.base} daily revenue, last 30 days`} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>{rows.length ? <SectorMedianRow rows={rows} columns={COMPARE_COLUMNS} trailing={2} name={listId === 'compute' ? 'Compute networks' : (settings?.watchlists.find((w) => w.id === listId)?.name ?? '')} nowMs={now} /> : null}</tfoot>
      </table>
      <p class="tl-muted">
        Gensyn has no settled token yet and is left out. Figures are shown only where a public source publishes them; a dash means the
        source has nothing for that token (hover for why).
      </p>
    </main>
  );
}
