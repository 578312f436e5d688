/**
 * npm 11 reads `allowScripts` in package.json: which dependencies may run install scripts
 * (`npm approve-scripts` / `npm deny-scripts`; npm docs, commands/npm-approve-scripts). Allowed:
 * esbuild only (its postinstall picks the platform binary the build needs). Denied: spawn-sync,
 * whose postinstall can run `npm install` and which nothing here needs on Node ≥ 20. Issue 11,
 * "What ships".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

describe('install scripts (package.json allowScripts)', () => {
  it('allows esbuild only and denies spawn-sync', () => {
    expect(pkg.allowScripts).toEqual({ esbuild: true, 'spawn-sync': false });
  });

  it('covers every locked dependency that has an install script, so none runs unreviewed', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(Object.keys(pkg.allowScripts ?? {}), name).toContain(name);
  });
});
