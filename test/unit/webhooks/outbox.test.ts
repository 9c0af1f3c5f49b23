import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookOutbox, type WebhookOutboxOptions } from '../../../src/sandbox/webhooks';
import { verifyWebhook } from '../../../src/webhooks';
import { startReceiver, tempDatabase, waitFor } from './support';

const MERCHANT = 'merch_test';
const fast: WebhookOutboxOptions = { baseDelayMs: 5, pollMs: 5, resumeSpreadMs: 0, timeoutMs: 2000 };
const completed = {
  checkout_session_id: 'cs_1',
  checkout_mode: 'subscription' as const,
  connection_id: 'conn_1',
  reference_id: 'user_42',
};

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(script: number[] = [], options: WebhookOutboxOptions = fast) {
  const receiver = await startReceiver(script);
  const database = tempDatabase(MERCHANT);
  const db = database.open();
  const outbox = createWebhookOutbox(db, options);
  cleanups.push(database.remove, () => db.close(), () => outbox.stop(), receiver.close);
  const endpoint = outbox.endpoints.create(MERCHANT, { url: receiver.url, events: ['checkout.completed'] });
  return { receiver, database, db, outbox, endpoint };
}

describe('webhook outbox', () => {
  it('given a subscribed endpoint, when an event is enqueued, then it is delivered signed and verifiable', async () => {
    const { receiver, outbox, endpoint } = await setup();
    outbox.start();
    const event = outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => receiver.received.length === 1);
    const [delivery] = receiver.received;
    const verified = await verifyWebhook(delivery!.body, delivery!.headers, { secret: endpoint.secret });
    expect(verified).toEqual(event);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'delivered');
  });

  it("given the webhook handler of Lava's monetization quickstart (HMAC of JSON.stringify(req.body)), when a delivery arrives, then its x-lava-signature verifies", async () => {
    const { receiver, outbox, endpoint } = await setup();
    outbox.start();
    outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => receiver.received.length === 1);
    const [delivery] = receiver.received;
    // That handler's check, unchanged: the body is parsed, then re-serialised.
    const payload = JSON.stringify(JSON.parse(delivery!.body));
    const expected = createHmac('sha256', endpoint.secret).update(payload).digest('hex');
    const signature = String(delivery!.headers['x-lava-signature']);
    expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
  });

  it('given an endpoint not subscribed to the type, when an event is enqueued, then nothing is sent to it', async () => {
    const { outbox } = await setup();
    outbox.enqueue(MERCHANT, 'connection.wallet.balance.updated', { connection_id: 'conn_1', balance: '25.00' });
    expect(outbox.listDeliveries()).toEqual([]);
  });

  it('given a receiver answering 500 twice then 200, when delivering, then the third try succeeds with the same event id', async () => {
    const { receiver, outbox } = await setup([500, 500, 200]);
    outbox.start();
    const event = outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'delivered');
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([event.id, event.id, event.id]);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const [entry] = outbox.listDeliveries();
    expect(entry!.attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
  });

  it('given a receiver that does not answer in time, when delivering, then the attempt times out and is retried', async () => {
    const { receiver, outbox } = await setup([0, 200], { ...fast, timeoutMs: 200 });
    outbox.start();
    const event = outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'delivered');
    const [entry] = outbox.listDeliveries();
    expect(entry!.attempts.map((a) => a.error)).toEqual(['timeout after 200 ms', null]);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([event.id, event.id]);
  });

  it('given a receiver that always answers 503, when delivering, then it stops after maxAttempts and marks the delivery failed', async () => {
    const { receiver, outbox } = await setup([503, 503, 503, 503, 503], { ...fast, maxAttempts: 3 });
    outbox.start();
    outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'failed');
    expect(receiver.received).toHaveLength(3);
  });

  it('given a receiver answering 400, when delivering, then it is not retried', async () => {
    const { receiver, outbox } = await setup([400]);
    outbox.start();
    outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'failed');
    expect(receiver.received).toHaveLength(1);
  });

  it('given an unreachable endpoint, when delivering, then the network error is logged and retried', async () => {
    const { outbox, receiver } = await setup();
    await receiver.close();
    outbox.start();
    outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.status === 'failed');
    const [entry] = outbox.listDeliveries();
    expect(entry!.attempts).toHaveLength(3);
    expect(entry!.attempts[0]!.error).toMatch(/network error/);
  });

  it('given a pending delivery that was never sent, when the sandbox restarts on the same file, then it is delivered exactly once', async () => {
    const { receiver, database, db, outbox } = await setup();
    const event = outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await outbox.stop();
    db.close();

    const reopened = database.open();
    const restarted = createWebhookOutbox(reopened, fast);
    cleanups.push(() => reopened.close(), () => restarted.stop());
    restarted.start();
    await waitFor(() => restarted.listDeliveries()[0]?.status === 'delivered');
    // Give the loop many more rounds: nothing else may be sent.
    for (let i = 0; i < 20; i++) await restarted.deliverDue();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers['webhook-id']).toBe(event.id);
  });

  it('given a delivery awaiting its retry, when the sandbox restarts, then the retry happens once with the same id', async () => {
    const { receiver, database, db, outbox } = await setup([500], { ...fast, baseDelayMs: 60_000 });
    outbox.start();
    const event = outbox.enqueue(MERCHANT, 'checkout.completed', completed);
    await waitFor(() => outbox.listDeliveries()[0]?.attempts.length === 1);
    await outbox.stop();
    db.close();

    const reopened = database.open();
    // The retry is a minute away; the restarted clock is two minutes later.
    const restarted = createWebhookOutbox(reopened, { ...fast, now: () => Date.now() + 120_000 });
    cleanups.push(() => reopened.close(), () => restarted.stop());
    restarted.start();
    await waitFor(() => restarted.listDeliveries()[0]?.status === 'delivered');
    for (let i = 0; i < 20; i++) await restarted.deliverDue();
    expect(receiver.received.map((r) => [r.status, r.headers['webhook-id']])).toEqual([
      [500, event.id],
      [200, event.id],
    ]);
  });

  it('given many overdue deliveries at restart, when resuming, then they are spread over the resume window', async () => {
    const { database, db, outbox } = await setup();
    for (let i = 0; i < 5; i++) outbox.enqueue(MERCHANT, 'checkout.completed', { ...completed, checkout_session_id: `cs_${i}` });
    db.close();
    const reopened = database.open();
    let r = 0;
    const spread = [0.1, 0.3, 0.5, 0.7, 0.9];
    const restarted = createWebhookOutbox(reopened, { ...fast, resumeSpreadMs: 10_000, random: () => spread[r++ % spread.length]! });
    cleanups.push(() => reopened.close(), () => restarted.stop());
    restarted.start();
    await restarted.stop();
    const due = restarted.listDeliveries().map((d) => Date.parse(d.next_attempt_at!));
    expect(Math.max(...due) - Math.min(...due)).toBeGreaterThanOrEqual(7000);
  });
});
