import { test } from './test';
import type { StaticServer } from './static-server';

/** What a checkout e2e file runs against: a sandbox (checkout origin) and a merchant page server. */
export interface CheckoutServers<S> {
  sandbox: S;
  merchant: StaticServer;
}

/**
 * Starts the sandbox, then the merchant server, once for the file (beforeAll), and closes both
 * after it (afterAll). The fields are set once beforeAll has run: read them inside tests.
 */
export function checkoutServersPerFile<S extends { close(): Promise<void> }>(
  startSandbox: () => Promise<S>,
  startMerchant: (sandbox: S) => Promise<StaticServer>,
): CheckoutServers<S> {
  const servers = {} as CheckoutServers<S>;
  test.beforeAll(async () => {
    servers.sandbox = await startSandbox();
    servers.merchant = await startMerchant(servers.sandbox);
  });
  test.afterAll(async () => {
    await servers.merchant?.close();
    await servers.sandbox?.close();
  });
  return servers;
}
