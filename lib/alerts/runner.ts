/**
 * The worker's alert round: read rules and state, fetch the values the rules need, evaluate,
 * persist the new state, and only then notify (lib/alerts/rules.ts explains why in that order).
 */
import { metricNumber as metricNum, type Bundle } from '../engine/bundle';
import { createLogger } from '../log';
import { STORAGE_KEYS } from '../settings/keys';
import { evaluate, parseRules, parseState, type AlertInputs, type AlertLogEntry, type Firing } from './rules';

export interface AlertStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface AlertDeps {
  store: AlertStore;
  /** bundle for a ticker (RSI and unlock schedule; cached data within its freshness is fine) */
  lookup(symbol: string): Promise<Bundle>;
  /** current USD prices for all tickers in ONE upstream call, never from cache */
  prices(symbols: string[]): Promise<Record<string, number | null>>;
  /** shows a notification; resolves false when it could not (no permission) */
  notify(f: Firing): Promise<boolean>;
  now(): number;
}

export const ALERT_KEYS = { rules: STORAGE_KEYS.alerts, state: STORAGE_KEYS.alertState, log: STORAGE_KEYS.alertLog } as const;

/** Values for alerts, from the bundle the rest of the extension shows. */
export function inputsFromBundle(b: Bundle): AlertInputs {
  const date = b.metrics.find((m) => m.id === 'nextUnlockDate');
  const atMs = typeof date?.value === 'string' ? Date.parse(date.value) : NaN;
  return {
    priceUsd: metricNum(b, 'price'),
    rsi14: metricNum(b, 'rsi14'),
    // No schedule metric at all: unknown; a schedule with no cliff ahead: null (no unlock).
    nextUnlock: !date ? undefined : Number.isFinite(atMs) ? { atMs, pctCirculating: metricNum(b, 'nextUnlockPctCirculating') } : null,
  };
}

const log = createLogger('alerts');

let running: Promise<AlertLogEntry[]> | undefined;

/** One round; concurrent calls (alarm + button) share it. Never throws. */
export function runAlerts(deps: AlertDeps): Promise<AlertLogEntry[]> {
  running ??= round(deps).finally(() => (running = undefined));
  return running;
}

async function round(deps: AlertDeps): Promise<AlertLogEntry[]> {
  try {
    const got = await deps.store.get([ALERT_KEYS.rules, ALERT_KEYS.state, ALERT_KEYS.log]);
    const rules = parseRules(got[ALERT_KEYS.rules]);
    if (rules.length === 0) return [];
    const state = parseState(got[ALERT_KEYS.state]);
    const symbols = [...new Set(rules.map((r) => r.symbol))];
    const inputs: Record<string, AlertInputs> = {};
    const needsBundle = new Set(rules.filter((r) => r.kind !== 'priceAbove' && r.kind !== 'priceBelow').map((r) => r.symbol));
    let prices: Record<string, number | null> = {};
    try {
      prices = await deps.prices(symbols);
    } catch (e) {
      // Prices unknown this round: price rules keep their state and are checked next round.
      log.warn('price check failed', e);
    }
    await Promise.all(
      symbols.map(async (s) => {
        try {
          const fromBundle = needsBundle.has(s) ? inputsFromBundle(await deps.lookup(s)) : {};
          inputs[s] = { ...fromBundle, priceUsd: prices[s] ?? null };
        } catch (e) {
          // Bundle rules of this ticker wait for the next round; its price rules still run.
          log.warn(`lookup of ${s} failed`, e);
          inputs[s] = { priceUsd: prices[s] ?? null };
        }
      }),
    );
    const nowMs = deps.now();
    const { fire, state: next } = evaluate(rules, state, inputs, nowMs);
    // Persist first: a crash or restart after this line can never re-fire these crossings.
    await deps.store.set({ [ALERT_KEYS.state]: next });
    const entries: AlertLogEntry[] = [];
    for (const f of fire) {
      let notified = false;
      try {
        notified = await deps.notify(f);
      } catch (e) {
        // The firing is logged (and shown on the options page) even when the browser refuses.
        log.warn('notification failed', e);
        notified = false;
      }
      entries.push({ atMs: nowMs, ruleId: f.rule.id, title: f.title, message: f.message, notified });
    }
    if (entries.length) {
      const log = Array.isArray(got[ALERT_KEYS.log]) ? (got[ALERT_KEYS.log] as AlertLogEntry[]) : [];
      await deps.store.set({ [ALERT_KEYS.log]: [...entries, ...log].slice(0, 50) });
    }
    return entries;
  } catch (e) {
    // Storage failed: nothing fired this round, and the state is unchanged for the next one.
    log.error('alert round failed', e);
    return [];
  }
}
