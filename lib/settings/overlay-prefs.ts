/**
 * The overlay's preferences, kept by the worker. The content script runs on a hostile page, so it
 * never touches storage: it asks the worker (`getOverlayPrefs`) for its layout on one venue and
 * the few display settings it shows, and sends layout changes (`setOverlayLayout`) that the
 * worker validates, merges and stores (QUALITY.md, "The page's context gets no secret and no
 * write"; issue 11, medium 1).
 */
import { array, bool, finite, maxLen, nullable, oneOf, optional, refine, z } from '../sources/zod';
import type { MetricGroup } from '../engine/bundle';
import type { OverlayLayout, OverlayPrefs } from '../messaging/protocol';
import type { Settings } from './schema';
import { STORAGE_KEYS, overlayLayoutKey } from './keys';

/** Every MetricGroup id; the type check below fails when bundle.ts gains a group this list lacks. */
export const METRIC_GROUP_IDS = ['valuation', 'usage', 'network', 'unlocks', 'technicals', 'market'] as const satisfies readonly MetricGroup[];
type MissingGroup = Exclude<MetricGroup, (typeof METRIC_GROUP_IDS)[number]>;
export const ALL_GROUPS_LISTED: [MissingGroup] extends [never] ? true : never = true;

/** px; far beyond any screen, but finite (zod's number() refuses NaN and ±Infinity) */
const coord = finite.check(refine((n) => n >= -100_000 && n <= 100_000));
const view = oneOf(['compact', 'full']);
const group = oneOf(METRIC_GROUP_IDS);

/** What a content script may send: every field optional, each bounded. */
export const LayoutPatchSchema = z.object({
  x: optional(nullable(coord)),
  y: optional(nullable(coord)),
  collapsed: optional(bool),
  view: optional(nullable(view)),
  closedGroups: optional(array(group).check(maxLen(METRIC_GROUP_IDS.length))),
});

/** Known group ids from anything stored: unknown entries dropped, duplicates removed. */
function knownGroups(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((g): g is string => typeof g === 'string' && (METRIC_GROUP_IDS as readonly string[]).includes(g)))];
}

export const DEFAULT_LAYOUT: OverlayLayout = { x: null, y: null, collapsed: false, view: null, closedGroups: [] };

/** A stored coordinate, or null: finite and within the same bounds as a patch. */
function coordOf(v: unknown): number | null {
  return typeof v === 'number' && v >= -100_000 && v <= 100_000 ? v : null;
}

/**
 * What is stored, read field by field (each bad field falls back alone, so one bad value loses
 * nothing else). `legacyGroups`: the global collapsed-group list of earlier versions, for
 * layouts saved before closed groups became per venue.
 */
export function parseLayout(raw: unknown, legacyGroups: unknown): OverlayLayout {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const x = coordOf(o.x);
  const y = coordOf(o.y);
  // x and y go together: a half-known position means "the default corner".
  const placed = x !== null && y !== null;
  return {
    x: placed ? x : null,
    y: placed ? y : null,
    collapsed: o.collapsed === true,
    view: o.view === 'compact' || o.view === 'full' ? o.view : null,
    closedGroups: knownGroups('closedGroups' in o ? o.closedGroups : legacyGroups),
  };
}

export interface KeyValueArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createOverlayPrefs(area: KeyValueArea, readSettings: () => Promise<Settings>) {
  // Layout writes from several tabs are merged one after another, never interleaved.
  let queue: Promise<unknown> = Promise.resolve();

  async function layoutOf(venue: string): Promise<OverlayLayout> {
    const key = overlayLayoutKey(venue);
    const got = await area.get([key, STORAGE_KEYS.legacyOverlayGroups]);
    return parseLayout(got[key], got[STORAGE_KEYS.legacyOverlayGroups]);
  }

  async function get(venue: string): Promise<OverlayPrefs> {
    const [layout, s] = await Promise.all([layoutOf(venue), readSettings()]);
    return {
      layout,
      hiddenGroups: knownGroups(s.groupsOff),
      off: s.venuesOff.includes(venue),
      upColor: s.upColor === 'auto' ? null : s.upColor,
    };
  }

  function setLayout(venue: string, patch: z.output<typeof LayoutPatchSchema>): Promise<{ saved: true }> {
    const run = queue.then(async () => {
      // A failed read throws here, so nothing is written over what the user saved.
      const next = { ...(await layoutOf(venue)) };
      for (const k of ['x', 'y', 'collapsed', 'view', 'closedGroups'] as const) {
        if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k];
      }
      await area.set({ [overlayLayoutKey(venue)]: parseLayout(next, []) });
      return { saved: true as const };
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return { get, setLayout };
}
