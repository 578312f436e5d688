import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, fetchText, getJson, isAllowedUrl, parseJson, parseRetryAfter, segment } from '../../lib/sources/http';
import { z } from '../../lib/sources/zod';

// Timeout tests run on a fake clock; a failing one must not leave it on for the next.
afterEach(() => {
  vi.useRealTimers();
});

describe('http', () => {
  it('refuses hosts outside the allowlist without calling fetch', async () => {
    const fetch = vi.fn();
    for (const url of ['https://evil.example/x', 'http://api.coingecko.com/x', 'https://api.coingecko.com.evil.example/', 'https://user:pw@api.coingecko.com/', 'javascript:alert(1)', 'https://api.coingecko.com:8443/']) {
      const r = await fetchText(url, { fetch });
      expect(r).toMatchObject({ ok: false, error: { kind: 'blocked' } });
    }
    expect(fetch).not.toHaveBeenCalled();
    expect(isAllowedUrl('https://api.coingecko.com/api/v3/ping')).toBe(true);
  });

  it('sends no cookies and no referrer', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    await fetchText('https://www.okx.com/api/v5/market/ticker', { fetch });
    expect(fetch).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }));
  });

  it('aborts a never-resolving fetch at the timeout', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(() => new Promise<Response>(() => undefined));
    let settled = false;
    const pending = fetchText('https://api.llama.fi/x', { fetch, timeoutMs: 100 }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    vi.useRealTimers();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'no answer from api.llama.fi within 100 ms' } });
  });

  it('maps 429 and 418 to rate-limited with the Retry-After in milliseconds', async () => {
    const r = await fetchText('https://api.binance.com/x', { fetch: async () => new Response('', { status: 418, headers: { 'retry-after': '120' } }) });
    expect(r).toEqual({ ok: false, error: { kind: 'rate-limited', status: 418, retryAfterMs: 120_000, message: 'api.binance.com answered 418' } });
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('an HTML error page or truncated JSON is a parse error, not a throw', async () => {
    expect(parseJson('<!doctype html><title>Just a moment...</title>')).toMatchObject({ ok: false, error: { kind: 'parse', message: 'got an HTML page instead of JSON' } });
    expect(parseJson('{"a":')).toMatchObject({ ok: false, error: { kind: 'parse' } });
    const r = await getJson('https://api.llama.fi/x', z.object({ a: z.number() }), { fetch: async () => new Response('{"a":"x"}') });
    expect(r).toMatchObject({ ok: false, error: { kind: 'parse' } });
  });

  it('refuses bodies over 5 MB', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024 + 10);
    const r = await fetchText('https://api.llama.fi/x', { fetch: async () => new Response(big) });
    expect(r).toMatchObject({ ok: false, error: { kind: 'parse', message: 'response too large' } });
  });

  it('counts BYTES, not UTF-16 code units: 3 million "€" (9 MB of UTF-8) are refused', async () => {
    const r = await fetchText('https://api.llama.fi/x', { fetch: async () => new Response('€'.repeat(3_000_000)) });
    expect(r).toMatchObject({ ok: false, error: { kind: 'parse', message: 'response too large' } });
    const ok = await fetchText('https://api.llama.fi/x', { fetch: async () => new Response('€'.repeat(1000)) });
    expect(ok).toEqual({ ok: true, value: '€'.repeat(1000) });
  });

  it('refuses a 60 MB streamed body (no content-length) after the cap, without reading it all', async () => {
    const MB = 1024 * 1024;
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= 60 * MB) return c.close();
        pulled += MB;
        c.enqueue(new Uint8Array(MB).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const r = await fetchText('https://api.llama.fi/x', { fetch: async () => new Response(body) });
    expect(r).toMatchObject({ ok: false, error: { kind: 'parse', message: 'response too large' } });
    // the stream was read a little past 5 MB (plus what the stream queues ahead), then cancelled
    expect(pulled).toBeLessThanOrEqual(8 * MB);
    expect(cancelled).toBe(true);
  });

  it('builds URLs from encoded segments and refuses path tricks', () => {
    expect(apiUrl('api.llama.fi', `/summary/fees/${segment('a b?c#d')}`, { dataType: 'dailyFees' })).toBe('https://api.llama.fi/summary/fees/a%20b%3Fc%23d?dataType=dailyFees');
    expect(() => segment('..')).toThrow();
    expect(() => segment('')).toThrow();
  });
});
