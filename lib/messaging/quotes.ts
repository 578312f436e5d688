/**
 * Quotes for a watchlist of any length: one `quotes` message carries at most 100 symbols (the
 * worker's schema, lib/messaging/server.ts), so longer lists go in batches of 100, in order
 * (issue 11, low: a 150-token list used to show no prices at all).
 */
import type { ProtocolMap, Reply, WatchRow } from './protocol';

export const QUOTES_BATCH = 100;

type Send = (type: 'quotes', data: ProtocolMap['quotes']['req']) => Promise<Reply<WatchRow[]>>;

/** All rows in list order; null when no batch could be answered. */
export async function quotesInBatches(send: Send, symbols: readonly string[]): Promise<WatchRow[] | null> {
  const batches: string[][] = [];
  for (let i = 0; i < symbols.length; i += QUOTES_BATCH) batches.push(symbols.slice(i, i + QUOTES_BATCH));
  const replies = await Promise.all(batches.map((b) => send('quotes', { symbols: b })));
  if (!replies.some((r) => r.ok)) return null;
  // a batch that failed shows its symbols without prices, with the reason
  return replies.flatMap((r, i) => (r.ok ? r.data : batches[i]!.map((symbol) => ({ symbol, assetId: null, name: null, priceUsd: null, change24hPct: null, asOfMs: null, error: r.error }))));
}
