/**
 * QUALITY.md, Reliability, "The same extension works in Firefox": a smoke test of the Firefox MV3
 * production build (`.output/firefox-mv3`, made by `npm run build:firefox`, here when missing or
 * older than the Chrome build; a first test checks it is byte for byte the release build)
 * in Debian's Firefox ESR, driven by puppeteer-core 24 over WebDriver BiDi, on the fake KuCoin
 * TAO-USDT page with the fake KuCoin / CoinGecko / Binance-mirror APIs.
 *
 * Hostnames: Firefox has no `--host-resolver-rules`, so its HTTP and SSL proxies point at a local
 * CONNECT proxy (./connect-proxy.ts) that tunnels only the hosts the tests map (MAPPED_HOSTS) to
 * the FakeServer and refuses everything else; `acceptInsecureCerts` (a BiDi session capability)
 * makes the page and the extension background accept the fake server's self-signed certificate.
 *
 * Host permissions: Firefox treats MV3 `host_permissions` (and content-script matches) as
 * user-controlled origins. puppeteer's `browser.installExtension(dir)` sends BiDi
 * `webExtension.install` with `{ type: 'path' }` and no `moz:permanent`, so Firefox installs the
 * build as a *temporary* add-on (AddonManager.installTemporaryAddon), with startup reason
 * ADDON_INSTALL. On that install Firefox grants the manifest's origins when the pref
 * `extensions.originControls.grantByDefault` is true (its default since Firefox 127; see
 * `installIncludesOrigins` in Extension.sys.mjs). We set that pref explicitly so the test does not
 * depend on the default. Without it, Firefox injects no content script and no overlay appears
 * (checked by hand with the pref false). To show that the background's fetches really run on
 * granted host permissions and not on CORS, the fake APIs here answer with an
 * `access-control-allow-origin` that matches nobody.
 *
 * Console (checked with a probe extension in Firefox 153): content-script console calls arrive over
 * BiDi as page `console` events located at `moz-extension://<UUID>/…`, and their uncaught errors as
 * `pageerror`. The background's console calls and uncaught errors only reach Firefox's stdout
 * (`devtools.console.stdout.content`), as `console.error: "…"` without a location and
 * `JavaScript error: moz-extension://<UUID>/background.js, line N: …`. The add-on gets a fixed
 * internal UUID (`extensions.webextensions.uuids`) so these lines can be recognised. Uncaught
 * errors, console errors and CSP reports fail the test and are quoted in the failure message.
 *
 * Skips only when Firefox is missing outside CI. In CI (`CI` set), a missing Firefox fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { devMarkerHits, hashTree, npmRun, walk } from './release-build';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAPPED_HOSTS } from './browser';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { installKucoinPages, installMarketFakes, TOKENS } from './fake-market';
import { FakeServer, type Handler } from './fake-server';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');
const CHROME_MANIFEST = join(ROOT, '.output/chrome-mv3/manifest.json');
const GECKO_ID = 'tokenlens@tokenlens.dev';
/** Fixed moz-extension:// host for the add-on, so its console lines can be told apart. */
const EXT_UUID = '5a1c0d2e-7b3f-4e8a-9c61-0f2d4b6e8a13';
const PAGE = 'https://www.kucoin.com/trade/TAO-USDT';
const PAGE_HOST = 'www.kucoin.com';

const HAVE_FIREFOX = existsSync(FIREFOX);
const SKIP = !HAVE_FIREFOX && !process.env.CI;
if (SKIP) {
  console.warn(
    `[firefox.e2e] SKIPPED: ${FIREFOX} not found. Install Debian's Firefox ESR (apt-get install firefox-esr) ` +
      'or set FIREFOX_PATH. With CI set, a missing Firefox fails instead of skipping.',
  );
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

/** Builds `.output/firefox-mv3` when it is missing or older than the Chrome build. */
function ensureFirefoxBuild(): void {
  const manifest = join(FIREFOX_DIR, 'manifest.json');
  if (existsSync(manifest) && mtime(manifest) >= mtime(CHROME_MANIFEST)) return;
  npmRun('build:firefox');
  if (!existsSync(manifest)) throw new Error('npm run build:firefox made no .output/firefox-mv3');
}

describe('the Firefox add-on under test is the release build', () => {
  it('is byte for byte what `npm run build:firefox` makes, and carries no development marker', () => {
    ensureFirefoxBuild();
    const fresh = mkdtempSync(join(tmpdir(), 'tokenlens-ff-release-'));
    try {
      // The same script users run, into a scratch folder (TL_OUT_DIR, wxt.config.ts).
      npmRun('build:firefox', { TL_OUT_DIR: fresh });
      expect(hashTree(FIREFOX_DIR)).toEqual(hashTree(join(fresh, 'firefox-mv3')));
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
    const hits = walk(FIREFOX_DIR)
      .filter((f) => /\.(m?js|html|json|css)$/.test(f))
      .flatMap((f) => devMarkerHits(f.slice(FIREFOX_DIR.length + 1), readFileSync(f, 'utf8')));
    expect(hits, 'development markers in the Firefox build').toEqual([]);
  }, 240_000);
});

/**
 * The fake APIs send an `access-control-allow-origin` that matches no one, so a background fetch
 * only succeeds because the extension holds the host permission. Exchange pages are left as they are.
 */
function denyCors(server: FakeServer): void {
  const on = server.on.bind(server);
  server.on = (host: string, handler: Handler) =>
    on(host, async (req) => {
      const reply = await handler(req);
      if (!reply || host === PAGE_HOST) return reply;
      return { ...reply, headers: { ...reply.headers, 'access-control-allow-origin': 'https://nobody.invalid' } };
    });
}

/** `a ×3, b` for a list with repeats. */
function tally(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(', ');
}

/** Reads the overlay panel and its figures from inside the shadow root. */
async function readOverlay(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('tokenlens-overlay')?.shadowRoot;
    const panel = root?.querySelector('[data-tokenlens="overlay"]');
    const metrics: Record<string, { value: string | null; source: string | null }> = {};
    for (const el of root?.querySelectorAll('[data-metric]') ?? []) {
      metrics[el.getAttribute('data-metric')!] = { value: el.getAttribute('data-value'), source: el.getAttribute('data-source') };
    }
    return { host: !!document.querySelector('tokenlens-overlay'), state: panel?.getAttribute('data-state') ?? null, asset: panel?.getAttribute('data-asset') ?? null, metrics };
  });
}

/**
 * Loggers of Firefox itself (not of any add-on) that share stdout: the Remote Settings loader,
 * which complains when its server is unreachable. Named one by one, so our own errors still fail.
 */
const FIREFOX_OWN = /^console\.(error|warn): (RSLoader|RemoteSettings(Client|Worker)?):/;

describe.skipIf(SKIP)('Firefox ESR: the production Firefox MV3 build on a KuCoin trade page', () => {
  const server = new FakeServer();
  let proxy: ConnectProxy | undefined;
  let browser: Browser | undefined;
  /** Firefox stdout/stderr lines: console calls of every realm, uncaught errors, CSP reports. */
  const firefoxLog: string[] = [];
  /** Page and content-script console messages and uncaught errors, as seen over BiDi. */
  const pageLog: { kind: string; text: string; url: string }[] = [];

  const fmt = (e: { kind: string; text: string; url: string }) => `[${e.kind}] ${e.text}${e.url ? ` (${e.url})` : ''}`;
  /** Uncaught errors located in the add-on, and CSP reports (any realm). */
  const extensionErrors = () =>
    firefoxLog.filter((l) => (l.startsWith('JavaScript error:') && l.includes(`moz-extension://${EXT_UUID}/`)) || /Content[- ]Security[- ]Policy/i.test(l));
  /** stdout console errors/warnings that BiDi did not report for the page: the background's. */
  const backgroundConsole = () =>
    firefoxLog.filter((l) => /^console\.(error|warn|log|info|debug):/.test(l) && !FIREFOX_OWN.test(l) && !pageLog.some((e) => e.text && l.includes(e.text)));
  const diagnostics = () =>
    [
      `page + content-script console (BiDi):\n  ${pageLog.map(fmt).join('\n  ') || '(none)'}`,
      `background console (Firefox stdout):\n  ${backgroundConsole().join('\n  ') || '(none)'}`,
      `extension errors / CSP (Firefox stdout):\n  ${extensionErrors().join('\n  ') || '(none)'}`,
      `upstream requests: ${server.requests.map((r) => `${r.host}${r.path}`).join(', ') || '(none)'}`,
      `proxy refused (Firefox's own services included): ${tally(proxy?.refused ?? []) || '(none)'}`,
    ].join('\n');

  beforeAll(async () => {
    if (!HAVE_FIREFOX) throw new Error(`Firefox not found at ${FIREFOX} (CI is set, so this is a failure): apt-get install firefox-esr, or set FIREFOX_PATH.`);
    ensureFirefoxBuild();

    const port = await server.start();
    denyCors(server);
    installKucoinPages(server);
    installMarketFakes(server, {});
    // No fundamentals in this smoke test: DefiLlama answers "not found" like for an unknown slug.
    server.on('api.llama.fi', () => ({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } }));
    proxy = await startConnectProxy({ hosts: MAPPED_HOSTS, targetPort: port });

    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      extraPrefsFirefox: {
        // Every HTTPS connection goes through the CONNECT proxy (mapped hosts only). Plain HTTP
        // goes to the same proxy, which refuses it. Nothing is exempt, not even localhost.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disablePrefetch': true,
        'network.trr.mode': 5,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        // Grant the manifest's host_permissions on install (see the header comment).
        'extensions.originControls.grantByDefault': true,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
        // Console messages and errors of pages, content scripts and the extension go to stdout.
        'devtools.console.stdout.content': true,
        // Firefox's own Remote Settings client (RSLoader) polls firefox.settings.services.mozilla.com
        // a while after start; refused by the proxy, it logs "console.error: RSLoader:" to the same
        // stdout, which read as a background error on a slow run (CI, 2026-12-07). Mozilla's own
        // test harness points it at this dummy server (testing/profiles/common/user.js).
        'services.settings.server': 'data:,#remote-settings-dummy/v1',
      },
    });
    const proc = browser.process();
    const collect = (chunk: Buffer | string) => firefoxLog.push(...String(chunk).split('\n').filter(Boolean));
    proc?.stdout?.on('data', collect);
    proc?.stderr?.on('data', collect);

    const id = await browser.installExtension(FIREFOX_DIR);
    expect(id).toBe(GECKO_ID);
  }, 180_000);

  afterAll(async () => {
    if (browser) {
      const proc = browser.process();
      const closed = await Promise.race([
        browser.close().then(() => true, () => false),
        new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!closed && proc && proc.exitCode === null) proc.kill('SIGKILL');
    }
    await proxy?.close();
    await server.stop();
  }, 30_000);

  it('shows TAO with the KuCoin price and the CoinGecko market cap, with no extension errors', async () => {
    const page = await browser!.newPage();
    page.on('console', (m) => pageLog.push({ kind: m.type(), text: m.text(), url: m.location().url ?? '' }));
    page.on('pageerror', (e) => pageLog.push({ kind: 'pageerror', text: String(e), url: '' }));
    await page.goto(PAGE);

    try {
      await page.waitForFunction(
        (states: string[]) => {
          const el = document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-tokenlens="overlay"]');
          return !!el && states.includes(el.getAttribute('data-state') ?? '');
        },
        { polling: 100, timeout: 25_000 },
        ['ready', 'partial', 'stale', 'error', 'unsupported'],
      );
    } catch (e) {
      const seen = await readOverlay(page).catch(() => undefined);
      throw new Error(`The overlay never settled in Firefox (${String(e)}).\noverlay: ${JSON.stringify(seen)}\n${diagnostics()}`);
    }

    const compact = await readOverlay(page);
    const tao = TOKENS.TAO!;
    expect(compact.state, diagnostics()).toBe('ready');
    // compact by default (CONTRACT.md, "Views"): the key figures; the toggle, clicked as a user
    // would (a trusted click through the shadow root), shows every group
    expect(Number(compact.metrics.marketCap?.value)).toBe(tao.marketCap);
    expect(compact.metrics.price).toBeUndefined();
    await page.click('tokenlens-overlay >>> [data-tokenlens-action="toggle-view"]');
    await page.waitForFunction(() => !!document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-view="full"] [data-metric="price"]'), { polling: 100, timeout: 10_000 });
    const o = await readOverlay(page);
    expect(o.asset).toBe('TAO');
    expect(Number(o.metrics.price?.value)).toBe(tao.venuePrice);
    expect(o.metrics.price?.source).toBe('kucoin');
    expect(Number(o.metrics.marketCap?.value)).toBe(tao.marketCap);
    expect(o.metrics.marketCap?.source).toBe('coingecko');

    // The numbers came from the fakes, through the proxy, without the exchange's session cookie.
    const upstream = server.requests.filter((r) => r.host !== PAGE_HOST);
    expect(upstream.some((r) => r.host === 'api.kucoin.com')).toBe(true);
    expect(upstream.some((r) => r.host === 'api.coingecko.com')).toBe(true);
    expect(upstream.filter((r) => r.cookie).map((r) => `${r.host}${r.path}: ${r.cookie}`)).toEqual([]);
    // Nothing the extension may call was refused by the proxy (MAPPED_HOSTS covers the build).
    const apiHosts = new Set(MAPPED_HOSTS.filter((h) => h !== PAGE_HOST));
    expect(proxy!.refused.filter((r) => apiHosts.has(r.replace(/^CONNECT /, '').replace(/:\d+$/, '')))).toEqual([]);

    // No uncaught error, CSP report or console error from the page, the content script or the background.
    const bad = [
      ...pageLog.filter((e) => e.kind === 'pageerror' || e.kind === 'error').map(fmt),
      ...extensionErrors(),
      ...backgroundConsole().filter((l) => l.startsWith('console.error:')),
    ];
    expect(bad, diagnostics()).toEqual([]);
    await page.close();
  });
});
