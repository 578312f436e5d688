/**
 * Hyperliquid. EXCHANGES.md: spot `app.hyperliquid.xyz/trade/HYPE/USDC`, perpetuals
 * `/trade/TAO` (USDC-margined, so quote USDC); the `k` prefix means ×1000 (`kPEPE` is 1000 PEPE);
 * `dex:SYM` markets are HIP-3 builder-deployed perps, often stocks or indices (`xyz:TSLA`, as
 * linked by RWA monitors): undefined. Spot pairs by index (`@107`) name no ticker: undefined.
 *
 * Bare `/trade` carries no pair (the app reopens the last market), which forced `pairFromPage`:
 * it reads the document title, the one element the app keeps in step with the market on screen.
 * The title's exact wording was not seen first-hand, so the parser is deliberately narrow: it
 * accepts exactly one market-looking part (`HYPE/USDC`, `BTC-USD`, `BTC`) among `|`-separated
 * parts, ignoring prices and the site name, and otherwise answers undefined.
 */
import { defineVenue, type DetectedPair } from './define';
import { makePair, seg, venueParser } from './symbols';

/** Hyperliquid's k-prefixed perps, for URLs whose case was lost (`/trade/kpepe`). */
const K_ASSETS = new Set(['PEPE', 'SHIB', 'BONK', 'FLOKI', 'LUNC', 'DOGS', 'NEIRO']);

/** A perpetual's coin name as Hyperliquid writes it → pair (quote USDC). */
function perp(raw: string): DetectedPair | undefined {
  if (!/^[A-Za-z0-9]{1,20}$/.test(raw)) return undefined;
  const k = /^k([A-Z][A-Z0-9]{1,19})$/.exec(raw) ?? (/^k/i.test(raw) && K_ASSETS.has(raw.slice(1).toUpperCase()) ? [raw, raw.slice(1)] : null);
  if (k) return makePair('hyperliquid', k[1]!, 'USDC', 'perp', { multiplier: 1000 });
  return makePair('hyperliquid', raw, 'USDC', 'perp', { multiplier: 1 });
}

function parse(_url: URL, s: string[]): DetectedPair | undefined {
  if (seg(s, 0) !== 'trade') return undefined;
  if (s.length === 2) return perp(s[1]!);
  if (s.length === 3) return makePair('hyperliquid', s[1]!, s[2]!, 'spot');
  return undefined;
}

/** Title text → pair; see the header comment. */
function fromTitle(text: string, url: URL): DetectedPair | undefined {
  if (url.hostname !== 'app.hyperliquid.xyz' || !/^\/trade\/?$/i.test(url.pathname)) return undefined;
  if (text.length > 200) return undefined;
  const parts = text
    .split(/[|·•–—]/)
    .map((p) => p.trim().replace(/^\$/, ''))
    .filter((p) => p !== '' && !/^hyperliquid$/i.test(p) && !/^[\d.,\s%+-]+$/.test(p));
  if (parts.length !== 1) return undefined;
  const part = parts[0]!;
  const spot = /^([A-Za-z0-9]{1,20})\/([A-Za-z0-9]{2,10})$/.exec(part);
  if (spot) return makePair('hyperliquid', spot[1]!, spot[2]!, 'spot');
  const dashed = /^([A-Za-z0-9]{1,20})-USDC?$/.exec(part);
  if (dashed) return perp(dashed[1]!);
  if (/^k?[A-Z0-9]{1,20}$/.test(part)) return perp(part);
  return undefined;
}

/**
 * Account, asset, API and withdrawal pages on the venue's hosts: the manifest's `exclude_matches`
 * (lib/exchanges/manifest.ts). Apart from the venue object, so the content script does not carry it.
 */
// Portfolio, vaults and API pages are outside `/trade`.
export const hyperliquidExcludeMatches: readonly string[] = [];

export const hyperliquidVenue = defineVenue({
  id: 'hyperliquid',
  label: 'Hyperliquid',
  // `/trade*` includes bare `/trade`, where the page itself says which market is open.
  matches: ['https://app.hyperliquid.xyz/trade*'],
  hosts: ['app.hyperliquid.xyz'],
  detectPair: venueParser(['app.hyperliquid.xyz'], parse),
  pairFromPage: { selector: 'head > title', parse: fromTitle },
});
