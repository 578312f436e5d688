/**
 * The one way a source talks to the network: allow-listed https hosts only, no cookies,
 * a hard timeout, a size cap, and every failure turned into a typed `SourceError`.
 * Sources receive `fetch` by injection so unit tests run without a network.
 */
import type { Result } from '../types';
import type { z } from './zod';
import { fail as err, ok } from './result';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Hosts the worker may call. Mirrors `host_permissions` in wxt.config.ts
 * (a test keeps the two in sync). Anything else is refused before a request is made.
 */
export const API_HOSTS = [
  'api.coingecko.com',
  'pro-api.coingecko.com',
  'api.coinpaprika.com',
  'api.llama.fi',
  'defillama-datasets.llama.fi',
  'api.kucoin.com',
  'api.binance.com',
  'data-api.binance.vision',
  'www.okx.com',
  'api.bybit.com',
  'api.exchange.coinbase.com',
  'api.kraken.com',
  'api.gateio.ws',
  'api.mexc.com',
  'api.bitget.com',
  'api.huobi.pro',
  'console-api.akash.network',
  'filfox.info',
  'entities.nft.helium.io',
  'metrics-api.w3bstream.com',
  'api.taostats.io',
  'entrypoint-finney.opentensor.ai',
  'archive.chain.opentensor.ai',
  'api.io.solutions',
  'dashboard-api.aethir.com',
  'stats.renderfoundation.com',
] as const;

/** Default per-request timeout, milliseconds (QUALITY.md: well under 30 s). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Bodies above this many bytes are refused (hostile or broken responses). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface RequestOptions {
  fetch: FetchFn;
  signal?: AbortSignal;
  /** milliseconds */
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** Builds an https URL on an allow-listed host; path segments and query values are encoded. */
export function apiUrl(host: (typeof API_HOSTS)[number], path: string, query?: Record<string, string | number | undefined>): string {
  const url = new URL(`https://${host}`);
  url.pathname = path;
  if (query) {
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  }
  return url.toString();
}

/** Encodes one path segment; refuses anything that could change the path (`..`, empty). */
export function segment(value: string): string {
  if (!value || value === '.' || value === '..' || value.length > 128) throw new Error('bad path segment');
  return encodeURIComponent(value);
}

export function isAllowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (API_HOSTS as readonly string[]).includes(u.hostname) && !u.username && !u.password && u.port === '';
  } catch {
    return false;
  }
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 24 * 3600_000);
  const at = Date.parse(value);
  if (Number.isFinite(at)) return Math.max(0, Math.min(at - nowMs, 24 * 3600_000));
  return undefined;
}

/** GET a URL and return its raw text, or a typed error. Never throws. */
export function fetchText(url: string, opts: RequestOptions): Promise<Result<string>> {
  return send(url, opts);
}

/**
 * POST a JSON body (already serialised) and return the raw answer text; same guards as
 * `fetchText`. For JSON-RPC endpoints (Subtensor), where every call is a POST. A 400 is not a
 * "not-found" there, but it is still refused the same way.
 */
export function postText(url: string, jsonBody: string, opts: RequestOptions): Promise<Result<string>> {
  return send(url, { ...opts, headers: { ...opts.headers, 'content-type': 'application/json' } }, jsonBody);
}

async function send(url: string, opts: RequestOptions, body?: string): Promise<Result<string>> {
  if (!isAllowedUrl(url)) return err('blocked', `host not allowed: ${safeHost(url)}`);
  const ctrl = new AbortController();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(() => ctrl.abort(new Error('timeout')), timeoutMs);
  const onAbort = () => ctrl.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  try {
    let res: Response;
    try {
      // credentials: 'omit' — OKX serves its API from the trading host; exchange cookies must
      // never ride along (QUALITY.md, "Never sends exchange cookies").
      const request = opts.fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { body }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json', ...opts.headers },
        signal: ctrl.signal,
      });
      // A fetch implementation that ignores the signal must still not hang us.
      const aborted = new Promise<never>((_, reject) => {
        ctrl.signal.addEventListener('abort', () => reject(ctrl.signal.reason ?? new Error('aborted')), { once: true });
      });
      res = await Promise.race([request, aborted]);
    } catch (e) {
      timedOut = !opts.signal?.aborted && ctrl.signal.aborted;
      if (timedOut) return err('timeout', `no answer from ${safeHost(url)} within ${timeoutMs} ms`);
      if (opts.signal?.aborted) return err('network', 'aborted');
      return err('network', `${safeHost(url)} unreachable`);
    }
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
    if (res.status === 429 || res.status === 418) {
      return err('rate-limited', `${safeHost(url)} answered ${res.status}`, { status: res.status, retryAfterMs: retryAfterMs ?? 60_000 });
    }
    if (res.status === 404 || res.status === 400) return err('not-found', `${safeHost(url)} answered ${res.status}`, { status: res.status });
    if (!res.ok) return err('http', `${safeHost(url)} answered ${res.status}`, { status: res.status, retryAfterMs });
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > MAX_BODY_BYTES) return err('parse', 'response too large');
    const text = await Promise.race([
      readCapped(res, MAX_BODY_BYTES),
      new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true })),
    ]);
    if (text === undefined) return err('parse', 'response too large');
    return ok(text);
  } catch {
    if (ctrl.signal.aborted && !opts.signal?.aborted) return err('timeout', `no answer from ${safeHost(url)} within ${timeoutMs} ms`);
    return err('network', `reading ${safeHost(url)} failed`);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The body as UTF-8 text, or undefined as soon as more than `maxBytes` BYTES have arrived: the
 * cap counts bytes while the body streams (with or without content-length, which a server may
 * omit or understate), so a huge body is refused after `maxBytes`, never buffered whole (issue 11,
 * low). The rest of the stream is cancelled.
 */
async function readCapped(res: Response, maxBytes: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value as Uint8Array<ArrayBuffer>);
  }
  // UTF-8, replacement characters for bad bytes, BOM dropped: as Response.text() decodes
  return new Blob(chunks).text();
}

/** Parses JSON text without throwing. HTML error pages and truncated bodies become `parse` errors. */
export function parseJson(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    const looksHtml = /^\s*</.test(text);
    return err('parse', looksHtml ? 'got an HTML page instead of JSON' : 'malformed JSON');
  }
}

/** Validates a value with a zod schema; the first issue becomes the error message. */
export function validate<S extends z.ZodMiniType>(schema: S, value: unknown): Result<z.output<S>> {
  const r = schema.safeParse(value);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.slice(0, 6).join('.')}` : '';
  return err('parse', `unexpected response shape${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200));
}

/** JSON text validated with a zod schema: {@link parseJson}, then {@link validate}. */
export function parseBody<S extends z.ZodMiniType>(text: string, schema: S): Result<z.output<S>> {
  const json = parseJson(text);
  return json.ok ? validate(schema, json.value) : json;
}

/** GET a URL and hand its text to `parse` (pure, total); a failed request is returned as is. */
export async function fetchThen<T>(url: string, opts: RequestOptions, parse: (text: string) => Result<T>): Promise<Result<T>> {
  const text = await fetchText(url, opts);
  return text.ok ? parse(text.value) : text;
}

/**
 * A network's figures from several routes fetched in parallel (io.net's inventory and clusters,
 * Akash's capacity and dashboard): the figures of every route that answered, so one failed route
 * hides only its own; the first failure when none answered.
 */
export async function figuresFrom<T>(routes: Array<[url: string, parse: (text: string) => Result<T[]>]>, opts: RequestOptions): Promise<Result<T[]>> {
  const got = await Promise.all(routes.map(([url, parse]) => fetchThen(url, opts, parse)));
  const good = got.filter((r) => r.ok);
  return good.length ? { ok: true, value: good.flatMap((r) => r.value) } : got[0]!;
}

/** GET + JSON + zod in one step. */
export function getJson<S extends z.ZodMiniType>(url: string, schema: S, opts: RequestOptions): Promise<Result<z.output<S>>> {
  return fetchThen(url, opts, (text) => parseBody(text, schema));
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'invalid url';
  }
}
