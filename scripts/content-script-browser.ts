/**
 * Vite plugin: in the content-script build, `webextension-polyfill` resolves to
 * lib/browser-shim.ts (the native promise-based API) instead of the polyfill. Background and
 * extension pages keep the polyfill, as GUIDE.md asks; the exchange page gets the smaller bundle
 * (QUALITY.md: content script ≤ 20 KB gzip).
 * Likewise `wxt/utils/content-script-context`, which WXT's content-script wrapper constructs,
 * resolves to lib/content-context.ts: the part of WXT's context the overlay uses (~550 B gzip less).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM = fileURLToPath(new URL('../lib/browser-shim.ts', import.meta.url));
const CONTEXT = fileURLToPath(new URL('../lib/content-context.ts', import.meta.url));

export function contentScriptBrowser(): Plugin {
  let isContentScript = false;
  return {
    name: 'tokenlens-content-script-browser',
    apply: 'build',
    enforce: 'pre',
    buildStart(options) {
      const inputs = Array.isArray(options.input) ? options.input : typeof options.input === 'string' ? [options.input] : Object.values(options.input ?? {});
      isContentScript = inputs.some((i) => /\.content[\\/]index\.tsx?$|\.content\.tsx?$/.test(i));
    },
    resolveId(source) {
      if (isContentScript && source === 'webextension-polyfill') return SHIM;
      if (isContentScript && source === 'wxt/utils/content-script-context') return CONTEXT;
      return null;
    },
  };
}
