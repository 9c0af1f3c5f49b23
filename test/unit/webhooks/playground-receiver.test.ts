import { afterEach, describe, expect, it } from 'vitest';
import { type MerchantBackend, startMerchantBackend } from '../../../playground/server/app';
import { signedHeaders } from '../../../src/sandbox/webhooks';
import { generateWebhookSecret } from '../../../src/webhooks';

const secret = generateWebhookSecret();
const event = {
  id: 'evt_playground_1',
  type: 'checkout.completed',
  created_at: new Date().toISOString(),
  data: { checkout_session_id: 'cs_1', checkout_mode: 'onboarding', connection_id: 'conn_1', reference_id: 'u1' },
};
const body = JSON.stringify(event);

let backend: MerchantBackend | null = null;
const lines: string[] = [];
afterEach(async () => {
  await backend?.close();
  backend = null;
  lines.length = 0;
});

async function start() {
  backend = await startMerchantBackend({
    sandboxUrl: 'http://127.0.0.1:9',
    secretKey: 'aks_test_unused',
    pageOrigin: 'http://localhost:5173',
    log: (line) => lines.push(line),
  });
  backend.setWebhookSecret(secret);
  return backend;
}

const post = (url: string, headers: Record<string, string>, payload = body) => fetch(url, { method: 'POST', headers, body: payload });

describe('playground merchant backend webhook receiver', () => {
  it('given a signed delivery, when received, then it is verified, logged and recorded', async () => {
    const { webhookUrl, received } = await start();
    const response = await post(webhookUrl, signedHeaders(secret, event.id, Math.floor(Date.now() / 1000), body));
    expect(response.status).toBe(200);
    expect(received.map((w) => w.id)).toEqual([event.id]);
    expect(lines.some((line) => line.startsWith('verified webhook checkout.completed evt_playground_1'))).toBe(true);
  });

  it('given a delivery signed with another secret, when received, then it answers 400 and records nothing', async () => {
    const { webhookUrl, received } = await start();
    const response = await post(webhookUrl, signedHeaders(generateWebhookSecret(), event.id, Math.floor(Date.now() / 1000), body));
    expect(response.status).toBe(400);
    expect(received).toEqual([]);
    expect(lines).toContain('rejected webhook: invalid_signature');
  });

  it('given the same delivery twice, when received, then the second is acknowledged but not acted on', async () => {
    const { webhookUrl, received } = await start();
    const headers = signedHeaders(secret, event.id, Math.floor(Date.now() / 1000), body);
    await post(webhookUrl, headers);
    const again = await post(webhookUrl, headers);
    expect(again.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(lines).toContain('rejected webhook: replayed');
  });
});
