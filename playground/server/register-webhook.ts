import type { Lava } from '@lavapayments/nodejs';

interface Endpoint {
  webhook_id: string;
  url: string;
}

/**
 * Registers this backend's receiver with the sandbox (what a merchant does once in the
 * dashboard) and returns its secret. An endpoint left from an earlier run for the same URL is
 * replaced, because its secret was only shown when it was created.
 */
export async function registerWebhook(lava: Lava, url: string): Promise<string> {
  const existing = await lava.request<{ data: Endpoint[] }>('GET', 'webhooks');
  for (const endpoint of existing.data.filter((e) => e.url === url)) {
    await lava.request('DELETE', `webhooks/${endpoint.webhook_id}`);
  }
  const created = await lava.request<{ secret: string }>('POST', 'webhooks', {
    data: { url, events: ['checkout.completed', 'connection.wallet.balance.updated'] },
  });
  return created.secret;
}
