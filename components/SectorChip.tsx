/**
 * The sector chip (issue 13; README, "The chip rule"): one figure far from its sector median,
 * derived from `Bundle['sector']` and the bundle's own figures by `sectorChip`. Mounted in the
 * popup's summary; the overlay's compact view can mount the same component once its content
 * script has room in the 20 KB budget.
 */
import type { Bundle } from '../lib/engine/bundle';
import { sectorChip } from '../lib/metrics/sector';
import { formatRatio } from '../lib/metrics/format';
import { t } from '../lib/i18n';
import { metricLabel } from './format-metric';

export function SectorChip({ bundle }: { bundle: Bundle }) {
  const own = (id: string) => {
    const v = bundle.metrics.find((m) => m.id === id)?.value;
    return typeof v === 'number' ? v : null;
  };
  const chip = sectorChip(bundle.sector?.medians, own);
  if (!chip || !bundle.sector) return null;
  // the metric's name in the UI language (the worker sends no English label for core metrics)
  const label = metricLabel({ id: chip.metric });
  const text = chip.side === 'above' ? t('sector_chip_above', label, formatRatio(chip.factor)) : t('sector_chip_below', label);
  return (
    <span
      class={`tl-chip tl-chip-${chip.tone}`}
      data-sector-chip={chip.metric}
      data-tone={chip.tone}
      title={t('sector_chip_explain', label, bundle.sector.name)}
      style={`display:inline-block;margin:2px 0;padding:1px 8px;border-radius:10px;font-size:11px;border:1px solid ${chip.tone === 'worse' ? '#f85149' : '#3fb950'};color:${chip.tone === 'worse' ? '#ff7b72' : '#56d364'}`}
    >
      {text}
    </span>
  );
}
