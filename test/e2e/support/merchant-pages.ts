import { resolve } from 'node:path';
import { type StaticServer, startStaticServer } from './static-server';

export interface MerchantPage {
  body: string;
  /** text/html unless said. */
  type?: 'text/html' | 'text/javascript';
  headers?: Record<string, string>;
}

/**
 * A merchant origin on `localhost` (the checkout runs on 127.0.0.1, another origin): the built
 * SDK under /dist/ and these fixed pages by path, never cached.
 */
export function startMerchantPages(pages: Record<string, MerchantPage>): Promise<StaticServer> {
  return startStaticServer({
    host: 'localhost',
    roots: { '/dist/': resolve('dist') },
    handle(req, res) {
      const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
      if (!page) return false;
      res.writeHead(200, {
        'content-type': `${page.type ?? 'text/html'}; charset=utf-8`,
        'cache-control': 'no-store',
        ...page.headers,
      });
      res.end(page.body);
      return true;
    },
  });
}
