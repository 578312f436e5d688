/**
 * Vite plugin for builds: slims the venue definitions (lib/exchanges/*.ts) in the bundles.
 * - `testUrls: [...]` tables go from every bundle: they exist for the table-driven unit tests
 *   (GUIDE.md, "Units of extension") and would ship ~20 KB of example URLs.
 * - In the content-script build the property goes altogether, with `matches`, `excludeMatches`
 *   and `label`: the manifest is written from them at build time (WXT loads entrypoint options
 *   separately), the popup and options pages name venues, pair detection dispatches by `hosts`,
 *   and the script on the exchange page reads none of them (QUALITY.md budget: 20 KB gzip).
 *   For the same reason the overlay entrypoint's own `matches`/`excludeMatches` options (derived
 *   from every venue at load time) are dropped from that build.
 * Tests import the sources directly, unaffected; the manifest test checks the matches survive.
 */
import type { Plugin } from 'vite';

export function stripTestUrls(): Plugin {
  let isContentScript = false;
  return {
    name: 'tokenlens-strip-test-urls',
    apply: 'build',
    enforce: 'pre',
    buildStart(options) {
      const inputs = Array.isArray(options.input) ? options.input : typeof options.input === 'string' ? [options.input] : Object.values(options.input ?? {});
      isContentScript = inputs.some((i) => /\.content[\\/]index\.tsx?$|\.content\.tsx?$/.test(i));
    },
    transform(code, id) {
      if (isContentScript && /[\\/]overlay\.content[\\/]index\.tsx$/.test(id)) {
        const out = removeProperty(removeProperty(code, 'matches', true), 'excludeMatches', true);
        return out === code ? null : { code: out, map: null };
      }
      if (!/[\\/]lib[\\/]exchanges[\\/][^\\/]+\.ts$/.test(id)) return null;
      // Venue files only, and only inside their `defineVenue({ … })` call.
      const at = code.indexOf('export const');
      const call = code.indexOf('defineVenue({', at);
      if (at === -1 || call === -1) return null;
      let tail = code.slice(call);
      if (isContentScript) for (const name of ['testUrls', 'matches', 'excludeMatches', 'label']) tail = removeProperty(tail, name, true);
      else tail = removeProperty(tail, 'testUrls');
      const out = code.slice(0, call) + tail;
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Replaces the value of every `name:` property (an object-literal key, not a longer identifier)
 * with `[]`, or with `drop` removes the property and its comma. The value ends at the first
 * top-level `,` or closing bracket; brackets, strings and template literals inside it are
 * skipped over.
 */
export function removeProperty(code: string, name: string, drop = false): string {
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
    if (drop) {
      if (code[i] === ',') i++;
      while (/\s/.test(code[i] ?? '')) i++;
    }
    out += drop ? code.slice(last, start) : `${code.slice(last, start)}${name}: []`;
    last = i;
    re.lastIndex = i;
  }
  return out + code.slice(last);
}
