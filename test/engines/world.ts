import { startMerchantPages } from '../e2e/support/merchant-pages';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox';
import { type StaticServer, startStaticServer } from '../e2e/support/static-server';
import { PROBE_SCRIPT, PROBE_TAG, probedCheckoutApp } from './page-errors';
import { ATTACKER_PAGE, LEGACY_PAGE, MERCHANT_PAGE, MERCHANT_SCRIPT } from './pages';

/**
 * What the engine flows run against: the sandbox serving the built checkout app on 127.0.0.1
 * (with the page-error probe loaded first), the merchant on localhost (the built script-tag SDK
 * from dist/), and an attacker on a third origin. Every page loads the probe.
 */
export interface EngineWorld {
  sandbox: TestSandbox;
  merchant: StaticServer;
  attacker: StaticServer;
  close(): Promise<void>;
}

const withProbe = (html: string) => html.replace('<head>', `<head>${PROBE_TAG}`);
const probe = { body: PROBE_SCRIPT, type: 'text/javascript' as const };

export async function startEngineWorld(): Promise<EngineWorld> {
  const app = probedCheckoutApp();
  const sandbox = await startTestSandbox({ staticDir: app.dir, log: () => undefined });
  const merchant = await startMerchantPages({
    '/': { body: withProbe(MERCHANT_PAGE) },
    '/merchant.js': { body: MERCHANT_SCRIPT, type: 'text/javascript' },
    '/legacy.html': { body: withProbe(LEGACY_PAGE) },
    '/probe.js': probe,
  });
  const attacker = await startStaticServer({
    host: '127.0.0.1',
    roots: {},
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const page = path === '/probe.js' ? PROBE_SCRIPT : withProbe(ATTACKER_PAGE);
      res.writeHead(200, { 'content-type': `text/${path === '/probe.js' ? 'javascript' : 'html'}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(page);
      return true;
    },
  });
  return {
    sandbox,
    merchant,
    attacker,
    async close() {
      await Promise.all([merchant.close(), attacker.close()]);
      await sandbox.close();
      app.remove();
    },
  };
}
