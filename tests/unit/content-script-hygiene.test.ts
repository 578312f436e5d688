/**
 * QUALITY.md: "Nothing is read from the exchange page but the URL (and one narrow selector where
 * a venue hides the pair); no form, cookie or page storage access" and "nothing listens to
 * window.postMessage". A grep over everything the content script bundles from this repo.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const files = [
  ...readdirSync(join(root, 'entrypoints/overlay.content')).map((f) => join('entrypoints/overlay.content', f)),
  ...readdirSync(join(root, 'components')).map((f) => join('components', f)),
  ...readdirSync(join(root, 'lib/exchanges')).map((f) => join('lib/exchanges', f)),
  'lib/messaging/protocol.ts',
  'lib/metrics/verdict.ts',
].filter((f) => /\.(ts|tsx)$/.test(f));

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
