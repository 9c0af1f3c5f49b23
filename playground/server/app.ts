import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCheckoutSession, isMode } from './checkout-sessions';
import { readJson, sendJson } from './http';
import { createLava } from './lava';
import { createWebhookReceiver } from './webhook-receiver';

export interface MerchantBackendOptions {
  /** e.g. http://127.0.0.1:4242 */
  sandboxUrl: string;
  /** The sandbox's aks_test_ key: it stays on this server. */
  secretKey: string;
  /** The merchant page's origin: sessions are bound to it (origin_url). */
  pageOrigin: string | (() => string);
  port?: number;
  log?: (line: string) => void;
}

const id = (value: unknown) => (typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined);

/**
 * The merchant's backend, as a merchant would write it with @lavapayments/nodejs: it creates
 * checkout sessions, reads connections, and receives verified webhooks.
 */
export async function startMerchantBackend(options: MerchantBackendOptions) {
  const log = options.log ?? console.log;
  const lava = createLava(options.secretKey, options.sandboxUrl);
  let webhookSecret: string | null = null;
  const webhooks = createWebhookReceiver({ secret: () => webhookSecret, log });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://backend');
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'api') return sendJson(res, 404, { error: 'not found' });

    // POST /api/checkout/:mode  { connectionId?, userId? }
    if (req.method === 'POST' && parts[1] === 'checkout' && parts.length === 3) {
      const mode = parts[2]!;
      if (!isMode(mode)) return sendJson(res, 404, { error: 'unknown checkout mode' });
      const body = await readJson(req);
      const connectionId = id(body.connectionId) ?? id(url.searchParams.get('connection_id'));
      if ((mode === 'topup' || mode === 'credit_bundle') && !connectionId) {
        return sendJson(res, 400, { error: `${mode} needs a connectionId: complete an onboarding or subscription checkout first` });
      }
      const origin = typeof options.pageOrigin === 'string' ? options.pageOrigin : options.pageOrigin();
      const session = await createCheckoutSession(lava, mode, origin, {
        referenceId: id(body.userId) ?? 'playground_user',
        connectionId,
      });
      log(`created ${mode} checkout session ${session.checkout_session_id}`);
      return sendJson(res, 200, session);
    }
    // GET /api/connections
    if (req.method === 'GET' && parts[1] === 'connections' && parts.length === 2) {
      return sendJson(res, 200, await lava.connections.list({ limit: 20 }));
    }
    // GET /api/connections/:id  -> the connection (wallet balance) and its subscription (credits)
    if (req.method === 'GET' && parts[1] === 'connections' && parts.length === 3) {
      const connectionId = id(parts[2]);
      if (!connectionId) return sendJson(res, 400, { error: 'bad connection id' });
      const [connection, subscription] = await Promise.all([
        lava.connections.retrieve(connectionId),
        lava.connections.getSubscription(connectionId),
      ]);
      return sendJson(res, 200, { connection, subscription: subscription.subscription });
    }
    if (req.method === 'POST' && url.pathname === '/api/webhooks/lava') return webhooks.handle(req, res);
    // The page shows which webhooks this backend verified (a demo aid, not something to ship).
    if (req.method === 'GET' && url.pathname === '/api/webhooks/received') return sendJson(res, 200, { data: webhooks.received });
    sendJson(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      log(`merchant backend error: ${error.message}`);
      if (!res.headersSent) sendJson(res, 502, { error: error.message });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    lava,
    webhookUrl: `${url}/api/webhooks/lava`,
    received: webhooks.received,
    /** Set once the endpoint is registered (the secret is shown only then). */
    setWebhookSecret(secret: string) {
      webhookSecret = secret;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export type MerchantBackend = Awaited<ReturnType<typeof startMerchantBackend>>;
