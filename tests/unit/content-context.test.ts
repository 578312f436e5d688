// @vitest-environment happy-dom
/**
 * lib/content-context.ts, which replaces WXT's ContentScriptContext in the content-script build
 * (scripts/content-script-browser.ts): a page cannot stop it with a window message (nothing
 * listens to postMessage), timers and listeners die with the
 * context, an extension reload (runtime.id gone) invalidates it, and URL changes are reported.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from '../../lib/content-context';

const tick = () => new Promise((r) => setTimeout(r, 20));
const live: ContentScriptContext[] = [];
function make(): ContentScriptContext {
  const c = new ContentScriptContext('overlay');
  live.push(c);
  return c;
}

afterEach(() => {
  for (const c of live.splice(0)) c.abort();
  vi.useRealTimers();
});

describe('content-script context (page build)', () => {
  it('a page cannot stop it: window messages, even WXT’s own announcement shape, change nothing', async () => {
    const older = make();
    await tick();
    const type = `${fakeBrowser.runtime.id}:overlay:wxt:content-script-started`;
    window.postMessage({ type: 'other', contentScriptName: 'overlay', messageId: 'a' }, '*');
    window.postMessage('string data', '*');
    window.postMessage({ type, contentScriptName: 'overlay', messageId: 'c' }, '*');
    make(); // a second context in the same window
    await tick();
    expect(older.isInvalid).toBe(false);
  });

  it('timers and listeners stop with the context', async () => {
    const c = make();
    await tick();
    const timeout = vi.fn();
    const interval = vi.fn();
    const click = vi.fn();
    c.setTimeout(timeout, 5);
    c.setInterval(interval, 5);
    c.addEventListener(document, 'click', click);
    document.dispatchEvent(new Event('click'));
    expect(click).toHaveBeenCalledTimes(1);
    c.abort();
    document.dispatchEvent(new Event('click'));
    await tick();
    expect(click).toHaveBeenCalledTimes(1);
    expect(timeout).not.toHaveBeenCalled();
    expect(interval).not.toHaveBeenCalled();
  });

  it('is invalid once the extension is reloaded (runtime.id gone)', async () => {
    const c = make();
    await tick();
    const id = fakeBrowser.runtime.id;
    try {
      Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true, writable: true });
      expect(c.isInvalid).toBe(true);
    } finally {
      Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true, writable: true });
    }
  });

  it('reports URL changes (wxt:locationchange) once each, within a second', async () => {
    const c = make();
    await tick();
    vi.useFakeTimers();
    const changed = vi.fn();
    c.addEventListener(window, 'wxt:locationchange', changed);
    vi.advanceTimersByTime(1500);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/trade/TAO-USDT');
    vi.advanceTimersByTime(1000);
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(changed).toHaveBeenCalledTimes(1);
    // A page's own window event of that name does nothing.
    window.dispatchEvent(new Event('wxt:locationchange'));
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
