/** Options: where the overlay appears and which groups it shows; overlay position reset. */
import { browser } from 'wxt/browser';
import { GROUPS } from '../../components/MetricCard';
import { venues } from '../../lib/exchanges';
import type { Settings } from '../../lib/settings/options';

export function Display({ settings, onSave, onNote }: { settings: Settings; onSave: (c: (s: Settings) => void, note?: string) => void; onNote: (t: string) => void }) {
  const toggle = (list: 'venuesOff' | 'groupsOff', id: string, on: boolean) =>
    onSave((s) => {
      const set = new Set(s[list]);
      if (on) set.delete(id);
      else set.add(id);
      s[list] = [...set];
    });
  return (
    <section aria-labelledby="tl-display-h">
      <h2 id="tl-display-h">Overlay</h2>
      <fieldset>
        <legend>Show the overlay on</legend>
        <div class="tl-row">
          {venues.map((v) => (
            <label key={v.id}>
              <input type="checkbox" checked={!settings.venuesOff.includes(v.id)} onChange={(e) => toggle('venuesOff', v.id, (e.target as HTMLInputElement).checked)} /> {v.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Metric groups</legend>
        <div class="tl-row">
          {GROUPS.map((g) => (
            <label key={g.id}>
              <input type="checkbox" checked={!settings.groupsOff.includes(g.id)} onChange={(e) => toggle('groupsOff', g.id, (e.target as HTMLInputElement).checked)} /> {g.title}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="tl-row">
        <button
          type="button"
          onClick={async () => {
            const all = await browser.storage.local.get(null);
            await browser.storage.local.remove(Object.keys(all).filter((k) => k.startsWith('overlay:')));
            onNote('Overlay positions reset: the panel returns to its default place on the next page load.');
          }}
        >
          Reset overlay position
        </button>
      </div>
    </section>
  );
}
