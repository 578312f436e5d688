/** Options: where the overlay appears and which groups it shows; overlay position reset. */
import { browser } from 'wxt/browser';
import { GROUPS, groupTitle } from '../../components/MetricCard';
import { t } from '../../lib/i18n';
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
      <h2 id="tl-display-h">{t('disp_title')}</h2>
      <fieldset>
        <legend>{t('disp_venues')}</legend>
        <div class="tl-row">
          {venues.map((v) => (
            <label key={v.id}>
              <input type="checkbox" checked={!settings.venuesOff.includes(v.id)} onChange={(e) => toggle('venuesOff', v.id, (e.target as HTMLInputElement).checked)} /> {v.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('disp_groups')}</legend>
        <div class="tl-row">
          {GROUPS.map((g) => (
            <label key={g}>
              <input type="checkbox" checked={!settings.groupsOff.includes(g)} onChange={(e) => toggle('groupsOff', g, (e.target as HTMLInputElement).checked)} /> {groupTitle(g)}
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
            onNote(t('disp_reset_done'));
          }}
        >
          {t('disp_reset')}
        </button>
      </div>
    </section>
  );
}
