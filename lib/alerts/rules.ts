/**
 * Alerts for watchlist tokens: rules, the once-per-crossing state machine, and evaluation.
 * Pure (no storage, no timers): the worker feeds it values and persists what it returns.
 *
 * Once per crossing: a rule is "armed" until its condition becomes true; then it fires once
 * and is disarmed; it re-arms only after the condition has been seen false again. The state is
 * persisted BEFORE any notification is shown, so a replayed alarm, a worker restart or a
 * browser restart never fires the same crossing twice.
 */
import { finite, matches, oneOf, optional, refine, str, z } from '../sources/zod';
import { TICKER_RE } from '../settings/schema';

export const ALERT_KINDS = ['priceAbove', 'priceBelow', 'rsiAbove', 'rsiBelow', 'unlockWithin'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const AlertRuleSchema = z.object({
  id: str.check(matches(/^[a-z0-9-]{1,40}$/)),
  symbol: str.check(matches(TICKER_RE)),
  kind: oneOf(ALERT_KINDS),
  /** USD for price rules, 0–100 for RSI rules, percent of circulating supply for unlock rules */
  level: finite.check(refine(Number.isFinite)),
  /** unlock rules: the window, in days */
  days: optional(finite.check(refine((d) => Number.isInteger(d) && d >= 1 && d <= 365))),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** One fired alert as the log keeps it (options page, `runAlerts` answer). */
export interface AlertLogEntry {
  atMs: number;
  ruleId: string;
  title: string;
  message: string;
  /** whether a browser notification was shown (false without the permission) */
  notified: boolean;
}

/** Parses stored rules: invalid ones are dropped one by one, never the whole list. */
export function parseRules(raw: unknown): AlertRule[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const p = AlertRuleSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

export interface RuleState {
  armed: boolean;
  /** epoch ms of the last firing */
  lastFiredMs?: number;
  /** unlock rules: the unlock (epoch ms) already announced */
  firedForMs?: number;
}
export type AlertState = Record<string, RuleState>;

export function parseState(raw: unknown): AlertState {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: AlertState = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const s = v as Record<string, unknown>;
    if (typeof s.armed !== 'boolean') continue;
    out[k] = {
      armed: s.armed,
      ...(typeof s.lastFiredMs === 'number' ? { lastFiredMs: s.lastFiredMs } : {}),
      ...(typeof s.firedForMs === 'number' ? { firedForMs: s.firedForMs } : {}),
    };
  }
  return out;
}

/** Values an alert looks at, per ticker; null/undefined = unknown this round (no change). */
export interface AlertInputs {
  priceUsd?: number | null;
  rsi14?: number | null;
  /** next cliff unlock: epoch ms and percent of circulating supply */
  nextUnlock?: { atMs: number; pctCirculating: number | null } | null;
}

export interface Firing {
  rule: AlertRule;
  title: string;
  message: string;
}

/** Whether the rule's condition holds, or null when the value it needs is unknown. */
export function condition(rule: AlertRule, v: AlertInputs | undefined, nowMs: number): boolean | null {
  if (!v) return null;
  switch (rule.kind) {
    case 'priceAbove':
    case 'priceBelow': {
      const p = v.priceUsd;
      if (typeof p !== 'number' || !Number.isFinite(p)) return null;
      return rule.kind === 'priceAbove' ? p > rule.level : p < rule.level;
    }
    case 'rsiAbove':
    case 'rsiBelow': {
      const r = v.rsi14;
      if (typeof r !== 'number' || !Number.isFinite(r)) return null;
      return rule.kind === 'rsiAbove' ? r > rule.level : r < rule.level;
    }
    case 'unlockWithin': {
      if (v.nextUnlock === undefined) return null;
      if (v.nextUnlock === null) return false;
      const { atMs, pctCirculating } = v.nextUnlock;
      if (pctCirculating === null) return null;
      const within = atMs > nowMs && atMs - nowMs <= (rule.days ?? 7) * 86_400_000;
      return within && pctCirculating >= rule.level;
    }
  }
}

export function describeRule(r: AlertRule): string {
  switch (r.kind) {
    case 'priceAbove':
      return `${r.symbol} price above $${r.level}`;
    case 'priceBelow':
      return `${r.symbol} price below $${r.level}`;
    case 'rsiAbove':
      return `${r.symbol} RSI(14) above ${r.level}`;
    case 'rsiBelow':
      return `${r.symbol} RSI(14) below ${r.level}`;
    case 'unlockWithin':
      return `${r.symbol} unlock of ≥ ${r.level} % of circulating within ${r.days ?? 7} days`;
  }
}

/**
 * One evaluation round. Returns the firings and the complete next state; the caller stores the
 * state first, then notifies.
 */
export function evaluate(rules: AlertRule[], state: AlertState, inputs: Record<string, AlertInputs>, nowMs: number): { fire: Firing[]; state: AlertState } {
  const next: AlertState = {};
  const fire: Firing[] = [];
  for (const rule of rules) {
    const cur: RuleState = state[rule.id] ?? { armed: true };
    const v = inputs[rule.symbol];
    const holds = condition(rule, v, nowMs);
    let s: RuleState = { ...cur };
    if (holds === true && cur.armed) {
      const unlockAt = rule.kind === 'unlockWithin' ? v?.nextUnlock?.atMs : undefined;
      // An unlock already announced is not announced again, even if the rule was re-armed.
      if (unlockAt === undefined || unlockAt !== cur.firedForMs) {
        fire.push({ rule, title: `Tokenlens: ${describeRule(rule)}`, message: firingText(rule, v!, nowMs) });
        s = { armed: false, lastFiredMs: nowMs, ...(unlockAt !== undefined ? { firedForMs: unlockAt } : cur.firedForMs !== undefined ? { firedForMs: cur.firedForMs } : {}) };
      }
    } else if (holds === false && !cur.armed) {
      s = { ...cur, armed: true };
    }
    next[rule.id] = s;
  }
  return { fire, state: next };
}

function firingText(rule: AlertRule, v: AlertInputs, nowMs: number): string {
  if (rule.kind === 'priceAbove' || rule.kind === 'priceBelow') return `${rule.symbol} is at $${v.priceUsd}`;
  if (rule.kind === 'rsiAbove' || rule.kind === 'rsiBelow') return `${rule.symbol} RSI(14) is ${v.rsi14?.toFixed(1)}`;
  const u = v.nextUnlock!;
  const days = Math.max(0, Math.round((u.atMs - nowMs) / 86_400_000));
  return `${u.pctCirculating?.toFixed(2)} % of ${rule.symbol}'s circulating supply unlocks in ${days} days`;
}
