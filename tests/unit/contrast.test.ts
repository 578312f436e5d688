/**
 * WCAG AA contrast of the overlay/popup palette in both themes: text colours against their
 * backgrounds must reach 4.5:1 (normal text). Colours are read from components/card.css, so a
 * palette edit that breaks contrast fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../components/card.css', import.meta.url), 'utf8');

function palette(theme: 'dark' | 'light'): Record<string, string> {
  const block = css.match(new RegExp(`\\.tl-${theme}\\s*\\{([^}]*)\\}`))![1]!;
  return Object.fromEntries([...block.matchAll(/--tl-([a-z]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('WCAG AA contrast', () => {
  it('the formula matches known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  /** `--tl-up` / `--tl-down` of a convention, resolved through card.css's `data-up-color` rules. */
  function convention(upColor: 'green' | 'red'): { up: string; down: string } {
    const block = css.match(new RegExp(`\\[data-up-color="${upColor}"\\][^{]*\\{([^}]*)\\}`))![1]!;
    const up = block.match(/--tl-up:\s*var\(--tl-([a-z]+)\)/)![1]!;
    const down = block.match(/--tl-down:\s*var\(--tl-([a-z]+)\)/)![1]!;
    return { up, down };
  }

  it('the two conventions swap the rising and falling colours', () => {
    expect(convention('green')).toEqual({ up: 'green', down: 'red' });
    expect(convention('red')).toEqual({ up: 'red', down: 'green' });
  });

  for (const theme of ['dark', 'light'] as const) {
    for (const upColor of ['green', 'red'] as const) {
      it(`${theme} theme, ${upColor}-up: rising and falling text reach 4.5:1 and stay distinct`, () => {
        const p = palette(theme);
        const c = convention(upColor);
        for (const fg of [c.up, c.down]) for (const bg of ['bg', 'hover']) expect(contrast(p[fg]!, p[bg]!), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        expect(p[c.up]).not.toBe(p[c.down]);
      });
    }
    it(`${theme} theme: every text colour reaches 4.5:1 on the panel and on hovered rows`, () => {
      const p = palette(theme);
      for (const fg of ['text', 'strong', 'muted', 'green', 'red', 'err', 'warn', 'accent']) {
        for (const bg of ['bg', 'hover']) {
          expect(contrast(p[fg]!, p[bg]!), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      // the focus ring must be visible against the panel (WCAG 1.4.11: 3:1)
      expect(contrast(p.focus!, p.bg!)).toBeGreaterThanOrEqual(3);
    });
  }
});
