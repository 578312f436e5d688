import type { Candle, Result, SourceId, Ticker24h } from '../types';
import type { RequestOptions } from './http';
export interface VenueMarketData {
  source: SourceId;
  /** venue's symbol for a spot pair, or undefined when the tickers are invalid */
  symbol(base: string, quote: string): string | undefined;
  fetchTicker(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Ticker24h>>;
  fetchDailyCandles(base: string, quote: string, opts: RequestOptions, nowMs: number): Promise<Result<Candle[]>>;
}
