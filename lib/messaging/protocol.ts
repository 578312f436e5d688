/**
 * The one protocol map shared by the overlay, the popup, the options page and the worker.
 *
 * Types and the sending side only: the content script imports this file, so it must not pull
 * zod or sources into the page bundle. The worker's side (zod schemas of every request, sender
 * checks, handler table) is `lib/messaging/server.ts`, keyed by the same names.
 *
 * Hand-written rather than @webext-core/messaging because the worker must check `sender` and
 * parse the request before any handler runs, and must answer a JSON-safe envelope even when the
 * handler fails; both fit in a few lines here.
 */
import { browser } from 'wxt/browser';
import type { Bundle, WatchRow } from '../engine/bundle';
import type { DetectedPair, VenueId } from '../exchanges/define';
import type { CoinSearchHit } from '../types';
import type { AlertLogEntry } from '../alerts/rules';
import type { CalendarInput } from '../metrics/unlock-calendar';

export type { WatchRow };

/** The overlay's own layout on one venue. x/y null = the venue's default corner. */
export interface OverlayLayout {
  /** px from the viewport's left edge, or null for the venue's default corner */
  x: number | null;
  /** px from the viewport's top edge, or null for the venue's default corner */
  y: number | null;
  collapsed: boolean;
  /** null: the user never chose (the overlay then opens compact) */
  view: 'compact' | 'full' | null;
  /** MetricGroup ids the user collapsed on this venue */
  closedGroups: string[];
}

/** What the overlay may know: display settings only, never keys or watchlists. */
export interface OverlayPrefs {
  layout: OverlayLayout;
  /** MetricGroup ids hidden on the options page (settings.groupsOff) */
  hiddenGroups: string[];
  /** the overlay stays off on this venue (settings.venuesOff) */
  off: boolean;
  /** colour of a rise; null: follow the UI language */
  upColor: 'green' | 'red' | null;
}

export interface ProtocolMap {
  /** overlay: fundamentals for the pair on screen. `refresh` waits for upstream when data is stale. */
  getBundle: { req: { pair: DetectedPair; refresh?: boolean }; res: Bundle };
  /** popup: fundamentals for a typed ticker or name, or a CoinGecko id picked from suggestions */
  lookup: { req: { query: string; assetId?: string; refresh?: boolean }; res: Bundle };
  /** popup: suggestions as the user types */
  suggest: { req: { query: string }; res: CoinSearchHit[] };
  /** overlay: the user picked another asset for an ambiguous ticker on this venue */
  chooseAsset: { req: { venue: VenueId; ticker: string; assetId: string }; res: { saved: true } };
  /** overlay: its layout on this venue and the few display settings it needs (no storage access from the page) */
  getOverlayPrefs: { req: { venue: VenueId }; res: OverlayPrefs };
  /** overlay: the user moved, collapsed or switched the panel; the worker merges and stores it */
  setOverlayLayout: { req: { venue: VenueId; layout: Partial<OverlayLayout> }; res: { saved: true } };
  /** popup / options: compact quotes for a list of tickers (one batched market call) */
  quotes: { req: { symbols: string[] }; res: WatchRow[] };
  /** comparison page: full bundles for a list of tickers */
  compare: { req: { symbols: string[]; refresh?: boolean }; res: Bundle[] };
  /** options: run the alert check now (also runs on an alarm); returns what fired */
  runAlerts: { req: Record<string, never>; res: AlertLogEntry[] };
  /** unlocks page and popup (issue 13): the active watchlist's cached unlock schedules and prices (rows: `buildCalendar`) */
  unlockCalendar: { req: Record<string, never>; res: CalendarInput };
}

export type MessageType = keyof ProtocolMap;

/** The JSON-safe envelope every answer travels in. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: ProtocolMap[K]['req'];
}

/** Message types a content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_TYPES: readonly MessageType[] = ['getBundle', 'chooseAsset', 'getOverlayPrefs', 'setOverlayLayout'];

/**
 * Sends a request to the worker. Never throws: a missing or restarting worker, or an extension
 * that was reloaded under a live content script, becomes `{ ok: false }`.
 */
export async function send<K extends MessageType>(type: K, data: ProtocolMap[K]['req']): Promise<Reply<ProtocolMap[K]['res']>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type, data } satisfies Envelope<K>);
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply as Reply<ProtocolMap[K]['res']>;
    return { ok: false, error: 'no answer from the Tokenlens worker' };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: /context invalidated/i.test(msg) ? 'context-invalidated' : 'the Tokenlens worker is not answering' };
  }
}
