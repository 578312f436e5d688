/**
 * A busy exchange page for the page-overhead benchmark (QUALITY.md, "Performance"): an order
 * book of 2 × 30 levels and a trades tape of 40 rows (about 700 DOM nodes) redrawn at 10 Hz, with
 * depth bars whose widths change (style + layout work every tick) and flashing last-price cells.
 * Deterministic (seeded walk), no network, no timers other than the one 100 ms interval.
 *
 * Served by the fake server on the KuCoin trade path with `?tl-bench=busy`, so the content script
 * matches it and detects TAO/USDT exactly as on the plain fake page.
 */
import type { FakeServer } from '../tests/e2e/fake-server';
import { kucoinPage } from '../tests/e2e/fake-market';

export const BUSY_QUERY = 'tl-bench=busy';

export function busyPage(): string {
  return `<!doctype html><html lang="en" class="theme-dark"><head><meta charset="utf-8"><title>KuCoin busy fake</title>
<style>
body{margin:0;background:#0b0e11;color:#eaecef;font:12px/1.4 sans-serif}
header{height:60px}
#book{position:absolute;right:360px;top:60px;width:320px}
#tape{position:absolute;right:0;top:60px;width:340px}
table{border-collapse:collapse;width:100%}
td{padding:1px 6px;position:relative;white-space:nowrap}
td.p{width:40%}
.bid td.p{color:#0ecb81}.ask td.p{color:#f6465d}
.bar{position:absolute;top:0;bottom:0;right:0;opacity:.18;pointer-events:none}
.bid .bar{background:#0ecb81}.ask .bar{background:#f6465d}
.up{color:#0ecb81}.down{color:#f6465d}
.flash{background:#2b3139}
#last{font-size:20px;padding:6px}
</style></head>
<body><header>KuCoin <span id="last">0</span></header>
<div id="book"><table id="asks"></table><table id="bids"></table></div>
<div id="tape"><table id="trades"></table></div>
<script>
(() => {
  const LEVELS = 30, TRADES = 40;
  let seed = 12345, mid = 412.5, tick = 0;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const row = (cls) => {
    const tr = document.createElement('tr'); tr.className = cls;
    for (const c of ['p', 'q', 't']) { const td = document.createElement('td'); td.className = c; tr.appendChild(td); }
    const bar = document.createElement('div'); bar.className = 'bar'; tr.cells[2].appendChild(bar);
    return tr;
  };
  const asks = document.getElementById('asks'), bids = document.getElementById('bids'), trades = document.getElementById('trades');
  const askRows = [], bidRows = [], tradeRows = [];
  for (let i = 0; i < LEVELS; i++) { askRows.push(asks.appendChild(row('ask'))); bidRows.push(bids.appendChild(row('bid'))); }
  for (let i = 0; i < TRADES; i++) { const tr = document.createElement('tr'); for (let j = 0; j < 3; j++) tr.appendChild(document.createElement('td')); tradeRows.push(trades.appendChild(tr)); }
  const last = document.getElementById('last');
  const draw = () => {
    tick++;
    const prev = mid;
    mid = Math.max(1, mid * (1 + (rnd() - 0.5) * 0.002));
    last.textContent = mid.toFixed(2);
    last.className = mid >= prev ? 'up' : 'down';
    let cumA = 0, cumB = 0;
    for (let i = 0; i < LEVELS; i++) {
      const qa = rnd() * 50, qb = rnd() * 50; cumA += qa; cumB += qb;
      const a = askRows[LEVELS - 1 - i], b = bidRows[i];
      a.cells[0].textContent = (mid + 0.01 * (i + 1)).toFixed(2); a.cells[1].textContent = qa.toFixed(3);
      a.cells[2].lastChild.style.width = Math.min(100, cumA / 8).toFixed(1) + '%';
      b.cells[0].textContent = (mid - 0.01 * (i + 1)).toFixed(2); b.cells[1].textContent = qb.toFixed(3);
      b.cells[2].lastChild.style.width = Math.min(100, cumB / 8).toFixed(1) + '%';
      a.classList.toggle('flash', rnd() < 0.1); b.classList.toggle('flash', rnd() < 0.1);
    }
    // trades tape: shift down one row per tick
    for (let i = TRADES - 1; i > 0; i--) {
      const to = tradeRows[i].cells, from = tradeRows[i - 1].cells;
      for (let j = 0; j < 3; j++) to[j].textContent = from[j].textContent;
      to[0].className = from[0].className;
    }
    const c = tradeRows[0].cells, up = rnd() < 0.5;
    c[0].textContent = mid.toFixed(2); c[0].className = up ? 'up' : 'down';
    c[1].textContent = (rnd() * 10).toFixed(3); c[2].textContent = String(tick);
  };
  draw();
  setInterval(draw, 100);
})();
window.__nav=(p)=>history.pushState({},'',p);
</script>
</body></html>`;
}

/** Serves the busy page for `/trade/...?tl-bench=busy`, the plain fake KuCoin page otherwise. */
export function installBusyPage(server: FakeServer): void {
  server.on('www.kucoin.com', ({ path, query }) => {
    if (!path.includes('/trade/')) return undefined;
    return { body: query.get('tl-bench') === 'busy' ? busyPage() : kucoinPage() };
  });
}
