import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

/**
 * A TCP listener that records every connection made to it and answers none: the browser is
 * pointed here for net2phone's real host, so a test can prove nothing was sent there.
 * Chromium maps the host straight to it (each connection is one attempt on that host); Firefox
 * uses it as its HTTPS proxy, so each connection starts with `CONNECT host:443` naming the host.
 */
export interface NetworkTrap {
  port: number;
  /** The first line each connection sent (a CONNECT line, or TLS bytes shown as "tls"). */
  connections: string[];
  close(): Promise<void>;
}

export async function startNetworkTrap(): Promise<NetworkTrap> {
  const connections: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', (data) => {
      const text = data.toString('latin1');
      connections.push(/^[A-Z]+ /.test(text) ? (text.split('\r\n')[0] ?? '') : 'tls');
      socket.destroy();
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
