/**
 * Built-in identity tables: which asset a venue ticker means, before any search.
 * Never match by ticker alone where tickers collide (DATA-SOURCES.md, "Identity"): these are
 * the tickers whose meaning on the major venues is settled; anything else goes through search.
 */
import type { VenueId } from '../exchanges/define';

/** Renamed or aliased tickers → current ticker (RNDR became RENDER, MATIC became POL). */
export const TICKER_ALIASES: Readonly<Record<string, string>> = {
  XBT: 'BTC',
  XDG: 'DOGE',
  RNDR: 'RENDER',
  MATIC: 'POL',
  WETH: 'ETH',
};

/**
 * Ticker → CoinGecko id, for tickers that mean one asset on every supported venue. The compute
 * and DePIN tokens come from DATA-SOURCES.md's identity table. IO and ATH collide with other
 * assets: they are listed here as the default choice but are flagged ambiguous (see
 * `AMBIGUOUS_TICKERS`), so the overlay names its pick and offers the others.
 */
export const KNOWN_ASSETS: Readonly<Record<string, { id: string; name: string }>> = {
  BTC: { id: 'bitcoin', name: 'Bitcoin' },
  ETH: { id: 'ethereum', name: 'Ethereum' },
  SOL: { id: 'solana', name: 'Solana' },
  BNB: { id: 'binancecoin', name: 'BNB' },
  XRP: { id: 'ripple', name: 'XRP' },
  DOGE: { id: 'dogecoin', name: 'Dogecoin' },
  ADA: { id: 'cardano', name: 'Cardano' },
  TRX: { id: 'tron', name: 'TRON' },
  AVAX: { id: 'avalanche-2', name: 'Avalanche' },
  DOT: { id: 'polkadot', name: 'Polkadot' },
  LINK: { id: 'chainlink', name: 'Chainlink' },
  LTC: { id: 'litecoin', name: 'Litecoin' },
  TON: { id: 'the-open-network', name: 'Toncoin' },
  NEAR: { id: 'near', name: 'NEAR Protocol' },
  SUI: { id: 'sui', name: 'Sui' },
  APT: { id: 'aptos', name: 'Aptos' },
  ARB: { id: 'arbitrum', name: 'Arbitrum' },
  OP: { id: 'optimism', name: 'Optimism' },
  POL: { id: 'polygon-ecosystem-token', name: 'POL (ex-MATIC)' },
  PEPE: { id: 'pepe', name: 'Pepe' },
  HYPE: { id: 'hyperliquid', name: 'Hyperliquid' },
  USDT: { id: 'tether', name: 'Tether' },
  USDC: { id: 'usd-coin', name: 'USDC' },
  // Compute and DePIN networks (DATA-SOURCES.md identity table)
  TAO: { id: 'bittensor', name: 'Bittensor' },
  RENDER: { id: 'render-token', name: 'Render' },
  AKT: { id: 'akash-network', name: 'Akash Network' },
  FIL: { id: 'filecoin', name: 'Filecoin' },
  HNT: { id: 'helium', name: 'Helium' },
  IO: { id: 'io-net', name: 'io.net' },
  ATH: { id: 'aethir', name: 'Aethir' },
};

/** Tickers known to name several assets: the choice is shown and can be changed by the user. */
export const AMBIGUOUS_TICKERS: ReadonlySet<string> = new Set(['IO', 'ATH', 'AI']);

/** Per-venue exceptions: the same ticker meaning something else on one venue. */
export const VENUE_OVERRIDES: Partial<Record<VenueId, Readonly<Record<string, { id: string; name: string }>>>> = {
  // Upbit lists Tokamak Network as TOKAMAK; it is not TON (EXCHANGES.md, Upbit row).
  upbit: { TOKAMAK: { id: 'tokamak-network', name: 'Tokamak Network' } },
};
