/**
 * The unlock calendar page (issue 13; CONTRACT.md, "Sector context and the unlock calendar"):
 * the next 90 days of scheduled cliff unlocks across the active watchlist, earliest first, rows in
 * the next 7 days marked, linear streams summarised per token, tokens without a public schedule
 * listed once, and an RFC 5545 export. The worker sends cached, parsed schedules and prices
 * (message `unlockCalendar`); the rows are pure arithmetic (lib/metrics/unlock-calendar.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/protocol';
import { buildCalendar, CALENDAR_DAYS, daysUntil, isSoon, type CalendarInput, type CalendarRow, type CalendarResult } from '../../lib/metrics/unlock-calendar';
import { formatNumber, formatPct, formatRatio, formatUsd } from '../../lib/metrics/format';
import { isUtcMidnight, toIcs, unlockUid, type IcsEvent } from '../../lib/metrics/ics';
import { t } from '../../lib/i18n';
import { downloadText } from '../../components/download';

/** Date of an unlock for people: the UTC date, plus the UTC time when it is not midnight. */
export function unlockDate(atMs: number): string {
  const iso = new Date(atMs).toISOString();
  return isUtcMidnight(atMs) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function countdown(atMs: number, nowMs: number): string {
  return atMs - nowMs < 86_400_000 ? t('unlocks_today') : t('unlocks_in_days', String(daysUntil(atMs, nowMs)));
}

export function recipientsText(row: CalendarRow): string {
  return row.recipients.map((r) => r.recipient).join(', ');
}

/** One calendar event per row: all-day when the unlock is at 00:00 UTC, else timed. */
export function calendarEvents(rows: readonly CalendarRow[], nowMs: number): IcsEvent[] {
  return rows.map((r) => ({
    uid: unlockUid(r.symbol, r.atMs),
    startMs: r.atMs,
    allDay: isUtcMidnight(r.atMs),
    summary: t('unlocks_event_summary', r.symbol, formatNumber(r.amount), formatPct(r.pctCirculating)),
    description: t('unlocks_event_description', formatUsd(r.valueUsd), new Date(nowMs).toISOString().slice(0, 10), formatRatio(r.unlockPressure), recipientsText(r) || '—'),
  }));
}

export function App() {
  const [input, setInput] = useState<CalendarInput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now] = useState(() => Date.now());

  useEffect(() => {
    void send('unlockCalendar', {}).then((r) => (r.ok ? setInput(r.data) : setError(r.error)));
  }, []);

  const cal: CalendarResult | null = input ? buildCalendar(input.tokens, now, CALENDAR_DAYS) : null;

  const exportIcs = () => {
    if (!cal) return;
    downloadText(`tokenlens-unlocks-${new Date(now).toISOString().slice(0, 10)}.ics`, toIcs(calendarEvents(cal.rows, now), now, t('unlocks_calendar_name')), 'text/calendar;charset=utf-8');
  };

  return (
    <main class="tl-unlocks">
      <h1>{t('unlocks_heading')}</h1>
      <p class="tl-muted">{t('unlocks_intro', String(CALENDAR_DAYS), input?.watchlist ?? '—')}</p>
      <div class="tl-row">
        <button type="button" onClick={exportIcs} disabled={!cal}>
          {t('unlocks_export')}
        </button>
        <span class="tl-muted">{t('unlocks_export_note')}</span>
        {!input && !error ? <span aria-live="polite">{t('unlocks_loading')}</span> : null}
        {error ? <span role="alert">{error}</span> : null}
      </div>
      {cal ? (
        <>
          <table aria-label={t('unlocks_heading')}>
            <thead>
              <tr>
                <th scope="col">{t('unlocks_col_date')}</th>
                <th scope="col">{t('unlocks_col_token')}</th>
                <th scope="col">{t('unlocks_col_amount')}</th>
                <th scope="col">{t('unlocks_col_pct')}</th>
                <th scope="col">{t('unlocks_col_value')}</th>
                <th scope="col" title={t('unlocks_pressure_explain')}>
                  {t('unlocks_col_pressure')}
                </th>
                <th scope="col" class="tl-recips">
                  {t('unlocks_col_recipients')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cal.rows.map((r) => {
                const soon = isSoon(r.atMs, now);
                return (
                  <tr
                    key={`${r.symbol}-${r.atMs}`}
                    class={soon ? 'tl-soon' : undefined}
                    data-unlock-row=""
                    data-asset={r.symbol}
                    data-date={new Date(r.atMs).toISOString()}
                    data-amount={String(r.amount)}
                    data-value-usd={r.valueUsd === null ? '' : String(r.valueUsd)}
                    data-soon={soon ? 'true' : 'false'}
                  >
                    <td>
                      {unlockDate(r.atMs)}
                      {soon ? <span class="tl-badge">{t('unlocks_soon')}</span> : null}
                      <span class="tl-age">{countdown(r.atMs, now)}</span>
                    </td>
                    <td>{r.name ? `${r.symbol} · ${r.name}` : r.symbol}</td>
                    <td>{formatNumber(r.amount)}</td>
                    <td>{formatPct(r.pctCirculating)}</td>
                    <td>{formatUsd(r.valueUsd)}</td>
                    <td title={t('unlocks_pressure_explain')}>{formatRatio(r.unlockPressure)}</td>
                    <td class="tl-recips">{recipientsText(r) || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {cal.rows.length === 0 ? <p>{t('unlocks_empty', String(CALENDAR_DAYS))}</p> : null}
          {cal.linear.length ? (
            <section aria-label={t('unlocks_linear_heading')}>
              <h2>{t('unlocks_linear_heading')}</h2>
              <ul>
                {cal.linear.map((l) => (
                  <li key={l.symbol} data-linear={l.symbol}>
                    {t(
                      'unlocks_linear_row',
                      l.symbol,
                      formatNumber(l.tokensPerWeek),
                      formatUsd(l.valuePerWeekUsd),
                      l.untilMs === null ? t('unlocks_linear_open') : unlockDate(l.untilMs),
                      l.recipients.join(', ') || '—',
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {cal.quiet.length ? <p class="tl-muted">{t('unlocks_quiet', cal.quiet.join(', '))}</p> : null}
          {input!.unavailable.length ? <p class="tl-muted" data-unavailable="">{t('unlocks_unavailable', input!.unavailable.join(', '))}</p> : null}
          {cal.noSchedule.length ? (
            <p class="tl-muted" data-no-schedule="">
              {t('unlocks_no_schedule', cal.noSchedule.join(', '))}
            </p>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
