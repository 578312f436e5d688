/**
 * The repo files a bundle entry pulls in at run time: a walk of its import graph with the
 * TypeScript parser. Type-only imports (`import type`, or every specifier `type`) are erased by
 * the build and not followed; packages are not followed (they are not this repo's code); the
 * content-script build's one alias (`webextension-polyfill` → lib/browser-shim.ts,
 * scripts/content-script-browser.ts) is applied. Tree-shaking can only drop files from this set,
 * so a check over it covers at least what ships; tests/e2e/build-scan.e2e.ts compares it with
 * the sourcemap of a real build.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

// `wxt/browser` re-exports `webextension-polyfill` (the @wxt-dev/webextension-polyfill module).
const CONTENT_SCRIPT_ALIASES: Record<string, string> = { 'webextension-polyfill': 'lib/browser-shim.ts', 'wxt/browser': 'lib/browser-shim.ts', 'wxt/utils/content-script-context': 'lib/content-context.ts' };
/**
 * Files WXT's own content-script wrapper pulls in, which no file of ours imports: it constructs
 * the context, and the build resolves that to lib/content-context.ts (scripts/content-script-browser.ts).
 */
const WRAPPER_ROOTS = ['lib/content-context.ts'];

function resolveFile(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Module specifiers this file imports or re-exports at run time. */
function runtimeImports(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : undefined;
      if (!named || !named.every((e) => e.isTypeOnly)) out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

/** Repo-relative paths of every file reachable from `entry` (repo-relative), sorted. */
export function contentScriptModules(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry), ...WRAPPER_ROOTS.map((f) => resolve(ROOT, f))];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const spec of runtimeImports(file)) {
      const alias = CONTENT_SCRIPT_ALIASES[spec];
      const target = alias ? resolve(ROOT, alias) : spec.startsWith('.') ? resolveFile(file, spec) : undefined;
      if (target) queue.push(target);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}
