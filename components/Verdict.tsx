/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (`h(type, props, ...children)`) in everything the content script renders: ~180 B
// gzip less than the automatic runtime's `{ children: [...] }` objects (QUALITY.md: 20 KB).
import { h, Fragment } from 'preact';
/** The verdict line with a low / medium / high chip per clause (thresholds: lib/metrics/verdict.ts, README). */
import type { Bundle } from '../lib/engine/bundle';
import { t } from '../lib/i18n';
import { verdictParts } from '../lib/metrics/verdict';

export function Verdict({ bundle, nowMs, max }: { bundle: Bundle; nowMs: number; max?: number }) {
  const parts = verdictParts(bundle, nowMs, max);
  if (parts.length === 0) return null;
  return (
    <p class="tl-verdict" data-tokenlens-verdict="">
      {parts.map((p, i) => (
        <span class="tl-clause" key={p.id} data-verdict={p.id} data-level={p.level}>
          {i > 0 ? ' · ' : ''}
          {p.text} <span class={`tl-chip tl-chip-${p.level}`} title={t('lvl_title', t(`lvl_${p.level}`))}>{t(`lvl_${p.level}`)}</span>
        </span>
      ))}
    </p>
  );
}
