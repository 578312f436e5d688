/**
 * Stale-while-revalidate cache for the background worker, over idb-keyval.
 *
 * Semantics follow webext-storage-cache (https://github.com/fregante/webext-storage-cache):
 * an explicit key, a freshness (`maxAgeMs`) and a window in which stale data may still be shown
 * (`staleMs`), plus a schema version per entry. On top of that, as QUALITY.md asks:
 * - entries are re-validated on read; anything invalid is a miss, deleted and counted;
 * - N concurrent readers of one key share one upstream call;
 * - a store that fails or hangs is a miss within `storeTimeoutMs` (2 s), and the cache keeps
 *   working from memory;
 * - writes replace an entry in one `set` (never clear-then-write).
 *
 * Only the worker uses this: IndexedDB opened from a content script would belong to the
 * exchange's origin.
 */
import { createStore, del, get, keys, set } from 'idb-keyval';
import type { Result, SourceError } from '../types';

export interface CacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** every stored key (seeds the eviction index the first time it is built) */
  keys?(): Promise<string[]>;
}

/** How much the cache may hold: entries, and bytes as the UTF-16 length of each entry's JSON. */
export interface CacheBounds {
  entries: number;
  bytes: number;
}

/**
 * Bounds of the memory copy and of IndexedDB (issue 11: neither grew without limit). The largest
 * entry is CoinGecko's coin list, about 1.5 MB as JSON; a day of browsing caches a few hundred
 * small entries. Least recently read goes first.
 */
export const CACHE_BOUNDS: { memory: CacheBounds; store: CacheBounds } = {
  memory: { entries: 400, bytes: 8_000_000 },
  store: { entries: 3_000, bytes: 40_000_000 },
};

/** Store key of the eviction index: [key, size] pairs, least recently read first. */
const INDEX_KEY = '#lru';
/** ms a save of the index waits for more writes to join it */
const INDEX_SAVE_MS = 250;

/**
 * Keys in recency order (a Map iterates in insertion order: least recently used first) with
 * their sizes. `use` moves a key to the end and returns the keys to evict to stay in bounds.
 */
class Lru {
  readonly sizes = new Map<string, number>();
  private total = 0;
  constructor(private readonly max: CacheBounds) {}

  use(key: string, size?: number): string[] {
    const old = this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
    this.sizes.set(key, size ?? old);
    this.total += (size ?? old) - old;
    const out: string[] = [];
    for (const [k, v] of this.sizes) {
      if (this.sizes.size <= this.max.entries && this.total <= this.max.bytes) break;
      if (k === key) continue;
      this.sizes.delete(k);
      this.total -= v;
      out.push(k);
    }
    return out;
  }
}

/** Entries hold JSON that was parsed and validated on its way in, so this cannot throw. */
const sizeOf = (entry: unknown): number => JSON.stringify(entry).length;

/** What is stored per key. `fetchedAtMs` is when the value came from upstream (epoch ms). */
export interface CacheEntry<T> {
  v: number;
  fetchedAtMs: number;
  value: T;
}

/** A remembered `not-found` answer. */
interface AbsentEntry {
  v: number;
  fetchedAtMs: number;
  absent: { message: string; status?: number };
}

export interface CachePolicy<T> {
  key: string;
  /** schema version of the stored value; a different version is a miss */
  version: number;
  /** milliseconds a value counts as fresh */
  maxAgeMs: number;
  /** milliseconds past `maxAgeMs` during which the value may still be shown, marked stale */
  staleMs: number;
  /** re-validation on read: returns the value when it is still well-formed, else undefined */
  check(value: unknown): T | undefined;
  /**
   * milliseconds to remember a `not-found` answer (an unknown slug or symbol), so that a known
   * absence costs no upstream call on every visit; 0 or absent = never remembered
   */
  notFoundMaxAgeMs?: number;
}

export type CacheResult<T> =
  | {
      ok: true;
      value: T;
      /** epoch ms of the upstream fetch behind this value */
      fetchedAtMs: number;
      /** true when the value is past its freshness */
      stale: boolean;
      /** where the value came from in this call */
      from: 'cache' | 'network';
      /** set when a refresh was attempted and failed (value is the older one) */
      error?: SourceError;
    }
  | { ok: false; error: SourceError; /** epoch ms of the last good value, if any was ever seen */ lastOkAtMs?: number };

export interface CacheOptions {
  store: CacheStore;
  now?: () => number;
  /** milliseconds before a store call counts as failed */
  storeTimeoutMs?: number;
  /** size bounds (CACHE_BOUNDS by default) */
  bounds?: { memory: CacheBounds; store: CacheBounds };
}

export interface CacheStats {
  hits: number;
  misses: number;
  corrupt: number;
  storeFailures: number;
  upstreamCalls: number;
}

/**
 * `revalidate`: 'background' returns cached data at once (stale or not) and refreshes expired
 * entries behind it; 'await' waits for upstream when the entry is not fresh; 'force' always asks
 * upstream (alert checks need the current price), falling back to the cached value on failure.
 */
export type RevalidateMode = 'background' | 'await' | 'force';

export class SwrCache {
  private readonly store: CacheStore;
  private readonly now: () => number;
  private readonly storeTimeoutMs: number;
  private readonly inflight = new Map<string, Promise<CacheResult<unknown>>>();
  /** memory copy: serves reads when the store fails, and makes repeated reads cheap */
  private readonly memory = new Map<string, CacheEntry<unknown> | AbsentEntry>();
  private readonly memoryLru: Lru;
  /** the store's eviction index, loaded from INDEX_KEY (or seeded from the store's keys) on first use */
  private storeLru: Promise<Lru> | undefined;
  /** pending save of the store index (see remember) */
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly bounds: { memory: CacheBounds; store: CacheBounds };
  /** keys known to have no remembered not-found answer (saves a store read per feed per call) */
  private readonly noAbsent = new Set<string>();
  private storeBroken = false;
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, storeFailures: 0, upstreamCalls: 0 };

  constructor(opts: CacheOptions) {
    this.store = opts.store;
    this.now = opts.now ?? Date.now;
    this.storeTimeoutMs = opts.storeTimeoutMs ?? 2000;
    this.bounds = opts.bounds ?? CACHE_BOUNDS;
    this.memoryLru = new Lru(this.bounds.memory);
  }

  /** Marks `key` as just read (or written, with its size) in memory and in the store index, and evicts what falls out of bounds. */
  private remember(key: string, entry: CacheEntry<unknown> | AbsentEntry, size?: number): void {
    this.memory.set(key, entry);
    for (const k of this.memoryLru.use(key, size)) this.memory.delete(k);
    if (this.storeBroken) return;
    this.storeLru ??= this.withTimeout(this.store.get(INDEX_KEY)).then(async (raw) => {
      const lru = new Lru(this.bounds.store);
      // No index yet (first run of this version): every stored key, oldest first, size unknown.
      // The quota gates' records (`ban:<host>`, `budget:keyed`, lib/engine/rate-limit.ts) share
      // the store but are not cache entries: never indexed, never evicted (a page that filled the
      // cache must not reset the hourly key budget).
      const pairs: unknown[] = Array.isArray(raw) ? raw : ((await this.withTimeout(this.store.keys?.() ?? Promise.resolve([]))) ?? []).map((k) => [k, 0]);
      // A store already over its bounds sheds its oldest keys here.
      for (const p of pairs) if (Array.isArray(p) && typeof p[0] === 'string' && !/^(#lru|ban:|budget:)/.test(p[0])) for (const k of lru.use(p[0], +p[1] || 0)) void this.withTimeout(this.store.del(k));
      return lru;
    });
    void this.storeLru.then((lru) => {
      const gone = lru.use(key, size);
      for (const k of gone) void this.withTimeout(this.store.del(k));
      // The index is saved after writes and evictions (a read only reorders it in memory until
      // then), once for a burst: a bundle writes several entries within a few hundred ms, and the
      // index holds up to 3,000 pairs.
      if ((size !== undefined || gone.length) && !this.indexTimer)
        this.indexTimer = setTimeout(() => {
          this.indexTimer = undefined;
          void this.withTimeout(this.store.set(INDEX_KEY, [...lru.sizes]));
        }, INDEX_SAVE_MS);
    });
  }

  /** Reads through the cache. Never throws; `fetcher` must not throw either (it returns a Result). */
  async get<T>(policy: CachePolicy<T>, fetcher: () => Promise<Result<T>>, mode: RevalidateMode = 'await'): Promise<CacheResult<T>> {
    const absent = await this.readAbsent(policy);
    if (absent) {
      this.stats.hits++;
      return { ok: false, error: { kind: 'not-found', message: absent.absent.message, ...(absent.absent.status ? { status: absent.absent.status } : {}) } };
    }
    const entry = await this.read(policy);
    const now = this.now();
    if (entry) {
      const age = now - entry.fetchedAtMs;
      const fresh = age >= 0 && age < policy.maxAgeMs;
      const showable = age < policy.maxAgeMs + policy.staleMs;
      if (fresh && mode !== 'force') {
        this.stats.hits++;
        return { ok: true, value: entry.value, fetchedAtMs: entry.fetchedAtMs, stale: false, from: 'cache' };
      }
      if (showable && mode === 'background') {
        this.stats.hits++;
        void this.refresh(policy, fetcher, entry);
        return { ok: true, value: entry.value, fetchedAtMs: entry.fetchedAtMs, stale: true, from: 'cache' };
      }
    }
    this.stats.misses++;
    return this.refresh(policy, fetcher, entry);
  }

  /**
   * Stores a value fetched elsewhere (one batched call priming many per-item entries).
   * Replaces the entry in one write, like a refresh would.
   */
  /**
   * The stored value (any age) or undefined, without fetching: the unlock calendar and the sector
   * medians read what earlier refreshes cached and never spend a request of their own (issue 13).
   */
  async peek<T>(policy: CachePolicy<T>): Promise<CacheEntry<T> | undefined> {
    return this.read(policy);
  }

  async put<T>(policy: CachePolicy<T>, value: T): Promise<void> {
    if (policy.check(value) === undefined) return;
    await this.write(policy.key, { v: policy.version, fetchedAtMs: this.now(), value });
  }

  private refresh<T>(policy: CachePolicy<T>, fetcher: () => Promise<Result<T>>, previous: CacheEntry<T> | undefined): Promise<CacheResult<T>> {
    const running = this.inflight.get(policy.key);
    if (running) return running as Promise<CacheResult<T>>;
    const task = (async (): Promise<CacheResult<T>> => {
      this.stats.upstreamCalls++;
      let result: Result<T>;
      try {
        result = await fetcher();
      } catch (e) {
        result = { ok: false, error: { kind: 'network', message: e instanceof Error ? e.message : 'fetch failed' } };
      }
      if (result.ok) {
        const entry: CacheEntry<T> = { v: policy.version, fetchedAtMs: this.now(), value: result.value };
        await this.write(policy.key, entry);
        await this.absence(policy, undefined);
        return { ok: true, value: entry.value, fetchedAtMs: entry.fetchedAtMs, stale: false, from: 'network' };
      }
      if (result.error.kind === 'not-found') await this.absence(policy, result.error);
      if (previous && this.now() - previous.fetchedAtMs < policy.maxAgeMs + policy.staleMs) {
        return { ok: true, value: previous.value, fetchedAtMs: previous.fetchedAtMs, stale: true, from: 'cache', error: result.error };
      }
      return { ok: false, error: result.error, ...(previous ? { lastOkAtMs: previous.fetchedAtMs } : {}) };
    })().finally(() => this.inflight.delete(policy.key));
    this.inflight.set(policy.key, task as Promise<CacheResult<unknown>>);
    return task;
  }

  /**
   * The remembered "not found" answer of a policy (`notFoundMaxAgeMs`), kept under one key
   * beside the entry: `absence(p, error)` remembers it, `absence(p, undefined)` forgets it (an
   * answer came back), `readAbsent(p)` finds it while young enough.
   */
  private async absence<T>(policy: CachePolicy<T>, error: { message: string; status?: number } | undefined): Promise<void> {
    if (!policy.notFoundMaxAgeMs) return;
    const key = `${policy.key}#absent`;
    if (!error) {
      this.memory.delete(key);
      this.noAbsent.add(key);
      if (!this.storeBroken) void this.withTimeout(this.store.del(key));
      return;
    }
    const absent: AbsentEntry = { v: policy.version, fetchedAtMs: this.now(), absent: { message: error.message.slice(0, 200), ...(error.status ? { status: error.status } : {}) } };
    this.noAbsent.delete(key);
    await this.write(key, absent);
  }

  private async readAbsent<T>(policy: CachePolicy<T>): Promise<AbsentEntry | undefined> {
    if (!policy.notFoundMaxAgeMs) return undefined;
    const key = `${policy.key}#absent`;
    if (this.noAbsent.has(key)) return undefined;
    let raw: unknown = this.memory.get(key);
    if (raw === undefined && !this.storeBroken) raw = await this.withTimeout(this.store.get(key));
    if (!raw || typeof raw !== 'object') {
      this.noAbsent.add(key);
      return undefined;
    }
    const r = raw as Partial<AbsentEntry>;
    const age = this.now() - (typeof r.fetchedAtMs === 'number' ? r.fetchedAtMs : -Infinity);
    if (r.v !== policy.version || !r.absent || typeof r.absent.message !== 'string' || !(age >= 0 && age < policy.notFoundMaxAgeMs)) return undefined;
    this.remember(key, r as AbsentEntry);
    return r as AbsentEntry;
  }

  private async read<T>(policy: CachePolicy<T>): Promise<CacheEntry<T> | undefined> {
    // The memory copy holds only entries already checked on their way in (read back from the
    // store and re-validated, or just fetched): no need to validate them on every read.
    const known = this.memory.get(policy.key);
    // (`#absent` keys hold AbsentEntry records, never a policy's own key)
    if (known && 'value' in known && known.v === policy.version) {
      this.remember(policy.key, known);
      return known as CacheEntry<T>;
    }
    let raw: unknown = known;
    if (raw === undefined && !this.storeBroken) {
      raw = await this.withTimeout(this.store.get(policy.key));
    }
    if (raw === undefined || raw === null) return undefined;
    const entry = this.checkEntry(policy, raw);
    if (!entry) {
      this.stats.corrupt++;
      this.memory.delete(policy.key);
      if (!this.storeBroken) void this.withTimeout(this.store.del(policy.key));
      return undefined;
    }
    this.remember(policy.key, entry);
    return entry;
  }

  private checkEntry<T>(policy: CachePolicy<T>, raw: unknown): CacheEntry<T> | undefined {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const r = raw as Record<string, unknown>;
    if (r.v !== policy.version) return undefined;
    if (typeof r.fetchedAtMs !== 'number' || !Number.isFinite(r.fetchedAtMs)) return undefined;
    // An entry from the future (clock change, garbage) is not trusted as fresh.
    if (r.fetchedAtMs > this.now() + 60_000) return undefined;
    let value: T | undefined;
    try {
      value = policy.check(r.value);
    } catch {
      value = undefined;
    }
    if (value === undefined) return undefined;
    return { v: policy.version, fetchedAtMs: r.fetchedAtMs, value };
  }

  private async write(key: string, entry: CacheEntry<unknown> | AbsentEntry): Promise<void> {
    this.remember(key, entry, sizeOf(entry));
    if (!this.storeBroken) await this.withTimeout(this.store.set(key, entry));
  }

  /** Store call with a deadline; failure or timeout counts and yields undefined. */
  private async withTimeout<R>(p: Promise<R>): Promise<R | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        p,
        new Promise<undefined>((_, reject) => {
          timer = setTimeout(() => reject(new Error('store timeout')), this.storeTimeoutMs);
        }),
      ]);
    } catch {
      this.stats.storeFailures++;
      // After repeated failures stop waiting on the store for this worker's lifetime: memory only.
      if (this.stats.storeFailures >= 3) this.storeBroken = true;
      return undefined;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/** The worker's IndexedDB store: one database, one object store, names in the keys (GUIDE.md). */
export function idbStore(): CacheStore {
  const s = createStore('tokenlens', 'cache');
  return {
    get: (k) => get(k, s),
    set: (k, v) => set(k, v, s),
    del: (k) => del(k, s),
    keys: async () => (await keys(s)).map(String),
  };
}

/** A plain in-memory store, for tests and as the fallback when IndexedDB is unavailable. */
export function memoryStore(): CacheStore {
  const m = new Map<string, unknown>();
  return {
    get: async (k) => structuredClone(m.get(k)),
    set: async (k, v) => void m.set(k, structuredClone(v)),
    del: async (k) => void m.delete(k),
    keys: async () => [...m.keys()],
  };
}
