/**
 * Valuation figures (CONTRACT.md, "Metric ids, units and definitions"): FDV and the ratios and
 * percentages built on it. Pure; every function returns `null` rather than a made-up number when
 * an input is missing, so the UI can show "—" instead of a misleading zero.
 */
import type { MarketSnapshot } from '../types';

/** Where an FDV figure came from: the provider's own number, or price × a supply. */
export type FdvBasis = 'reported' | 'maxSupply' | 'totalSupply';

/** True for a finite number (not null/undefined/NaN/±Infinity). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** True for a finite number strictly greater than zero. */
function isPositive(v: number | null | undefined): v is number {
  return isFiniteNumber(v) && v > 0;
}

/**
 * Fully diluted valuation in USD.
 *
 * Formula: CoinGecko `fully_diluted_valuation` when it is a finite number > 0 (basis
 * `reported`); otherwise `priceUsd × maxSupply` (basis `maxSupply`) when the max supply is a
 * positive number, else `priceUsd × totalSupply` (basis `totalSupply`). A supply of 0 or null is
 * treated as unknown (CoinGecko sends 0 for some uncapped assets).
 *
 * @param s supplies in whole tokens, `fdvUsd` in USD (null when the provider has none)
 * @param priceUsd price in USD per token
 * @returns `{ value (USD), basis }`, or null when neither the reported FDV nor price × supply is available
 */
export function fdv(
  s: Pick<MarketSnapshot, 'fdvUsd' | 'maxSupply' | 'totalSupply'>,
  priceUsd: number | null,
): { value: number; basis: FdvBasis } | null {
  if (isPositive(s.fdvUsd)) return { value: s.fdvUsd, basis: 'reported' };
  if (!isPositive(priceUsd)) return null;
  const candidates: Array<[number | null, FdvBasis]> = [
    [s.maxSupply, 'maxSupply'],
    [s.totalSupply, 'totalSupply'],
  ];
  for (const [supply, basis] of candidates) {
    if (!isPositive(supply)) continue;
    const value = priceUsd * supply;
    return Number.isFinite(value) ? { value, basis } : null;
  }
  return null;
}

/**
 * Plain ratio `a / b` (unitless; 2.5 means a is 2.5 × b). Used for fdvToMcap, fdvToRevenue,
 * unlockPressure and revenueToEmissions.
 *
 * @returns a / b; null when either side is missing or non-finite, when b ≤ 0, or when the
 *   quotient overflows to a non-finite number. A negative `a` gives a negative ratio.
 */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (!isFiniteNumber(a) || !isFiniteNumber(b) || b <= 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/**
 * Percentage difference of `price` against `reference`: `(price / reference − 1) × 100`.
 * Used for athDrawdown (reference = ATH, negative below the high) and priceVsSma50.
 *
 * @param price value to compare (same unit as reference, e.g. USD)
 * @param reference the base (e.g. ATH or SMA50), must be > 0
 * @returns PERCENT (3.1 means +3.1 %, not a fraction); null when either is missing/non-finite
 *   or reference ≤ 0
 */
export function pctVs(
  price: number | null | undefined,
  reference: number | null | undefined,
): number | null {
  const r = ratio(price, reference);
  if (r === null) return null;
  const pct = (r - 1) * 100;
  return Number.isFinite(pct) ? pct : null;
}

/**
 * Product `a × b` for "tokens × price" style values, null when either side is missing or the
 * product is non-finite. A real zero stays zero.
 */
export function product(a: number | null | undefined, b: number | null | undefined): number | null {
  if (!isFiniteNumber(a) || !isFiniteNumber(b)) return null;
  const p = a * b;
  return Number.isFinite(p) ? p : null;
}
