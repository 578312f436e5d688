/**
 * The worker entrypoint itself (`background.main()`), against WXT's fake browser: what it
 * registers on the first turn, the alarm it schedules, and messages answered through the real
 * dispatcher, engine and cache, with only `fetch` faked.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../entrypoints/background';
import { contentScriptExcludeMatches, contentScriptMatches } from '../../lib/exchanges/manifest';
import { byPath, fakeFetch, reply } from './helpers/fake-fetch';

const ID = fakeBrowser.runtime.id;
const POPUP = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const KUCOIN_TAB = { id: ID, tab: { id: 7 }, frameId: 0, url: 'https://www.kucoin.com/trade/TAO-USDT' };

const markets = (u: URL) =>
  reply((u.searchParams.get('ids') ?? '').split(',').map((id) => ({ id, symbol: 'tao', name: 'Bittensor', current_price: 321, market_cap: 3e9, total_volume: 1e8, price_change_percentage_24h: 1, circulating_supply: 1e7, total_supply: 2.1e7, max_supply: 2.1e7, ath: 700, last_updated: '2026-11-28T12:00:00Z' })));

/** Sends a message as `sender` to the listener main() registered; the reply it resolves to. */
async function send(message: unknown, sender: object): Promise<unknown> {
  // The native API's contract: the listener returns `true` and answers through `sendResponse`.
  let respond!: (r: unknown) => void;
  const answered = new Promise<unknown>((r) => (respond = r));
  // (the fake's `trigger` is typed with the polyfill's two-argument listener; it forwards all)
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  const returned = await trigger(message, sender, respond);
  expect(returned).toEqual([true]);
  return answered;
}

let net: ReturnType<typeof fakeFetch>;

beforeEach(() => {
  // What the fake browser does not implement, the way Chrome answers it.
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Tokenlens', version: '0.1.0', content_scripts: [{ matches: [...contentScriptMatches], exclude_matches: [...contentScriptExcludeMatches], js: ['content-scripts/overlay.js'] }] });
  net = fakeFetch(byPath({ 'api.coingecko.com/api/v3/coins/markets': markets }));
  vi.stubGlobal('fetch', net.fetch);
  return () => vi.unstubAllGlobals();
});

describe('background.main()', () => {
  it('registers the message, alarm and lifecycle listeners on the first turn (an MV3 worker woken by an event must find them)', () => {
    const events = [fakeBrowser.runtime.onMessage, fakeBrowser.alarms.onAlarm, fakeBrowser.runtime.onInstalled, fakeBrowser.runtime.onStartup, fakeBrowser.storage.onChanged];
    const spies = events.map((e) => vi.spyOn(e, 'addListener'));
    const returned = background.main();
    expect(returned).toBeUndefined(); // synchronous: nothing awaited before the listeners exist
    for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
    expect(net.calls).toHaveLength(0);
  });

  it('on install, schedules the alert check every 5 minutes', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await fakeBrowser.alarms.get('tokenlens-alerts')).toMatchObject({ name: 'tokenlens-alerts', periodInMinutes: 5 });
  });

  it('answers the popup’s lookup through the engine: the asset’s CoinGecko call plus one sector batch, the bundle in the envelope', async () => {
    background.main();
    const r = await send({ type: 'lookup', data: { query: 'TAO', refresh: true } }, POPUP);
    expect(r).toMatchObject({ ok: true, data: { asset: { id: 'bittensor' } } });
    const price = (r as { data: { metrics: Array<{ id: string; value: unknown }> } }).data.metrics.find((m) => m.id === 'price');
    expect(price?.value).toBe(321);
    // TAO is a compute-network member: its sector medians cost ONE batched markets call for all
    // members (issue 13), never one per member.
    const markets = net.to('api.coingecko.com').filter((c) => c.url.pathname.endsWith('/coins/markets'));
    expect(markets).toHaveLength(2);
    expect(markets.filter((c) => (c.url.searchParams.get('ids') ?? '').split(',').length > 1)).toHaveLength(1);
  });

  it('refuses what an exchange page may not ask, and saves what it may (an asset choice)', async () => {
    background.main();
    expect(await send({ type: 'runAlerts', data: {} }, KUCOIN_TAB)).toEqual({ ok: false, error: 'refused: not allowed from a web page' });
    expect(await send({ type: 'chooseAsset', data: { venue: 'kucoin', ticker: 'TAO', assetId: 'bittensor' } }, KUCOIN_TAB)).toEqual({ ok: true, data: { saved: true } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('"kucoin:TAO":"bittensor"');
  });

  it('ignores messages that are not Tokenlens requests (other listeners may answer them)', async () => {
    background.main();
    expect(await send({ hello: 'world' }, POPUP)).toBeUndefined();
  });
});
