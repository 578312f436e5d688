/** Options: where the overlay appears and which groups it shows; overlay position reset. */
import { browser } from 'wxt/browser';
import { GROUPS, groupTitle } from '../../components/MetricCard';
import { defaultUpColor, t, uiLocale } from '../../lib/i18n';
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
      <fieldset>
        <legend>{t('disp_up')}</legend>
        <div class="tl-row" role="radiogroup">
          {(['auto', 'green', 'red'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name="tl-up-color"
                value={c}
                checked={settings.upColor === c}
                onChange={() => onSave((s) => void (s.upColor = c), t('disp_up_saved'))}
              />{' '}
              <span class={c === 'auto' ? '' : c === 'green' ? 'tl-green' : 'tl-red'}>
                {c === 'auto' ? t('disp_up_auto', t(defaultUpColor(uiLocale()) === 'red' ? 'disp_up_red' : 'disp_up_green')) : t(`disp_up_${c}`)}
              </span>
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
