/**
 * Page theme detection (EXCHANGES.md, "Theme"): theme markers on <html>/<body> first, then
 * `color-scheme`, then the luminance of the page background. Re-checked when those two
 * elements' attributes change — an observer on two elements' attributes, not the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function detectTheme(): 'dark' | 'light' {
  const marks = [document.documentElement, document.body]
    .filter(Boolean)
    .map((el) => `${el.className} ${el.getAttribute('data-theme') ?? ''} ${el.getAttribute('theme') ?? ''}`.toLowerCase())
    .join(' ');
  // `\bdark\b` also matches `theme-dark` (a hyphen is a word boundary), likewise light.
  if (/\b(dark|night)\b/.test(marks)) return 'dark';
  if (/\b(light|day)\b/.test(marks)) return 'light';
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (scheme === 'dark' || scheme === 'light') return scheme;
  for (const el of [document.body, document.documentElement]) {
    if (!el) continue;
    const lum = luminance(getComputedStyle(el).backgroundColor);
    if (lum !== null) return lum < 0.4 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** Relative luminance 0..1 of an `rgb()/rgba()` colour; null when transparent or unparsable. */
export function luminance(color: string): number | null {
  const m = color.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+))?/);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function watchTheme(ctx: ContentScriptContext, onChange: (t: 'dark' | 'light') => void): () => void {
  let last = detectTheme();
  const obs = new MutationObserver(() => {
    const t = detectTheme();
    if (t !== last) onChange((last = t));
  });
  for (const el of [document.documentElement, document.body]) {
    if (el) obs.observe(el, { attributes: true, attributeFilter: ['class', 'data-theme', 'theme', 'style'] });
  }
  ctx.onInvalidated(() => obs.disconnect());
  return () => obs.disconnect();
}
