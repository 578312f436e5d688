/**
 * The content script's context, for the content-script build only: scripts/content-script-browser.ts
 * resolves `wxt/utils/content-script-context` (which WXT's entry wrapper constructs) to this file.
 * It keeps what the overlay relies on from WXT 0.20's ContentScriptContext
 * (https://wxt.dev/guide/essentials/content-scripts.html#context, source in
 * node_modules/wxt/dist/utils/content-script-context.mjs), in a quarter of its bytes (QUALITY.md:
 * content script ≤ 20 KB gzip):
 * - invalidation: an AbortSignal, aborted when the extension is reloaded or updated
 *   (`runtime.id` gone) or when a newer copy of this script starts in the same frame (the same
 *   `…:overlay:wxt:content-script-started` window message WXT posts, so an older WXT-built copy
 *   and this one stop each other the same way);
 * - timers and listeners that die with the context;
 * - `wxt:locationchange`, from polling `location.href` once a second, as WXT does. The handler
 *   is called directly, not through a window event, so a page cannot fire it.
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  private readonly ac = new AbortController();

  constructor(name: string, _options?: unknown) {
    const type = `${browser?.runtime?.id}:${name}:wxt:content-script-started`;
    // In the top frame the first message is this script's own announcement.
    let ignoreNext = window.self === window.top;
    const onMessage = (e: MessageEvent) => {
      // Any page script can post to the window: read only these two fields, compared as is.
      // (WXT also de-duplicates by message id; each message reaches this listener once anyway.)
      const d: { type?: unknown; contentScriptName?: unknown } | null = typeof e.data === 'object' ? e.data : null;
      if (d?.type !== type || d.contentScriptName !== name) return;
      if (ignoreNext) ignoreNext = false;
      else this.abort();
    };
    addEventListener('message', onMessage);
    this.onInvalidated(() => removeEventListener('message', onMessage));
    if (window.self === window.top) postMessage({ type, contentScriptName: name, messageId: Math.random().toString(36).slice(2) }, '*');
  }

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
