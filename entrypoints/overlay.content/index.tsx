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
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { venues } from '../../lib/exchanges';
import { OverlayApp } from './App';

export default defineContentScript({
  // Derived from the venue table: trade pages only, account/asset/API/withdrawal pages excluded
  // (QUALITY.md, "Minimal manifest").
  matches: [...new Set(venues.flatMap((v) => v.matches))],
  excludeMatches: [...new Set(venues.flatMap((v) => v.excludeMatches ?? []))],
  cssInjectionMode: 'manual',
  runAt: 'document_idle',
  async main(ctx: ContentScriptContext) {
    if (window.top !== window) return; // top frame only
    const ui = await createShadowRootUi(ctx, {
      name: 'tokenlens-overlay',
      position: 'inline',
      anchor: 'body',
      mode: 'open',
      css: overlayCss,
      // Keys typed inside the panel must not trigger the exchange's trading hotkeys.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container) {
        render(<OverlayApp ctx={ctx} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
