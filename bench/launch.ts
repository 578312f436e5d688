/**
 * Browser plumbing for the benchmark: a launcher like tests/e2e/browser.ts but for any build
 * directory (or none, for the "extension off" side of A/B runs), a service-worker killer, and a
 * trace-based attribution of long animation frames to the extension.
 *
 * Why a trace: Chromium leaves isolated-world (content-script) code out of the Long Animation
 * Frames API. A `long-animation-frame` entry caused by a content script has `scripts: []`, seen
 * from the page and from the content script's own world alike, so counting `scripts[].sourceURL`
 * that start with `chrome-extension://` would always say 0. The `devtools.timeline` trace has the
 * same frames (`AnimationFrame` async events) and every script call with its URL, extension
 * scripts included, on the page's main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from './e2e-browser';

export interface BenchBrowser {
  context: BrowserContext;
  /** empty when launched without an extension */
  extensionId: string;
  close(): Promise<void>;
}

export async function launchBrowser(port: number, extensionDir: string | null): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tokenlens-bench-'));
  const args = chromiumArgs(port, extensionDir);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args,
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  let extensionId = '';
  if (extensionDir) {
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      extensionId = new URL(worker.url()).host;
    } catch (e) {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      throw e;
    }
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Terminates the extension's service worker (CDP `Target.closeTarget`) and waits until it is gone. */
export async function killWorker(cdp: CDPSession, extensionId: string): Promise<boolean> {
  const find = async () => (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  const sw = await find();
  if (!sw) return false;
  await cdp.send('Target.closeTarget', { targetId: sw.targetId });
  for (let i = 0; i < 40 && (await find()); i++) await sleep(25);
  return true;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { data?: { url?: string; functionName?: string } };
}

export interface LongFrame {
  phase: string;
  startUs: number;
  durationMs: number;
  extensionScriptMs: number;
  scripts: string[];
}

/**
 * Records `devtools.timeline` for the whole browser while it runs, keeping only what the
 * attribution needs: animation frames and script events whose URL is an extension's.
 */
export class FrameTracer {
  private begins = new Map<string, TraceEvent>();
  private frames: Array<{ pid: number; tid: number; start: number; end: number; phase: string }> = [];
  private ext: TraceEvent[] = [];
  private phase = '';
  private listener = (e: { value: object[] }) => {
    for (const ev of e.value as unknown as TraceEvent[]) this.take(ev);
  };

  constructor(
    private cdp: CDPSession,
    private enabled = true,
  ) {}

  /** Starts recording; frames recorded until `stop()` are labelled with `phase`. */
  async start(phase: string): Promise<void> {
    await this.stop();
    if (!this.enabled) return;
    this.phase = phase;
    this.begins.clear();
    this.cdp.on('Tracing.dataCollected', this.listener);
    await this.cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  }

  async stop(): Promise<void> {
    if (!this.phase) return;
    let timer: NodeJS.Timeout | undefined;
    const done = new Promise<void>((r) => this.cdp.once('Tracing.tracingComplete', () => r()));
    await this.cdp.send('Tracing.end');
    await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, 30_000)))]);
    clearTimeout(timer);
    this.cdp.off('Tracing.dataCollected', this.listener);
    this.phase = '';
  }

  private take(ev: TraceEvent): void {
    if (ev.name === 'AnimationFrame' && (ev.ph === 'b' || ev.ph === 'e')) {
      const key = `${ev.pid}:${ev.id ?? ev.id2?.local ?? ev.id2?.global ?? ''}`;
      if (ev.ph === 'b') this.begins.set(key, ev);
      else {
        const b = this.begins.get(key);
        if (b) {
          this.begins.delete(key);
          this.frames.push({ pid: b.pid, tid: b.tid, start: b.ts, end: ev.ts, phase: this.phase });
        }
      }
      return;
    }
    if (ev.ph === 'X' && typeof ev.dur === 'number' && ev.args?.data?.url?.startsWith('chrome-extension://')) this.ext.push(ev);
  }

  /** Frames longer than 50 ms (the Long Animation Frames threshold), with extension script time inside. */
  longFrames(): LongFrame[] {
    const out: LongFrame[] = [];
    for (const f of this.frames) {
      if (f.end - f.start <= 50_000) continue;
      const inside = this.ext
        .filter((e) => e.pid === f.pid && e.tid === f.tid && e.ts < f.end && e.ts + e.dur! > f.start)
        .map((e) => ({ s: Math.max(e.ts, f.start), e: Math.min(e.ts + e.dur!, f.end), label: `${e.name} ${e.args!.data!.url}${e.args!.data!.functionName ? ` ${e.args!.data!.functionName}` : ''}` }))
        .sort((a, b) => a.s - b.s);
      // union of intervals: nested calls (a FunctionCall inside an EvaluateScript) count once
      let total = 0;
      let curS = -1;
      let curE = -1;
      for (const i of inside) {
        if (i.s > curE) {
          if (curE > curS) total += curE - curS;
          curS = i.s;
          curE = i.e;
        } else curE = Math.max(curE, i.e);
      }
      if (curE > curS) total += curE - curS;
      out.push({ phase: f.phase, startUs: f.start, durationMs: (f.end - f.start) / 1000, extensionScriptMs: total / 1000, scripts: [...new Set(inside.map((i) => i.label))].slice(0, 5) });
    }
    return out;
  }

  /** Frames recorded per phase. */
  frameCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.frames) out[f.phase] = (out[f.phase] ?? 0) + 1;
    return out;
  }
}

/** A page's own CDP session (for Performance metrics, targets and tracing). */
export async function cdpFor(context: BrowserContext, page: Page): Promise<CDPSession> {
  return context.newCDPSession(page);
}
