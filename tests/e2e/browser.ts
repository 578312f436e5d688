/**
 * Launches Debian's Chromium with the production build loaded, every real hostname the build
 * contacts mapped to the local fake server, and every other hostname unresolvable
 * (CONTRACT.md, "Network access of the production build").
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_HOSTS } from '../../lib/sources/http';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../.output/chrome-mv3');

/** The exchange pages the tests open, plus every API host the build may call (lib/sources/http.ts). */
export const MAPPED_HOSTS: readonly string[] = [
  'www.kucoin.com',
  'www.binance.com',
  'www.okx.com',
  'www.bybit.com',
  'www.coinbase.com',
  'www.tradingview.com',
  'pro.kraken.com',
  'www.gate.io',
  'www.gate.com',
  'www.mexc.com',
  'www.bitget.com',
  'www.htx.com',
  ...API_HOSTS.filter((h) => h !== 'www.okx.com'),
];

/**
 * Chromium flags of CONTRACT.md's recipe: every mapped host to the local fake, everything else
 * unresolvable, no background traffic; the extension loaded when `extensionDir` is given.
 */
export function chromiumArgs(port: number, extensionDir: string | null): string[] {
  const rules = [...MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${rules}`,
  ];
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
}

export interface LaunchOptions {
  /** UI language, e.g. 'zh-CN': `--lang` picks the `_locales` file, `--accept-lang` navigator.language (CONTRACT.md) */
  lang?: string;
  viewport?: { width: number; height: number };
}

export async function launch(port: number, opts: LaunchOptions = {}): Promise<Launched> {
  assertChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'tokenlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    ...(opts.lang ? { locale: opts.lang } : {}),
    args: [...chromiumArgs(port, EXTENSION_DIR), ...(opts.lang ? [`--lang=${opts.lang}`, `--accept-lang=${opts.lang}`] : [])],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The overlay panel inside the shadow root (Playwright CSS pierces open shadow roots). */
export const PANEL = 'tokenlens-overlay [data-tokenlens="overlay"]';

export function metric(id: string): string {
  return `${PANEL} [data-metric="${id}"]`;
}

/** Terminates the extension's service worker through CDP (`Target.closeTarget`), as Chrome does when it idles it out. */
export async function killWorker(b: Launched, page: Page): Promise<void> {
  const cdp = await b.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(b.extensionId));
  if (!sw) throw new Error('the extension service worker target was not found');
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  await cdp.detach();
}

/** Waits until the overlay panel's `data-state` is one of `states`; returns it. */
export async function waitState(page: Page, states: string[], timeout = 20_000): Promise<string> {
  await page.waitForFunction(
    (states) => states.includes(document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-tokenlens]')?.getAttribute('data-state') ?? ''),
    states,
    { polling: 100, timeout },
  );
  return (await page.locator(PANEL).getAttribute('data-state'))!;
}

/**
 * Switches the panel to the full view (every group) through its toggle, as a user would; the
 * choice is remembered per venue, so later pages of that venue open full. Compact is the default
 * (CONTRACT.md, "Views"), so tests that read a figure outside the compact set call this first.
 */
export async function showFull(page: Page): Promise<void> {
  await page.locator(`${PANEL}[data-view]`).waitFor();
  if ((await page.locator(PANEL).getAttribute('data-view')) === 'compact') {
    await page.locator(`${PANEL} [data-tokenlens-action="toggle-view"]`).click();
  }
  await page.locator(`${PANEL}[data-view="full"]`).waitFor();
}
