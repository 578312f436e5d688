/**
 * DePINscan project list (`metrics-api.w3bstream.com/project`, no key): the generic fallback for
 * DePIN device counts.
 *
 * Shape from elizaOS plugin-depin sample data (sources/depinscan_sample_from_eliza_plugin_depin.json,
 * values of 2024-12-17): an array of `{ project_name, slug, token, coingecko_id, total_devices,
 * market_cap, token_price, … }` with numbers as STRINGS (`total_devices` is a number in the
 * sample but typed string in the plugin; both are accepted; "" means none). Coverage is patchy:
 * a project listed with 0 devices (Render, Solana in the sample) has no device count, which is
 * reported as `not-found`, never as zero devices.
 *
 * The figure is labelled as DePINscan reports it: "devices (DePINscan)" — DePINscan does not
 * say whether these are online, so the label does not claim "active".
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, fetchThen, parseBody, type RequestOptions } from './http';
import { isValidSlug } from './defillama';
import { fail, optNum } from './venue-common';
import { anyValue, array, nullish, str, z } from './zod';
import { ok } from './result';

export const depinscanProjectsSchema = array(anyValue);

const projectSchema = z.object({
  project_name: nullish(str),
  slug: nullish(str),
  coingecko_id: nullish(str),
  total_devices: optNum,
});

export interface DepinscanQuery {
  /** CoinGecko id, matched exactly against `coingecko_id` (preferred) */
  geckoId?: string;
  /** project name, matched case-insensitively against `project_name` when no id matches */
  projectName?: string;
}

function validQuery(q: DepinscanQuery): boolean {
  const idOk = q.geckoId !== undefined && isValidSlug(q.geckoId);
  const nameOk = q.projectName !== undefined && q.projectName.trim().length > 0 && q.projectName.length <= 100;
  return idOk || nameOk;
}

/** The project's device count, or `not-found` when it is absent or not positive. */
export function normaliseDepinscan(rows: readonly unknown[], query: DepinscanQuery, asOfMs: number): Result<NetworkFigure[]> {
  const projects: Array<z.output<typeof projectSchema>> = [];
  for (const raw of rows) {
    const p = projectSchema.safeParse(raw);
    if (p.success) projects.push(p.data);
  }
  const gecko = query.geckoId?.trim().toLowerCase();
  const name = query.projectName?.trim().toLowerCase();
  const match =
    (gecko ? projects.find((p) => p.coingecko_id?.trim().toLowerCase() === gecko) : undefined) ??
    (name ? projects.find((p) => p.project_name?.trim().toLowerCase() === name) : undefined);
  if (!match) return fail('not-found', 'project not listed on DePINscan');
  const devices = match.total_devices;
  if (devices === null || !(devices > 0)) return fail('not-found', 'DePINscan reports no device count for this project');
  return ok([{ key: 'activeDevices', label: 'devices (DePINscan)', labelNote: ['nl_depinscan_devices'], value: devices, asOfMs }]);
}

export function parseDepinscan(text: string, query: DepinscanQuery, asOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, depinscanProjectsSchema);
  if (!body.ok) return body;
  return normaliseDepinscan(body.value, query, asOfMs);
}

export const DEPINSCAN_PROJECTS_URL = apiUrl('metrics-api.w3bstream.com', '/project');

export async function fetchDepinscanDevices(args: DepinscanQuery & { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  if (!validQuery(args)) return fail('not-found', 'no valid CoinGecko id or project name');
  return fetchThen(DEPINSCAN_PROJECTS_URL, opts, (text) => parseDepinscan(text, args, args.nowMs ?? Date.now()));
}
