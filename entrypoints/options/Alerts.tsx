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

const KIND_LABELS: Record<AlertKind, string> = {
  priceAbove: 'Price above (USD)',
  priceBelow: 'Price below (USD)',
  rsiAbove: 'RSI(14) above',
  rsiBelow: 'RSI(14) below',
  unlockWithin: 'Unlock ≥ % of circulating within days',
};

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
    void reload().catch(() => setNote('Could not read your alerts; nothing was changed. Reload the page to try again.'));
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
      setNote('Could not read or save your alerts, so nothing was changed. Try again.');
      return null;
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const sym = symbol.trim().toUpperCase();
    const lvl = Number(level);
    if (!TICKER_RE.test(sym)) return setNote('Pick a ticker, e.g. TAO.');
    if (!Number.isFinite(lvl) || level.trim() === '') return setNote('The level must be a number.');
    if ((kind === 'rsiAbove' || kind === 'rsiBelow') && (lvl < 0 || lvl > 100)) return setNote('RSI levels are between 0 and 100.');
    // Ask for notifications inside this click (a user gesture: called before any await). The
    // rule is saved whatever the answer; without the permission firings are listed below.
    const permission: Promise<boolean> = browser.permissions
      .request({ permissions: ['notifications'] })
      .catch(() => false);
    const rule: AlertRule = { id: `al-${Date.now().toString(36)}`, symbol: sym, kind, level: lvl, ...(kind === 'unlockWithin' ? { days: Math.max(1, Math.min(365, Math.round(Number(days) || 7))) } : {}) };
    if (!(await changeRules((rs) => [...rs, rule]))) return;
    setLevel('');
    setNote(`Alert added: ${describeRule(rule)}.`);
    void permission.then((granted) => {
      if (!granted) setNote(`Alert added: ${describeRule(rule)}. Notifications are off (permission not granted); firings are listed below.`);
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
    setNote(`Check ${n}: ${r.ok ? (r.data.length ? `${r.data.length} alert(s) fired.` : 'nothing new fired.') : r.error}`);
  };

  return (
    <section aria-labelledby="tl-alerts-h">
      <h2 id="tl-alerts-h">Alerts</h2>
      <p class="tl-muted">Checked every 5 minutes while the browser runs. Each alert fires once when its condition becomes true and re-arms after it turns false again.</p>
      <form class="tl-row" onSubmit={add}>
        <input type="text" aria-label="Alert token" value={symbol} maxLength={20} list="tl-alert-symbols" onInput={(e) => setSymbol((e.target as HTMLInputElement).value)} />
        <datalist id="tl-alert-symbols">
          {symbols.map((s) => (
            <option value={s} key={s} />
          ))}
        </datalist>
        <select aria-label="Alert condition" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as AlertKind)}>
          {ALERT_KINDS.map((k) => (
            <option value={k} key={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input type="text" inputMode="decimal" aria-label="Alert level" placeholder={kind.startsWith('unlock') ? '% of circulating' : 'level'} value={level} onInput={(e) => setLevel((e.target as HTMLInputElement).value)} />
        {kind === 'unlockWithin' ? <input type="text" inputMode="numeric" aria-label="Within days" value={days} onInput={(e) => setDays((e.target as HTMLInputElement).value)} /> : null}
        <button type="submit">Add alert</button>
        <button type="button" onClick={checkNow}>
          Check alerts now
        </button>
      </form>
      {note ? <p role="status">{note}</p> : null}
      <ul class="tl-list" aria-label="Alert rules">
        {rules.map((r) => (
          <li key={r.id} data-alert={r.id}>
            <span class="tl-grow">{describeRule(r)}</span>
            <button type="button" aria-label={`Delete alert ${describeRule(r)}`} onClick={() => remove(r.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {log.length ? (
        <>
          <h3>Recent firings</h3>
          <ul class="tl-list" aria-label="Recent alert firings">
            {log.slice(0, 10).map((l) => (
              <li key={`${l.ruleId}-${l.atMs}`} data-fired={l.ruleId}>
                <span class="tl-grow">
                  {new Date(l.atMs).toLocaleString()} — {l.message}
                </span>
                <span class="tl-muted">{l.notified ? 'notified' : 'not notified'}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
