/**
 * QUALITY.md, Security, "Minimal manifest": the built manifest.json for Chrome and Firefox is
 * compared with a checked-in expectation, and each rule of the promise is asserted on its own so
 * a failure names the rule. Mozilla's addons-linter must find no error in the Firefox build.
 *
 * Runs after `npm run build` (npm test). The Firefox build is made here when it is missing or
 * older than the Chrome build.
 *
 * A deliberate manifest change (new venue match, new API host…): review the diff, then
 *   TL_UPDATE_MANIFESTS=1 npx vitest run --config tests/e2e/vitest.config.ts tests/e2e/manifest.e2e.ts
 * rewrites tests/e2e/expected-manifest.{chrome,firefox}.json from the current builds.
 */
import { spawnSync } from 'node:child_process';
import { releaseEnv } from './release-build';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_HOSTS } from '../../lib/sources/http';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const OUT = join(ROOT, '.output');
const DIRS = { chrome: join(OUT, 'chrome-mv3'), firefox: join(OUT, 'firefox-mv3') } as const;
type Target = keyof typeof DIRS;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Manifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_matches?: string[]; js?: string[]; css?: string[]; all_frames?: boolean }[];
  web_accessible_resources?: { resources: string[]; matches?: string[]; use_dynamic_url?: boolean }[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  content_security_policy?: Record<string, string>;
  externally_connectable?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
  [k: string]: unknown;
}

function run(cmd: string, args: string[], timeout = 55_000) {
  // releaseEnv: no NODE_ENV=test from the runner, so what is checked is a release build
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024, env: releaseEnv() });
  if (r.error) throw r.error;
  return r;
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

function ensureBuilds(): void {
  const chrome = join(DIRS.chrome, 'manifest.json');
  const firefox = join(DIRS.firefox, 'manifest.json');
  if (!existsSync(chrome)) {
    const r = run('npm', ['run', 'build'], 180_000);
    if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
  }
  if (mtime(firefox) < mtime(chrome)) {
    const r = run('npm', ['run', 'build:firefox'], 180_000);
    if (r.status !== 0) throw new Error(`npm run build:firefox failed:\n${r.stdout}\n${r.stderr}`);
  }
}

function readManifest(target: Target): Manifest {
  return JSON.parse(readFileSync(join(DIRS[target], 'manifest.json'), 'utf8')) as Manifest;
}

/** Keys whose arrays are sets: their order carries no meaning, so it is not compared. */
const SET_KEYS = new Set(['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions', 'matches', 'exclude_matches', 'resources', 'required', 'optional']);

/**
 * What is compared with the expectation: the whole manifest, except `version`, which follows
 * package.json on every release and is checked against it instead (a separate assertion), and
 * except the order of set-like arrays. Duplicates are kept, so a repeated entry still shows.
 */
function normalise(manifest: Manifest): Json {
  const walk = (v: unknown, key?: string): Json => {
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x));
      return key && SET_KEYS.has(key) && items.every((x) => typeof x === 'string') ? [...(items as string[])].sort() : items;
    }
    if (v && typeof v === 'object') {
      const out: Record<string, Json> = {};
      for (const k of Object.keys(v).sort()) out[k] = walk((v as Record<string, unknown>)[k], k);
      return out;
    }
    return v as Json;
  };
  const { version: _version, ...rest } = manifest;
  return walk(rest);
}

function expectationFile(target: Target): string {
  return join(HERE, `expected-manifest.${target}.json`);
}

const REQUIRED_PERMISSIONS = ['alarms', 'storage'];
const OPTIONAL_ALLOWED = ['notifications'];
const FORBIDDEN = ['tabs', 'cookies', 'scripting', 'webRequest', 'webRequestBlocking', 'webRequestAuthProvider', 'declarativeNetRequest', 'declarativeNetRequestWithHostAccess', '<all_urls>', 'debugger', 'history', 'management', 'nativeMessaging', 'clipboardRead', 'downloads', 'proxy', 'webNavigation', 'activeTab'];

/** A match pattern that would cover every site, or every page of a site. */
function isWildcardAll(pattern: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!m) return true; // unparseable: treat as too broad
  const [, , host = '', path = ''] = m;
  if (host === '*' || /^\*\.[^.]+$/.test(host)) return true; // any host, or a whole TLD
  return path === '/*' || path === '/'; // a whole site: account and withdrawal pages too
}

function versionNumber(v: string | undefined): number {
  return Number.parseFloat(v ?? '0');
}

describe('built manifest (QUALITY.md, "Minimal manifest")', () => {
  const manifests = {} as Record<Target, Manifest>;

  beforeAll(() => {
    ensureBuilds();
    manifests.chrome = readManifest('chrome');
    manifests.firefox = readManifest('firefox');
    if (process.env.TL_UPDATE_MANIFESTS === '1') {
      for (const t of ['chrome', 'firefox'] as const) writeFileSync(expectationFile(t), `${JSON.stringify(normalise(manifests[t]), null, 2)}\n`);
    }
  });

  describe.each(['chrome', 'firefox'] as const)('%s', (target) => {
    const m = () => manifests[target];

    it('equals the checked-in expectation (a new permission, host or match must be a deliberate change)', () => {
      const expected = JSON.parse(readFileSync(expectationFile(target), 'utf8')) as Json;
      expect(normalise(m()), `built ${target} manifest differs from tests/e2e/expected-manifest.${target}.json; if deliberate, rerun with TL_UPDATE_MANIFESTS=1 and review the diff`).toEqual(expected);
    });

    it('is MV3 and carries the package.json version', () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(m().manifest_version).toBe(3);
      expect(m().version).toBe(pkg.version);
    });

    it('rule "permissions: storage, alarms; notifications only if alerts exist (optional)"', () => {
      expect([...(m().permissions ?? [])].sort(), 'QUALITY.md "Minimal manifest": permissions must be exactly storage and alarms').toEqual(REQUIRED_PERMISSIONS);
      for (const p of m().optional_permissions ?? []) {
        expect(OPTIONAL_ALLOWED, `QUALITY.md "Minimal manifest": optional permission "${p}" is not allowed (only notifications)`).toContain(p);
      }
    });

    it('rule "no cookies, tabs, scripting, webRequest, <all_urls>"', () => {
      const all = [...(m().permissions ?? []), ...(m().optional_permissions ?? []), ...(m().host_permissions ?? []), ...(m().optional_host_permissions ?? [])];
      const bad = all.filter((p) => FORBIDDEN.includes(p) || /^[^:]+:\/\/\*(\/|$)/.test(p));
      expect(bad, 'QUALITY.md "Minimal manifest": forbidden permissions present').toEqual([]);
      expect(m().externally_connectable, 'QUALITY.md "Messages are untrusted": no externally_connectable').toBeUndefined();
    });

    it('rule "host permissions = the API hosts" (lib/sources/http.ts API_HOSTS)', () => {
      const hosts = m().host_permissions ?? [];
      for (const h of hosts) expect(h, `QUALITY.md "Minimal manifest": host permission ${h} is not of the form https://<api host>/*`).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      expect([...hosts].sort(), 'QUALITY.md "Minimal manifest": host_permissions must equal API_HOSTS exported by lib/sources/http.ts').toEqual(API_HOSTS.map((h) => `https://${h}/*`).sort());
      expect(m().optional_host_permissions ?? [], 'QUALITY.md "Minimal manifest": no optional host permissions').toEqual([]);
    });

    it('rule "content scripts match trade pages only, with exclude_matches"', () => {
      const scripts = m().content_scripts ?? [];
      expect(scripts.length, 'one content script (the overlay)').toBeGreaterThan(0);
      for (const cs of scripts) {
        const broad = cs.matches.filter((p) => !p.startsWith('https://') || isWildcardAll(p));
        expect(broad, 'QUALITY.md "Minimal manifest": content-script matches must be https trade pages, never a whole site or every site').toEqual([]);
        expect(cs.exclude_matches?.length ?? 0, 'QUALITY.md "Minimal manifest": exclude_matches for account, asset, API and withdrawal pages must be present').toBeGreaterThan(0);
        const matchHosts = new Set(cs.matches.map((p) => new URL(p.replace(/\*/g, 'x')).host.replace(/^x\./, '')));
        for (const ex of cs.exclude_matches ?? []) {
          expect(ex, `exclude_matches entry ${ex} must be https`).toMatch(/^https:\/\//);
          const host = new URL(ex.replace(/\*/g, 'x')).host.replace(/^x\./, '');
          expect(matchHosts.has(host), `exclude_matches entry ${ex} excludes nothing the matches cover`).toBe(true);
        }
        // Sensitive paths must never be matched, whatever a venue file says.
        const sensitive = cs.matches.filter((p) => /\/(account|assets?|balance|withdraw|deposit|api-?(key|management)|apikey|security|my)(\/|\*|$)/i.test(p));
        expect(sensitive, 'QUALITY.md "Minimal manifest": a content-script match covers an account, asset, API or withdrawal page').toEqual([]);
        expect(cs.all_frames ?? false, 'content scripts run in the top frame only').toBe(false);
      }
    });

    it('rule "no web_accessible_resources (or use_dynamic_url)"', () => {
      const war = m().web_accessible_resources ?? [];
      const exposed = war.filter((w) => w.use_dynamic_url !== true).map((w) => `${w.resources.join(', ')} to ${[...new Set(w.matches ?? [])].length} origins`);
      expect(
        exposed,
        'QUALITY.md "Minimal manifest": web_accessible_resources without use_dynamic_url lets every matched page fingerprint the extension. ' +
          "WXT adds content-scripts/<name>.css when an entrypoint uses cssInjectionMode: 'ui'; use cssInjectionMode: 'manual' with " +
          "`import css from './style.css?inline'` and createShadowRootUi({ css }) instead",
      ).toEqual([]);
    });

    it('rule "No remote code and no eval": the default extension CSP is not loosened', () => {
      for (const [k, v] of Object.entries(m().content_security_policy ?? {})) {
        expect(v, `QUALITY.md "No remote code and no eval": content_security_policy.${k}`).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
      }
    });

    it('has a background script of the right kind', () => {
      const bg = m().background ?? {};
      if (target === 'chrome') {
        expect(bg.service_worker, 'Chrome MV3 background is a service worker').toBe('background.js');
        expect(bg.scripts).toBeUndefined();
      } else {
        // Firefox MV3 has no service worker; WXT emits background.scripts (an event page).
        expect(bg.scripts, 'Firefox MV3 background is background.scripts').toEqual(['background.js']);
        expect(bg.service_worker).toBeUndefined();
      }
    });
  });

  it('Chrome and Firefox builds differ only in background kind and browser_specific_settings', () => {
    const strip = (x: Manifest) => {
      const { background: _b, browser_specific_settings: _s, ...rest } = x;
      return normalise(rest as Manifest);
    };
    expect(strip(manifests.firefox)).toEqual(strip(manifests.chrome));
    expect(manifests.chrome.browser_specific_settings).toBeUndefined();
  });

  it('Firefox: gecko id and data_collection_permissions, with consistent minimum versions', () => {
    const bss = manifests.firefox.browser_specific_settings;
    expect(bss?.gecko?.id, 'CONTRACT.md: browser_specific_settings.gecko set').toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
    expect(bss?.gecko?.data_collection_permissions, 'Firefox built-in data consent: Tokenlens collects nothing').toEqual({ required: ['none'] });
    // data_collection_permissions exists from Firefox 140 (desktop) and 142 (Android).
    expect(versionNumber(bss?.gecko?.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(versionNumber(bss?.gecko_android?.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it("Mozilla's addons-linter reports no error on .output/firefox-mv3", () => {
    const bin = join(ROOT, 'node_modules', '.bin', 'addons-linter');
    const r = run(bin, ['--output', 'json', '--boring', DIRS.firefox]);
    let report: { errors: { code: string; message: string; file?: string }[]; warnings: { code: string; message: string; file?: string }[]; notices: unknown[] };
    try {
      report = JSON.parse(r.stdout) as typeof report;
    } catch {
      throw new Error(`addons-linter gave no JSON (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    const fmt = (x: { code: string; message: string; file?: string }) => `${x.code} ${x.file ?? ''}: ${x.message}`;
    if (report.warnings.length) console.info(`addons-linter warnings (accepted):\n  ${report.warnings.map(fmt).join('\n  ')}`);
    expect(report.errors.map(fmt), 'addons-linter errors').toEqual([]);
  });
});
