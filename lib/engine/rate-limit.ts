/**
 * Remembers when a host told us to back off (429, or Binance's 418 IP ban) and refuses to call
 * it again before then, across worker restarts (the ban is persisted in the cache store).
 * Binance escalates repeated 429s to 418 bans; Bybit bans for 10 minutes (DATA-SOURCES.md,
 * "Rate limits to respect"). Wraps the `fetch` handed to sources, so sources stay unaware.
 */
import type { CacheStore } from './cache';
import { parseRetryAfter, type FetchFn } from '../sources/http';

/**
 * What a page can make Tokenlens spend (README, "Privacy and security", states these numbers).
 * - pairQuietMs: pair changes from one tab closer than this are debounced (ms);
 * - bundlesPerTabPerMinute: bundle requests one tab may make in any 60 s;
 * - keyedPerHour: upstream requests carrying the user's API key, all tabs together, per hour
 *   (CoinGecko's demo plan allows 30 a minute and 10,000 a month).
 */
export const BUDGETS = { pairQuietMs: 300, bundlesPerTabPerMinute: 60, keyedPerHour: 100 } as const;

interface Ban {
  untilMs: number;
}

export class HostGate {
  private readonly bans = new Map<string, Ban>();
  private readonly loaded = new Map<string, Promise<void>>();

  constructor(
    private readonly store: CacheStore,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** milliseconds left on a host's ban, 0 when none */
  async remainingMs(host: string): Promise<number> {
    await this.load(host);
    const ban = this.bans.get(host);
    return ban ? Math.max(0, ban.untilMs - this.now()) : 0;
  }

  /** Records a ban of `retryAfterMs` milliseconds plus up to 20 % jitter. */
  async ban(host: string, retryAfterMs: number): Promise<void> {
    const untilMs = this.now() + retryAfterMs * (1 + 0.2 * this.random());
    const current = this.bans.get(host);
    if (current && current.untilMs >= untilMs) return;
    this.bans.set(host, { untilMs });
    await safe(this.store.set(`ban:${host}`, { untilMs }));
  }

  /** A fetch that answers a synthetic 429 while the host is banned, and records new bans. */
  wrap(inner: FetchFn): FetchFn {
    return async (input, init) => {
      const host = hostOf(input);
      const left = host ? await this.remainingMs(host) : 0;
      if (left > 0) {
        return new Response('rate limited (remembered)', {
          status: 429,
          headers: { 'retry-after': String(Math.ceil(left / 1000)) },
        });
      }
      const res = await inner(input, init);
      if (host && (res.status === 429 || res.status === 418)) {
        // delay-seconds or an HTTP date (RFC 9110 §10.2.3), capped at a day
        const afterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
        // 418 is an IP ban (Binance): wait longer than for a plain 429 when no header says.
        const fallbackMs = res.status === 418 ? 10 * 60_000 : 60_000;
        await this.ban(host, afterMs !== undefined ? Math.min(afterMs, 24 * 3600_000) : fallbackMs);
      }
      return res;
    };
  }

  private load(host: string): Promise<void> {
    let p = this.loaded.get(host);
    if (!p) {
      p = (async () => {
        const raw = await safe(this.store.get(`ban:${host}`));
        if (raw && typeof raw === 'object' && typeof (raw as Ban).untilMs === 'number') {
          const untilMs = (raw as Ban).untilMs;
          // Never trust a ban longer than a day (a clock jump or garbage would lock us out).
          if (untilMs > this.now() && untilMs - this.now() <= 24 * 3600_000) {
            const cur = this.bans.get(host);
            if (!cur || cur.untilMs < untilMs) this.bans.set(host, { untilMs });
          }
        }
      })();
      this.loaded.set(host, p);
    }
    return p;
  }
}

/** A tab's request budget: what `TabGate.admit` answers. */
export type Admission = 'go' | 'superseded' | { retryInMs: number };

/**
 * Pair changes from one tab (issue 11, medium 2: any script on an exchange page can call
 * history.pushState as fast as it likes, and every pair change asks the worker for a bundle).
 * - Debounced per page (Chrome's `sender.documentId`): a NEW pair that arrives within `quietMs`
 *   of the page's previous request waits `quietMs`; if a newer request from the tab arrives
 *   meanwhile, it is `superseded` (the overlay no longer shows that pair). The first change after
 *   a quiet spell goes at once, so a burst of new pairs costs its first and its last only.
 * - A pair this page was already given goes at once, burst or not: its data is in the cache
 *   (within each source's freshness it costs no upstream request, past it one revalidation per
 *   source, shared by every caller), so the debounce would only delay a trader flipping between
 *   the pairs they watch (QUALITY.md: SPA pair switch p95 ≤ 100 ms).
 * - Budgeted per tab: at most `perMinute` admitted requests in any 60 s; beyond that the tab is
 *   told when to try again (the overlay shows it and retries on its own schedule).
 */
export class TabGate {
  private readonly tabs = new Map<number, { lastAt: number; seq: number; admitted: number[]; doc?: string; seen: Set<string> }>();

  constructor(
    private readonly opts: { quietMs: number; perMinute: number },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * `documentId`: a new page in the tab starts its own quiet spell and its own list of pairs
   * given; `pair`: the pair's key (venue, base and quote).
   */
  async admit(tabId: number, documentId: string | undefined, pair: string): Promise<Admission> {
    const t = this.now();
    let st = this.tabs.get(tabId);
    // one small entry per tab that ever asked, for the worker's life (it idles out in minutes)
    if (!st) this.tabs.set(tabId, (st = { lastAt: -Infinity, seq: 0, admitted: [], seen: new Set() }));
    // The debounce is for pushState bursts inside one page; a trader loading page after page in
    // one tab is not a burst (the per-minute budget still counts every page of the tab).
    if (documentId !== st.doc) {
      st.doc = documentId;
      st.lastAt = -Infinity;
      st.seen.clear();
    }
    const mine = ++st.seq;
    const busy = t - st.lastAt < this.opts.quietMs && !st.seen.has(pair);
    st.lastAt = t;
    if (busy) {
      await this.sleep(this.opts.quietMs);
      if (st.seq !== mine) return 'superseded';
    }
    const now = this.now();
    st.admitted = st.admitted.filter((a) => now - a < 60_000);
    if (st.admitted.length >= this.opts.perMinute) return { retryInMs: 60_000 - (now - st.admitted[0]!) };
    st.admitted.push(now);
    // kept small: a page that walks through pairs for hours starts its list again
    if (st.seen.size >= 100) st.seen.clear();
    st.seen.add(pair);
    return 'go';
  }
}

/**
 * Requests that carry the user's API key (issue 11, medium 2): at most `perHour` in any hour,
 * counted across worker restarts (persisted in the cache store). Over budget, the request is not
 * sent: the wrapper answers a synthetic 429 with `Retry-After`, like a host ban, so the
 * bundle says "rate-limited" and the user's monthly quota is not spent by a page.
 */
export class KeyBudget {
  private stamps: number[] | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly store: CacheStore,
    private readonly perHour: number,
    private readonly carriesKey: (init: RequestInit | undefined) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  wrap(inner: FetchFn): FetchFn {
    return async (input, init) => {
      if (!this.carriesKey(init)) return inner(input, init);
      await this.load();
      const t = this.now();
      const recent = (this.stamps ?? []).filter((s) => t - s < 3600_000 && s <= t);
      if (recent.length >= this.perHour) {
        this.stamps = recent;
        const waitS = Math.ceil((3600_000 - (t - recent[0]!)) / 1000);
        return new Response(null, { status: 429, headers: { 'retry-after': String(waitS) } });
      }
      recent.push(t);
      this.stamps = recent;
      void safe(this.store.set('budget:keyed', recent));
      return inner(input, init);
    };
  }

  private load(): Promise<void> {
    this.loading ??= safe(this.store.get('budget:keyed')).then((raw) => {
      // garbage dropped here; stamps older than an hour or from the future, in wrap
      this.stamps = Array.isArray(raw) ? raw.filter((s): s is number => typeof s === 'number') : [];
    });
    return this.loading;
  }
}

/** True when a request's headers carry one of the user's API keys (CoinGecko, Taostats). */
export function carriesUserKey(init: RequestInit | undefined): boolean {
  for (const [name, value] of new Headers(init?.headers)) if (value && /^(?:x-cg-(?:demo|pro)-api-key|authorization)$/.test(name)) return true;
  return false;
}

function hostOf(input: string): string | undefined {
  try {
    return new URL(input).hostname;
  } catch {
    return undefined;
  }
}

/** Store calls may fail or hang; a ban we cannot persist still holds in memory. */
async function safe<T>(p: Promise<T>, ms = 2000): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } catch {
    return undefined;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
