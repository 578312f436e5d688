/**
 * Vite plugin for builds: removes the `testUrls: [...]` tables from venue definitions
 * (lib/exchanges/*.ts). They exist for the table-driven unit tests (GUIDE.md, "Units of
 * extension") and would otherwise ship ~20 KB of example URLs inside the content script of every
 * trading page (QUALITY.md budget: 20 KB gzip). Tests import the sources directly, unaffected.
 */
import type { Plugin } from 'vite';

export function stripTestUrls(): Plugin {
  return {
    name: 'tokenlens-strip-test-urls',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]lib[\\/]exchanges[\\/][^\\/]+\.ts$/.test(id) || !code.includes('testUrls:')) return null;
      const out = removeProperty(code, 'testUrls:');
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** Removes `name [ … ],` (bracket-balanced, string-aware) wherever `name` opens a property. */
export function removeProperty(code: string, name: string): string {
  let out = code;
  for (let at = out.indexOf(name); at !== -1; at = out.indexOf(name, at)) {
    let i = at + name.length;
    while (/\s/.test(out[i] ?? '')) i++;
    if (out[i] !== '[') {
      at = i;
      continue;
    }
    let depth = 0;
    let quote: string | null = null;
    for (; i < out.length; i++) {
      const c = out[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) break;
    }
    let end = i + 1;
    while (/\s/.test(out[end] ?? '')) end++;
    if (out[end] === ',') end++;
    out = `${out.slice(0, at)}testUrls: [],${out.slice(end)}`;
    at += 'testUrls: [],'.length;
  }
  return out;
}
