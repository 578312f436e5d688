/**
 * Filecoin network figures from Filfox (`filfox.info/api/v1/overview`, no key).
 *
 * Recorded body (2021-04-01, sources/recorded/filfox_overview_mainnet.json): big quantities are
 * DECIMAL STRINGS — bytes (`totalRawBytePower`, `totalQualityAdjPower`, `…Delta`) and attoFIL
 * (1 FIL = 1e18 attoFIL: `circulatingSupply`, `blockReward`, …); `activeMiners` is a number;
 * `timestamp` is epoch seconds of the tipset.
 *
 * `storagePowerEiB` is the RAW BYTE power (physical capacity committed by storage providers),
 * bytes / 2^60, converted with BigInt so a 19-digit byte count loses nothing before the final
 * division. Quality-adjusted power (inflated ×10 for Filecoin Plus deals) is not what we show.
 * The trend uses `totalRawBytePowerDelta`, which Filfox shows as the 24h change (consistent with
 * the recorded body: +27 PiB on 4.37 EiB in spring 2021).
 *
 * No FIL amount is exposed as a figure; `attoFilToFil` converts one exactly (string math) for
 * anyone who needs it.
 */
import type { NetworkFigure, Result } from '../types';
import { apiUrl, fetchThen, parseBody, type RequestOptions } from './http';
import { fail, optNum } from './venue-common';
import { finite, nullish, str, union, z } from './zod';
import { ok } from './result';

// BigInt() calls rather than literals: the code must also compile for pre-ES2020 targets.
const ZERO = BigInt(0);
const EIB = BigInt('1152921504606846976'); // 2^60
const ATTO = BigInt('1000000000000000000'); // 1e18

/** A big integer sent as a decimal string (or, rarely, a JSON number). */
const bigIntText = nullish(union([str, finite]));

export const filfoxOverviewSchema = z.object({
  timestamp: optNum,
  totalRawBytePower: bigIntText,
  totalQualityAdjPower: bigIntText,
  totalRawBytePowerDelta: bigIntText,
  activeMiners: optNum,
});
export type FilfoxOverviewWire = z.output<typeof filfoxOverviewSchema>;

/** Parses an integer given as a decimal string or a safe JSON integer; null otherwise. */
export function toBigInt(value: string | number | null | undefined): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (!/^-?\d{1,60}$/.test(s)) return null;
  return BigInt(s);
}

/** Bytes (decimal string) → EiB (bytes / 2^60) as a double; null when not an integer string. */
export function bytesToEiB(value: string | number | null | undefined): number | null {
  const b = toBigInt(value);
  if (b === null) return null;
  const neg = b < ZERO;
  const abs = neg ? -b : b;
  const eib = Number(abs / EIB) + Number(abs % EIB) / Number(EIB);
  return neg ? -eib : eib;
}

/**
 * attoFIL (decimal string) → FIL as an exact decimal string ("1500000000000000000" → "1.5").
 * Null when the input is not an integer string.
 */
export function attoFilToFil(value: string | number | null | undefined): string | null {
  const a = toBigInt(value);
  if (a === null) return null;
  const neg = a < ZERO;
  const abs = neg ? -a : a;
  const whole = abs / ATTO;
  const frac = (abs % ATTO).toString().padStart(18, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole.toString()}${frac ? `.${frac}` : ''}`;
}

export function normaliseFilfoxOverview(body: FilfoxOverviewWire, fallbackAsOfMs: number): NetworkFigure[] {
  const ts = body.timestamp;
  const asOfMs = ts !== null && ts > 0 && ts * 1000 <= 8.64e15 ? ts * 1000 : fallbackAsOfMs;
  const out: NetworkFigure[] = [];
  const power = bytesToEiB(body.totalRawBytePower);
  if (power !== null && power >= 0) {
    const figure: NetworkFigure = { key: 'storagePowerEiB', label: 'raw byte storage power (EiB)', labelNote: ['nl_filfox_power'], value: power, asOfMs };
    const delta = bytesToEiB(body.totalRawBytePowerDelta);
    const before = delta === null ? null : power - delta;
    if (delta !== null && before !== null && before > 0) {
      const pct = (delta / before) * 100;
      if (Number.isFinite(pct)) {
        figure.trendPct = pct;
        figure.trendLabel = 'vs 24h earlier';
      }
    }
    out.push(figure);
  }
  const miners = body.activeMiners;
  if (miners !== null && miners >= 0) {
    out.push({ key: 'activeMiners', label: 'active storage providers (miners)', labelNote: ['nl_filfox_miners'], value: miners, asOfMs });
  }
  return out;
}

export function parseFilfoxOverview(text: string, fallbackAsOfMs: number): Result<NetworkFigure[]> {
  const body = parseBody(text, filfoxOverviewSchema);
  if (!body.ok) return body;
  const figures = normaliseFilfoxOverview(body.value, fallbackAsOfMs);
  if (figures.length === 0) return fail('parse', 'Filfox overview has no usable figures');
  return ok(figures);
}

export const FILFOX_OVERVIEW_URL = apiUrl('filfox.info', '/api/v1/overview');

export async function fetchFilfoxNetwork(args: { nowMs?: number }, opts: RequestOptions): Promise<Result<NetworkFigure[]>> {
  return fetchThen(FILFOX_OVERVIEW_URL, opts, (text) => parseFilfoxOverview(text, args.nowMs ?? Date.now()));
}
