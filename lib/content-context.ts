/**
 * The content script's context, for the content-script build only: scripts/content-script-browser.ts
 * resolves `wxt/utils/content-script-context` (which WXT's entry wrapper constructs) to this file.
 * It keeps what the overlay relies on from WXT 0.20's ContentScriptContext
 * (https://wxt.dev/guide/essentials/content-scripts.html#context, source in
 * node_modules/wxt/dist/utils/content-script-context.mjs), in a quarter of its bytes (QUALITY.md:
 * content script ≤ 20 KB gzip):
 * - invalidation: an AbortSignal, aborted when the extension is reloaded or updated
 *   (`runtime.id` gone);
 * - timers and listeners that die with the context;
 * - `wxt:locationchange`, from polling `location.href` once a second, as WXT does. The handler
 *   is called directly, not through a window event, so a page cannot fire it.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly ac = new AbortController();

  // No window `message` listener, unlike WXT's context (which stops an older copy when a newer one
  // announces itself through window.postMessage): any page script can post that announcement and
  // so switch the overlay off (QUALITY.md: "nothing listens to window.postMessage"). Manifest
  // content scripts are injected once per document, and an extension reload or update is seen
  // through `runtime.id` (isInvalid), so the handshake guards nothing that can happen here.
  constructor(_name: string, _options?: unknown) {}

  abort(): void {
    this.ac.abort();
  }

  get isInvalid(): boolean {
    if (browser.runtime.id == null) this.abort();
    return this.ac.signal.aborted;
  }

  onInvalidated(cb: () => void): () => void {
    this.ac.signal.addEventListener('abort', cb);
    return () => this.ac.signal.removeEventListener('abort', cb);
  }

  setTimeout(handler: () => void, ms?: number): ReturnType<typeof setTimeout> {
    const id = setTimeout(() => this.isInvalid || handler(), ms);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, ms?: number): ReturnType<typeof setInterval> {
    const id = setInterval(() => this.isInvalid || handler(), ms);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  addEventListener(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void {
    if (type !== 'wxt:locationchange') {
      target.addEventListener(type, handler, { ...options, signal: this.ac.signal });
      return;
    }
    let last = location.href;
    this.setInterval(() => {
      if (location.href === last) return;
      last = location.href;
      handler(new Event(type));
    }, 1000);
  }
}
