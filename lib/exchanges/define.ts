/**
 * The shape of one venue. Each venue file calls `defineVenue` and is listed once in `index.ts`;
 * the content script's `matches` are derived from that table (GUIDE.md, "Units of extension").
 * Pure: no browser globals, no WXT modules, so `npx tsx` can import it in plain Node.
 */
import type { MarketKind } from '../types';

/** Every venue id, in registry order (a registry test keeps this and `venues` in step). */
export const VENUE_IDS = [
  'kucoin',
  'binance',
  'okx',
  'bybit',
  'coinbase',
  'kraken',
  'gate',
  'mexc',
  'bitget',
  'htx',
  'cryptocom',
  'bitfinex',
  'upbit',
  'hyperliquid',
  'tradingview',
] as const;

export type VenueId = (typeof VENUE_IDS)[number];

export interface DetectedPair {
  venue: VenueId;
  /** upper-case ticker of the traded asset, aliases resolved (XBT -> BTC) */
  base: string;
  /** upper-case quote asset */
  quote: string;
  market: MarketKind;
  /** 1000 for 1000PEPEUSDT; absent when 1 */
  multiplier?: number;
  /** true for leveraged tokens such as BTC3L (base stays BTC3L) */
  leveraged?: boolean;
}

/**
 * Where the overlay sits until the user drags it: a corner (or the bottom centre) that covers
 * neither the order book nor the order form on the venue's standard layout (issue 9).
 */
export type OverlayCorner = 'bottom-left' | 'bottom-right' | 'bottom-center' | 'top-left' | 'top-right';

export interface VenueDefinition {
  id: VenueId;
  /** human name, e.g. "KuCoin" (README venues table) */
  label: string;
  /** match patterns for the content script (trade pages only) */
  matches: string[];
  hosts: readonly string[];
  /** pure URL parser: a pair, or undefined for non-market pages; never throws */
  detectPair(url: URL): DetectedPair | undefined;
  /**
   * Where the URL carries no pair (TradingView in-app symbol change, Hyperliquid bare /trade):
   * one narrow CSS selector whose text holds the symbol, and how to read it.
   */
  pairFromPage?: { selector: string; parse(text: string, url: URL): DetectedPair | undefined };
  /** default overlay placement; bottom-left (above the footer, over the orders table) when absent */
  overlayCorner?: OverlayCorner;
}

export function defineVenue(v: VenueDefinition): VenueDefinition {
  return v;
}
