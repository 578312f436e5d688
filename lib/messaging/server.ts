/**
 * The worker's side of lib/messaging/protocol.ts: who may send what, and the zod schema of every
 * request. A message is answered only after its sender is checked and its payload parsed;
 * handlers receive parsed data only (QUALITY.md, "Messages are untrusted").
 */
import { array, bool, finite, matches, maxLen, minLen, oneOf, optional, refine, str, trimmed, z } from '../sources/zod';
import { CONTENT_SCRIPT_TYPES, type MessageType, type ProtocolMap, type Reply } from './protocol';
// Only the id list and the match-pattern matcher: the venue parsers stay out of the worker bundle.
import { VENUE_IDS } from '../exchanges/define';
import { isUrlMatched } from '../exchanges/match-pattern';
import { ASSET_ID_RE } from '../settings/schema';
import { isTickerText } from '../exchanges/ticker-text';
import { own } from '../own';
import { LayoutPatchSchema } from '../settings/overlay-prefs';

/** ASCII or CJK-named ticker, never all digits (lib/exchanges/ticker-text.ts); `../`, `?`, `#` refused. */
const ticker = str.check(maxLen(40), refine(isTickerText));
const venueId = oneOf(VENUE_IDS);

const pair = z.object({
  venue: venueId,
  base: ticker,
  quote: ticker,
  market: oneOf(['spot', 'margin', 'perp', 'future']),
  // an integer 2 … 1e8 (one refine: zod's int/gte/lte checks would add ~0.5 KB gzip to the worker)
  multiplier: optional(finite.check(refine((n) => Number.isInteger(n) && n >= 2 && n <= 100_000_000))),
  leveraged: optional(bool),
});

/** One schema per message type; `satisfies` keeps this table and ProtocolMap in step. */
export const requestSchemas = {
  getBundle: z.object({ pair, refresh: optional(bool) }),
  lookup: z.object({
    query: trimmed.check(minLen(1), maxLen(60)),
    assetId: optional(str.check(matches(ASSET_ID_RE))),
    refresh: optional(bool),
  }),
  suggest: z.object({ query: trimmed.check(minLen(1), maxLen(60)) }),
  chooseAsset: z.object({ venue: venueId, ticker, assetId: str.check(matches(ASSET_ID_RE)) }),
  getOverlayPrefs: z.object({ venue: venueId }),
  setOverlayLayout: z.object({ venue: venueId, layout: LayoutPatchSchema }),
  quotes: z.object({ symbols: array(ticker).check(maxLen(100)) }),
  compare: z.object({ symbols: array(ticker).check(maxLen(40)), refresh: optional(bool) }),
  runAlerts: z.object({}),
  unlockCalendar: z.object({}),
} satisfies Record<MessageType, z.ZodMiniType>;

export type Handlers = {
  [K in MessageType]: (data: z.output<(typeof requestSchemas)[K]>, sender: Sender) => Promise<ProtocolMap[K]['res']>;
};

/** The fields of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** Chrome only: the sending document */
  documentId?: string;
}

export interface SenderContext {
  /** our own extension id */
  extensionId: string;
  /**
   * where our content script runs: the manifest's `content_scripts` entries. A content-script
   * sender must be on a page these cover (and no exclude pattern removes).
   */
  contentScripts: ReadonlyArray<{ matches?: readonly string[]; exclude_matches?: readonly string[] }>;
  /** our pages' origin, e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
}

/**
 * Returns why a sender is refused, or null when it may send this type.
 * - another extension or a web page (externally_connectable is not declared): refused;
 * - a content script: top frame of a supported exchange page, read-only message types;
 * - an extension page (popup, options, compare): every type.
 */
export function senderProblem(sender: Sender, type: MessageType, ctx: SenderContext): string | null {
  if (sender.id !== ctx.extensionId) return 'foreign sender';
  // Our own pages first: an extension page opened in a tab also carries `sender.tab`.
  if (sender.url && sender.url.startsWith(ctx.extensionOrigin)) return null;
  if (!sender.tab) return 'unknown extension context';
  if (sender.frameId !== 0) return 'not the top frame';
  if (!sender.url || !sender.url.startsWith('https://')) return 'not https';
  if (!ctx.contentScripts.some((c) => isUrlMatched(sender.url!, c.matches ?? [], c.exclude_matches ?? []))) return 'not a supported exchange page';
  if (!CONTENT_SCRIPT_TYPES.includes(type)) return 'not allowed from a web page';
  return null;
}

/**
 * Checks, parses and runs one message. Returns undefined for messages that are not ours (so
 * other listeners may answer); otherwise a JSON-safe envelope. Never throws.
 */
export async function dispatch(message: unknown, sender: Sender, handlers: Handlers, ctx: SenderContext): Promise<Reply<unknown> | undefined> {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return undefined;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !own(requestSchemas, type)) return undefined;
  const t = type as MessageType;
  const problem = senderProblem(sender, t, ctx);
  if (problem) return { ok: false, error: `refused: ${problem}` };
  const parsed = requestSchemas[t].safeParse((message as { data?: unknown }).data);
  if (!parsed.success) return { ok: false, error: `bad request: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  try {
    const data = await (handlers[t] as (d: unknown, s: Sender) => Promise<unknown>)(parsed.data, sender);
    // Round-trip through JSON: what crosses contexts is plain data, nothing else.
    return { ok: true, data: JSON.parse(JSON.stringify(data)) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message.slice(0, 200) : 'internal error' };
  }
}
