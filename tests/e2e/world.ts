/**
 * One describe block's world: a fake server with KuCoin's pages and the market APIs, and a
 * browser of its own with the production build, both closed after the block. Shared by the
 * e2e files that need nothing else (the hooks are registered in the caller's describe).
 */
import { afterAll, beforeAll } from 'vitest';
import { FakeServer } from './fake-server';
import { installKucoinPages, installMarketFakes } from './fake-market';
import { launch, type Launched } from './browser';

/**
 * A KuCoin page world: fake pages and market APIs, no fundamentals
 * (DefiLlama answers "not found" like for an unknown slug), `extra` handlers on top, and a
 * browser of its own, closed after the block.
 */
export function kucoinWorld(extra: (server: FakeServer) => void = () => undefined): { server: FakeServer; browser: () => Launched } {
  const server = new FakeServer();
  let b: Launched | undefined;
  beforeAll(async () => {
    const port = await server.start();
    installKucoinPages(server);
    installMarketFakes(server, {});
    server.on('api.llama.fi', () => ({ status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } }));
    extra(server);
    b = await launch(port);
  });
  afterAll(async () => {
    await b?.close();
    await server.stop();
  });
  return {
    server,
    browser: () => {
      if (!b) throw new Error('the browser is not launched yet');
      return b;
    },
  };
}

