/**
 * RENDER burned per epoch from the Render Foundation's static stats file
 * (`stats.renderfoundation.com/epoch-burn-stats-data.json`, no key).
 *
 * DATA-SOURCES.md ("The seed's networks", confidence medium): the same data as
 * `POST infra.shikumi.cc/api/v1/epochBurnStats {"start":0}` → `[{ id, burnedRender }]`; that
 * backend's callers send an Origin an extension cannot set, so the static file is used. Shape from
 * other projects' parsing code, not a recorded body: accepted as a top-level array or wrapped in
 * `{ data: [...] }`; rows need a numeric `id` (epoch number) and `burnedRender` (RENDER tokens).
 *
 * Figure: `burnedLastEpoch` = RENDER burned in the highest-numbered epoch listed (the label names
 * the epoch; whether that epoch has closed is not in the data, so the label says "latest listed"),
 * with the change vs the epoch before it as the trend. Under Render's burn-and-mint model the
 * burn is what jobs paid (DefiLlama `render-network-bme` fees = burn / 0.95).
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, fetchThen, parseJson, type RequestOptions } from './http';
import { pctChange } from './akash';
import { fail } from './venue-common';
import { anyValue, array, num, union, z } from './zod';
import { ok } from './result';

const rowSchema = z.object({ id: num, burnedRender: num });
const bodySchema = union([array(anyValue), z.object({ data: array(anyValue) })]);

export function parseRenderBurn(text: string, fetchedAtMs: number): Result<NetworkFigure[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const body = bodySchema.safeParse(json.value);
  if (!body.success) return fail('parse', 'unexpected response shape: not a list of epochs');
  const rows = Array.isArray(body.data) ? body.data : body.data.data;
  const byEpoch = new Map<number, number>();
  for (const raw of rows) {
    const r = rowSchema.safeParse(raw);
    if (!r.success || !Number.isInteger(r.data.id) || r.data.id < 0 || r.data.burnedRender < 0) continue;
    byEpoch.set(r.data.id, r.data.burnedRender);
  }
  const epochs = [...byEpoch.keys()].sort((a, b) => a - b);
  const last = epochs[epochs.length - 1];
  if (last === undefined) return fail('parse', 'Render burn stats list no epoch with a burn figure');
  const value = byEpoch.get(last)!;
  const figure: NetworkFigure = { key: 'burnedLastEpoch', label: `RENDER burned in the latest listed epoch (#${last})`, labelNote: ['nl_renderfoundation_burned', String(last)], value, asOfMs: fetchedAtMs };
  const prev = byEpoch.get(last - 1);
  const trend = pctChange(value, prev);
  if (trend !== null) {
    figure.trendPct = trend;
    figure.trendLabel = `vs epoch #${last - 1}`;
  }
  return ok([figure]);
}

export const RENDER_BURN_URL = apiUrl('stats.renderfoundation.com', '/epoch-burn-stats-data.json');

export async function fetchRenderBurn(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  return fetchThen(RENDER_BURN_URL, opts, (text) => parseRenderBurn(text, args.nowMs ?? Date.now()));
}
