/**
 * The content script for every venue: detect the pair from the URL, ask the worker for the
 * bundle, render the overlay in a shadow root. Thin by design (GUIDE.md): no fetching, no
 * parsing of network data, no zod; it reads nothing from the page but the URL (and, on the two
 * venues that hide the pair, one narrow selector declared by the venue file).
 */
// Inlined, not injected from a web-accessible file: cssInjectionMode 'ui' would list the CSS in
// `web_accessible_resources`, which QUALITY.md forbids (pages could probe for the extension).
import overlayCss from './style.css?inline';
import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { venues } from '../../lib/exchanges';
import { OverlayApp } from './App';
import { useExtensionMessages } from '../../lib/i18n/browser';

export default defineContentScript({
  // Derived from the venue table: trade pages only, account/asset/API/withdrawal pages excluded
  // (QUALITY.md, "Minimal manifest").
  matches: [...new Set(venues.flatMap((v) => v.matches))],
  excludeMatches: [...new Set(venues.flatMap((v) => v.excludeMatches ?? []))],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx: ContentScriptContext) {
    if (window.top !== window) return; // top frame only
    useExtensionMessages();
    mountShadowHost(ctx, 'tokenlens-overlay', overlayCss, (container) => render(<OverlayApp ctx={ctx} />, container));
  },
});

/**
 * The shadow-root host, as WXT's createShadowRootUi builds it (an open shadow root on a custom
 * element, `:host{all:initial}`, keyboard events kept inside), in a dozen lines: the helper's
 * anchor-waiting and element-isolation libraries cost ~2 KB gzip of the page budget
 * (QUALITY.md: 20 KB), for features this overlay does not use.
 */
function mountShadowHost(ctx: ContentScriptContext, name: string, css: string, mount: (container: HTMLElement) => void): void {
  const host = document.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css; // style.css opens with `:host { all: initial }`
  const container = document.createElement('div');
  // Keys typed inside the panel must not trigger the exchange's trading hotkeys.
  for (const type of ['keydown', 'keyup', 'keypress']) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  document.body.append(host);
  mount(container);
  ctx.onInvalidated(() => {
    render(null, container);
    host.remove();
  });
}
