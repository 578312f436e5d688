import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { API_HOSTS } from './lib/sources/http';
import { contentScriptExcludeMatches } from './lib/exchanges/manifest';
import { contentScriptBrowser } from './scripts/content-script-browser';

// Dev mode (`npm run dev`): WXT starts Chrome, or Debian's Chromium where Chrome is absent.
// As root Chromium refuses to start without --no-sandbox (CONTRACT.md, "Commands").
const chromeBinary = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/chromium'].find((p) => existsSync(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// Benchmark build (`npm run bench`): TL_BENCH=1 turns on performance marks and writes to
// .output/bench/chrome-mv3. Without it `__TL_BENCH__` is `false` and the marks are dead code, so
// the build users install carries none of them. TL_OUT_DIR lets the benchmark build its own copy
// of the production flavour without touching .output/chrome-mv3 (which e2e runs may be using).
const isBench = process.env.TL_BENCH === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.TL_OUT_DIR || (isBench ? '.output/bench' : '.output'),
  vite: () => ({
    plugins: [preact(), contentScriptBrowser()],
    build: {
      target: 'es2022',
      sourcemap: process.env.TL_SOURCEMAP === '1',
      // terser with extra passes packs the worker and content script a few percent tighter than
      // esbuild's minifier (QUALITY.md budgets: 40 KB / 20 KB gzip).
      minify: 'terser',
      terserOptions: { ecma: 2020, module: true, compress: { passes: 3, pure_getters: true, unsafe_methods: true }, format: { comments: false } },
    },
    define: { __TL_BENCH__: JSON.stringify(isBench) },
  }),
  hooks: {
    // The overlay's `exclude_matches` (account, asset, API and withdrawal pages) are written
    // here rather than in the entrypoint's options: options stay in the content-script bundle,
    // and the page has no use for these lists (QUALITY.md budget: 20 KB gzip).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const cs of manifest.content_scripts ?? []) {
        if (cs.js?.some((f) => f.includes('overlay'))) cs.exclude_matches = [...contentScriptExcludeMatches];
      }
    },
  },
  webExt: {
    startUrls: ['https://www.kucoin.com/trade/TAO-USDT'],
    ...(chromeBinary ? { binaries: { chrome: chromeBinary } } : {}),
    chromiumArgs: isRoot ? ['--no-sandbox'] : [],
  },
  zip: {
    // The Firefox sources zip (AMO review) holds what rebuilds the extension. WXT already drops
    // node_modules, hidden files (.env*, .wxt), *.test.ts and .output; also drop logs, stray build
    // or coverage folders and the test tree (fixtures, e2e harness), which reviewers do not need
    // and which could carry test keys. tests/e2e/build-scan.e2e.ts checks the result.
    excludeSources: ['**/*.log', 'dist/**', 'coverage/**', 'tests/**'],
  },
  manifest: ({ browser }) => ({
    // Store listing name and description per UI language, from public/_locales/<lang>/messages.json
    // (WXT copies public/ as is; a `_locales` folder requires `default_locale`:
    // https://developer.chrome.com/docs/extensions/reference/api/i18n#manifest).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Only what the features need (QUALITY.md, "Minimal manifest"): settings and cache in
    // storage, alarms for refresh. No tabs, cookies, scripting or webRequest.
    permissions: ['storage', 'alarms'],
    // Alerts notify through browser notifications; asked for when the first alert is created.
    optional_permissions: ['notifications'],
    // The worker fetches from these public APIs; KuCoin and Kraken send no CORS headers, so the
    // calls must come from the worker with host permission (DATA-SOURCES.md).
    host_permissions: API_HOSTS.map((h) => `https://${h}/*`),
    action: { default_title: 'Tokenlens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'tokenlens@tokenlens.dev',
              strict_min_version: '140.0',
              // Firefox's data-consent manifest key: Tokenlens collects nothing about the user.
              // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learnt `data_collection_permissions` in 142 (desktop: 140);
            // without this addons-linter warns KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
