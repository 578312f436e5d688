/**
 * Options: mark a watchlist as a sector (issue 13). Its members then get sector medians in the
 * overlay and the popup, like the built-in compute networks (lib/engine/sector.ts).
 */
import type { Settings, Watchlist } from '../../lib/settings/schema';
import { t } from '../../lib/i18n';

export function SectorToggle({ list, onSave }: { list: Watchlist; onSave: (change: (s: Settings) => void) => void }) {
  return (
    <label class="tl-row">
      <input
        type="checkbox"
        checked={list.sector === true}
        onChange={(e) => {
          const on = (e.target as HTMLInputElement).checked;
          onSave((s) => {
            const w = s.watchlists.find((x) => x.id === list.id);
            if (w) w.sector = on;
          });
        }}
      />
      <span>{t('sector_mark')}</span>
    </label>
  );
}
