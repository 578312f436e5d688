/**
 * The popup's "next unlocks" section (issue 13): the next three rows of the unlock calendar
 * (same rows, same data attributes as unlocks.html) and a link to the page. Self-contained so
 * the popup mounts it with one line.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../lib/messaging/protocol';
import { buildCalendar, daysUntil, isSoon, type CalendarRow } from '../lib/metrics/unlock-calendar';
import { formatNumber, formatUsd } from '../lib/metrics/format';
import { t } from '../lib/i18n';

export function UpcomingUnlocks({ count = 3 }: { count?: number }) {
  const [rows, setRows] = useState<CalendarRow[] | null>(null);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    void send('unlockCalendar', {}).then((r) => setRows(r.ok ? buildCalendar(r.data.tokens, now).rows.slice(0, count) : []));
  }, []);
  return (
    <section class="tl-next-unlocks" aria-label={t('unlocks_next_three')}>
      <div class="tl-bar">
        <strong>{t('unlocks_next_three')}</strong>
        <a href={browser.runtime.getURL('/unlocks.html')} target="_blank" rel="noreferrer">
          {t('unlocks_link')}
        </a>
      </div>
      {rows === null ? null : rows.length === 0 ? (
        <p class="tl-foot">{t('unlocks_none_soon')}</p>
      ) : (
        <ul style="list-style:none;margin:4px 0;padding:0">
          {rows.map((r) => (
            <li
              key={`${r.symbol}-${r.atMs}`}
              data-unlock-row=""
              data-asset={r.symbol}
              data-date={new Date(r.atMs).toISOString()}
              data-amount={String(r.amount)}
              data-value-usd={r.valueUsd === null ? '' : String(r.valueUsd)}
              style={isSoon(r.atMs, now) ? 'color:#e3b341' : undefined}
            >
              {new Date(r.atMs).toISOString().slice(0, 10)} · {r.symbol} · {formatNumber(r.amount)} · {formatUsd(r.valueUsd)} ·{' '}
              {t('unlocks_in_days', String(daysUntil(r.atMs, now)))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
