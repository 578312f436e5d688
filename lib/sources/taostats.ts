/**
 * Bittensor subnet count from Taostats (`api.taostats.io/api/subnet/latest/v1`).
 *
 * Needs a free Taostats API key, sent as the raw `Authorization: <key>` header (no "Bearer");
 * the key never goes into the URL. Without a key we answer `blocked` without fetching; a 401
 * (refused key) is also `blocked`; a 403 (possibly Cloudflare) stays an `http` error.
 *
 * Body: `{ pagination: { current_page, per_page, total_items, total_pages, next_page, prev_page },
 * data: [ { netuid, … } ] }` (default page size 50, `limit` up to 200; we ask for 200).
 * subnets = distinct entries with netuid ≠ 0 (0 is the root network). When pagination says more
 * pages exist, `total_items − 1` is used instead (assumption: `total_items` counts the root
 * network too, as the listing does), never less than what this page counted.
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, parseBody, fetchText, type RequestOptions } from './http';
import { fail, optNum } from './venue-common';
import { anyValue, array, nullish, num, str, z } from './zod';
import { ok } from './result';

export const taostatsSubnetsSchema = z.object({
  data: array(anyValue),
  pagination: nullish(
    z.object({
      total_items: optNum,
      total_pages: optNum,
      current_page: optNum,
      next_page: optNum,
    }),
  ),
});
export type TaostatsSubnetsWire = z.output<typeof taostatsSubnetsSchema>;

const rowSchema = z.object({ netuid: num, timestamp: nullish(str) });

export function normaliseTaostatsSubnets(body: TaostatsSubnetsWire, fallbackAsOfMs: number): NetworkFigure[] {
  const netuids = new Set<number>();
  let latestMs = -Infinity;
  for (const raw of body.data) {
    const row = rowSchema.safeParse(raw);
    if (!row.success) continue;
    if (Number.isInteger(row.data.netuid) && row.data.netuid > 0) netuids.add(row.data.netuid);
    const t = row.data.timestamp ? Date.parse(row.data.timestamp) : NaN;
    if (Number.isFinite(t) && t > latestMs) latestMs = t;
  }
  let count = netuids.size;
  const p = body.pagination;
  const morePages = !!p && ((p.next_page !== null && p.next_page !== undefined) || (p.total_pages !== null && p.total_pages > 1));
  if (morePages && p && p.total_items !== null && Number.isFinite(p.total_items)) {
    count = Math.max(count, Math.round(p.total_items) - 1);
  }
  if (count === 0) return [];
  const asOfMs = Number.isFinite(latestMs) ? latestMs : fallbackAsOfMs;
  return [{ key: 'subnets', label: 'subnets (excluding root)', labelNote: ['nl_taostats_subnets'], value: count, asOfMs }];
}

export function parseTaostatsSubnets(text: string, fallbackAsOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, taostatsSubnetsSchema);
  if (!body.ok) return body;
  const figures = normaliseTaostatsSubnets(body.value, fallbackAsOfMs);
  if (figures.length === 0) return fail('parse', 'Taostats listed no subnets');
  return ok(figures);
}

export const TAOSTATS_SUBNETS_URL = apiUrl('api.taostats.io', '/api/subnet/latest/v1', { limit: 200 });

/** Printable ASCII without spaces, as Taostats keys are ("tao-…:…"); keeps headers well-formed. */
function usableKey(key: string): boolean {
  return key.length > 0 && key.length <= 256 && /^[\x21-\x7e]+$/.test(key);
}

export async function fetchTaostatsSubnets(
  args: { apiKey?: string | null; nowMs?: number },
  opts: RequestOptions,
): Promise<Result<NetworkFigure[]>> {
  const key = args.apiKey?.trim() ?? '';
  if (!key) return fail('blocked', 'needs a free Taostats API key');
  if (!usableKey(key)) return fail('blocked', 'the Taostats API key is malformed');
  const text = await fetchText(TAOSTATS_SUBNETS_URL, { ...opts, headers: { ...opts.headers, authorization: key } });
  if (!text.ok) {
    if (text.error.status === 401) return fail('blocked', 'Taostats refused the API key', { status: 401 });
    return text;
  }
  return parseTaostatsSubnets(text.value, args.nowMs ?? Date.now());
}
