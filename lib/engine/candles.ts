/**
 * Daily candles in USD terms, for the technicals: the venue on screen when the pair is
 * USD-quoted, else (or when it has none) the Binance market-data mirror's BASE/USDT, else
 * CoinGecko daily closes. Leveraged tokens get CoinGecko closes only: their own candles are not
 * the base asset's (and the mirror's BASE/USDT would be the unleveraged asset).
 */
import type { Bundle } from './bundle';
import type { RevalidateMode } from './cache';
import { isUsdQuote, type Feed } from './assemble';
import { coingeckoKey, type FeedContext } from './context';
import { firstUsable } from './first-usable';
import { FRESHNESS } from './freshness';
import { CandlesSchema, policy } from './domain-schemas';
import type { Resolution } from '../assets/resolve';
import { binanceMirrorMarketData } from '../sources/binance';
import { fetchCoingeckoDailyCloses } from '../sources/coingecko';
import { venueMarketDataFor } from '../sources/venue-registry';
import type { Settings } from '../settings/schema';
import type { Candle, Result, SourceId } from '../types';

interface CandleSource {
  source: SourceId;
  /** cache key; the mirror has its own (`binance-mirror`) though it reports as `binance` */
  key: string;
  run: () => Promise<Result<Candle[]>>;
}

/** The candle sources that apply to this pair, in the order to try. */
export function candleSources(ctx: FeedContext, pair: Bundle['pair'], asset: Resolution | null, s: Settings): CandleSource[] {
  const out: CandleSource[] = [];
  const md = pair.venue ? venueMarketDataFor(pair.venue) : undefined;
  const base = asset?.symbol ?? pair.base;
  if (md && isUsdQuote(pair.quote) && !pair.leveraged) {
    const sym = md.symbol(pair.base, pair.quote);
    if (sym) out.push({ source: md.source, key: `v:${md.source}:candles:${sym}`, run: () => md.fetchDailyCandles(pair.base, pair.quote, ctx.opts(), ctx.now()) });
  }
  if (!pair.leveraged) {
    const msym = binanceMirrorMarketData.symbol(base, 'USDT');
    if (msym) out.push({ source: 'binance', key: `v:binance-mirror:candles:${msym}`, run: () => binanceMirrorMarketData.fetchDailyCandles(base, 'USDT', ctx.opts(), ctx.now()) });
  }
  if (asset) out.push({ source: 'coingecko', key: `cg:closes:${asset.id}`, run: () => fetchCoingeckoDailyCloses({ id: asset.id, key: coingeckoKey(s) }, ctx.opts()) });
  return out;
}

/** The first candle source with at least one candle; else the first source's answer. */
export function candlesFeed(ctx: FeedContext, pair: Bundle['pair'], asset: Resolution | null, s: Settings, mode: RevalidateMode): Promise<Feed<Candle[]> | undefined> {
  return firstUsable(
    candleSources(ctx, pair, asset, s).map(
      (c) => async (): Promise<Feed<Candle[]>> => ({ source: c.source, what: 'w_candles', result: await ctx.read(policy(c.key, CandlesSchema, FRESHNESS.candles), c.run, mode) }),
    ),
    (f) => f.result.ok && f.result.value.length > 0,
  );
}
