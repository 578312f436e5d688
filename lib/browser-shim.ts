/**
 * The `browser` object for the content script and worker builds (see scripts/content-script-browser.ts).
 * Chrome MV3 exposes promise-returning `chrome.*` APIs and Firefox exposes `browser.*` natively,
 * so on the exchange page the webextension-polyfill (~3 KB gzip of a 20 KB budget) adds nothing
 * the content script uses: runtime.sendMessage, runtime.onMessage (answered through
 * `sendResponse`, which both browsers support), runtime.id and storage.local; nor what the
 * worker uses (storage, alarms, permissions, notifications, runtime events, all promise-based
 * in Chrome MV3), with onMessage answered the same way (entrypoints/background.ts).
 */
import type { Browser } from 'webextension-polyfill';

const g = globalThis as typeof globalThis & { browser?: { runtime?: { id?: string } }; chrome?: unknown };
const browser = (g.browser?.runtime?.id ? g.browser : g.chrome) as Browser;
export default browser;
