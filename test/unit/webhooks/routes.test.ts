import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/sandbox/storage/db';
import { createWebhookOutbox, createWebhookRoutes } from '../../../src/sandbox/webhooks';
import { addMerchant } from './support';

const KEY = 'aks_test_routes';
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function app() {
  const db = openDatabase({ memory: true, dataDir: '' });
  addMerchant(db, 'merch_1');
  dbs.push(db);
  const outbox = createWebhookOutbox(db);
  const routes = createWebhookRoutes({ outbox, authenticate: (auth) => (auth === `Bearer ${KEY}` ? 'merch_1' : null) });
  const call = (method: string, path: string, body?: unknown, key = KEY) =>
    routes.request(path, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined || method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
    });
  return { call, outbox };
}

describe('webhook endpoint routes', () => {
  it('when an endpoint is created, then the secret is returned once and never listed', async () => {
    const { call } = app();
    const created = await call('POST', '/v1/webhooks', { url: 'https://example.com/hooks', events: ['checkout.completed'] });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { webhook_id: string; secret: string; events: string[] };
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(body.events).toEqual(['checkout.completed']);
    const listed = (await (await call('GET', '/v1/webhooks')).json()) as { data: Array<Record<string, unknown>> };
    expect(listed.data.map((e) => e.webhook_id)).toEqual([body.webhook_id]);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
  });

  it('given no events, when created, then the endpoint receives every event type', async () => {
    const { call } = app();
    const body = (await (await call('POST', '/v1/webhooks', { url: 'http://localhost:3000/hooks' })).json()) as { events: string[] };
    expect(body.events).toEqual(['checkout.completed', 'connection.wallet.balance.updated', 'connection.balance.low']);
  });

  it.each([
    [{ url: 'ftp://example.com' }],
    [{ url: 'not a url' }],
    [{ url: 'https://user:pw@example.com/' }],
    [{ url: 'https://example.com', events: ['checkout.exploded'] }],
    [{ url: 'https://example.com', events: 'checkout.completed' }],
    [{}],
  ])('given invalid input %j, when creating, then answers 400 invalid_request', async (input) => {
    const { call } = app();
    const response = await call('POST', '/v1/webhooks', input);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it('given a wrong secret key, when calling any endpoint route, then answers 401', async () => {
    const { call } = app();
    for (const [method, path] of [
      ['GET', '/v1/webhooks'],
      ['POST', '/v1/webhooks'],
      ['DELETE', '/v1/webhooks/we_1'],
    ] as const) {
      expect((await call(method, path, { url: 'https://example.com' }, 'aks_test_wrong')).status).toBe(401);
    }
  });

  it('when an endpoint is deleted, then it is gone, and deleting it again answers 404', async () => {
    const { call } = app();
    const { webhook_id } = (await (await call('POST', '/v1/webhooks', { url: 'https://example.com/h' })).json()) as { webhook_id: string };
    expect((await call('DELETE', `/v1/webhooks/${webhook_id}`)).status).toBe(200);
    expect(((await (await call('GET', '/v1/webhooks')).json()) as { data: unknown[] }).data).toEqual([]);
    expect((await call('DELETE', `/v1/webhooks/${webhook_id}`)).status).toBe(404);
  });

  it('given an enqueued event, when reading the delivery log, then it lists the pending delivery without payload or secret', async () => {
    const { call, outbox } = app();
    const created = (await (await call('POST', '/v1/webhooks', { url: 'https://example.com/h' })).json()) as { secret: string };
    const event = outbox.enqueue('merch_1', 'connection.wallet.balance.updated', { connection_id: 'conn_9', balance: '10.00' });
    const log = (await (await call('GET', '/sandbox/webhooks/deliveries')).json()) as { data: Array<Record<string, unknown>> };
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ event_id: event.id, event_type: 'connection.wallet.balance.updated', status: 'pending' });
    expect(JSON.stringify(log)).not.toContain(created.secret);
    expect(JSON.stringify(log)).not.toContain('conn_9');
  });

  it('given seed endpoints, when seeded twice (restart), then each URL is registered once with its fixed secret', () => {
    const { outbox } = app();
    const seed = [{ url: 'http://127.0.0.1:4243/api/webhooks/lava', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', events: ['checkout.completed'] }];
    outbox.endpoints.seed('merch_1', seed);
    outbox.endpoints.seed('merch_1', seed);
    expect(outbox.endpoints.list('merch_1')).toHaveLength(1);
    expect(outbox.endpoints.subscribed('merch_1', 'checkout.completed')[0]!.secret).toBe(seed[0]!.secret);
  });

  it('given a seed endpoint without events, when an event of any type is enqueued, then it gets a delivery', () => {
    const { outbox } = app();
    outbox.endpoints.seed('merch_1', [{ url: 'http://127.0.0.1:4243/hooks' }]);
    outbox.enqueue('merch_1', 'connection.wallet.balance.updated', { connection_id: 'conn_1', balance: '5.00' });
    expect(outbox.listDeliveries()).toHaveLength(1);
  });
});
