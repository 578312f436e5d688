/**
 * Remembers when a host told us to back off (429, or Binance's 418 IP ban) and refuses to call
 * it again before then, across worker restarts (the ban is persisted in the cache store).
 * Binance escalates repeated 429s to 418 bans; Bybit bans for 10 minutes (DATA-SOURCES.md,
 * "Rate limits to respect"). Wraps the `fetch` handed to sources, so sources stay unaware.
 */
import type { CacheStore } from './cache';
import type { FetchFn } from '../sources/http';

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
        const header = res.headers.get('retry-after');
        const secs = header !== null && Number.isFinite(Number(header)) ? Number(header) : NaN;
        // 418 is an IP ban (Binance): wait longer than for a plain 429 when no header says.
        const fallbackMs = res.status === 418 ? 10 * 60_000 : 60_000;
        await this.ban(host, Number.isFinite(secs) ? Math.min(secs * 1000, 24 * 3600_000) : fallbackMs);
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
