// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { SectorChip } from '../../components/SectorChip';
import type { Bundle, Metric } from '../../lib/engine/bundle';

const metric = (id: Metric['id'], label: string, value: number | null): Metric => ({ id, group: 'valuation', label, format: 'ratio', value, source: 'computed', asOfMs: 1, explain: '' });

function bundle(fdvToRevenue: number | null, revenueToEmissions: number | null, withSector = true): Bundle {
  return {
    state: 'ready',
    pair: { venue: null, base: 'FIL', quote: 'USD', market: 'spot' },
    asset: { id: 'filecoin', symbol: 'FIL', name: 'Filecoin' },
    assetVia: 'override',
    alternatives: [],
    metrics: [metric('fdvToRevenue', 'FDV / revenue', fdvToRevenue), metric('revenueToEmissions', 'Revenue / emissions', revenueToEmissions)],
    sources: [],
    candlesFrom: null,
    notes: [],
    generatedAtMs: 1,
    ...(withSector
      ? {
          sector: {
            name: 'Compute networks',
            medians: [
              { id: 'fdvToRevenue', median: 210, members: [], oldestAsOfMs: 1 },
              { id: 'revenueToEmissions', median: 1, members: [], oldestAsOfMs: 1 },
            ],
          },
        }
      : {}),
  };
}

describe('SectorChip', () => {
  it('shows the figure furthest from its median, with its tone', () => {
    const { container } = render(<SectorChip bundle={bundle(6350, 0.5)} />);
    const chip = container.querySelector('[data-sector-chip]');
    expect(chip?.getAttribute('data-sector-chip')).toBe('fdvToRevenue');
    expect(chip?.getAttribute('data-tone')).toBe('worse');
  });

  it('reads a low revenue / emissions as bad news', () => {
    const { container } = render(<SectorChip bundle={bundle(300, 0.1)} />);
    expect(container.querySelector('[data-sector-chip]')?.getAttribute('data-sector-chip')).toBe('revenueToEmissions');
    expect(container.querySelector('[data-sector-chip]')?.getAttribute('data-tone')).toBe('worse');
  });

  it('draws nothing within 3× of every median or without sector medians', () => {
    expect(render(<SectorChip bundle={bundle(600, 2)} />).container.innerHTML).toBe('');
    expect(render(<SectorChip bundle={bundle(6350, 0.1, false)} />).container.innerHTML).toBe('');
  });
});
