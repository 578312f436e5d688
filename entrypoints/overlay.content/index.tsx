/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (`h(type, props, ...children)`) in everything the content script renders: ~180 B
// gzip less than the automatic runtime's `{ children: [...] }` objects (QUALITY.md: 20 KB).
/**
 * The content script for every venue: detect the pair from the URL, ask the worker for the
 * bundle, render the overlay in a shadow root. Thin by design (GUIDE.md): no fetching, no
 * parsing of network data, no zod; it reads nothing from the page but the URL (and, on the two
 * venues that hide the pair, one narrow selector declared by the venue file).
 */
// Inlined, not injected from a web-accessible file: cssInjectionMode 'ui' would list the CSS in
// `web_accessible_resources`, which QUALITY.md forbids (pages could probe for the extension).
import overlayCss from './style.css?inline';
import { Fragment, h, render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { venues } from '../../lib/exchanges';
import { OverlayApp } from './App';
import { useExtensionMessages } from '../../lib/i18n/browser';

export default defineContentScript({
  // Derived from the venue table: trade pages only. Account/asset/API/withdrawal pages are
  // excluded by `exclude_matches`, which wxt.config.ts adds to this entry of the manifest
  // (QUALITY.md, "Minimal manifest").
  matches: [...new Set(venues.flatMap((v) => v.matches))],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  main(ctx: ContentScriptContext) {
    if (window.top !== window) return; // top frame only
    useExtensionMessages();
    mountShadowHost(ctx, 'tokenlens-overlay', overlayCss, (container) => render(<OverlayApp ctx={ctx} />, container));
  },
});

/**
 * Event types the overlay acts on, which a page script could forge (`el.click()`,
 * `dispatchEvent(new Event('change'))` on the asset select, synthetic pointer drags, key presses).
 * Extend it with any event type a new control listens to.
 */
const GATED_EVENTS = ['click', 'change', 'input', 'submit', 'keydown', 'pointerdown', 'pointermove', 'pointerup', 'pointercancel'];

/**
 * The shadow-root host, as WXT's createShadowRootUi builds it (an open shadow root on a custom
 * element, `:host{all:initial}`, keyboard events kept inside), in a dozen lines: the helper's
 * anchor-waiting and element-isolation libraries cost ~2 KB gzip of the page budget
 * (QUALITY.md: 20 KB), for features this overlay does not use.
 */
function mountShadowHost(ctx: ContentScriptContext, name: string, css: string, mount: (container: HTMLElement) => void): void {
  const host = document.createElement(name);
  // Open, not closed: a closed root does not keep a hostile page out. Page scripts run before a
  // document_idle content script and can wrap Element.prototype.attachShadow to keep the closed
  // root, and the panel shows only public market data. What matters is that nothing the page
  // does can change state: every forgeable event is stopped at the root, before any listener in
  // the panel, unless the browser made it from real input (`isTrusted`); and the worker accepts
  // only an asset id it offered itself (lib/settings/asset-choice.ts). Tests keep reading the
  // open root as before. https://developer.mozilla.org/docs/Web/API/Event/isTrusted
  const shadow = host.attachShadow({ mode: 'open' });
  for (const type of GATED_EVENTS) {
    shadow.addEventListener(
      type,
      (e) => {
        if (e.isTrusted) return;
        e.stopImmediatePropagation();
        e.preventDefault();
      },
      { capture: true },
    );
  }
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
