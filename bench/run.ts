/**
 * `npm run bench`: the performance table of QUALITY.md measured in one run, printed as one line
 * of JSON at the end of stdout (CONTRACT.md, "Benchmark output"). Progress goes to stderr.
 *
 * 1. Builds the production extension (into .output/bench/prod/chrome-mv3, see PROD_OUT) and
 *    the benchmark build (TL_BENCH=1 → .output/bench/chrome-mv3, the only build with
 *    performance marks), and checks that the production build carries no marks.
 * 2. Bundle sizes: `gzip -9c` of the production content scripts (JS+CSS) and of background.js.
 * 3. With the benchmark build in Chromium against local fakes (tests/e2e fakes, bench/fakes.ts):
 *    warm paint, cold paint (worker killed before each run), SPA switch, page overhead A/B on
 *    a busy page (bench/busy-page.ts) against a second browser without the extension, long
 *    animation frames attributed to extension scripts (bench/launch.ts, FrameTracer), and the
 *    requests a 20-token watchlist refresh makes.
 *
 * Everything it starts (two browsers, one HTTPS server on 127.0.0.1) is stopped in `finally`.
 * Env: BENCH_SKIP_BUILD=1 reuses existing builds; BENCH_QUICK=1 runs fewer iterations;
 * BENCH_TRACE=0 turns the frame trace off (longFramesFromExtension is then not measured).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import type { FakeServer } from '../tests/e2e/fake-server';
import { BUSY_QUERY } from './busy-page';
import { CHROMIUM, ROOT } from './e2e-browser';
import { isApi, isMarketData, startFakes, WATCHLIST } from './fakes';
import { FrameTracer, killWorker, launchBrowser, sleep, type BenchBrowser } from './launch';

/**
 * The production flavour, built by the benchmark into its own directory (TL_OUT_DIR) so that it
 * never deletes .output/chrome-mv3 under a test run that is using it. Same config, same mode,
 * `__TL_BENCH__` false: byte for byte what `npm run build` writes to .output/chrome-mv3.
 */
const PROD_OUT = '.output/bench/prod';
const PROD_DIR = join(ROOT, PROD_OUT, 'chrome-mv3');
const NPM_BUILD_DIR = join(ROOT, '.output/chrome-mv3');
const BENCH_DIR = join(ROOT, '.output/bench/chrome-mv3');
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = { warm: QUICK ? 8 : 30, cold: QUICK ? 4 : 12, spa: QUICK ? 6 : 24, overhead: QUICK ? 3 : 8 };
const PAIR_URL = (base: string) => `https://www.kucoin.com/trade/${base}-USDT`;
const OVERHEAD_WINDOW_MS = 3000;

const t0 = Date.now();
const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}\n`);

// ---- builds and sizes -----------------------------------------------------------------------

function build(env: Record<string, string>, label: string): void {
  log(`building ${label}…`);
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 2, 2], timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${label} build failed (exit ${r.status ?? r.signal})`);
}

function contentScriptFiles(dir: string): string[] {
  const cs = join(dir, 'content-scripts');
  return readdirSync(cs)
    .filter((f) => /\.(js|css)$/.test(f))
    .sort()
    .map((f) => join(cs, f));
}

/** Size of `gzip -9c <files>` (one gzip member per file, as the gzip tool writes them). */
function gzipBytes(files: string[]): number {
  try {
    return execFileSync('gzip', ['-9c', ...files], { maxBuffer: 64 * 1024 * 1024 }).length;
  } catch {
    return files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
  }
}

function prepareBuilds(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(PROD_DIR, 'manifest.json')) && existsSync(join(BENCH_DIR, 'manifest.json'))) {
    log(`BENCH_SKIP_BUILD=1: reusing ${PROD_OUT}/chrome-mv3 and .output/bench/chrome-mv3`);
  } else {
    build({ TL_BENCH: '', TL_OUT_DIR: PROD_OUT }, `production build (${PROD_OUT}/chrome-mv3)`);
    build({ TL_BENCH: '1', TL_OUT_DIR: '' }, 'benchmark build (.output/bench/chrome-mv3)');
  }
  // The marks must exist in the benchmark build only.
  const marksIn = (dir: string) => contentScriptFiles(dir).reduce((n, f) => n + (readFileSync(f, 'utf8').match(/tokenlens:(painted|injected)/g)?.length ?? 0), 0);
  const prodMarks = marksIn(PROD_DIR) + (readFileSync(join(PROD_DIR, 'background.js'), 'utf8').match(/tokenlens:(painted|injected)/g)?.length ?? 0);
  if (prodMarks !== 0) throw new Error(`the production build contains ${prodMarks} benchmark mark(s): __TL_BENCH__ was not false`);
  if (marksIn(BENCH_DIR) === 0) throw new Error('the benchmark build has no performance marks (TL_BENCH=1 not applied?)');
  log('production build: 0 benchmark marks; benchmark build: marks present');
}

// ---- statistics -----------------------------------------------------------------------------

/** Nearest-rank percentile. */
function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const r1 = (x: number) => Math.round(x * 10) / 10;
const summary = (v: number[]) => ({ p50: r1(pct(v, 50)), p95: r1(pct(v, 95)), runs: v.length });

/** Deterministic jitter (the SPA runs must not phase-lock with the content script's timers). */
let seed = 42;
function rand(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// ---- page helpers ---------------------------------------------------------------------------

/**
 * Waits for the first `tokenlens:painted:<base>` mark at or after the `reference` mark and
 * returns the time between them. Both are read from the page's performance timeline: the
 * content script's marks (isolated world) land on the same per-document timeline as the page's.
 */
async function paintedSince(page: Page, base: string, reference: string, timeout = 10_000): Promise<number> {
  const handle = await page.waitForFunction(
    ({ base, reference }) => {
      const ref = performance.getEntriesByName(reference, 'mark')[0];
      if (!ref) return false;
      const painted = performance.getEntriesByName(`tokenlens:painted:${base}`, 'mark').find((m) => m.startTime >= ref.startTime);
      return painted ? { ms: painted.startTime - ref.startTime } : false;
    },
    { base, reference },
    { timeout, polling: 50 },
  );
  return ((await handle.jsonValue()) as { ms: number }).ms;
}

async function navigateAndTime(page: Page, base: string): Promise<number> {
  await page.goto(PAIR_URL(base), { waitUntil: 'commit' });
  return paintedSince(page, base, 'tokenlens:injected');
}

async function timed<T>(label: string, runs: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let failures = 0;
  for (let i = 0; i < runs; i++) {
    try {
      out.push(await fn(i));
    } catch (e) {
      failures++;
      log(`${label} run ${i + 1} failed: ${String(e).split('\n')[0]}`);
      if (failures > Math.max(3, runs / 3)) throw new Error(`${label}: too many failed runs`);
    }
  }
  return out;
}

// ---- measurements ---------------------------------------------------------------------------

async function warmUp(page: Page): Promise<void> {
  // Fill the worker's cache for both pairs and let the revalidation settle.
  for (const base of ['TAO', 'RENDER', 'TAO']) {
    await navigateAndTime(page, base);
    await page.waitForFunction(
      () => {
        const state = document.querySelector('tokenlens-overlay')?.shadowRoot?.querySelector('[data-tokenlens="overlay"]')?.getAttribute('data-state');
        return !!state && state !== 'loading';
      },
      undefined,
      { timeout: 20_000, polling: 100 },
    );
  }
  await sleep(500);
}

async function spaSwitches(page: Page, runs: number): Promise<number[]> {
  await navigateAndTime(page, 'TAO');
  return timed('spa', runs, async (i) => {
    const base = i % 2 === 0 ? 'RENDER' : 'TAO';
    // random phase relative to anything periodic in the content script
    await sleep(Math.round(rand() * 1000));
    const ref = `bench:nav:${i}`;
    await page.evaluate(
      ({ ref, path }) => {
        performance.mark(ref);
        (window as unknown as { __nav(p: string): void }).__nav(path);
      },
      { ref, path: `/trade/${base}-USDT` },
    );
    return paintedSince(page, base, ref);
  });
}

interface Metrics {
  ScriptDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
  return { ScriptDuration: get('ScriptDuration'), LayoutDuration: get('LayoutDuration'), RecalcStyleDuration: get('RecalcStyleDuration') };
}
const work = (m: Metrics) => (m.ScriptDuration + m.LayoutDuration + m.RecalcStyleDuration) * 1000;

/** One overhead run: busy page, settle, then script+layout+style ms over a fixed window. */
async function overheadRun(page: Page, cdp: CDPSession, withExtension: boolean): Promise<number> {
  await page.goto(`${PAIR_URL('TAO')}?${BUSY_QUERY}`, { waitUntil: 'load' });
  if (withExtension) await paintedSince(page, 'TAO', 'tokenlens:injected');
  await sleep(500);
  const a = await metrics(cdp);
  await sleep(OVERHEAD_WINDOW_MS);
  const b = await metrics(cdp);
  // leave nothing running in this browser while the other one measures
  await page.goto('about:blank');
  return work(b) - work(a);
}

async function watchlistRefresh(b: BenchBrowser, server: FakeServer): Promise<{ tokens: number; marketDataRequests: number; totalRequests: number }> {
  const page = await b.context.newPage();
  try {
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByRole('textbox', { name: 'Add to watchlist' }).waitFor({ timeout: 15_000 });
    await sleep(1000); // the options page's own requests (its active watchlist) finish first
    const from = server.requests.length;
    const reply = await page.evaluate(
      (symbols) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'quotes', data: { symbols } }),
      WATCHLIST,
    );
    await sleep(500);
    const reqs = server.requests.slice(from).filter(isApi);
    const rows = (reply as { ok?: boolean; data?: Array<{ priceUsd: number | null }> }).data ?? [];
    const priced = rows.filter((r) => typeof r.priceUsd === 'number').length;
    log(`watchlist: ${priced}/${WATCHLIST.length} rows priced; requests: ${reqs.map((r) => `${r.host}${r.path}`).join(', ') || 'none'}`);
    if (priced !== WATCHLIST.length) log(`watchlist: reply ${JSON.stringify(reply).slice(0, 300)}`);
    return { tokens: WATCHLIST.length, marketDataRequests: reqs.filter(isMarketData).length, totalRequests: reqs.length };
  } finally {
    await page.close().catch(() => undefined);
  }
}

function chromiumVersion(): string {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.stdout.match(/\d+\.\d+\.\d+\.\d+/)?.[0] ?? r.stdout.trim();
}

// ---- main -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  prepareBuilds();
  const contentScriptGzipBytes = gzipBytes(contentScriptFiles(PROD_DIR));
  const backgroundGzipBytes = gzipBytes([join(PROD_DIR, 'background.js')]);
  log(`gzip -9: content scripts ${contentScriptGzipBytes} B, background ${backgroundGzipBytes} B`);
  if (existsSync(join(NPM_BUILD_DIR, 'background.js'))) {
    try {
      const same = gzipBytes(contentScriptFiles(NPM_BUILD_DIR)) === contentScriptGzipBytes && gzipBytes([join(NPM_BUILD_DIR, 'background.js')]) === backgroundGzipBytes;
      log(`.output/chrome-mv3 (last npm run build): ${same ? 'same sizes' : 'different sizes (built from other sources?)'}`);
    } catch {
      // being rebuilt right now: nothing to compare
    }
  }

  let server: FakeServer | undefined;
  let on: BenchBrowser | undefined;
  let off: BenchBrowser | undefined;
  try {
    const fakes = await startFakes();
    server = fakes.server;
    on = await launchBrowser(fakes.port, BENCH_DIR);
    off = await launchBrowser(fakes.port, null);
    const page = on.context.pages()[0] ?? (await on.context.newPage());
    const cdp = await on.context.newCDPSession(page);
    const offPage = off.context.pages()[0] ?? (await off.context.newPage());
    const offCdp = await off.context.newCDPSession(offPage);
    // Long animation frames: traced during every measured run (not the warm-up), on both
    // browsers during the A/B runs so that both sides pay the same tracing cost.
    const tracing = process.env.BENCH_TRACE !== '0';
    const tracer = new FrameTracer(cdp, tracing);
    const offTracer = new FrameTracer(offCdp, tracing);

    log('warming the cache…');
    await warmUp(page);

    await tracer.start('warm');
    log(`warm paint × ${RUNS.warm}`);
    const warm = await timed('warm', RUNS.warm, () => navigateAndTime(page, 'TAO'));
    log(`warm: ${warm.map(r1).join(' ')}`);

    await tracer.start('cold');
    log(`cold paint × ${RUNS.cold}`);
    const cold = await timed('cold', RUNS.cold, async () => {
      await page.goto('about:blank');
      if (!(await killWorker(cdp, on!.extensionId))) log('cold: no worker to kill (already stopped)');
      return navigateAndTime(page, 'TAO');
    });
    log(`cold: ${cold.map(r1).join(' ')}`);

    await tracer.start('spa');
    log(`SPA switch × ${RUNS.spa}`);
    const spa = await spaSwitches(page, RUNS.spa);
    log(`spa: ${spa.map(r1).join(' ')}`);

    log(`page overhead: ${RUNS.overhead} × 2 interleaved runs (ABBA), ${OVERHEAD_WINDOW_MS} ms windows`);
    await page.goto('about:blank');
    await tracer.start('busy page');
    await offTracer.start('busy page');
    const withExt: number[] = [];
    const withoutExt: number[] = [];
    for (let i = 0; i < RUNS.overhead; i++) {
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const ext of order) {
        const ms = ext ? await overheadRun(page, cdp, true) : await overheadRun(offPage, offCdp, false);
        (ext ? withExt : withoutExt).push(ms);
      }
    }
    const ratio = pct(withExt, 50) / pct(withoutExt, 50);
    log(`overhead ms with: ${withExt.map(r1).join(' ')} | without: ${withoutExt.map(r1).join(' ')} | ratio ${ratio.toFixed(3)}`);

    await tracer.stop();
    await offTracer.stop();
    const frames = tracer.longFrames();
    // A frame counts when extension scripts ran ≥ 5 ms inside it: the Long Animation Frames
    // API's own threshold for listing a script in `scripts[]`.
    const fromExt = frames.filter((f) => f.extensionScriptMs >= 5);
    const counts = tracer.frameCounts();
    for (const phase of Object.keys(counts)) {
      const long = frames.filter((f) => f.phase === phase);
      log(`frames [${phase}]: ${counts[phase]} frames, ${long.length} longer than 50 ms, ${long.filter((f) => f.extensionScriptMs >= 5).length} with ≥ 5 ms of extension script`);
    }
    for (const f of fromExt) log(`  [${f.phase}] ${f.durationMs.toFixed(1)} ms frame, ${f.extensionScriptMs.toFixed(1)} ms extension script: ${f.scripts.join(' | ')}`);

    log('watchlist refresh (20 tokens)…');
    const watchlistRefreshRequests = await watchlistRefresh(on, server);

    const result = {
      contentScriptGzipBytes,
      backgroundGzipBytes,
      warmPaintMs: summary(warm),
      coldPaintMs: summary(cold),
      spaSwitchMs: summary(spa),
      pageOverheadRatio: { value: Math.round(ratio * 1000) / 1000, runs: Math.min(withExt.length, withoutExt.length) },
      // null only when the trace was turned off (BENCH_TRACE=0, a diagnostic mode)
      longFramesFromExtension: tracing ? fromExt.length : null,
      watchlistRefreshRequests,
      chromium: chromiumVersion(),
      node: process.versions.node,
    };
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await on?.close();
    await off?.close();
    await server?.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
