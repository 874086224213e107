import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTS } from './hosts';

/** The fixture pages the content-script tests load (test/fixtures/pages). */
export const FIXTURE_PAGES = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export type SiteHost = (typeof HOSTS)[keyof typeof HOSTS];

export interface StaticServer {
  port: number;
  /** The URL of a fixture page on one of the test sites, e.g. `page('crm.html')`. */
  page(name: string, host?: SiteHost): string;
  /** Requests refused because they named no test site (e.g. `Host: 127.0.0.1`). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Serves a folder read-only, never cached (so every load is a fresh page load the content script
 * sees), to the test sites of hosts.ts only: a request whose Host is not one of them (127.0.0.1,
 * localhost) gets 421 and is recorded, so no test can silently load a page from the API's host.
 * `{{port}}` in an HTML file becomes the server's port (for cross-site frames).
 */
export async function serveFixtures(root = FIXTURE_PAGES): Promise<StaticServer> {
  const base = path.resolve(root);
  const allowed = new Set<string>(Object.values(HOSTS));
  const refused: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!allowed.has(host)) {
      refused.push(`${req.headers.host} ${req.url}`);
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end(`${host} is not a test site`);
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.resolve(base, `.${pathname}`);
    if (req.method !== 'GET' || !file.startsWith(base + path.sep)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
        res.end(
          type.startsWith('text/html') ? body.toString().replaceAll('{{port}}', `${port}`) : body,
        );
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    page: (name, host = HOSTS.crm) => `http://${host}:${port}/${name}`,
    refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
