import { describe, expect, test } from 'vitest';
import { insertSubscription, startHarness, testPhone } from './harness';

describe('/v1/subscriptions', () => {
  test('given active subscriptions, then list shows them with plan, credits, connection and customer', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(40));
    const subId = insertSubscription(h, conn, 'subconf_pro');
    const res = await h.rest('GET', 'subscriptions');
    expect(res.status).toBe(200);
    expect(res.json.data).toHaveLength(1);
    expect(res.json.data[0]).toMatchObject({
      subscription_id: subId,
      subscription_config_id: 'subconf_pro',
      status: 'active',
      connection_id: conn,
      customer: { phone: testPhone(40) },
      plan: { name: 'Pro Plan', period_amount: '49.00', billing_interval: 'month' },
      credits: { total_remaining: '0.00', cycle_remaining: '0.00', bundle_remaining: '0.00' },
      pending_change: null,
      cancelled_at: null,
    });
    const viaConnection = await h.rest('GET', `connections/${conn}/subscription`);
    expect(viaConnection.json.subscription.subscription_id).toBe(subId);
    const connection = await h.rest('GET', `connections/${conn}`);
    expect(connection.json.subscription).toEqual({ subscription_id: subId, subscription_config_id: 'subconf_pro', name: 'Pro Plan', status: 'active' });
  });

  test('given a cancel, then it leaves the active list, shows under cancelled, and a second cancel is 409', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(41));
    const subId = insertSubscription(h, conn, 'subconf_starter');
    expect((await h.rest('DELETE', `subscriptions/${subId}`)).json).toEqual({ success: true });
    expect((await h.rest('GET', 'subscriptions')).json.data).toEqual([]);
    const cancelled = await h.rest('GET', 'subscriptions?status=cancelled');
    expect(cancelled.json.data[0]).toMatchObject({ subscription_id: subId, status: 'cancelled' });
    expect(cancelled.json.data[0].cancelled_at).not.toBeNull();
    const again = await h.rest('DELETE', `subscriptions/${subId}`);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('conflict');
  });

  test('given filters, then status=all and connection_id narrow the list, and it pages', async () => {
    const h = await startHarness();
    const a = await h.onboard(testPhone(42));
    const b = await h.onboard(testPhone(43));
    insertSubscription(h, a, 'subconf_pro');
    const subB = insertSubscription(h, b, 'subconf_pro');
    await h.rest('DELETE', `subscriptions/${subB}`);
    expect((await h.rest('GET', 'subscriptions?status=all')).json.data).toHaveLength(2);
    const onlyB = await h.rest('GET', `subscriptions?status=all&connection_id=${b}`);
    expect(onlyB.json.data.map((s: { subscription_id: string }) => s.subscription_id)).toEqual([subB]);
    const page = await h.rest('GET', 'subscriptions?status=all&limit=1');
    expect(page.json.has_more).toBe(true);
    expect(typeof page.json.next_cursor).toBe('string');
  });

  test('given a bad status filter, then 400; an unknown id to cancel, then 404', async () => {
    const h = await startHarness();
    expect((await h.rest('GET', 'subscriptions?status=paused')).status).toBe(400);
    expect((await h.rest('DELETE', 'subscriptions/sub_nope')).status).toBe(404);
  });

  test('given a deleted connection, then its subscription is cancelled', async () => {
    const h = await startHarness();
    const conn = await h.onboard(testPhone(44));
    insertSubscription(h, conn, 'subconf_pro');
    await h.rest('DELETE', `connections/${conn}`);
    expect((await h.rest('GET', 'subscriptions')).json.data).toEqual([]);
  });
});
