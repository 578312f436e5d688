/**
 * Options: the active watchlist's tokens, with their price, 24h change and data age (one batched
 * quotes call, made by the page), reordered by drag or by the arrow buttons, removed one by one.
 */
import { useState } from 'preact/hooks';
import type { Settings, Watchlist } from '../../lib/settings/schema';
import type { WatchRow } from '../../lib/messaging/protocol';
import { formatAge, formatPct, formatPrice } from '../../lib/metrics/format';
import { t } from '../../lib/i18n';

export function WatchlistItems({ list, rows, save }: { list: Watchlist; rows: WatchRow[]; save: (change: (s: Settings) => void, note?: string) => Promise<boolean> }) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const move = (from: number, to: number) =>
    save((s) => {
      const w = s.watchlists.find((x) => x.id === list.id);
      if (!w || to < 0 || to >= w.items.length) return;
      const [it] = w.items.splice(from, 1);
      if (it) w.items.splice(to, 0, it);
    });

  return (
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
  );
}
