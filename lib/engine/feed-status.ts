/**
 * One upstream feed's outcome (`Feed`) and how it reads for people: the "where from, how old"
 * status line, and whether a failure is an outage or an answer ("no such data").
 */
import type { SourceStatus } from './bundle';
import type { CacheResult } from './cache';
import { sourceLabel } from '../labels';
import type { SourceError, SourceId } from '../types';

/** One upstream feed's outcome, as the cache returned it. */
export interface Feed<T> {
  source: SourceId;
  /** what it provides: a public/_locales key, `w_market` "market data", `w_candles` "daily candles"… */
  what: string;
  result: CacheResult<T>;
}

/**
 * A fundamentals feed that answered "there is no such data" (unknown slug, a key the user has
 * not set) is not an outage: its metrics are left out and a note says why, and the overlay is
 * not marked partial for it. Rate limits, timeouts and bad responses are outages.
 */
export function isAbsent<T>(f: Feed<T> | undefined): boolean {
  return !!f && !f.result.ok && (f.result.error.kind === 'not-found' || f.result.error.kind === 'blocked');
}

/** The feed's value when it has one (fresh or stale). */
export function okValue<T>(f: Feed<T> | undefined): T | undefined {
  return f && f.result.ok ? f.result.value : undefined;
}

/** Epoch ms of the data behind the feed's value; null without a value. */
export function asOf<T>(f: Feed<T> | undefined): number | null {
  return f && f.result.ok ? f.result.fetchedAtMs : null;
}

/** The older of two epoch-ms times, ignoring unknown ones. */
export function minAt(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

export function statusOf<T>(f: Feed<T>): SourceStatus {
  const r = f.result;
  if (r.ok) {
    return {
      source: f.source,
      what: f.what,
      ok: true,
      stale: r.stale,
      asOfMs: r.fetchedAtMs,
      ...(r.error ? { error: `refresh failed: ${r.error.message}` } : {}),
    };
  }
  return {
    source: f.source,
    what: f.what,
    ok: false,
    stale: false,
    asOfMs: r.lastOkAtMs ?? null,
    error: r.error.kind === 'blocked' ? r.error.message : describeError(r.error),
    ...(isAbsent(f) ? { absent: true } : {}),
  };
}

function describeError(e: SourceError): string {
  switch (e.kind) {
    case 'rate-limited':
      return `rate-limited (HTTP ${e.status ?? 429})`;
    case 'timeout':
      return 'timed out';
    case 'network':
      return 'unreachable';
    case 'not-found':
      return 'not listed';
    case 'parse':
      return `bad response (${e.message})`;
    default:
      return e.message;
  }
}

/** "2026-12-07 14:05": the UTC minute of an epoch-ms time, as notes and tooltips say it (with "UTC"). */
export function utcMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** A provider's or venue's name for notes (lib/labels.ts, shared with the UI). */
export function labelOf(s: SourceId | string): string {
  return sourceLabel(s);
}
