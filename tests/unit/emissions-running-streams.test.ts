/**
 * Emissions on real-shaped schedules: a linear stream that began before the first `unlockEvents`
 * entry mentioning it, and `documentedData` preferred (and cross-checked) for the last 30 days.
 * Bodies are synthetic, written from the shapes in DATA-SOURCES.md ("DefiLlama emissions body").
 */
import { describe, expect, it } from 'vitest';
import { parseEmissions } from '../../lib/sources/defillama-emissions';
import { cumulativeAt, documentedReleasedBetween, unlockFigures } from '../../lib/metrics/unlocks';
import type { EmissionSchedule } from '../../lib/types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);
const sec = (ms: number) => ms / 1000;
// A miners' stream started 400 days ago at 7,000 tokens/week; its rate changes to 3,500/week in 12 days.
const START = NOW - 400 * DAY;
const CHANGE = NOW + 12 * DAY;

function body(opts: { linearStart: boolean; documented?: unknown }) {
  return JSON.stringify({
    name: 'Example',
    gecko_id: 'examplecoin',
    metadata: {
      token: 'coingecko:examplecoin',
      sources: [],
      events: [
        ...(opts.linearStart
          ? [{ description: 'Linear unlock from Miners from {timestamp} until {timestamp}', timestamp: sec(START), noOfTokens: [0, 7000], category: 'farming', unlockType: 'linear_start' }]
          : []),
        { description: 'A cliff of {tokens[0]} tokens was unlocked from Team on {timestamp}', timestamp: sec(NOW - 500 * DAY), noOfTokens: [1], category: 'insiders', unlockType: 'cliff' },
      ],
      unlockEvents: [
        {
          timestamp: sec(CHANGE),
          cliffAllocations: [],
          linearAllocations: [{ recipient: 'Miners', category: 'farming', unlockType: 'linear_rate_change', previousRatePerWeek: 7000, newRatePerWeek: 3500, endTimestamp: sec(CHANGE + 365 * DAY) }],
          summary: { netChangeInWeeklyRate: -3500, totalNewWeeklyRate: 3500 },
        },
      ],
    },
    ...(opts.documented ? { documentedData: opts.documented } : {}),
  });
}

function parsed(text: string): EmissionSchedule {
  const r = parseEmissions(text, 'examplecoin', NOW);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a stream running before the first unlockEvents entry that mentions it', () => {
  it('starts at its linear_start in metadata.events and counts in the last 30 days', () => {
    const s = parsed(body({ linearStart: true }));
    expect(s.linear).toContainEqual({ startMs: START, endMs: CHANGE, ratePerDay: 1000, recipient: 'Miners', category: 'farming' });
    const u = unlockFigures(s, NOW, 2, null, null, null);
    // 30 days × 1,000 tokens/day × $2 (it was zero before the fix)
    expect(u.emissions30dValueUsd).toBeCloseTo(60_000, 6);
    expect(u.emissionsBasis).toBe('schedule');
    // and the next 30 days: 12 days at 1,000/day then 18 at 500/day
    expect(u.unlocks30dValueUsd).toBeCloseTo((12 * 1000 + 18 * 500) * 2, 6);
  });

  it('without a linear_start, previousRatePerWeek alone carries it back to the schedule’s earliest instant', () => {
    const s = parsed(body({ linearStart: false }));
    expect(s.linear[0]).toMatchObject({ startMs: NOW - 500 * DAY, endMs: CHANGE, ratePerDay: 1000 });
    expect(unlockFigures(s, NOW, 2, null, null, null).emissions30dValueUsd).toBeCloseTo(60_000, 6);
  });

  it('a rate change with no previous rate adds no stream', () => {
    const text = body({ linearStart: true }).replace('"previousRatePerWeek":7000', '"previousRatePerWeek":0');
    const s = parsed(text);
    expect(s.linear.every((l) => l.startMs >= CHANGE)).toBe(true);
  });
});

describe('documentedData preferred for the last 30 days, cross-checked', () => {
  // Cumulative unlocked per label, one point a day from 120 days ago to 60 days ahead.
  const series = (perDay: number) => Array.from({ length: 181 }, (_, i) => ({ timestamp: sec(NOW - (120 - i) * DAY), unlocked: 1e6 + perDay * i, rawEmission: perDay, burned: 0 }));

  it('agrees with the schedule: documented amounts used, no disagreement flagged', () => {
    const s = parsed(body({ linearStart: true, documented: { data: [{ label: 'Miners', data: series(1000) }] } }));
    expect(s.documented?.[0]?.label).toBe('Miners');
    // trimmed around the fetch time (75 days back plus one earlier point, 45 ahead)
    expect(s.documented![0]!.points.length).toBeLessThan(181);
    const u = unlockFigures(s, NOW, 2, null, null, null);
    expect(u.emissionsBasis).toBe('documented');
    expect(u.emissions30dDocumentedTokens).toBeCloseTo(30_000, 6);
    expect(u.emissionsDisagree).toBe(false);
  });

  it('disagrees: the documented amount wins and the disagreement is flagged', () => {
    const s = parsed(body({ linearStart: true, documented: { data: [{ label: 'Miners', data: series(3000) }, { label: 'Junk', data: 'x' }] } }));
    const u = unlockFigures(s, NOW, 2, null, null, null);
    expect(u.emissions30dValueUsd).toBeCloseTo(90_000 * 2, 6);
    expect(u.emissions30dScheduleTokens).toBeCloseTo(30_000, 6);
    expect(u.emissionsDisagree).toBe(true);
  });

  it('a record that stops long before now is not used', () => {
    const old = series(1000).filter((p) => p.timestamp < sec(NOW - 20 * DAY));
    const s = parsed(body({ linearStart: true, documented: { data: [{ label: 'Miners', data: old }] } }));
    expect(documentedReleasedBetween(s, NOW - 30 * DAY, NOW)).toBeNull();
    expect(unlockFigures(s, NOW, 2, null, null, null).emissionsBasis).toBe('schedule');
  });

  it('cumulativeAt interpolates, is 0 before the first point and flat after the last', () => {
    const pts = [{ tMs: 0, unlocked: 10 }, { tMs: 10, unlocked: 20 }];
    expect(cumulativeAt(pts, -1)).toBe(0);
    expect(cumulativeAt(pts, 5)).toBe(15);
    expect(cumulativeAt(pts, 99)).toBe(20);
  });
});
