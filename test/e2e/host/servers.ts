import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, FAKE_CHECKOUT_PAGE_BUILD, LIB_BUILD, ROOT as root } from '../support/ensure-built';
import { type StaticServer, startStaticServer } from '../support/static-server';

const pages = join(import.meta.dirname, 'pages');

/** What a merchant under a strict policy allows: no inline script or style anywhere. */
export function merchantCsp(frameSrc: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${frameSrc}; connect-src 'self'`;
}

export interface HostServers {
  /** Merchant pages on http://localhost:<port>, loading the built SDK from /dist/. */
  merchant: StaticServer;
  /** The fake checkout app on http://127.0.0.1:<port>. */
  checkout: StaticServer;
  /** A third origin on http://127.0.0.1:<another port> (a lookalike of the checkout: same host, other port). */
  attacker: StaticServer;
  close(): Promise<void>;
}

export async function startHostServers(tokenFor: () => string): Promise<HostServers> {
  ensureBuilt(LIB_BUILD);
  ensureBuilt(FAKE_CHECKOUT_PAGE_BUILD);
  const checkoutHtml = readFileSync(join(pages, 'checkout', 'checkout.html'));
  const fakeCheckoutPage = readFileSync(join(root, FAKE_CHECKOUT_PAGE_BUILD.outputs[0]!));
  const checkout = await startStaticServer({
    host: '127.0.0.1',
    roots: { '/': join(pages, 'checkout') },
    handle: (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/fake-checkout-page.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(fakeCheckoutPage);
        return true;
      }
      if (!path.endsWith('/embed/checkout')) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(checkoutHtml);
      return true;
    },
  });
  const attacker = await startStaticServer({ host: '127.0.0.1', roots: { '/': join(pages, 'attacker') } });
  const merchant = await startStaticServer({
    host: 'localhost',
    roots: { '/dist/': join(root, 'dist'), '/': join(pages, 'merchant') },
    headers: (path): Record<string, string> =>
      path.endsWith('.html') || path === '/' ? { 'content-security-policy': merchantCsp('http://127.0.0.1:*') } : {},
    handle: (req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/checkout') return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ checkout_session_token: tokenFor() }));
      return true;
    },
  });
  return {
    merchant,
    checkout,
    attacker,
    close: async () => {
      await Promise.all([merchant.close(), checkout.close(), attacker.close()]);
    },
  };
}
