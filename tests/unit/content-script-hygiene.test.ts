/**
 * QUALITY.md: "Nothing is read from the exchange page but the URL (and one narrow selector where
 * a venue hides the pair); no form, cookie or page storage access" and "nothing listens to
 * window.postMessage". A grep over everything the content script bundles from this repo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentScriptModules, ROOT as root } from './helpers/module-graph';

// Every repo file the content script's bundle can contain, from its import graph (not a list
// kept by hand): a new import into the page bundle is checked the day it is written.
const bundled = contentScriptModules('entrypoints/overlay.content/index.tsx');
const files = bundled.filter((f) => /\.(ts|tsx)$/.test(f));

const FORBIDDEN: Array<[RegExp, string]> = [
  [/document\.cookie/, 'cookies'],
  [/\blocalStorage\b|\bsessionStorage\b/, 'page storage'],
  [/\bindexedDB\b/, 'IndexedDB of the page origin'],
  [/document\.forms|\.elements\[|HTMLFormElement|HTMLInputElement[^]*?\.value/, 'forms'],
  [/addEventListener\(\s*['"]message['"]|onmessage\s*=/, 'window.postMessage listeners'],
  [/\bfetch\(|XMLHttpRequest|WebSocket/, 'network access from the page'],
  [/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/, 'HTML injection'],
  [/\beval\(|new Function\(/, 'eval'],
  // Extension storage is for the worker and our pages: the overlay asks the worker for its prefs
  // (QUALITY.md, "The page's context gets no secret and no write").
  [/\bstorage\s*\.\s*(local|sync|session|managed)\b|wxt\/utils\/storage|settings\/(options|store)/, 'extension storage'],
  [/from ['"]zod|from ['"].*\/sources\/(?!.*types)/, 'zod or sources in the page bundle'],
];

describe('content-script hygiene', () => {
  it('the file list comes from the bundle graph: entry, components, venues, protocol, CSS', () => {
    for (const f of ['entrypoints/overlay.content/index.tsx', 'entrypoints/overlay.content/App.tsx', 'lib/exchanges/kucoin.ts', 'lib/messaging/protocol.ts', 'lib/browser-shim.ts', 'entrypoints/overlay.content/style.css']) {
      expect(bundled).toContain(f);
    }
    // and the worker's code is not in it
    for (const f of bundled) expect(f).not.toMatch(/^lib\/(sources|engine\/(?!bundle)|settings\/store|alerts)/);
    // nor test data, nor the manifest-only exclusion lists
    for (const f of bundled) expect(f).not.toMatch(/^tests\/|^lib\/exchanges\/manifest\.ts$/);
  });

  it.each(files)('%s reads nothing from the page but the URL', (file) => {
    const src = readFileSync(join(root, file), 'utf8').replace(/\/\*[^]*?\*\/|\/\/.*$/gm, '');
    for (const [re, what] of FORBIDDEN) expect(re.test(src), `${file}: ${what}`).toBe(false);
  });

  it('the only DOM query of page content is the venue-declared selector', () => {
    const app = readFileSync(join(root, 'entrypoints/overlay.content/App.tsx'), 'utf8');
    const queries = app.match(/document\.querySelector(All)?\([^)]*\)/g) ?? [];
    expect(queries.every((q) => q.includes('pairFromPage'))).toBe(true);
    expect(app).not.toMatch(/querySelectorAll/);
  });
});
