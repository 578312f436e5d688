import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, redact, resetLogForTests, setDebug, type LogLevel } from '../../lib/log';
import { runAlerts } from '../../lib/alerts/runner';

function sink() {
  const lines: Array<[LogLevel, string]> = [];
  return { lines, fn: (level: LogLevel, line: string) => void lines.push([level, line]) };
}

afterEach(() => {
  resetLogForTests();
  Reflect.deleteProperty(globalThis, '__TOKENLENS_DEBUG__');
});

describe('logger', () => {
  it('is quiet unless debug is on (flag or global), then namespaced', () => {
    const s = sink();
    const log = createLogger('engine', s.fn);
    log.error('quiet');
    expect(s.lines).toEqual([]);
    setDebug(true);
    log.warn('CoinGecko refused', new Error('HTTP 429'));
    expect(s.lines).toEqual([['warn', '[tokenlens:engine] CoinGecko refused: HTTP 429']]);
    setDebug(false);
    Reflect.set(globalThis, '__TOKENLENS_DEBUG__', true);
    log.debug('on again');
    expect(s.lines.at(-1)).toEqual(['debug', '[tokenlens:engine] on again']);
  });

  it('prints each distinct line once', () => {
    setDebug(true);
    const s = sink();
    const log = createLogger('alerts', s.fn);
    for (let i = 0; i < 5; i++) log.warn('lookup of TAO failed', new Error('down'));
    log.warn('lookup of FIL failed', new Error('down'));
    expect(s.lines.map(([, l]) => l)).toEqual(['[tokenlens:alerts] lookup of TAO failed: down', '[tokenlens:alerts] lookup of FIL failed: down']);
  });

  it('never prints a key: query strings cut, key-shaped words and headers masked', () => {
    expect(redact('GET https://pro-api.coingecko.com/api/v3/coins/markets?ids=x&x_cg_pro_api_key=CG-abcdef123 failed')).toBe(
      'GET https://pro-api.coingecko.com/api/v3/coins/markets?… failed',
    );
    expect(redact('key CG-abcdef123456 refused')).toBe('key CG-… refused');
    expect(redact('authorization: tao-1234567:abcdef')).not.toContain('1234567');
    expect(redact('{"x-cg-demo-api-key":"CG-secret99"}')).not.toContain('secret99');
  });
});

describe('silent catches now say what failed (debug on)', () => {
  it('the alert round logs a failed lookup once, still firing the price rule', async () => {
    setDebug(true);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data: Record<string, unknown> = {
      alerts: [
        { id: 'p1', symbol: 'TAO', kind: 'priceBelow', level: 500 },
        { id: 'r1', symbol: 'TAO', kind: 'rsiAbove', level: 70 },
      ],
    };
    const store = { get: async (keys: string[]) => Object.fromEntries(keys.map((k) => [k, data[k]])), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
    const fired = await runAlerts({ store, lookup: () => Promise.reject(new Error('CoinGecko unreachable')), prices: async () => ({ TAO: 100 }), notify: async () => true, now: () => 1 });
    expect(fired.map((f) => f.ruleId)).toEqual(['p1']);
    expect(warn).toHaveBeenCalledWith('[tokenlens:alerts] lookup of TAO failed: CoinGecko unreachable');
  });
});
