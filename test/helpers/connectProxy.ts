/**
 * A forward proxy on loopback for tests: answers `CONNECT host:port` by tunnelling to `target`
 * (a loopback port), whatever host was asked for, so a kubeconfig can name a server that does not
 * resolve and still reach the fake API through the proxy. Records each CONNECT target; with
 * `requireAuth` it answers 407 unless the Proxy-Authorization matches.
 */
import * as http from 'node:http';
import * as net from 'node:net';

export interface ConnectProxy {
  url: string;
  /** `host:port` of each CONNECT, in order. */
  connects: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(options: { targetPort: number; requireAuth?: { user: string; password: string } }): Promise<ConnectProxy> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => undefined);
    connects.push(req.url ?? '');
    const auth = options.requireAuth;
    if (auth && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const upstream = net.connect(options.targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
