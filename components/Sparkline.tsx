/**
 * Small inline SVG sparkline (no library, no remote resources). Its colour is the rising or
 * falling colour of the user's convention (`data-up-color` on an ancestor, card.css).
 */
export function Sparkline({ values, label, width = 80, height = 22 }: { values: number[]; label: string; width?: number; height?: number }) {
  const v = values.filter(Number.isFinite);
  if (v.length < 2) return <span class="tl-flat">—</span>;
  const min = Math.min(...v);
  const max = Math.max(...v);
  const span = max - min || 1;
  const pts = v.map((x, i) => `${((i / (v.length - 1)) * width).toFixed(1)},${(height - 1 - ((x - min) / span) * (height - 2)).toFixed(1)}`).join(' ');
  const up = v[v.length - 1]! >= v[0]!;
  return (
    <svg class={`tl-spark ${up ? 'tl-up' : 'tl-down'}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={pts} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
