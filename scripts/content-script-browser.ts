/**
 * Vite plugin: in the content-script and background builds, `webextension-polyfill` resolves to
 * lib/browser-shim.ts (the native promise-based API) instead of the polyfill. Extension pages
 * keep the polyfill; the exchange page and the worker get the smaller bundles (QUALITY.md:
 * content script ≤ 20 KB gzip, worker ≤ 40 KB gzip; the polyfill is ~2.7 KB gzip). Code still
 * imports `browser` from `wxt/browser` (GUIDE.md), so tests keep WXT's fake browser.
 * Likewise `wxt/utils/content-script-context`, which WXT's content-script wrapper constructs,
 * resolves to lib/content-context.ts: the part of WXT's context the overlay uses (~550 B gzip less).
 * And the venue definitions lose the fields the page never reads: `label` (the popup and options
 * name venues) and `matches` (the manifest is written from them at build time, WXT loading the
 * entrypoint's options on its own; the page dispatches by `hosts`), with the overlay
 * entrypoint's own `matches` option derived from them. Tests import the sources, unaffected;
 * the manifest test and build-scan check the manifest keeps its matches.
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
    transform(code, id) {
      if (!isContentScript) return null;
      let out = code;
      if (/[\\/]overlay\.content[\\/]index\.tsx$/.test(id)) out = removeProperty(code, 'matches');
      else if (/[\\/]lib[\\/]exchanges[\\/][^\\/]+\.ts$/.test(id)) {
        // Only inside the venue's `defineVenue({ … })` call.
        const call = code.indexOf('defineVenue({', code.indexOf('export const'));
        if (call === -1) return null;
        out = code.slice(0, call) + removeProperty(removeProperty(code.slice(call), 'matches'), 'label');
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Removes every `name:` property (an object-literal key, not a longer identifier) with its value
 * and comma. The value ends at the first top-level `,` or closing bracket; brackets, strings and
 * template literals inside it are skipped over.
 */
export function removeProperty(code: string, name: string): string {
  const re = new RegExp(`(^|[^\\w$.])${name}\\s*:`, 'g');
  let out = '';
  let last = 0;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[1]!.length;
    let i = m.index + m[0].length;
    let depth = 0;
    let quote: string | null = null;
    for (; i < code.length; i++) {
      const c = code[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    if (code[i] === ',') i++;
    while (/\s/.test(code[i] ?? '')) i++;
    out += code.slice(last, start);
    last = i;
    re.lastIndex = i;
  }
  return out + code.slice(last);
}
