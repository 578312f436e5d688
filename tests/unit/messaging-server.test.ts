import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { dispatch, senderProblem, type Handlers, type SenderContext } from '../../lib/messaging/server';
import { venues } from '../../lib/exchanges';
import { contentScriptExcludeMatches, contentScriptMatches } from '../../lib/exchanges/manifest';
import { VENUE_IDS } from '../../lib/exchanges/define';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ctx: SenderContext = {
  extensionId: ID,
  extensionOrigin: `chrome-extension://${ID}/`,
  contentScripts: [{ matches: [...contentScriptMatches], exclude_matches: [...contentScriptExcludeMatches] }],
};
const tab = { id: 1 };
const kucoin = { id: ID, tab, frameId: 0, url: 'https://www.kucoin.com/trade/TAO-USDT' };
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const pair = { venue: 'kucoin', base: 'TAO', quote: 'USDT', market: 'spot' };

function handlers(): Handlers {
  const h = vi.fn(async () => ({ ok: 'data' }));
  return { getBundle: h, lookup: h, suggest: h, chooseAsset: h, quotes: h, compare: h, runAlerts: h } as unknown as Handlers;
}

describe('worker message checks', () => {
  it('keeps the venue id list in step with the registry', () => {
    expect([...VENUE_IDS]).toEqual(venues.map((v) => v.id));
  });

  it.each([
    ['another extension', { ...kucoin, id: 'someone-else' }, 'foreign sender'],
    ['an iframe on the exchange', { ...kucoin, frameId: 3 }, 'not the top frame'],
    ['a page that is not a supported trade page', { ...kucoin, url: 'https://evil.example/trade/TAO-USDT' }, 'not a supported exchange page'],
    ['an excluded account page', { ...kucoin, url: 'https://www.binance.com/en/my/wallet/account/main' }, 'not a supported exchange page'],
    ['plain http', { ...kucoin, url: 'http://www.kucoin.com/trade/TAO-USDT' }, 'not https'],
    ['no url at all', { id: ID }, 'unknown extension context'],
  ])('refuses %s', (_, sender, why) => {
    expect(senderProblem(sender, 'getBundle', ctx)).toBe(why);
  });

  it('content scripts may only read; extension pages may do everything', () => {
    expect(senderProblem(kucoin, 'getBundle', ctx)).toBeNull();
    expect(senderProblem(kucoin, 'chooseAsset', ctx)).toBeNull();
    for (const t of ['quotes', 'compare', 'runAlerts', 'lookup', 'suggest'] as const) expect(senderProblem(kucoin, t, ctx)).toBe('not allowed from a web page');
    for (const t of ['getBundle', 'quotes', 'compare', 'runAlerts', 'lookup'] as const) expect(senderProblem(popup, t, ctx)).toBeNull();
    // an extension page opened in a tab still counts as ours
    expect(senderProblem({ ...popup, tab }, 'runAlerts', ctx)).toBeNull();
  });

  it('parses every request before a handler runs; bad payloads never reach it', async () => {
    const h = handlers();
    expect(await dispatch({ type: 'getBundle', data: { pair } }, kucoin, h, ctx)).toEqual({ ok: true, data: { ok: 'data' } });
    for (const data of [{ pair: { ...pair, base: '../etc' } }, { pair: { ...pair, venue: 'evil' } }, { pair: { ...pair, multiplier: 1e12 } }, null, 'x']) {
      const r = await dispatch({ type: 'getBundle', data }, kucoin, h, ctx);
      expect(r?.ok).toBe(false);
    }
    expect(h.getBundle).toHaveBeenCalledTimes(1);
    expect(await dispatch({ type: 'runAlerts', data: {} }, kucoin, h, ctx)).toEqual({ ok: false, error: 'refused: not allowed from a web page' });
  });

  it('ignores messages that are not ours, and a throwing handler becomes an error reply', async () => {
    expect(await dispatch({ type: 'toString', data: {} }, popup, handlers(), ctx)).toBeUndefined();
    expect(await dispatch({ type: '__proto__' }, popup, handlers(), ctx)).toBeUndefined();
    const h = handlers();
    h.suggest = async () => {
      throw new Error('boom');
    };
    expect(await dispatch({ type: 'suggest', data: { query: 'tao' } }, popup, h, ctx)).toEqual({ ok: false, error: 'boom' });
  });

  it('property: no message shape or sender makes dispatch throw, and nothing pollutes prototypes', async () => {
    const types = ['getBundle', 'lookup', 'suggest', 'chooseAsset', 'quotes', 'compare', 'runAlerts', 'constructor', 'x'];
    await fc.assert(
      fc.asyncProperty(
        fc.record({ type: fc.oneof(fc.constantFrom(...types), fc.string()), data: fc.anything({ withObjectString: true, withNullPrototype: true }) }, { requiredKeys: [] }),
        fc.oneof(fc.constant(kucoin), fc.constant(popup), fc.record({ id: fc.string(), url: fc.webUrl(), frameId: fc.integer(), tab: fc.constant(tab) })),
        async (msg, sender) => {
          const r = await dispatch(msg, sender, handlers(), ctx);
          expect(r === undefined || typeof r.ok === 'boolean').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    await dispatch(JSON.parse('{"type":"getBundle","data":{"__proto__":{"polluted":1},"pair":{"venue":"kucoin","base":"TAO","quote":"USDT","market":"spot"}}}'), kucoin, handlers(), ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
