/**
 * Options: export every watchlist to a JSON file, and import one back, merging into or replacing
 * lists of the same id as the user chooses, with a report of what was added, merged, replaced
 * and skipped (issue 11: an import never silently replaces a list).
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/options';
import { applyImport, exportWatchlists, importWatchlists, type ImportMode } from '../../lib/settings/watchlist-io';
import { t } from '../../lib/i18n';
import { downloadText } from '../../components/download';

export function ImportExport({ settings, save, onMessage: setMessage }: { settings: Settings; save: (change: (s: Settings) => void) => Promise<boolean>; onMessage: (m: { ok: boolean; text: string }) => void }) {
  const [importMode, setImportMode] = useState<ImportMode>('merge');
  const onImport = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    (e.target as HTMLInputElement).value = '';
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ ok: false, text: t('opt_too_large') });
    const r = importWatchlists(await file.text());
    if (!r.ok) return setMessage({ ok: false, text: t('opt_nothing_imported', r.error) });
    let done: ReturnType<typeof applyImport> | undefined;
    if (!(await save((s) => void (done = applyImport(s, r.watchlists, importMode)))) || !done) return; // nothing was saved (the save said why)
    const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
    const parts = [
      done.added.length ? t('import_added', quoted(done.added)) : '',
      done.merged.length ? t('import_merged', quoted(done.merged)) : '',
      done.replaced.length ? t('import_replaced', quoted(done.replaced)) : '',
    ].filter(Boolean);
    const skipped = r.skipped.length ? ` ${t('import_skipped', r.skipped.length, `${r.skipped.slice(0, 10).join('; ')}${r.skipped.length > 10 ? '; …' : ''}`)}` : '';
    setMessage({ ok: r.skipped.length === 0, text: `${t('import_result', r.watchlists.length, parts.join('; '))}${skipped}` });
  };

  const onExport = () => downloadText(`tokenlens-watchlists-${new Date().toISOString().slice(0, 10)}.json`, exportWatchlists(settings), 'application/json');

  return (
    <div class="tl-row">
      <button type="button" onClick={onExport}>
        {t('opt_export')}
      </button>
      <fieldset class="tl-row">
        <legend>{t('importMode_legend')}</legend>
        <label>
          <input type="radio" name="tl-import-mode" checked={importMode === 'merge'} onChange={() => setImportMode('merge')} /> {t('importMode_merge')}
        </label>
        <label>
          <input type="radio" name="tl-import-mode" checked={importMode === 'replace'} onChange={() => setImportMode('replace')} /> {t('importMode_replace')}
        </label>
      </fieldset>
      <label>
        <span class="tl-muted">{t('opt_import')} </span>
        <input type="file" accept="application/json,.json" aria-label={t('opt_import')} onChange={onImport} />
      </label>
    </div>
  );
}
