import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../support/ensure-built';
import { type StaticServer, startStaticServer } from '../support/static-server';

const root = join(import.meta.dirname, '..', '..', '..');
const web = join(root, 'playground', 'web');

/**
 * The playground's script-tag page, served as a merchant serves it (http://localhost:<port>),
 * with the script-tag build at /sdk/lava-checkout.js. Its backend (/api/...) is left to the test.
 */
export async function startScriptTagPage(): Promise<StaticServer> {
  ensureBuilt();
  const files: Record<string, string> = {
    '/sdk/lava-checkout.js': join(root, 'dist', 'lava-checkout.iife.js'),
    '/script-tag-page.js': join(web, 'public', 'script-tag-page.js'),
  };
  return startStaticServer({
    host: 'localhost',
    roots: { '/': web },
    handle: (req, res) => {
      const file = files[new URL(req.url ?? '/', 'http://x').pathname];
      if (!file) return false;
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(readFileSync(file));
      return true;
    },
  });
}

/** A checkout origin (http://127.0.0.1:<port>) that only counts what reaches it. */
export async function startCountingCheckoutOrigin(): Promise<StaticServer & { requests: string[] }> {
  const requests: string[] = [];
  const server = await startStaticServer({
    host: '127.0.0.1',
    roots: {},
    handle: (req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(404).end();
      return true;
    },
  });
  return { ...server, requests };
}
