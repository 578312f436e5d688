// @vitest-environment happy-dom
/**
 * Issue 9, metric notes: `Metric.note` is a Note too (`mn_*` keys), worded by the UI. Metric
 * rows built by the real `assemble` (market feed down, venue candles down, revenue short of days
 * and zero, no cliff ahead) read in English word for word as before, and in Chinese carry none
 * of those English sentences; so does a row for every `mn_` key the worker can send.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { assemble } from '../../lib/engine/assemble';
import type { Bundle, Metric } from '../../lib/engine/bundle';
import { MetricCard } from '../../components/MetricCard';
import { setMessages } from '../../lib/i18n';
import { messagesGetter, readMessages } from './messages';
import type { EmissionSchedule, FeesSeries } from '../../lib/types';

const NOW = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;
const TODAY = Math.floor(NOW / DAY) * DAY;
const ok = <T,>(value: T) => ({ ok: true as const, value, fetchedAtMs: NOW - 5000, stale: false, from: 'cache' as const });
const down = { ok: false as const, error: { kind: 'http' as const, status: 502, message: 'HTTP 502' } };
/** 12 complete days of zero revenue: "12 of 30 days reported", "revenue is zero or negative" */
const revenue: FeesSeries = { slug: 'x', name: 'X', dataType: 'dailyRevenue', methodology: 'm', daily: Array.from({ length: 12 }, (_, i) => ({ dayMs: TODAY - (12 - i) * DAY, usd: 0 })) };
const schedule: EmissionSchedule = { slug: 'x', geckoId: 'x', sources: [], cliffs: [], linear: [] };

const real = assemble({
  pair: { venue: 'kucoin', base: 'RENDER', quote: 'USDT', market: 'spot' },
  asset: { id: 'render-token', symbol: 'RENDER', name: 'Render', via: 'override', alternatives: [] },
  market: { source: 'coingecko', what: 'w_market', result: down },
  candles: { source: 'kucoin', what: 'w_candles', result: down },
  revenue: { source: 'defillama', what: 'w_revenue', result: ok(revenue) },
  emissions: { source: 'defillama', what: 'w_unlocks', result: ok(schedule) },
  network: [],
  nowMs: NOW,
});

const en = readMessages('en');
const mnKeys = Object.keys(en).filter((k) => k.startsWith('mn_'));
/** one missing figure per `mn_` key, its `$n` slots filled with a name */
const everyKey: Bundle = {
  ...real,
  metrics: mnKeys.map((k, i): Metric => ({ id: 'price', group: 'market', format: 'usd', value: null, source: 'computed', asOfMs: null, note: [k, 'Subtensor'], label: String(i) })),
};

function text(b: Bundle, lang: string): string {
  setMessages(messagesGetter(lang));
  const { container } = render(<MetricCard bundle={b} nowMs={NOW} />);
  const s = container.textContent ?? '';
  cleanup();
  return s;
}

/** The English words of every metric-note message, split at their `$n` slots. */
const fragments = mnKeys
  .flatMap((k) => en[k]!.message.split(/\$[1-9]/))
  .map((f) => f.trim())
  .filter((f) => /[a-z]{3,} [a-z]{2,}/i.test(f));

afterEach(() => setMessages(messagesGetter('en')));

describe('metric notes in the UI language', () => {
  it('English: the notes people read, word for word as before', () => {
    const s = text(real, 'en');
    for (const note of ['CoinGecko unavailable', 'KuCoin candles unavailable', '12 of 30 days reported', 'revenue is zero or negative', 'no scheduled cliff unlock ahead']) {
      expect(s).toContain(note);
    }
    expect(mnKeys.length).toBeGreaterThanOrEqual(18);
    // the checks below have something to find
    expect(fragments.filter((f) => text(everyKey, 'en').includes(f)).length).toBe(fragments.length);
  });

  it('Chinese: no English sentence from the worker’s metric notes', () => {
    const s = text(real, 'zh_CN');
    expect(fragments.filter((f) => s.includes(f))).toEqual([]);
    expect(s).toContain('CoinGecko 不可用');
    expect(s).toContain('之后没有计划中的悬崖解锁');
    expect(fragments.filter((f) => text(everyKey, 'zh_CN').includes(f))).toEqual([]);
  });
});
