/**
 * One local HTTPS server standing in for every exchange page and public API the production
 * build talks to. Chromium maps the real hostnames here (`--host-resolver-rules`, CONTRACT.md),
 * so the extension under test is byte-for-byte the one users install.
 *
 * Routes are keyed by Host header and path; every request is recorded (host, path, query,
 * cookie header) so tests can count upstream calls and check that no cookie leaves.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import selfsigned from 'selfsigned';

export interface Recorded {
  host: string;
  path: string;
  query: URLSearchParams;
  cookie: string | undefined;
  headers: IncomingMessage['headers'];
  at: number;
  method: string;
}

export interface Reply {
  status?: number;
  body: string | object;
  headers?: Record<string, string>;
  /** milliseconds to wait before answering */
  delayMs?: number;
}

/** `method` and `body` (the request body as text, '' for GET) serve JSON-RPC fakes (Subtensor). */
export type Handler = (req: { host: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; method: string; body: string }) => Reply | undefined | Promise<Reply | undefined>;

export class FakeServer {
  readonly requests: Recorded[] = [];
  private handlers: Array<{ host: string; handler: Handler }> = [];
  private server: Server | undefined;
  port = 0;

  /** Adds a handler for a host; later handlers win, returning undefined falls through. */
  on(host: string, handler: Handler): () => void {
    const entry = { host, handler };
    this.handlers.unshift(entry);
    return () => {
      this.handlers = this.handlers.filter((h) => h !== entry);
    };
  }

  reset(): void {
    this.requests.length = 0;
  }

  count(host: string, pathPrefix = ''): number {
    return this.requests.filter((r) => r.host === host && r.path.startsWith(pathPrefix)).length;
  }

  async start(): Promise<number> {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'tokenlens-e2e' }], { keySize: 2048, algorithm: 'sha256' });
    this.server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const rec: Recorded = { host, path: url.pathname, query: url.searchParams, cookie: req.headers.cookie, headers: req.headers, at: Date.now(), method: req.method ?? 'GET' };
    this.requests.push(rec);
    let reqBody = '';
    if (req.method === 'POST') {
      for await (const chunk of req) reqBody += String(chunk);
    }
    let reply: Reply | undefined;
    for (const h of this.handlers) {
      if (h.host !== host) continue;
      reply = await h.handler({ host, path: url.pathname, query: url.searchParams, headers: req.headers, method: req.method ?? 'GET', body: reqBody });
      if (reply) break;
    }
    reply ??= { status: 404, body: `no fake for ${host}${url.pathname}`, headers: { 'content-type': 'text/plain' } };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply!.delayMs));
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === 'string' ? 'text/html; charset=utf-8' : 'application/json';
    // The worker's fetches are cross-origin; real APIs send CORS headers (or rely on host permissions).
    res.writeHead(reply.status ?? 200, { 'content-type': type, 'access-control-allow-origin': '*', ...reply.headers });
    res.end(body);
  }
}
