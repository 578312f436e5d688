/**
 * The overlay's asset pick for an ambiguous ticker, checked by the worker: only an id the worker
 * itself offered for that venue and ticker is stored, so a page script that forges a `change`
 * on the overlay's select (or a message from the content script's world) cannot store an asset
 * of its choosing (issue 11, medium 4).
 */
import type { Settings } from './schema';

export interface AssetChoiceDeps<V extends string> {
  offered(venue: V, ticker: string): Promise<string[]>;
  update(change: (s: Settings) => void): Promise<unknown>;
}

export async function chooseAsset<V extends string>(d: { venue: V; ticker: string; assetId: string }, deps: AssetChoiceDeps<V>): Promise<{ saved: true }> {
  const offered = await deps.offered(d.venue, d.ticker);
  if (!offered.includes(d.assetId)) throw new Error('refused: not an offered asset');
  await deps.update((s) => {
    s.assetChoices[`${d.venue}:${d.ticker}`] = d.assetId;
  });
  return { saved: true };
}
