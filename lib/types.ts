/**
 * Domain types shared by the worker, the UI and the pure libraries.
 *
 * Units are part of every name that crosses a boundary:
 * - `*Ms` are epoch or duration milliseconds, `*Sec` seconds;
 * - `*Pct` are percent (3.1 means +3.1 %), never fractions;
 * - `*Usd` are US dollars; supplies are in whole tokens.
 *
 * This module holds types only (no runtime code), so UI bundles can import it freely. Shapes
 * that have a zod schema (lib/engine/domain-schemas.ts) are that schema's output type: one
 * declaration, documented on the schema.
 */
import type { z } from './sources/zod';
import type * as S from './engine/domain-schemas';

/** Every provider a figure can come from. `computed` = derived by Tokenlens from other figures. */
export type SourceId =
  | 'coingecko'
  | 'coinpaprika'
  | 'defillama'
  | 'kucoin'
  | 'binance'
  | 'okx'
  | 'bybit'
  | 'coinbase'
  | 'kraken'
  | 'gate'
  | 'mexc'
  | 'bitget'
  | 'htx'
  | 'akash'
  | 'filfox'
  | 'helium'
  | 'depinscan'
  | 'taostats'
  | 'subtensor'
  | 'ionet'
  | 'aethir'
  | 'renderfoundation'
  | 'computed';

/** Typed failure of a source; JSON-safe. */
export interface SourceError {
  kind: 'http' | 'rate-limited' | 'timeout' | 'network' | 'parse' | 'not-found' | 'blocked';
  /** HTTP status when there was one */
  status?: number;
  /** how long the provider asked us to wait, milliseconds */
  retryAfterMs?: number;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SourceError };

export type MarketKind = 'spot' | 'margin' | 'perp' | 'future';

export type Candle = z.output<typeof S.CandleSchema>;
export type Ticker24h = z.output<typeof S.TickerSchema>;
export type MarketSnapshot = z.output<typeof S.MarketSnapshotSchema>;
export type CoinSearchHit = z.output<typeof S.SearchHitSchema>;
export type DailyValue = z.output<typeof S.DailyValueSchema>;
export type FeesSeries = z.output<typeof S.FeesSeriesSchema>;
export type UnlockAllocation = z.output<typeof S.UnlockAllocationSchema>;
export type CliffUnlock = z.output<typeof S.CliffUnlockSchema>;
export type LinearSegment = z.output<typeof S.LinearSegmentSchema>;
export type EmissionSchedule = z.output<typeof S.EmissionScheduleSchema>;
export type NetworkKey = z.output<typeof S.NetworkKeySchema>;
export type NetworkFigure = z.output<typeof S.NetworkFigureSchema>;
