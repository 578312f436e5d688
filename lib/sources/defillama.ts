/**
 * DefiLlama fees and revenue (keyless, `api.llama.fi`).
 *
 * - `/summary/fees/{slug}?dataType=dailyFees|dailyRevenue` → `FeesSeries`. `totalDataChart` is
 *   `[unixSeconds, usd]` per UTC day; it may skip days, include today's partial day, and carry
 *   negative values (Aethir revenue). `methodology` is a string, an object (flattened to
 *   `key: value` lines) or null. An unknown slug answers 4xx with a plain-text body
 *   ("Fees for X not found") → `not-found`.
 * - `/overview/fees?excludeTotalDataChart=true&excludeTotalDataChartBreakdown=true&dataType=dailyFees`
 *   → the slug list used for identity. Recorded rows: ids are sometimes numbers, inactive
 *   protocols omit every `total*` key. The official SDK type of these rows has NO `gecko_id`;
 *   it is read when present, so `geckoId` is usually null here and the identity join mostly rests
 *   on the override table (network-registry.ts) and on `/v2/chains` for chain-level slugs.
 * - `/v2/chains` (`[{ name, gecko_id, tokenSymbol, cmcId, chainId, tvl }]`, the documented
 *   successor of `/chains`, same row shape) → chain-level fee slugs (lower-cased chain name,
 *   spaces as `-`: `akash`, `filecoin`, `arbitrum-nova`).
 */
import type { DailyValue, FeesSeries, Result } from '../types';
import { apiUrl, fetchThen, parseBody, parseJson, segment, validate, type RequestOptions } from './http';
import { fail } from './venue-common';
import { anyValue, array, finite, minLen, nullish, num, numOrNull, optional, str, tuple, union, z } from './zod';
import { ok } from './result';

const DAY_MS = 86_400_000;
/** Latest instant a JS Date can hold. */
const MAX_DATE_MS = 8.64e15;

/** Slugs and ids we are willing to put into a URL path. */
export const SLUG_RE = /^[a-z0-9][a-z0-9-._]{0,99}$/i;

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && SLUG_RE.test(value);
}

export type FeesDataType = FeesSeries['dataType'];

export interface FeeProtocol {
  slug: string;
  name: string;
  geckoId: string | null;
  kind: 'protocol' | 'chain';
}

export interface FeeChain {
  /** the chain-level fee slug: lower-cased name, whitespace as `-` */
  slug: string;
  name: string;
  geckoId: string | null;
}

// ---------------------------------------------------------------------------------------------
// Wire schemas (tolerant: plain z.object, unknown keys ignored, null where the provider sends it)
// ---------------------------------------------------------------------------------------------

/** `/summary/fees/{slug}` body. Rows of `totalDataChart` are checked one by one in the normaliser. */
export const feesSummarySchema = z.object({
  name: nullish(str),
  displayName: nullish(str),
  slug: nullish(str),
  gecko_id: nullish(str),
  methodology: optional(anyValue),
  totalDataChart: array(anyValue),
});
export type FeesSummaryWire = z.output<typeof feesSummarySchema>;

/** One `[unixSeconds, usd, …]` row; a null value means "no data" and is skipped. */
const chartRowSchema = tuple([num, numOrNull], 'rest');

export const feesOverviewSchema = z.object({ protocols: array(anyValue) });
export type FeesOverviewWire = z.output<typeof feesOverviewSchema>;

const overviewRowSchema = z.object({
  name: nullish(str),
  displayName: nullish(str),
  slug: nullish(str),
  gecko_id: nullish(str),
  protocolType: nullish(str),
  id: nullish(union([str, finite])),
  defillamaId: nullish(union([str, finite])),
});

/** The totals of one overview row (fallback figures); inactive rows omit every `total*` key. */
const overviewTotalsSchema = z.object({ slug: nullish(str), total24h: numOrNull, total30d: numOrNull, methodology: optional(anyValue) });

export const chainsSchema = array(anyValue);
const chainRowSchema = z.object({
  name: str.check(minLen(1)),
  gecko_id: nullish(str),
});

// ---------------------------------------------------------------------------------------------
// Pure normalisers
// ---------------------------------------------------------------------------------------------

/** UTC midnight (epoch ms) of the day containing `unixSeconds`; null when out of Date range. */
export function utcDayMs(unixSeconds: number): number | null {
  if (!Number.isFinite(unixSeconds)) return null;
  const ms = Math.floor(unixSeconds / 86_400) * DAY_MS;
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : null;
}

/**
 * Flattens DefiLlama's `methodology` (string, `{ Fees: "…", Revenue: "…" }`, nested objects,
 * arrays) into readable `key: value` lines. Nested keys are joined with ` / `. Null when empty.
 */
export function flattenMethodology(value: unknown): string | null {
  const lines: string[] = [];
  const MAX_LINES = 60;
  const walk = (v: unknown, prefix: string, depth: number): void => {
    if (lines.length >= MAX_LINES) return;
    if (typeof v === 'string') {
      const text = v.replace(/\s+/g, ' ').trim();
      if (text) lines.push(prefix ? `${prefix}: ${text}` : text);
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'number' && !Number.isFinite(v)) return;
      lines.push(prefix ? `${prefix}: ${String(v)}` : String(v));
      return;
    }
    if (depth >= 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v.slice(0, MAX_LINES)) walk(item, prefix, depth + 1);
      return;
    }
    for (const [key, item] of Object.entries(v).slice(0, MAX_LINES)) {
      const k = key.replace(/\s+/g, ' ').trim();
      walk(item, prefix ? (k ? `${prefix} / ${k}` : prefix) : k, depth + 1);
    }
  };
  walk(value, '', 0);
  const text = lines.join('\n').slice(0, 4000).trim();
  return text || null;
}

/**
 * Daily points, ascending by day. Rows that are not `[number, number]` are skipped, as are null
 * values. Two rows on the same UTC day: the later row in the body wins (DefiLlama sends one row
 * per day; a repeat is a correction, not an addition). Negative values are kept.
 */
export function normaliseDailyChart(rows: readonly unknown[]): DailyValue[] {
  const byDay = new Map<number, number>();
  for (const row of rows) {
    const parsed = chartRowSchema.safeParse(row);
    if (!parsed.success) continue;
    const [sec, usd] = parsed.data;
    if (usd === null) continue;
    const dayMs = utcDayMs(sec);
    if (dayMs === null) continue;
    byDay.set(dayMs, usd);
  }
  return Array.from(byDay.entries()).sort((a, b) => a[0] - b[0]).map(([dayMs, usd]) => ({ dayMs, usd }));
}

export function normaliseFeesSummary(body: FeesSummaryWire, slug: string, dataType: FeesDataType): FeesSeries {
  const name = (body.displayName ?? body.name ?? '').trim() || slug;
  return {
    slug,
    name: name.slice(0, 200),
    dataType,
    methodology: flattenMethodology(body.methodology),
    daily: normaliseDailyChart(body.totalDataChart),
  };
}

/** Chain-level fee slug from a chain name: "Arbitrum Nova" → "arbitrum-nova". */
export function chainSlug(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

export function normaliseFeeProtocols(body: FeesOverviewWire): FeeProtocol[] {
  const out: FeeProtocol[] = [];
  const seen = new Set<string>();
  for (const raw of body.protocols) {
    const row = overviewRowSchema.safeParse(raw);
    if (!row.success) continue;
    const slug = row.data.slug?.trim();
    if (!isValidSlug(slug) || seen.has(slug)) continue;
    seen.add(slug);
    const name = (row.data.displayName ?? row.data.name ?? '').trim() || slug;
    const gecko = row.data.gecko_id?.trim();
    out.push({
      slug,
      name: name.slice(0, 200),
      geckoId: gecko ? gecko : null,
      kind: row.data.protocolType === 'chain' ? 'chain' : 'protocol',
    });
  }
  return out;
}

export function normaliseFeeChains(rows: readonly unknown[]): FeeChain[] {
  const out: FeeChain[] = [];
  const seen = new Set<string>();
  for (const raw of rows) {
    const row = chainRowSchema.safeParse(raw);
    if (!row.success) continue;
    const slug = chainSlug(row.data.name);
    if (!isValidSlug(slug) || seen.has(slug)) continue;
    seen.add(slug);
    const gecko = row.data.gecko_id?.trim();
    out.push({ slug, name: row.data.name.trim().slice(0, 200), geckoId: gecko ? gecko : null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text → Result (pure, total: never throws)
// ---------------------------------------------------------------------------------------------

/** A JSON error object (`{ message: "… not found" }`) instead of data. */
function notFoundInJson(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const probe = z.object({ message: optional(str), error: optional(str) }).safeParse(value);
  if (!probe.success) return false;
  return /not found/i.test(`${probe.data.message ?? ''} ${probe.data.error ?? ''}`);
}

export function parseFeesSummary(text: string, slug: string, dataType: FeesDataType, expectGeckoId?: string): Result<FeesSeries> {
  const json = parseJson(text);
  if (!json.ok) {
    // A 200 answer with DefiLlama's plain-text "Fees for X not found".
    if (!/^\s*</.test(text) && /not found/i.test(text.slice(0, 300))) return fail('not-found', `DefiLlama has no fees for ${slug}`);
    return json;
  }
  if (notFoundInJson(json.value)) return fail('not-found', `DefiLlama has no fees for ${slug}`);
  const body = validate(feesSummarySchema, json.value);
  if (!body.ok) return body;
  const gecko = body.value.gecko_id?.trim();
  if (expectGeckoId && gecko && gecko !== expectGeckoId) {
    return fail('not-found', `DefiLlama slug ${slug} belongs to another asset`);
  }
  return ok(normaliseFeesSummary(body.value, slug, dataType));
}

export function parseFeeProtocols(text: string): Result<FeeProtocol[]> {
  const body = parseBody(text, feesOverviewSchema);
  if (!body.ok) return body;
  return ok(normaliseFeeProtocols(body.value));
}

export function parseFeeChains(text: string): Result<FeeChain[]> {
  const body = parseBody(text, chainsSchema);
  if (!body.ok) return body;
  return ok(normaliseFeeChains(body.value));
}

// ---------------------------------------------------------------------------------------------
// Fetchers
// ---------------------------------------------------------------------------------------------

export function feesSummaryUrl(slug: string, dataType: FeesDataType): string {
  return apiUrl('api.llama.fi', `/summary/fees/${segment(slug)}`, { dataType });
}

/**
 * Daily fees or revenue of one protocol or chain. With `expectGeckoId`, a body whose `gecko_id`
 * names another asset is refused as `not-found` (lets a caller try a candidate slug safely).
 */
export async function fetchFeesSeries(
  args: { slug: string; dataType: FeesDataType; expectGeckoId?: string },
  opts: RequestOptions,
): Promise<Result<FeesSeries>> {
  if (!isValidSlug(args.slug)) return fail('not-found', 'not a DefiLlama slug');
  if (args.dataType !== 'dailyFees' && args.dataType !== 'dailyRevenue') return fail('not-found', 'unknown data type');
  return fetchThen(feesSummaryUrl(args.slug, args.dataType), opts, (text) => parseFeesSummary(text, args.slug, args.dataType, args.expectGeckoId));
}

export const FEES_OVERVIEW_URL = feesOverviewUrl('dailyFees');

/** Every protocol and chain DefiLlama tracks fees for (identity list). */
export async function fetchFeeProtocols(opts: RequestOptions): Promise<Result<FeeProtocol[]>> {
  return fetchThen(FEES_OVERVIEW_URL, opts, (text) => parseFeeProtocols(text));
}

export const CHAINS_URL = apiUrl('api.llama.fi', '/v2/chains');

/** Chains with their CoinGecko ids, for chain-level fee slugs (`akash`, `filecoin`). */
export async function fetchFeeChains(opts: RequestOptions): Promise<Result<FeeChain[]>> {
  return fetchThen(CHAINS_URL, opts, (text) => parseFeeChains(text));
}

export function feesOverviewUrl(dataType: FeesDataType): string {
  return apiUrl('api.llama.fi', '/overview/fees', { excludeTotalDataChart: 'true', excludeTotalDataChartBreakdown: 'true', dataType });
}

/**
 * DefiLlama's own `total24h` / `total30d` of one slug from the `/overview/fees` list
 * (DATA-SOURCES.md: the fallback when the per-protocol summary fails). Returned as a
 * `FeesSeries` with no daily points and `totals` set (USD). A slug the list does not hold, or a
 * row without either total (inactive protocols omit them), is `not-found`.
 */
export function parseOverviewTotals(text: string, slug: string, dataType: FeesDataType): Result<FeesSeries> {
  const body = parseBody(text, feesOverviewSchema);
  if (!body.ok) return body;
  for (const raw of body.value.protocols) {
    const row = overviewRowSchema.safeParse(raw);
    if (!row.success || row.data.slug?.trim() !== slug) continue;
    const t = overviewTotalsSchema.safeParse(raw);
    if (!t.success || (t.data.total24h === null && t.data.total30d === null)) break;
    const name = (row.data.displayName ?? row.data.name ?? '').trim() || slug;
    return ok({
      slug,
      name: name.slice(0, 200),
      dataType,
      methodology: flattenMethodology(t.data.methodology),
      daily: [],
      totals: { last24hUsd: t.data.total24h, last30dUsd: t.data.total30d },
    });
  }
  return fail('not-found', `DefiLlama's fees overview has no ${dataType === 'dailyFees' ? 'fees' : 'revenue'} totals for ${slug}`);
}

export async function fetchOverviewTotals(args: { slug: string; dataType: FeesDataType }, opts: RequestOptions): Promise<Result<FeesSeries>> {
  if (!isValidSlug(args.slug)) return fail('not-found', 'not a DefiLlama slug');
  return fetchThen(feesOverviewUrl(args.dataType), opts, (text) => parseOverviewTotals(text, args.slug, args.dataType));
}
