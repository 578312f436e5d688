/** Options: the API keys (kept in the vault only, never where a content script can reach; lib/settings/user-area.ts). */
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/options';
import { t } from '../../lib/i18n';

export function KeyForm({ settings, onSave }: { settings: Settings; onSave: (c: (s: Settings) => void) => void }) {
  const [cg, setCg] = useState(settings.apiKeys.coingecko);
  const [plan, setPlan] = useState(settings.apiKeys.coingeckoPlan);
  const [tao, setTao] = useState(settings.apiKeys.taostats);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave((s) => {
          s.apiKeys = { coingecko: cg.trim(), coingeckoPlan: plan, taostats: tao.trim() };
        });
      }}
    >
      <div class="tl-row">
        <label class="tl-field">
          <span>{t('opt_cg_key')}</span>
          <input type="password" autocomplete="off" aria-label={t('opt_cg_key')} value={cg} onInput={(e) => setCg((e.target as HTMLInputElement).value)} />
        </label>
        <label class="tl-field">
          <span>{t('opt_plan')}</span>
          <select aria-label={t('opt_plan_aria')} value={plan} onChange={(e) => setPlan((e.target as HTMLSelectElement).value as 'demo' | 'pro')}>
            <option value="demo">{t('opt_plan_demo')}</option>
            <option value="pro">{t('opt_plan_pro')}</option>
          </select>
        </label>
      </div>
      <div class="tl-row">
        <label class="tl-field">
          <span>{t('opt_tao_label')}</span>
          <input type="password" autocomplete="off" aria-label={t('opt_tao_key')} value={tao} onInput={(e) => setTao((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      <button type="submit">{t('opt_save_keys')}</button>
    </form>
  );
}
