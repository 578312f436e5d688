/**
 * DefiLlama token unlock schedules from the keyless datasets host
 * (`defillama-datasets.llama.fi/emissions/{slug}`; `api.llama.fi/emission*` answers 402 now).
 *
 * Body forms handled (all normalise the same):
 * - current: the object itself `{ name, gecko_id, metadata: {…}, documentedData?, … }`;
 * - legacy: `{ body: "<the same object as a JSON string>" }` (double-encoded);
 * - Pro-spec shape: `{ body: { metadata, documentedData }, lastModified }`.
 *
 * Cliffs come from `metadata.unlockEvents[].cliffAllocations` (timestamps in SECONDS, not always
 * midnight; the same recipient may be listed twice in one event → summed; events sharing a
 * timestamp are merged; float noise is kept). Linear segments come from `linearAllocations`:
 * `newRatePerWeek` tokens/week from the event timestamp until `endTimestamp` (or until the next
 * rate change of the same recipient, whichever is first); a rate of 0 ends the stream.
 *
 * Fallback when `unlockEvents` is absent: `metadata.events`.
 * - `unlockType: 'cliff'`: `noOfTokens` summed → one cliff allocation;
 * - linear events (`linear`, `linear_start`, `linear_rate_change`) with `rateDurationDays`:
 *   UNCERTAIN semantics. defillama-app reads `noOfTokens` of linear events as a rate change
 *   `[previousPerWeek, newPerWeek]` ("Linear unlock was increased from {tokens[0]} to {tokens[1]}
 *   tokens per week …"). So: two or more numbers → rate change, new rate = the second, per week;
 *   a single number → that many tokens spread evenly over `rateDurationDays`.
 * - the recipient is read from the description ("… from <recipient> on {timestamp}") when it can
 *   be, else the category.
 *
 * `geckoId`: top-level `gecko_id`, else `metadata.gecko_id`, else `metadata.token` when it is
 * `coingecko:<id>` (it can be `chain:0x…`: then null).
 */
import type { CliffUnlock, EmissionSchedule, LinearSegment, Result, UnlockAllocation } from '../types';
import { apiUrl, fetchThen, MAX_BODY_BYTES, parseJson, segment, validate, type RequestOptions } from './http';
import { isValidSlug } from './defillama';
import { fail } from './venue-common';
import { anyValue, array, nullish, num, optional, str, union, z } from './zod';
import { ok } from './result';

const MAX_DATE_MS = 8.64e15;

// ---------------------------------------------------------------------------------------------
// Wire schemas
// ---------------------------------------------------------------------------------------------

const metadataSchema = z.object({
  token: nullish(str),
  gecko_id: nullish(str),
  sources: nullish(array(anyValue)),
  unlockEvents: nullish(array(anyValue)),
  events: nullish(array(anyValue)),
});

export const emissionBodySchema = z.object({
  name: nullish(str),
  gecko_id: nullish(str),
  metadata: metadataSchema,
  documentedData: optional(anyValue),
});

/** `documentedData`: `{ data: [ { label, data: [ { timestamp, unlocked, … } ] } ] }` (cumulative per label). */
const documentedSchema = z.object({ data: array(anyValue) });
const documentedSeriesSchema = z.object({ label: nullish(str), data: array(anyValue) });
const documentedPointSchema = z.object({ timestamp: num, unlocked: num });

/** A `linear_start` (or other) entry of `metadata.events`, for the start of a running stream. */
const startEventSchema = z.object({
  timestamp: num,
  description: nullish(str),
  category: nullish(str),
  unlockType: nullish(str),
});
export type EmissionBodyWire = z.output<typeof emissionBodySchema>;

const cliffAllocationSchema = z.object({
  recipient: nullish(str),
  category: nullish(str),
  amount: num,
});

const linearAllocationSchema = z.object({
  recipient: nullish(str),
  category: nullish(str),
  previousRatePerWeek: nullish(num),
  newRatePerWeek: num,
  endTimestamp: nullish(num),
});

const unlockEventSchema = z.object({
  timestamp: num,
  cliffAllocations: nullish(array(anyValue)),
  linearAllocations: nullish(array(anyValue)),
});

const legacyEventSchema = z.object({
  timestamp: num,
  description: nullish(str),
  category: nullish(str),
  unlockType: nullish(str),
  noOfTokens: array(num),
  rateDurationDays: nullish(num),
});

export const emissionsListSchema = array(anyValue);
const listItemSchema = union([
  str,
  z.object({ slug: nullish(str), name: nullish(str) }),
]);

// ---------------------------------------------------------------------------------------------
// Pure normalisers
// ---------------------------------------------------------------------------------------------

/** Seconds → epoch ms; null when not a usable instant. */
function secToMs(sec: number): number | null {
  const ms = sec * 1000;
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_DATE_MS ? ms : null;
}

function label(value: string | null | undefined, fallback = 'unspecified'): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return (text || fallback).slice(0, 200);
}

/** An allocation's category (else 'unspecified') and recipient (else its category), as labels. */
function whom(a: { recipient?: string | null; category?: string | null }): { recipient: string; category: string } {
  const category = label(a.category);
  return { recipient: label(a.recipient, category), category };
}

/** `coingecko:<id>` → id; anything else (`ethereum:0x…`) → null. */
export function geckoIdFromToken(token: string | null | undefined): string | null {
  const m = /^coingecko:([a-z0-9][a-z0-9-._]{0,99})$/i.exec((token ?? '').trim());
  return m?.[1] ?? null;
}

interface RawCliff {
  atMs: number;
  recipient: string;
  category: string;
  amount: number;
}

interface RateChange {
  atMs: number;
  ratePerDay: number;
  /** tokens per day BEFORE this change (`previousRatePerWeek` / 7), when the provider says */
  previousPerDay?: number;
  /** explicit end of this rate, when the provider gives one */
  endMs: number | null;
  recipient: string;
  category: string;
}

/** Groups raw cliff allocations by instant; sums the same recipient+category at one instant. */
function buildCliffs(raw: readonly RawCliff[]): CliffUnlock[] {
  const byTime = new Map<number, Map<string, UnlockAllocation>>();
  for (const c of raw) {
    if (!Number.isFinite(c.amount) || c.amount <= 0) continue;
    let allocs = byTime.get(c.atMs);
    if (!allocs) {
      allocs = new Map();
      byTime.set(c.atMs, allocs);
    }
    const key = `${c.recipient}\u0000${c.category}`;
    const prev = allocs.get(key);
    if (prev) prev.amount += c.amount;
    else allocs.set(key, { recipient: c.recipient, category: c.category, amount: c.amount });
  }
  const cliffs: CliffUnlock[] = [];
  for (const [atMs, allocs] of Array.from(byTime.entries())) {
    const allocations = Array.from(allocs.values()).filter((a) => Number.isFinite(a.amount));
    const amount = allocations.reduce((s, a) => s + a.amount, 0);
    if (!Number.isFinite(amount) || allocations.length === 0) continue;
    cliffs.push({ atMs, amount, allocations });
  }
  return cliffs.sort((a, b) => a.atMs - b.atMs);
}

/**
 * Turns rate changes into segments. Per recipient+category, a rate holds from its instant until
 * its own end, or the next change of the same stream, whichever comes first. Rate 0 ends a
 * stream; a rate with neither an end nor a later change is dropped (no open-ended segments).
 */
function buildLinear(changes: readonly RateChange[]): LinearSegment[] {
  const streams = new Map<string, RateChange[]>();
  for (const ch of changes) {
    const key = `${ch.recipient}\u0000${ch.category}`;
    const list = streams.get(key) ?? [];
    list.push(ch);
    streams.set(key, list);
  }
  const out: LinearSegment[] = [];
  for (const list of Array.from(streams.values())) {
    list.sort((a, b) => a.atMs - b.atMs);
    for (let i = 0; i < list.length; i++) {
      const ch = list[i];
      if (!ch || !(ch.ratePerDay > 0) || !Number.isFinite(ch.ratePerDay)) continue;
      let next: number | null = null;
      for (let j = i + 1; j < list.length; j++) {
        const n = list[j];
        if (n && n.atMs > ch.atMs) {
          next = n.atMs;
          break;
        }
      }
      const candidates = [ch.endMs, next].filter((v): v is number => v !== null);
      if (candidates.length === 0) continue;
      const endMs = Math.min(...candidates);
      if (!(endMs > ch.atMs)) continue;
      out.push({ startMs: ch.atMs, endMs, ratePerDay: ch.ratePerDay, recipient: ch.recipient, category: ch.category });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.recipient.localeCompare(b.recipient));
}

function fromUnlockEvents(events: readonly unknown[]): { cliffs: RawCliff[]; changes: RateChange[] } {
  const cliffs: RawCliff[] = [];
  const changes: RateChange[] = [];
  for (const rawEvent of events) {
    const ev = unlockEventSchema.safeParse(rawEvent);
    if (!ev.success) continue;
    const atMs = secToMs(ev.data.timestamp);
    if (atMs === null) continue;
    for (const rawAlloc of ev.data.cliffAllocations ?? []) {
      const a = cliffAllocationSchema.safeParse(rawAlloc);
      if (!a.success) continue;
      cliffs.push({
        atMs,
        ...whom(a.data),
        amount: a.data.amount,
      });
    }
    for (const rawAlloc of ev.data.linearAllocations ?? []) {
      const a = linearAllocationSchema.safeParse(rawAlloc);
      if (!a.success) continue;
      const end = a.data.endTimestamp == null ? null : secToMs(a.data.endTimestamp);
      const prev = a.data.previousRatePerWeek;
      changes.push({
        atMs,
        ratePerDay: a.data.newRatePerWeek / 7,
        ...(prev != null && prev > 0 ? { previousPerDay: prev / 7 } : {}),
        endMs: end,
        ...whom(a.data),
      });
    }
  }
  return { cliffs, changes };
}

/** "A cliff of {tokens[0]} tokens was unlocked from Team on {timestamp}" → "Team". */
function recipientFromDescription(description: string | null | undefined): string | null {
  const m = /.*\bfrom (.+?) (?:on|from|until) \{timestamp\}/.exec(description ?? '');
  const name = m?.[1]?.trim();
  return name && name.length <= 200 && !name.includes('{') ? name : null;
}

function fromLegacyEvents(events: readonly unknown[]): { cliffs: RawCliff[]; changes: RateChange[] } {
  const cliffs: RawCliff[] = [];
  const changes: RateChange[] = [];
  for (const rawEvent of events) {
    const ev = legacyEventSchema.safeParse(rawEvent);
    if (!ev.success) continue;
    const atMs = secToMs(ev.data.timestamp);
    if (atMs === null) continue;
    const category = label(ev.data.category);
    const recipient = recipientFromDescription(ev.data.description) ?? category;
    const type = (ev.data.unlockType ?? 'cliff').toLowerCase();
    const tokens = ev.data.noOfTokens;
    if (type === 'cliff') {
      const amount = tokens.reduce((s, n) => s + n, 0);
      cliffs.push({ atMs, recipient, category, amount });
      continue;
    }
    if (!type.startsWith('linear')) continue;
    const days = ev.data.rateDurationDays;
    const endMs = days != null && days > 0 ? secToMs(ev.data.timestamp + days * 86_400) : null;
    if (tokens.length >= 2) {
      const newPerWeek = tokens[1] ?? 0;
      changes.push({ atMs, ratePerDay: newPerWeek / 7, endMs, recipient, category });
    } else if (tokens.length === 1 && days != null && days > 0) {
      const total = tokens[0] ?? 0;
      changes.push({ atMs, ratePerDay: total / days, endMs, recipient, category });
    }
  }
  return { cliffs, changes };
}

/**
 * Streams already running before the first `unlockEvents` entry that mentions them. DefiLlama's
 * `unlockEvents` list CHANGES; a stream that began earlier first appears as a rate change whose
 * `previousRatePerWeek` is positive. Its start is the latest `linear_start` in `metadata.events`
 * before that change naming the same recipient (from the description) or, failing that, the same
 * category; with no such event, the earliest instant the schedule lists (events or unlockEvents).
 * A stream with no earlier instant at all is left out (its start would be a guess).
 */
function runningStreams(changes: readonly RateChange[], events: readonly unknown[], unlockEvents: readonly unknown[]): RateChange[] {
  const starts: Array<{ atMs: number; recipient: string | null; category: string }> = [];
  let earliest = Infinity;
  for (const raw of events) {
    const ev = startEventSchema.safeParse(raw);
    if (!ev.success) continue;
    const atMs = secToMs(ev.data.timestamp);
    if (atMs === null) continue;
    earliest = Math.min(earliest, atMs);
    if ((ev.data.unlockType ?? '').toLowerCase() === 'linear_start') {
      starts.push({ atMs, recipient: recipientFromDescription(ev.data.description), category: label(ev.data.category) });
    }
  }
  for (const raw of unlockEvents) {
    const ev = unlockEventSchema.safeParse(raw);
    const atMs = ev.success ? secToMs(ev.data.timestamp) : null;
    if (atMs !== null) earliest = Math.min(earliest, atMs);
  }
  const first = new Map<string, RateChange>();
  for (const ch of changes) {
    const key = `${ch.recipient}\u0000${ch.category}`;
    const cur = first.get(key);
    if (!cur || ch.atMs < cur.atMs) first.set(key, ch);
  }
  const out: RateChange[] = [];
  for (const ch of Array.from(first.values())) {
    if (!ch.previousPerDay || !(ch.previousPerDay > 0)) continue;
    const before = starts.filter((st) => st.atMs < ch.atMs);
    const byRecipient = before.filter((st) => st.recipient === ch.recipient);
    const pool = byRecipient.length > 0 ? byRecipient : before.filter((st) => st.category === ch.category);
    const startMs = pool.length > 0 ? Math.max(...pool.map((st) => st.atMs)) : earliest < ch.atMs ? earliest : null;
    if (startMs === null) continue;
    out.push({ atMs: startMs, ratePerDay: ch.previousPerDay, endMs: null, recipient: ch.recipient, category: ch.category });
  }
  return out;
}

/** Points kept around the fetch time: 75 days back (the 30-day window, read up to the cache's
 * 14-day stale limit, with margin) and 45 ahead; plus the last point before that range. */
const DOC_BACK_MS = 75 * 86_400_000;
const DOC_AHEAD_MS = 45 * 86_400_000;
const DOC_MAX_POINTS = 400;
const DOC_MAX_SERIES = 40;

/**
 * `documentedData.data` → cumulative unlocked tokens per allocation label, points `{ tMs, unlocked }`
 * ascending. Timestamps are seconds (values above 1e12 are taken as milliseconds). Trimmed around
 * `fetchedAtMs` to keep the cached schedule small.
 */
export function normaliseDocumented(value: unknown, fetchedAtMs: number): NonNullable<EmissionSchedule['documented']> {
  const doc = documentedSchema.safeParse(value);
  if (!doc.success) return [];
  const out: NonNullable<EmissionSchedule['documented']> = [];
  for (const raw of doc.data.data) {
    if (out.length >= DOC_MAX_SERIES) break;
    const series = documentedSeriesSchema.safeParse(raw);
    if (!series.success) continue;
    const byT = new Map<number, number>();
    for (const rp of series.data.data) {
      const p = documentedPointSchema.safeParse(rp);
      if (!p.success || p.data.unlocked < 0) continue;
      const tMs = p.data.timestamp > 1e12 ? p.data.timestamp : secToMs(p.data.timestamp);
      if (tMs === null || !Number.isFinite(tMs) || tMs > MAX_DATE_MS) continue;
      byT.set(tMs, p.data.unlocked);
    }
    const all = Array.from(byT.entries()).sort((a, b) => a[0] - b[0]);
    const from = fetchedAtMs - DOC_BACK_MS;
    const to = fetchedAtMs + DOC_AHEAD_MS;
    let firstIn = all.findIndex(([t]) => t >= from);
    if (firstIn < 0) firstIn = all.length;
    const kept = all.slice(Math.max(0, firstIn - 1)).filter(([t], i) => i === 0 || t <= to);
    if (kept.length === 0) continue;
    const points = kept.slice(0, DOC_MAX_POINTS).map(([tMs, unlocked]) => ({ tMs, unlocked }));
    out.push({ label: label(series.data.label), points });
  }
  return out;
}

export function normaliseEmissions(body: EmissionBodyWire, slug: string, fetchedAtMs?: number): EmissionSchedule {
  const meta = body.metadata;
  const unlockEvents = meta.unlockEvents;
  const raw = unlockEvents && unlockEvents.length > 0 ? fromUnlockEvents(unlockEvents) : fromLegacyEvents(meta.events ?? []);
  if (unlockEvents && unlockEvents.length > 0) raw.changes.push(...runningStreams(raw.changes, meta.events ?? [], unlockEvents));
  const documented = fetchedAtMs !== undefined && body.documentedData !== undefined ? normaliseDocumented(body.documentedData, fetchedAtMs) : [];
  const geckoTop = body.gecko_id?.trim() || meta.gecko_id?.trim() || '';
  const geckoId = /^[a-z0-9][a-z0-9-._]{0,99}$/i.test(geckoTop) ? geckoTop : geckoIdFromToken(meta.token);
  const sources: string[] = [];
  for (const s of meta.sources ?? []) {
    if (typeof s !== 'string' || s.length > 2000) continue;
    try {
      const u = new URL(s.trim());
      if (u.protocol === 'https:' && !u.username && !u.password && !sources.includes(u.href)) sources.push(u.href);
    } catch {
      // not a URL: dropped
    }
    if (sources.length >= 20) break;
  }
  return {
    slug,
    geckoId,
    cliffs: buildCliffs(raw.cliffs),
    linear: buildLinear(raw.changes),
    sources,
    ...(documented.length > 0 ? { documented } : {}),
  };
}

/** Unwraps the legacy `{ body: "<json>" }` and Pro `{ body: {…} }` forms. */
export function unwrapEmissionBody(value: unknown): Result<unknown> {
  const wrapper = z.object({ body: anyValue, metadata: optional(anyValue) }).safeParse(value);
  if (!wrapper.success || wrapper.data.metadata !== undefined) return ok(value);
  const inner = wrapper.data.body;
  if (typeof inner === 'string') {
    if (inner.length > MAX_BODY_BYTES) return fail('parse', 'response too large');
    return parseJson(inner);
  }
  if (inner !== null && typeof inner === 'object') return ok(inner);
  return ok(value);
}

/** @param fetchedAtMs when the body was fetched, epoch ms: `documentedData` is kept around it */
export function parseEmissions(text: string, slug: string, fetchedAtMs?: number): Result<EmissionSchedule> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const unwrapped = unwrapEmissionBody(json.value);
  if (!unwrapped.ok) return unwrapped;
  const body = validate(emissionBodySchema, unwrapped.value);
  if (!body.ok) return body;
  return ok(normaliseEmissions(body.value, slug, fetchedAtMs));
}

export function normaliseEmissionsList(rows: readonly unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of rows) {
    const item = listItemSchema.safeParse(raw);
    if (!item.success) continue;
    const slug = typeof item.data === 'string' ? item.data : (item.data.slug ?? item.data.name ?? '');
    const s = slug.trim();
    if (!isValidSlug(s) || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

export function parseEmissionsList(text: string): Result<string[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const unwrapped = unwrapEmissionBody(json.value);
  if (!unwrapped.ok) return unwrapped;
  const body = validate(emissionsListSchema, unwrapped.value);
  if (!body.ok) return body;
  return ok(normaliseEmissionsList(body.value));
}

// ---------------------------------------------------------------------------------------------
// Fetchers
// ---------------------------------------------------------------------------------------------

export function emissionsUrl(slug: string): string {
  return apiUrl('defillama-datasets.llama.fi', `/emissions/${segment(slug)}`);
}

export async function fetchEmissions(args: { slug: string; nowMs?: number }, opts: RequestOptions): Promise<Result<EmissionSchedule>> {
  if (!isValidSlug(args.slug)) return fail('not-found', 'not a DefiLlama emissions slug');
  return fetchThen(emissionsUrl(args.slug), opts, (text) => parseEmissions(text, args.slug, args.nowMs ?? Date.now()));
}

export const EMISSIONS_LIST_URL = apiUrl('defillama-datasets.llama.fi', '/emissionsProtocolsList');

/** Slugs that have an emissions file. */
export async function fetchEmissionsList(opts: RequestOptions): Promise<Result<string[]>> {
  return fetchThen(EMISSIONS_LIST_URL, opts, (text) => parseEmissionsList(text));
}
