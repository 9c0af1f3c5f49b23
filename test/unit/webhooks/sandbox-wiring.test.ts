import { Lava } from '@lavapayments/nodejs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../../src/sandbox';
import { emitCheckoutCompleted, emitWalletBalanceUpdated } from '../../../src/sandbox/webhooks';
import { verifyWebhook } from '../../../src/webhooks';
import { startReceiver, waitFor } from './support';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sandboxWithReceiver() {
  const sandbox: Sandbox = await startSandbox({ port: 0, memory: true, webhooks: { baseDelayMs: 5, pollMs: 5 } });
  const receiver = await startReceiver();
  cleanups.push(() => sandbox.close(), receiver.close);
  const lava = new Lava(sandbox.secretKey, { baseUrl: sandbox.restUrl });
  const endpoint = await lava.request<{ webhook_id: string; secret: string }>('POST', 'webhooks', { data: { url: receiver.url } });
  return { sandbox, receiver, lava, endpoint };
}

/** A completed onboarding session with a funded wallet, written the way the flow writes it. */
function completedCheckout(sandbox: Sandbox) {
  const db = sandbox.db;
  const merchant = db.prepare('SELECT id FROM merchants LIMIT 1').get() as { id: string };
  const now = Date.now();
  db.prepare("INSERT INTO wallets (id, phone, first_name, last_name, email, autopay_enabled, created_at) VALUES ('wal_1', '+12015550100', 'Ada', 'L', 'ada@example.com', 0, ?)").run(now);
  db.prepare("INSERT INTO connections (id, merchant_id, wallet_id, reference_id, created_at) VALUES ('conn_1', ?, 'wal_1', 'user_42', ?)").run(merchant.id, now);
  db.prepare(
    `INSERT INTO checkout_sessions (id, merchant_id, secret, secret_hash, mode, origin_url, origin, reference_id, created_at, expires_at, completed_at, completed_connection_id)
     VALUES ('cs_1', ?, 's', 'h', 'onboarding', 'http://localhost:5173', 'http://localhost:5173', 'user_42', ?, ?, ?, 'conn_1')`,
  ).run(merchant.id, now, now + 60_000, now);
  db.prepare("INSERT INTO ledger (wallet_id, connection_id, account, amount, reason, created_at) VALUES ('wal_1', 'conn_1', 'wallet', 2500, 'topup', ?)").run(now);
}

describe('sandbox webhooks', () => {
  it('given an endpoint registered over REST, when a checkout completes, then the receiver gets a verifiable checkout.completed', async () => {
    const { sandbox, receiver, endpoint } = await sandboxWithReceiver();
    sandbox.db.transaction(() => {
      completedCheckout(sandbox);
      emitCheckoutCompleted(sandbox.webhooks, sandbox.db, 'cs_1', 2500);
      emitWalletBalanceUpdated(sandbox.webhooks, sandbox.db, 'wal_1', { previousMinor: 0, reason: 'topup' });
    })();
    await waitFor(() => receiver.received.length === 2);
    const events = await Promise.all(receiver.received.map((r) => verifyWebhook(r.body, r.headers, { secret: endpoint.secret })));
    expect(events.map((e) => e.type).sort()).toEqual(['checkout.completed', 'connection.wallet.balance.updated']);
    expect(events.find((e) => e.type === 'checkout.completed')!.data).toMatchObject({
      checkout_session_id: 'cs_1',
      checkout_mode: 'onboarding',
      connection_id: 'conn_1',
      reference_id: 'user_42',
      amount: '25.00',
    });
    expect(events.find((e) => e.type === 'connection.wallet.balance.updated')!.data).toEqual({
      connection_id: 'conn_1',
      balance: '25.00',
      previous_balance: '0.00',
      reason: 'topup',
    });
  });

  it('when the delivery log is read, then it shows each delivery with its attempts', async () => {
    const { sandbox, receiver } = await sandboxWithReceiver();
    sandbox.db.transaction(() => {
      completedCheckout(sandbox);
      emitCheckoutCompleted(sandbox.webhooks, sandbox.db, 'cs_1');
    })();
    await waitFor(() => sandbox.webhooks.listDeliveries()[0]?.status === 'delivered');
    const response = await fetch(`${sandbox.url}/sandbox/webhooks/deliveries`);
    const log = (await response.json()) as { data: Array<{ event_type: string; status: string; url: string; attempts: Array<{ status_code: number }> }> };
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ event_type: 'checkout.completed', status: 'delivered', url: receiver.url });
    expect(log.data[0]!.attempts.map((a) => a.status_code)).toEqual([200]);
  });

  it('given a wrong key, when listing webhooks, then the sandbox answers 401', async () => {
    const { sandbox } = await sandboxWithReceiver();
    const response = await fetch(`${sandbox.url}/v1/webhooks`, { headers: { authorization: 'Bearer aks_test_wrong' } });
    expect(response.status).toBe(401);
  });
});

