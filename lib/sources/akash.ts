/**
 * Akash Network activity from the public Console API (`console-api.akash.network`, no key).
 *
 * Shapes from the route schemas in akash-network/console (transcribed in
 * /work/shared/sources/akash_console_api_schemas.json; no recorded body was found):
 * - `GET /v1/network-capacity`: `{ activeProviderCount, activeCPU, activeGPU, activeMemory,
 *   activeStorage, pending*, available*, total* }`. `activeGPU` = GPUs in active leases (leased),
 *   `totalGPU` = active + pending + available (on the network). We show the LEASED number and
 *   name the network total in the label.
 * - `GET /v1/dashboard-data`: `{ now: { date, activeLeaseCount, … }, compare: { same, a day
 *   earlier }, chainStats, networkCapacity, … }` → active leases, with a trend vs `compare`.
 *
 * Either route may fail alone: the figures of the other are still returned (partial); only when
 * both fail is the first error returned.
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, figuresFrom, parseBody, type RequestOptions } from './http';
import { fail, isCount, optNum } from './venue-common';
import { anyValue, nullish, num, optional, str, z } from './zod';
import { ok } from './result';

export const akashCapacitySchema = z.object({
  activeProviderCount: optNum,
  activeGPU: optNum,
  totalGPU: optNum,
});
export type AkashCapacityWire = z.output<typeof akashCapacitySchema>;

const snapshotSchema = z.object({
  date: nullish(str),
  activeLeaseCount: num,
});

export const akashDashboardSchema = z.object({
  now: snapshotSchema,
  compare: optional(anyValue),
});
export type AkashDashboardWire = z.output<typeof akashDashboardSchema>;

/** Percent change from `before` to `now`; null when not meaningful. */
export function pctChange(now: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || !Number.isFinite(before) || before <= 0) return null;
  const pct = ((now - before) / before) * 100;
  return Number.isFinite(pct) ? pct : null;
}

export function normaliseAkashCapacity(body: AkashCapacityWire, asOfMs: number): NetworkFigure[] {
  const out: NetworkFigure[] = [];
  if (isCount(body.activeProviderCount)) {
    out.push({ key: 'providers', label: 'active providers', labelNote: ['nl_akash_providers'], value: body.activeProviderCount, asOfMs });
  }
  if (isCount(body.activeGPU)) {
    const total = isCount(body.totalGPU) && body.totalGPU >= body.activeGPU ? body.totalGPU : null;
    out.push({
      key: 'gpus',
      label: total === null ? 'GPUs leased' : `GPUs leased (of ${Math.round(total)} on the network)`,
      labelNote: total === null ? ['nl_akash_gpus'] : ['nl_akash_gpus_of', String(Math.round(total))],
      value: body.activeGPU,
      asOfMs,
    });
  }
  return out;
}

export function normaliseAkashDashboard(body: AkashDashboardWire, fallbackAsOfMs: number): NetworkFigure[] {
  const value = body.now.activeLeaseCount;
  if (!(value >= 0)) return [];
  const parsedDate = body.now.date ? Date.parse(body.now.date) : NaN;
  const asOfMs = Number.isFinite(parsedDate) ? parsedDate : fallbackAsOfMs;
  const compare = snapshotSchema.safeParse(body.compare);
  const trendPct = compare.success ? pctChange(value, compare.data.activeLeaseCount) : null;
  const figure: NetworkFigure = { key: 'activeLeases', label: 'active leases', labelNote: ['nl_akash_leases'], value, asOfMs };
  if (trendPct !== null) {
    figure.trendPct = trendPct;
    figure.trendLabel = 'vs the previous daily snapshot';
  }
  return [figure];
}

export function parseAkashCapacity(text: string, asOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, akashCapacitySchema);
  if (!body.ok) return body;
  const figures = normaliseAkashCapacity(body.value, asOfMs);
  if (figures.length === 0) return fail('parse', 'Akash network-capacity has no usable counts');
  return ok(figures);
}

export function parseAkashDashboard(text: string, fallbackAsOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, akashDashboardSchema);
  if (!body.ok) return body;
  const figures = normaliseAkashDashboard(body.value, fallbackAsOfMs);
  if (figures.length === 0) return fail('parse', 'Akash dashboard-data has no lease count');
  return ok(figures);
}

export const AKASH_CAPACITY_URL = apiUrl('console-api.akash.network', '/v1/network-capacity');
export const AKASH_DASHBOARD_URL = apiUrl('console-api.akash.network', '/v1/dashboard-data');

/** Providers, leased GPUs and active leases; partial when one of the two routes fails. */
export async function fetchAkashNetwork(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  const nowMs = args.nowMs ?? Date.now();
  return figuresFrom(
    [
      [AKASH_CAPACITY_URL, (text) => parseAkashCapacity(text, nowMs)],
      [AKASH_DASHBOARD_URL, (text) => parseAkashDashboard(text, nowMs)],
    ],
    opts,
  );
}
