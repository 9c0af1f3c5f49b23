import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. `http://localhost:41234` */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Directories to serve, keyed by URL prefix ("/" or "/dist/"). */
  roots: Record<string, string>;
  /** Hostname used in `url`; merchant pages use `localhost`, checkout pages `127.0.0.1`. */
  host?: 'localhost' | '127.0.0.1';
  /** Extra headers per response (e.g. a Content-Security-Policy for a page under test). */
  headers?: (path: string) => Record<string, string>;
  /** Handle a request before static files; return true when handled. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

/** A tiny static file server on an ephemeral loopback port, for end-to-end pages. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const host = options.host ?? 'localhost';
  const roots = Object.entries(options.roots).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      if (options.handle && (await options.handle(req, res))) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const match = roots.find(([prefix]) => path.startsWith(prefix));
      if (!match) return notFound(res, path);
      const [prefix, dir] = match;
      const root = resolve(dir);
      let file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root)) return notFound(res, path);
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return notFound(res, path);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(options.headers?.(path) ?? {}),
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, host === 'localhost' ? '127.0.0.1' : host, done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function notFound(res: ServerResponse, path: string): void {
  // Chromium asks every top-level page's origin for a favicon; none of these pages has one, and a
  // 404 would be logged in the page as an error that no test caused.
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}
