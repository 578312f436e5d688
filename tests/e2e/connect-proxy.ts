/**
 * A tiny local HTTP proxy for browsers that cannot remap hostnames themselves (Firefox has no
 * `--host-resolver-rules`): it answers `CONNECT host:443` for an allowlist of hostnames by
 * tunnelling the TLS stream, untouched, to the local FakeServer (one port for every host; it routes
 * by the `Host` header inside the tunnel). Everything else is refused: CONNECT to any other
 * host or port gets `403`, and plain-HTTP proxy requests (`GET http://…`) get `403` too, so with
 * the browser's HTTP and SSL proxies both pointed here nothing leaves the machine.
 *
 * Bounded: at most `maxConnections` client sockets, idle sockets are dropped after `idleMs`, and
 * `close()` destroys every open socket before the server stops.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ConnectProxyOptions {
  /** Hostnames tunnelled to the target (exact, case-insensitive; port 443 only). */
  hosts: readonly string[];
  /** Port of the local HTTPS server the tunnels lead to. */
  targetPort: number;
  targetHost?: string;
  maxConnections?: number;
  idleMs?: number;
}

export interface ConnectProxy {
  port: number;
  /** `host:port` of every tunnel opened, in order. */
  readonly tunnelled: string[];
  /** What was refused: `CONNECT host:port` or `GET http://…`. */
  readonly refused: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(opts: ConnectProxyOptions): Promise<ConnectProxy> {
  const allowed = new Set(opts.hosts.map((h) => h.toLowerCase()));
  const targetHost = opts.targetHost ?? '127.0.0.1';
  const idleMs = opts.idleMs ?? 30_000;
  const sockets = new Set<Duplex>();
  const tunnelled: string[] = [];
  const refused: string[] = [];

  const track = (s: Duplex): void => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A plain-HTTP proxy request (absolute URL) or anything else that is not CONNECT.
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' });
    res.end('tokenlens e2e proxy: only CONNECT to mapped hosts\n');
  });
  server.maxConnections = opts.maxConnections ?? 256;
  server.on('connection', (s: Socket) => {
    track(s);
    s.setTimeout(idleMs, () => s.destroy());
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    refused.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? '';
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    const host = m?.[1]?.toLowerCase() ?? '';
    if (!m || m[2] !== '443' || !allowed.has(host)) {
      refused.push(`CONNECT ${target}`);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    tunnelled.push(`${host}:443`);
    const upstream = connect(opts.targetPort, targetHost);
    track(upstream);
    upstream.setTimeout(idleMs, () => upstream.destroy());
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const teardown = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.once('error', teardown);
    upstream.once('close', teardown);
    client.once('error', teardown);
    client.once('close', teardown);
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    tunnelled,
    refused,
    async close() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
