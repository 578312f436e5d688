/**
 * Helium onboarded hotspots from the Helium entity API (`entities.nft.helium.io`, no key).
 *
 * Endpoint: `GET /v2/hotspots/pagination-metadata?subnetwork=iot|mobile`. Shape read from the
 * server code (helium/helium-program-library, packages/metadata-service/src/index.ts, two
 * versions agree): `{ pageSize, totalItems, totalPages }`, where `totalItems` counts every
 * hotspot entity with an info record for that subnetwork, i.e. ONBOARDED hotspots, active or not.
 * An unknown subnetwork answers 400. No recorded live body was found, so the schema also accepts
 * `count` in case the field is renamed; anything else is a parse error.
 *
 * The figure `hotspots` is IoT + MOBILE onboarded hotspots (a device onboarded to both counts in
 * each); when one subnetwork fails, the other is returned alone with a label naming it.
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, parseBody, fetchText, type RequestOptions } from './http';
import { optNum } from './venue-common';
import { z } from './zod';
import { ok } from './result';

export type HeliumSubnetwork = 'iot' | 'mobile';

export const heliumPaginationSchema = z.pipe(
  z.object({ totalItems: optNum, count: optNum }),
  z.transform((v: { totalItems: number | null; count: number | null }, ctx) => {
    const n = v.totalItems ?? v.count;
    if (n === null || n < 0) {
      // zod/mini: the transform context is the parse payload; push the issue classic's addIssue added
      ctx.issues.push({ code: 'custom', message: 'no hotspot count', input: v });
      return z.NEVER;
    }
    return n;
  }),
);

export function heliumHotspotsUrl(subnetwork: HeliumSubnetwork): string {
  return apiUrl('entities.nft.helium.io', '/v2/hotspots/pagination-metadata', { subnetwork });
}

export function parseHeliumCount(text: string): Result<number> {
  return parseBody(text, heliumPaginationSchema);
}

const LABELS: Record<'both' | HeliumSubnetwork, string> = {
  both: 'onboarded hotspots (IoT + MOBILE)',
  iot: 'onboarded IoT hotspots',
  mobile: 'onboarded MOBILE hotspots',
};

/** The figure for `which`, its label in English and as a message key (`nl_helium_<which>`). */
function hotspots(which: 'both' | HeliumSubnetwork, value: number, asOfMs: number): NetworkFigure {
  return { key: 'hotspots', label: LABELS[which], labelNote: [`nl_helium_${which}`], value, asOfMs };
}

export function normaliseHeliumHotspots(counts: { iot: number | null; mobile: number | null }, asOfMs: number): NetworkFigure[] {
  const { iot, mobile } = counts;
  if (iot !== null && mobile !== null) return [hotspots('both', iot + mobile, asOfMs)];
  if (iot !== null) return [hotspots('iot', iot, asOfMs)];
  if (mobile !== null) return [hotspots('mobile', mobile, asOfMs)];
  return [];
}

export async function fetchHeliumHotspots(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  const asOfMs = args.nowMs ?? Date.now();
  const [iotText, mobileText] = await Promise.all([
    fetchText(heliumHotspotsUrl('iot'), opts),
    fetchText(heliumHotspotsUrl('mobile'), opts),
  ]);
  const iot = iotText.ok ? parseHeliumCount(iotText.value) : iotText;
  const mobile = mobileText.ok ? parseHeliumCount(mobileText.value) : mobileText;
  if (!iot.ok && !mobile.ok) return iot;
  return ok(normaliseHeliumHotspots({ iot: iot.ok ? iot.value : null, mobile: mobile.ok ? mobile.value : null }, asOfMs));
}
