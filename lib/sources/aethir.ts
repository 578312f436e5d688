/**
 * Aethir daily compute revenue from its dashboard API (`dashboard-api.aethir.com`, no key).
 *
 * `GET /protocol/demand-metrics/historical-network-revenue` → `{ dailyRevenue: [ { date:
 * "YYYY-MM-DD", usdValue } ] }` (DATA-SOURCES.md, "The seed's networks": DefiLlama's adapter read
 * it from 2025-10 to 2026-03; shape from that parsing code, not from a recorded body; confidence
 * medium-low). What it counts: USD customers paid for GPU compute on the network per UTC day
 * (gross demand), not Aethir's protocol revenue (DefiLlama's `aethir` revenue is 20 % of fees).
 *
 * Figures, judged at FETCH time (this runs when the body arrives, so a cached answer read after
 * midnight keeps the day boundaries it was fetched with):
 * - `computeRevenue24hUsd`: the last complete UTC day;
 * - `computeRevenue30dUsd`: the sum of the last 30 complete UTC days (label says how many of 30
 *   are present when days are missing).
 * Rows whose date is not `YYYY-MM-DD` or whose value is not a finite number are skipped; a body
 * without `dailyRevenue` hides both figures.
 */
import type { DailyValue, NetworkFigure, Result } from '../types';
import type { Note } from '../engine/bundle';
import { dailyFigures } from '../metrics/revenue';
import { apiUrl, fetchThen, parseBody, type RequestOptions } from './http';
import { fail } from './venue-common';
import { anyValue, array, numOrNull, str, z } from './zod';
import { ok } from './result';

export const aethirRevenueSchema = z.object({ dailyRevenue: array(anyValue) });
const rowSchema = z.object({ date: str, usdValue: numOrNull });

/** `YYYY-MM-DD` → 00:00 UTC epoch ms; null for anything else (no local-time parsing). */
export function isoDayMs(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

export function aethirDaily(rows: readonly unknown[]): DailyValue[] {
  const out: DailyValue[] = [];
  for (const raw of rows) {
    const r = rowSchema.safeParse(raw);
    if (!r.success || r.data.usdValue === null) continue;
    const dayMs = isoDayMs(r.data.date);
    if (dayMs !== null) out.push({ dayMs, usd: r.data.usdValue });
  }
  return out;
}

/** @param fetchedAtMs when the body was fetched, epoch ms: complete days are judged at that instant */
export function parseAethirRevenue(text: string, fetchedAtMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, aethirRevenueSchema);
  if (!body.ok) return body;
  const d = dailyFigures(aethirDaily(body.value.dailyRevenue), fetchedAtMs);
  const out: NetworkFigure[] = [];
  const asOfMs = fetchedAtMs;
  if (d.last24h !== null) out.push({ key: 'computeRevenue24hUsd', label: 'compute revenue, last complete UTC day (USD paid by customers)', labelNote: ['nl_aethir_revenue_24h'], value: d.last24h, asOfMs });
  if (d.last30d !== null) {
    const partial = d.daysIn30d < 30;
    const part = partial ? `, ${d.daysIn30d} of 30 days reported` : '';
    // two messages rather than an optional fragment: word order differs by language
    const labelNote: Note = partial ? ['nl_aethir_revenue_30d_part', String(d.daysIn30d)] : ['nl_aethir_revenue_30d'];
    out.push({ key: 'computeRevenue30dUsd', label: `compute revenue, last 30 complete UTC days (USD paid by customers${part})`, labelNote, value: d.last30d, asOfMs });
  }
  if (out.length === 0) return fail('parse', 'Aethir dashboard has no complete day of revenue in the last 30');
  return ok(out);
}

export const AETHIR_REVENUE_URL = apiUrl('dashboard-api.aethir.com', '/protocol/demand-metrics/historical-network-revenue');

export async function fetchAethirRevenue(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  return fetchThen(AETHIR_REVENUE_URL, opts, (text) => parseAethirRevenue(text, args.nowMs ?? Date.now()));
}
