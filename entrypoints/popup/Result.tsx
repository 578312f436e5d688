/**
 * The popup's lookup result: the same verdict, sector chip and metric card as the overlay's full
 * view, with the sources list folded at the bottom; an unknown token gets one line, not thirty.
 */
import { useState } from 'preact/hooks';
import { MetricCard, SourceList } from '../../components/MetricCard';
import { SectorChip } from '../../components/SectorChip';
import { Verdict } from '../../components/Verdict';
import type { Bundle, MetricGroup } from '../../lib/engine/bundle';
import { t } from '../../lib/i18n';

export function Result({ bundle, nowMs }: { bundle: Bundle; nowMs: number }) {
  const [groups, setGroups] = useState<string[]>([]);
  if (bundle.state === 'unsupported' && !bundle.asset)
    return (
      <p class="tl-status tl-result" data-tokenlens="popup" data-asset={bundle.pair.base} data-state={bundle.state}>
        {t('pp_unknown', bundle.pair.base)}
      </p>
    );
  return (
    <section class="tl-result" data-tokenlens="popup" data-asset={bundle.pair.base} data-state={bundle.state}>
      <h2>
        {bundle.asset ? `${bundle.asset.symbol} · ${bundle.asset.name}` : bundle.pair.base}
        <span class={`tl-state tl-state-${bundle.state}`}>{t(`state_${bundle.state}`)}</span>
      </h2>
      <Verdict bundle={bundle} nowMs={nowMs} />
      <SectorChip bundle={bundle} />
      <MetricCard
        bundle={bundle}
        nowMs={nowMs}
        collapsed={groups}
        onToggleGroup={(g: MetricGroup) => setGroups((gs) => (gs.includes(g) ? gs.filter((x) => x !== g) : [...gs, g]))}
      />
      <details class="tl-foot">
        <summary>{t('ov_sources')}</summary>
        <SourceList bundle={bundle} nowMs={nowMs} />
      </details>
    </section>
  );
}
