/**
 * The one fake `fetch` of the unit tests: records every call (URL parsed, lower-cased headers)
 * and answers from a route function. A route that returns `undefined` answers 404, so a test
 * sees an unexpected request as a failure rather than as a hang.
 */
import type { FetchFn, RequestOptions } from '../../../lib/sources/http';

export interface FetchCall {
  url: URL;
  /** the URL exactly as the code under test passed it */
  href: string;
  init: RequestInit | undefined;
  /** request headers, names lower-cased */
  headers: Record<string, string>;
}

export type Route = (url: URL, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

export interface FakeFetch {
  fetch: FetchFn;
  calls: FetchCall[];
  /** request options for lib/sources fetchers (2 s timeout: a test never waits long) */
  opts: RequestOptions;
  /** the calls whose host is `host` */
  to(host: string): FetchCall[];
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

export function fakeFetch(route: Route): FakeFetch {
  const calls: FetchCall[] = [];
  const fetch: FetchFn = async (input, init) => {
    const url = new URL(input);
    calls.push({ url, href: input, init, headers: headersOf(init) });
    return (await route(url, init)) ?? new Response('not found', { status: 404 });
  };
  return { fetch, calls, opts: { fetch, timeoutMs: 2_000 }, to: (host) => calls.filter((c) => c.url.hostname === host) };
}

/** A JSON answer (strings are sent as they are, anything else is JSON-encoded). */
export function reply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A non-JSON answer, e.g. a Cloudflare HTML page. */
export function textReply(body: string, status: number, type = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'content-type': type } });
}

/** Routes by `host + pathname` (e.g. `api.coingecko.com/api/v3/coins/markets`); others 404. */
export function byPath(table: Record<string, (url: URL, init: RequestInit | undefined) => Response | Promise<Response>>): Route {
  return (url, init) => table[url.hostname + url.pathname]?.(url, init);
}
