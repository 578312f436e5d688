/**
 * Alerts section of the options page. Rules live in the user area (lib/settings/user-area.ts); the worker
 * checks them on an alarm. The `notifications` permission is requested here, inside the click
 * that creates the first alert (a user gesture), never at install.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALERT_KINDS, describeRule, parseRules, type AlertKind, type AlertRule } from '../../lib/alerts/rules';
import type { AlertLogEntry } from '../../lib/alerts/rules';
import { ALERT_KEYS } from '../../lib/alerts/runner';
import { userArea } from '../../lib/settings/options';
import { send } from '../../lib/messaging/protocol';
import { TICKER_RE } from '../../lib/settings/schema';
import { t, uiLocale } from '../../lib/i18n';


export function Alerts({ symbols }: { symbols: string[] }) {
  const [rules, setRules] = useState<AlertRule[]>([]);
  const [log, setLog] = useState<AlertLogEntry[]>([]);
  const [symbol, setSymbol] = useState(symbols[0] ?? '');
  const [kind, setKind] = useState<AlertKind>('priceAbove');
  const [level, setLevel] = useState('');
  const [days, setDays] = useState('7');
  const [note, setNote] = useState<string | null>(null);
  const [checks, setChecks] = useState(0);

  const reload = async () => {
    const got = await userArea().get([ALERT_KEYS.rules, ALERT_KEYS.log]);
    setRules(parseRules(got[ALERT_KEYS.rules]));
    const log = got[ALERT_KEYS.log];
    setLog(Array.isArray(log) ? (log as AlertLogEntry[]) : []);
  };
  useEffect(() => {
    void reload().catch(() => setNote(t('al_read_failed')));
  }, []);

  /** Read-modify-write of the stored rules: a failed read throws before anything is written. */
  const changeRules = async (change: (rules: AlertRule[]) => AlertRule[]): Promise<AlertRule[] | null> => {
    try {
      const got = await userArea().get([ALERT_KEYS.rules]);
      const next = change(parseRules(got[ALERT_KEYS.rules]));
      await userArea().set({ [ALERT_KEYS.rules]: next });
      setRules(next);
      return next;
    } catch {
      setNote(t('al_save_failed'));
      return null;
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const sym = symbol.trim().toUpperCase();
    const lvl = Number(level);
    if (!TICKER_RE.test(sym)) return setNote(t('al_pick'));
    if (!Number.isFinite(lvl) || level.trim() === '') return setNote(t('al_num'));
    if ((kind === 'rsiAbove' || kind === 'rsiBelow') && (lvl < 0 || lvl > 100)) return setNote(t('al_rsi'));
    // Ask for notifications inside this click (a user gesture: called before any await). The
    // rule is saved whatever the answer; without the permission firings are listed below.
    const permission: Promise<boolean> = browser.permissions
      .request({ permissions: ['notifications'] })
      .catch(() => false);
    const rule: AlertRule = { id: `al-${Date.now().toString(36)}`, symbol: sym, kind, level: lvl, ...(kind === 'unlockWithin' ? { days: Math.max(1, Math.min(365, Math.round(Number(days) || 7))) } : {}) };
    if (!(await changeRules((rs) => [...rs, rule]))) return;
    setLevel('');
    setNote(t('al_added', describeRule(rule)));
    void permission.then((granted) => {
      if (!granted) setNote(t('al_added_nonotif', describeRule(rule)));
    });
  };

  const remove = async (id: string) => {
    await changeRules((rs) => rs.filter((r) => r.id !== id));
  };

  const checkNow = async () => {
    const r = await send('runAlerts', {});
    await reload();
    const n = checks + 1;
    setChecks(n);
    setNote(t('al_check_n', n, r.ok ? (r.data.length ? t('al_fired', r.data.length) : t('al_none_fired')) : r.error));
  };

  return (
    <section aria-labelledby="tl-alerts-h">
      <h2 id="tl-alerts-h">{t('al_title')}</h2>
      <p class="tl-muted">{t('al_note')}</p>
      <form class="tl-row" onSubmit={add}>
        <input type="text" aria-label={t('al_token')} value={symbol} maxLength={20} list="tl-alert-symbols" onInput={(e) => setSymbol((e.target as HTMLInputElement).value)} />
        <datalist id="tl-alert-symbols">
          {symbols.map((s) => (
            <option value={s} key={s} />
          ))}
        </datalist>
        <select aria-label={t('al_cond')} value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as AlertKind)}>
          {ALERT_KINDS.map((k) => (
            <option value={k} key={k}>
              {t(`al_kind_${k}`)}
            </option>
          ))}
        </select>
        <input type="text" inputMode="decimal" aria-label={t('al_level')} placeholder={kind.startsWith('unlock') ? t('al_pct_ph') : t('al_level_ph')} value={level} onInput={(e) => setLevel((e.target as HTMLInputElement).value)} />
        {kind === 'unlockWithin' ? <input type="text" inputMode="numeric" aria-label={t('al_days')} value={days} onInput={(e) => setDays((e.target as HTMLInputElement).value)} /> : null}
        <button type="submit">{t('al_add')}</button>
        <button type="button" onClick={checkNow}>
          {t('al_check')}
        </button>
      </form>
      {note ? <p role="status">{note}</p> : null}
      <ul class="tl-list" aria-label={t('al_rules')}>
        {rules.map((r) => (
          <li key={r.id} data-alert={r.id}>
            <span class="tl-grow">{describeRule(r)}</span>
            <button type="button" aria-label={t('al_delete_aria', describeRule(r))} onClick={() => remove(r.id)}>
              {t('al_delete')}
            </button>
          </li>
        ))}
      </ul>
      {log.length ? (
        <>
          <h3>{t('al_recent')}</h3>
          <ul class="tl-list" aria-label={t('al_recent_aria')}>
            {log.slice(0, 10).map((l) => (
              <li key={`${l.ruleId}-${l.atMs}`} data-fired={l.ruleId}>
                <span class="tl-grow">
                  {new Date(l.atMs).toLocaleString(uiLocale())} — {l.message}
                </span>
                <span class="tl-muted">{l.notified ? t('al_notified') : t('al_not_notified')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
