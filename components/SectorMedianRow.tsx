/**
 * The comparison page's median row (issue 13): for each sector ratio among the columns, the
 * median over the tokens on the page that have it (at least three, lib/metrics/sector.ts), with
 * the members used and their oldest data time in the tooltip. Other columns stay empty.
 * Self-contained: the page mounts it with one line in its table.
 */
import type { Bundle } from '../lib/engine/bundle';
import { SECTOR_METRICS, sectorMedian, type SectorMetricId } from '../lib/metrics/sector';
import { formatAge, formatRatio } from '../lib/metrics/format';
import { t } from '../lib/i18n';

export function SectorMedianRow({ rows, columns, trailing = 0, name, nowMs }: { rows: readonly Bundle[]; columns: ReadonlyArray<{ id: string; title: string }>; trailing?: number; name: string; nowMs: number }) {
  return (
    <tr class="tl-median-row" data-median-row="">
      <th scope="row">{t('sector_median_row')}</th>
      {columns.map((c) => {
        const id = c.id as SectorMetricId;
        const med = SECTOR_METRICS.includes(id)
          ? sectorMedian(
              id,
              rows.map((b) => {
                const m = b.metrics.find((x) => x.id === id);
                return { symbol: b.asset?.symbol ?? b.pair.base, value: typeof m?.value === 'number' ? m.value : null, asOfMs: m?.asOfMs ?? null };
              }),
            )
          : undefined;
        if (!med) return <td key={c.id} class="tl-na" />;
        const age = med.oldestAsOfMs === null ? '—' : formatAge(Math.max(0, nowMs - med.oldestAsOfMs));
        return (
          <td
            key={c.id}
            data-metric={`sector:${id}`}
            data-value={String(med.median)}
            data-source="computed"
            title={t('sector_median_explain', c.title, String(med.members.length), name, med.members.map((m) => m.symbol).join(', '), age)}
          >
            {t('sector_median', formatRatio(med.median))}
          </td>
        );
      })}
      {Array.from({ length: trailing }, (_, i) => (
        <td key={`x${i}`} />
      ))}
    </tr>
  );
}
