/**
 * The ticker helpers every exchange source shares (lib/sources/venue-common.ts): the values they
 * build are what each venue built inline before.
 */
import { describe, expect, it } from 'vitest';
import { changeFromOpen, fractionToPct, tickerOk, venueFail } from '../../lib/sources/venue-common';

describe('venue ticker helpers', () => {
  it('tickerOk: the venue stamp when positive, else the caller clock; a non-finite change becomes null', () => {
    expect(tickerOk(2, 1.5, 10, 20, 1_700_000_000_000, 5)).toEqual({
      ok: true,
      value: { last: 2, change24hPct: 1.5, volumeBase: 10, volumeQuote: 20, asOfMs: 1_700_000_000_000 },
    });
    for (const stamp of [null, 0, -1]) expect(tickerOk(2, null, null, null, stamp, 5)).toEqual({ ok: true, value: { last: 2, change24hPct: null, volumeBase: null, volumeQuote: null, asOfMs: 5 } });
    for (const bad of [NaN, Infinity, -Infinity]) {
      const r = tickerOk(2, bad, null, null, null, 5);
      expect(r.ok && r.value.change24hPct).toBeNull();
    }
  });

  it('fractionToPct rounds to 12 significant digits; changeFromOpen needs a positive open', () => {
    expect(fractionToPct(0.0089)).toBe(0.89);
    expect(fractionToPct(-0.0114)).toBe(-1.14);
    expect(fractionToPct(null)).toBeNull();
    expect(changeFromOpen(110, 100)).toBeCloseTo(10, 12);
    expect(changeFromOpen(110, 0)).toBeNull();
    expect(changeFromOpen(110, null)).toBeNull();
    expect(changeFromOpen(110, -5)).toBeNull();
  });
});

describe('venueFail', () => {
  it('not-found wins over rate-limited; rate-limited retries after a minute; else http', () => {
    expect(venueFail('x 1', true, true)).toEqual({ ok: false, error: { kind: 'not-found', message: 'x 1' } });
    expect(venueFail('x 2', false, true)).toEqual({ ok: false, error: { kind: 'rate-limited', message: 'x 2', retryAfterMs: 60_000 } });
    expect(venueFail('x 3', false, false)).toEqual({ ok: false, error: { kind: 'http', message: 'x 3' } });
  });
});
