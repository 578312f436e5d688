/**
 * QUALITY.md, Security, "No remote code and no eval" and "API text is inert", checked on what
 * ships: every JS and HTML file of the Chrome build is scanned for string-compiled code, remote
 * script loads and HTML sinks; then the store zips (`npm run zip`, Firefox half: extension zip
 * plus the sources zip for AMO review) are opened and checked for files that must never ship.
 *
 * Runs after `npm run build` (npm test). The Firefox zips are made here (`wxt zip -b firefox
 * --mv3`, a few seconds) so the check always sees the current zip configuration.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentScriptModules } from '../unit/helpers/module-graph';
import { devMarkerHits, releaseEnv } from './release-build';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, '.output');
const CHROME = join(OUT, 'chrome-mv3');
const FIREFOX = join(OUT, 'firefox-mv3');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

interface Hit {
  file: string;
  rule: string;
  at: number;
  snippet: string;
}

/** Each rule: a pattern over built code. Identifiers are anchored so `retrieval(` or `x.evaluate(` do not count. */
const RULES: { rule: string; re: RegExp; html?: boolean }[] = [
  { rule: 'eval(', re: /(?<![\w$])eval\s*\(/g },
  { rule: 'indirect eval ((0, eval) or window.eval)', re: /[,.]\s*eval\s*\)?\s*\(/g },
  { rule: 'new Function( / Function( (string-constructed code)', re: /(?<![\w$.])Function\s*\(/g },
  { rule: 'setTimeout/setInterval with a string', re: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { rule: 'importScripts(', re: /\bimportScripts\s*\(/g },
  { rule: 'import() of a remote URL', re: /\bimport\s*\(\s*["'`](?:https?:)?\/\//g },
  { rule: '<script src> from the network', re: /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//gi, html: true },
  { rule: 'innerHTML/outerHTML write', re: /\.(?:inner|outer)HTML\s*(?:\+?=)(?!=)/g },
  { rule: 'insertAdjacentHTML(', re: /\binsertAdjacentHTML\s*\(/g },
  { rule: 'document.write(', re: /\bdocument\.write(?:ln)?\s*\(/g },
  { rule: 'createContextualFragment(', re: /\bcreateContextualFragment\s*\(/g },
  { rule: 'srcdoc write', re: /\.srcdoc\s*=(?!=)/g },
];

/**
 * The one allowed HTML sink: Preact's diff applies `dangerouslySetInnerHTML` as
 * `el.innerHTML = props.dangerouslySetInnerHTML.__html` (minified: `x.innerHTML=y.__html`). It
 * only runs for a vnode carrying that prop, and no Tokenlens source uses the prop (asserted
 * below), so API text can never reach it. Anything else writing innerHTML fails the scan.
 */
function isPreactDangerouslySetInnerHTML(code: string, hit: Hit): boolean {
  if (hit.rule !== 'innerHTML/outerHTML write') return false;
  const around = code.slice(Math.max(0, hit.at - 800), hit.at + 60);
  const write = code.slice(hit.at, hit.at + 60);
  // Preact 10 also clears the element (`x.innerHTML=""`) when that prop goes away: no content.
  return (/\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(write) || /^[\w$.]*\.innerHTML\s*=\s*""/.test(write)) && around.includes('"dangerouslySetInnerHTML"');
}

function scan(file: string): Hit[] {
  const code = readFileSync(file, 'utf8');
  const isHtml = file.endsWith('.html');
  const hits: Hit[] = [];
  for (const { rule, re, html } of RULES) {
    if (isHtml && !html) continue;
    for (const m of code.matchAll(re)) {
      const hit = { file: relative(ROOT, file), rule, at: m.index, snippet: code.slice(Math.max(0, m.index - 60), m.index + 80).replace(/\s+/g, ' ') };
      if (!isPreactDangerouslySetInnerHTML(code, hit)) hits.push(hit);
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// A minimal zip reader (central directory + stored/deflate entries), so CI needs no `unzip`.

interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}

function readZip(path: string): ZipEntry[] {
  const buf = readFileSync(path);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    entries.push({
      name,
      size,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(data);
        if (method === 8) return inflateRawSync(data);
        throw new Error(`${path}: ${name} uses unsupported compression ${method}`);
      },
    });
  }
  return entries;
}

/** Paths that must never be in a zip. */
const FORBIDDEN_PATHS: { rule: string; re: RegExp }[] = [
  { rule: '.env files', re: /(^|\/)\.env/ },
  { rule: 'logs', re: /\.log$/ },
  { rule: 'build output (.output/)', re: /(^|\/)\.output\// },
  { rule: 'node_modules/', re: /(^|\/)node_modules\// },
  { rule: 'WXT cache (.wxt/)', re: /(^|\/)\.wxt\// },
  { rule: 'git data', re: /(^|\/)\.git\// },
  { rule: 'e2e artifacts', re: /(^|\/)tests\/e2e\/\.artifacts\// },
  { rule: 'keys and certificates', re: /\.(pem|key|p12|pfx|crt)$/ },
];

/** Strings that look like real secrets (CoinGecko keys or their headers with a value, private keys, tokens). */
const SECRETS: { rule: string; re: RegExp }[] = [
  { rule: 'CoinGecko key (CG-…)', re: /\bCG-[A-Za-z0-9]{3,}/g },
  { rule: 'x-cg-*-api-key header with a value', re: /x-cg-[a-z]+-api-key["']?\s*[:=,]\s*["'`][^"'`\s]+/gi },
  { rule: 'api key / token / secret literal', re: /\b(?:api[_-]?key|apikey|secret|access[_-]?token|auth[_-]?token|bearer)["']?\s*[:=]\s*["'`][A-Za-z0-9_\-.:]{16,}["'`]/gi },
  { rule: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
];

function secretHits(name: string, text: string): string[] {
  const out: string[] = [];
  for (const { rule, re } of SECRETS) for (const m of text.matchAll(re)) out.push(`${name}: ${rule}: ${m[0].slice(0, 60)}`);
  return out;
}

function zipsIn(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

describe('built JS (QUALITY.md, "No remote code and no eval", "API text is inert")', () => {
  beforeAll(() => {
    if (!existsSync(join(CHROME, 'manifest.json'))) throw new Error('no .output/chrome-mv3: run `npm run build` first');
  });

  it('has no eval, string-constructed code, remote script or unapproved HTML sink', () => {
    const files = walk(CHROME).filter((f) => /\.(m?js|html)$/.test(f));
    expect(files.length).toBeGreaterThan(3);
    const hits = files.flatMap(scan);
    expect(hits.map((h) => `${h.file}@${h.at} [${h.rule}] …${h.snippet}…`), 'forbidden constructs in the Chrome build').toEqual([]);
  });

  it('ships no development marker and no path of the building machine (release build)', () => {
    const hits = walk(CHROME)
      .filter((f) => /\.(m?js|html|json|css)$/.test(f))
      .flatMap((f) => devMarkerHits(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(hits, 'development markers in the Chrome build').toEqual([]);
  });

  it('ships no source maps and no references to them', () => {
    const files = walk(CHROME);
    expect(files.filter((f) => f.endsWith('.map')).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the Preact innerHTML sink stays unreachable: no source uses dangerouslySetInnerHTML or an HTML sink', () => {
    const srcDirs = ['entrypoints', 'components', 'lib', 'utils', 'hooks'].map((d) => join(ROOT, d)).filter(existsSync);
    const files = srcDirs.flatMap(walk).filter((f) => /\.(ts|tsx|js|jsx|mts)$/.test(f));
    const bad = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/dangerouslySetInnerHTML|\.(?:inner|outer)HTML\s*\+?=(?!=)|insertAdjacentHTML|document\.write|createContextualFragment|\beval\s*\(|new Function\s*\(/g)].map(
        (m) => `${relative(ROOT, f)}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`,
      );
    });
    expect(bad, 'HTML sinks or eval in product source').toEqual([]);
  });
});

/**
 * QUALITY.md performance budgets, enforced on the production build rather than only printed by
 * the bench: `gzip -9` of the content script (JS and CSS) ≤ 20 KiB, of the worker ≤ 40 KiB.
 * Sizes are one gzip member per file, as `gzip -9c <files> | wc -c` counts them.
 */
describe('bundle budgets (QUALITY.md, gzip -9)', () => {
  const KIB = 1024;
  // The gzip tool when present (the measure QUALITY.md names), else zlib at level 9.
  const gz = (files: string[]) => {
    const r = spawnSync('gzip', ['-9c', ...files], { maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout.length : files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  };

  it('content script ≤ 20 KiB', () => {
    const dir = join(CHROME, 'content-scripts');
    const files = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f)).map((f) => join(dir, f));
    expect(files.length).toBeGreaterThan(0);
    const bytes = gz(files);
    console.log(`content script: ${bytes} B gzip (budget ${20 * KIB})`);
    expect(bytes).toBeLessThanOrEqual(20 * KIB);
  });

  it('worker ≤ 40 KiB', () => {
    const bytes = gz([join(CHROME, 'background.js')]);
    console.log(`worker: ${bytes} B gzip (budget ${40 * KIB})`);
    expect(bytes).toBeLessThanOrEqual(40 * KIB);
  });
});

/**
 * The content-script hygiene test (tests/unit/content-script-hygiene.test.ts) scans the files of
 * the overlay's import graph. Here a real build with sourcemaps (TL_SOURCEMAP=1, its own output
 * folder) says which repo files the bundle actually holds: each must be in that graph, so the
 * unit test's list can never miss a file that ships.
 */
describe('content-script bundle vs the hygiene test’s module graph', () => {
  const OUT_DIR = '.output/sourcemap';
  let sources: string[] = [];
  beforeAll(() => {
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, TL_SOURCEMAP: '1', TL_OUT_DIR: OUT_DIR }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sourcemap build failed: ${r.stderr || r.stdout}`);
    const dir = join(ROOT, OUT_DIR, 'chrome-mv3', 'content-scripts');
    const maps = readdirSync(dir).filter((f) => f.endsWith('.js.map'));
    sources = maps.flatMap((m) => {
      const map = JSON.parse(readFileSync(join(dir, m), 'utf8')) as { sources: string[] };
      return map.sources.map((s) => relative(ROOT, resolve(dir, s)).split('\\').join('/'));
    });
  }, 240_000);

  it('every repo file in the bundle is in the graph the hygiene test scans', () => {
    const repoFiles = sources.filter((f) => !f.startsWith('..') && !f.includes('node_modules') && /\.(ts|tsx|css)$/.test(f));
    expect(repoFiles.length).toBeGreaterThan(10);
    const graph = new Set(contentScriptModules('entrypoints/overlay.content/index.tsx'));
    expect(repoFiles.filter((f) => !graph.has(f.replace(/\?.*$/, '')))).toEqual([]);
  });
});

describe('store zips (npm run zip, Firefox: extension + sources for AMO)', () => {
  let sourcesZip: string;
  let firefoxZip: string;

  beforeAll(() => {
    // releaseEnv: the zip's build must be the release build (no NODE_ENV=test from the runner)
    const r = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000, env: releaseEnv() });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`wxt zip -b firefox --mv3 failed:\n${r.stdout}\n${r.stderr}`);
    const sources = zipsIn(OUT, '-sources.zip');
    const ff = zipsIn(OUT, '-firefox.zip');
    if (!sources[0] || !ff[0]) throw new Error(`zips missing in .output: ${readdirSync(OUT).join(', ')}`);
    sourcesZip = sources[0];
    firefoxZip = ff[0];
  }, 120_000);

  it('the Firefox zip ships no development marker and no path of the building machine', () => {
    const hits = readZip(firefoxZip)
      .filter((e) => /\.(m?js|html|json|css)$/.test(e.name))
      .flatMap((e) => devMarkerHits(e.name, e.read().toString('utf8')));
    expect(hits, 'development markers in the Firefox zip').toEqual([]);
  });

  it('sources zip holds what rebuilds the extension and nothing that must not ship', () => {
    const entries = readZip(sourcesZip);
    const names = entries.map((e) => e.name);
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md', 'tsconfig.json']) expect(names, `sources zip lacks ${needed}`).toContain(needed);
    expect(names.some((n) => n.startsWith('entrypoints/')), 'sources zip lacks entrypoints/').toBe(true);
    const bad = names.flatMap((n) => FORBIDDEN_PATHS.filter(({ re }) => re.test(n)).map(({ rule }) => `${n} (${rule})`));
    expect(bad, 'files in the sources zip that must never ship').toEqual([]);
    const secrets = entries.filter((e) => !/\.(png|jpe?g|gif|webp|ico|woff2?)$/i.test(e.name)).flatMap((e) => secretHits(e.name, e.read().toString('utf8')));
    expect(secrets, 'secret-looking strings in the sources zip').toEqual([]);
  });

  it('Firefox extension zip equals .output/firefox-mv3, with nothing that must not ship', () => {
    const entries = readZip(firefoxZip);
    const names = entries.map((e) => e.name).filter((n) => !n.endsWith('/')).sort();
    expect(names).toEqual(walk(FIREFOX).map((f) => relative(FIREFOX, f).split('\\').join('/')).sort());
    const bad = names.flatMap((n) => [...FORBIDDEN_PATHS, { rule: 'source maps', re: /\.map$/ }].filter(({ re }) => re.test(n)).map(({ rule }) => `${n} (${rule})`));
    expect(bad).toEqual([]);
    const secrets = entries.filter((e) => /\.(js|html|json|css)$/.test(e.name)).flatMap((e) => secretHits(e.name, e.read().toString('utf8')));
    expect(secrets, 'secret-looking strings in the Firefox zip').toEqual([]);
  });
});
