/**
 * The popup's two lists before a lookup: the majors' quotes and the active watchlist's rows
 * (price, 24h change, next unlock, revenue sparkline). A click looks the token up.
 */
import type { Bundle } from '../../lib/engine/bundle';
import type { WatchRow } from '../../lib/messaging/protocol';
import { formatCountdown, formatPct, formatPrice } from '../../lib/metrics/format';
import { Sparkline } from '../../components/Sparkline';
import { t } from '../../lib/i18n';

/** Rising, falling or (missing) neutral: a missing change is grey, never "up". */
const changeClass = (v: number | null | undefined): string => (typeof v !== 'number' || !Number.isFinite(v) || v === 0 ? 'tl-flat' : v > 0 ? 'tl-up' : 'tl-down');

export function Majors({ rows, onPick }: { rows: WatchRow[]; onPick: (symbol: string) => void }) {
  return (
    <ul class="tl-majors" aria-label={t('pp_majors')}>
      {rows.map((m) => (
        <li key={m.symbol}>
          <button type="button" onClick={() => onPick(m.symbol)}>
            <strong>{m.symbol}</strong> {formatPrice(m.priceUsd)} <span class={changeClass(m.change24hPct)}>{formatPct(m.change24hPct, { signed: true })}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function WatchRows({ name, rows, nowMs, onPick }: { name: string; rows: Bundle[]; nowMs: number; onPick: (symbol: string) => void }) {
  return (
    <section aria-label={t('pp_watchlist', name)}>
      <h2 class="tl-h">{name}</h2>
      <div class="tl-watch-head" aria-hidden="true">
        <span>{t('pp_col_token')}</span>
        <span>{t('pp_col_price')}</span>
        <span>{t('pp_col_change')}</span>
        <span>{t('pp_col_unlock')}</span>
        <span>{t('pp_col_revenue')}</span>
      </div>
      <ul class="tl-watch">
        {rows.map((b) => {
          const n = (id: string) => b.metrics.find((m) => m.id === id)?.value ?? null;
          const price = n('price');
          const change = n('change24h');
          const unlock = n('nextUnlockDate');
          return (
            <li key={b.pair.base} data-symbol={b.pair.base}>
              <button type="button" onClick={() => onPick(b.pair.base)}>
                <strong>{b.pair.base}</strong>
                <span>{formatPrice(typeof price === 'number' ? price : null)}</span>
                <span class={changeClass(typeof change === 'number' ? change : null)}>{formatPct(typeof change === 'number' ? change : null, { signed: true })}</span>
                <span title={t('pp_col_unlock')}>{typeof unlock === 'string' ? formatCountdown(Date.parse(unlock), nowMs, 'narrow') : '—'}</span>
                <Sparkline values={b.revenueSpark ?? []} label={t('pp_rev_spark', b.pair.base)} width={50} height={16} />
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
