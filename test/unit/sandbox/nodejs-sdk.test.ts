import { Lava } from '@lavapayments/nodejs';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../src/contract/token';
import { insertSubscription, ORIGIN, startHarness, testPhone } from './harness';

describe('the published @lavapayments/nodejs 8.x client against the sandbox', () => {
  test('given baseUrl = the sandbox, then every checkout-related call works with the SDK types', async () => {
    const h = await startHarness();
    const lava = new Lava(h.sandbox.secretKey, { baseUrl: h.sandbox.restUrl });

    const session = await lava.checkoutSessions.create({ checkout_mode: 'subscription', origin_url: ORIGIN, subscription_config_id: 'subconf_pro' });
    expect(session.checkout_session_id).toMatch(/^cs_/);
    expect(decodeToken(session.checkout_session_token).base).toBe(h.sandbox.base);

    const connectionId = await h.onboard(testPhone(60));
    const subId = insertSubscription(h, connectionId, 'subconf_pro');

    const connections = await lava.connections.list({ limit: 1 });
    expect(connections.data[0]?.connection_id).toBe(connectionId);
    expect(connections.has_more).toBe(false);
    const connection = await lava.connections.retrieve(connectionId);
    expect(connection.customer.phone).toBe(testPhone(60));
    expect(connection.subscription?.subscription_id).toBe(subId);
    const sub = await lava.connections.getSubscription(connectionId);
    expect(sub.subscription?.plan.name).toBe('Pro Plan');

    const configs = await lava.subscriptions.listConfigs({ limit: 10 });
    expect(configs.data.map((c) => c.subscription_config_id)).toContain('subconf_pro');
    expect((await lava.subscriptions.retrieveConfig('subconf_starter')).period_amount).toBe('10.00');
    const bundles = await lava.creditBundles.list({ subscription_config_id: 'subconf_pro' });
    expect(bundles.data).toHaveLength(2);
    expect((await lava.creditBundles.retrieve('cb_pro_25')).credit_amount).toBe('25.00');
    const meters = await lava.meters.list();
    expect(meters.data[0]?.meter_slug).toBe('ai-chat-tokens');
    expect((await lava.meters.retrieve('meter_chat_tokens')).tiers[0]?.type).toBe('tokens_1m');

    const subs = await lava.subscriptions.list({ status: 'active', connection_id: connectionId });
    expect(subs.data[0]?.customer.phone).toBe(testPhone(60));
    expect(await lava.subscriptions.cancel(subId)).toEqual({ success: true });
    expect(await lava.connections.delete(connectionId)).toEqual({ success: true });
  });

  test('given a wrong key, then the SDK throws with the sandbox error code in its message', async () => {
    const h = await startHarness();
    const lava = new Lava('aks_test_not_the_key', { baseUrl: h.sandbox.restUrl });
    await expect(lava.meters.list()).rejects.toThrow(/401.*unauthorized/);
  });

  test('given a bad request, then the SDK surfaces the 400 and its message', async () => {
    const h = await startHarness();
    const lava = new Lava(h.sandbox.secretKey, { baseUrl: h.sandbox.restUrl });
    await expect(lava.checkoutSessions.create({ checkout_mode: 'topup', origin_url: ORIGIN })).rejects.toThrow(
      /400.*invalid_request.*connection_id/,
    );
  });
});
