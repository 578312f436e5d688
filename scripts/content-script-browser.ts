/**
 * Vite plugin: in the content-script and background builds, `webextension-polyfill` resolves to
 * lib/browser-shim.ts (the native promise-based API) instead of the polyfill. Extension pages
 * keep the polyfill; the exchange page and the worker get the smaller bundles (QUALITY.md:
 * content script ≤ 20 KB gzip, worker ≤ 40 KB gzip; the polyfill is ~2.7 KB gzip). Code still
 * imports `browser` from `wxt/browser` (GUIDE.md), so tests keep WXT's fake browser.
 * Likewise `wxt/utils/content-script-context`, which WXT's content-script wrapper constructs,
 * resolves to lib/content-context.ts: the part of WXT's context the overlay uses (~550 B gzip less).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM = fileURLToPath(new URL('../lib/browser-shim.ts', import.meta.url));
const CONTEXT = fileURLToPath(new URL('../lib/content-context.ts', import.meta.url));

export function contentScriptBrowser(): Plugin {
  let isContentScript = false;
  let isBackground = false;
  return {
    name: 'tokenlens-content-script-browser',
    apply: 'build',
    enforce: 'pre',
    buildStart(options) {
      const inputs = Array.isArray(options.input) ? options.input : typeof options.input === 'string' ? [options.input] : Object.values(options.input ?? {});
      isContentScript = inputs.some((i) => /\.content[\\/]index\.tsx?$|\.content\.tsx?$/.test(i));
      isBackground = inputs.some((i) => /[\\/]background(?:[\\/]index)?\.tsx?$/.test(i));
    },
    resolveId(source) {
      if ((isContentScript || isBackground) && source === 'webextension-polyfill') return SHIM;
      if (isContentScript && source === 'wxt/utils/content-script-context') return CONTEXT;
      return null;
    },
  };
}
