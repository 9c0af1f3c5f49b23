import { describe, expect, test } from 'vitest';
import { startHarness } from './harness';

describe('/v1/subscription_configs', () => {
  test('given the default seed, then the plans list with linked meters and credit bundles', async () => {
    const h = await startHarness();
    const res = await h.rest('GET', 'subscription_configs');
    expect(res.status).toBe(200);
    expect(res.json.has_more).toBe(false);
    const pro = res.json.data.find((p: { subscription_config_id: string }) => p.subscription_config_id === 'subconf_pro');
    expect(pro).toMatchObject({
      name: 'Pro Plan',
      period_amount: '49.00',
      included_credit: '25.00',
      billing_interval: 'month',
      rollover_type: 'full',
      bundle_rollover_type: 'full',
      linked_meters: [{ meter_id: 'meter_chat_tokens', name: 'AI Chat Tokens' }],
      credit_bundles: [
        { credit_bundle_id: 'cb_pro_25', name: '$25 Top-up', cost: '25.00', credit_amount: '25.00' },
        { credit_bundle_id: 'cb_pro_100', name: '$100 Top-up', cost: '90.00', credit_amount: '100.00' },
      ],
    });
    const one = await h.rest('GET', 'subscription_configs/subconf_starter');
    expect(one.json).toMatchObject({ subscription_config_id: 'subconf_starter', period_amount: '10.00' });
  });

  test('given the plan body of the billing-flow guide in the Lava docs (legacy product_ids), then a plan is created with its meters and bundles', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'subscription_configs', {
      name: 'Team',
      period_amount: '99.00',
      billing_interval: 'year',
      included_credit: '50.00',
      rollover_type: 'full',
      product_ids: ['meter_chat_tokens'],
      credit_bundles: [{ name: '$25 Top-up', cost: '25.00', credit_amount: '25.00' }],
    });
    expect(res.status).toBe(200);
    expect(res.json.subscription_config_id).toMatch(/^subconf_/);
    expect(res.json).toMatchObject({ billing_interval: 'year', bundle_rollover_type: 'none', linked_meters: [{ meter_id: 'meter_chat_tokens' }] });
    expect(res.json.credit_bundles[0].credit_bundle_id).toMatch(/^cb_/);
    const again = await h.rest('GET', `subscription_configs/${res.json.subscription_config_id}`);
    expect(again.json).toEqual(res.json);
  });

  test.each([
    ['no name', { period_amount: '1.00' }, /name/],
    ['a float period_amount', { name: 'x', period_amount: 9.99 }, /period_amount/],
    ['three decimals', { name: 'x', period_amount: '9.999' }, /period_amount/],
    ['a negative amount', { name: 'x', period_amount: '-1.00' }, /period_amount/],
    ['an unknown interval', { name: 'x', period_amount: '1.00', billing_interval: 'fortnight' }, /billing_interval/],
    ['an unknown rollover', { name: 'x', period_amount: '1.00', rollover_type: 'some' }, /rollover_type/],
    ['product_ids not an array', { name: 'x', period_amount: '1.00', product_ids: 'meter_chat_tokens' }, /product_ids/],
    ['a bundle without cost', { name: 'x', period_amount: '1.00', credit_bundles: [{ name: 'b', credit_amount: '1.00' }] }, /cost/],
  ])('given %s, then 400 naming the field', async (_n, body, message) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'subscription_configs', body);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
  });

  test('given an unknown meter in product_ids, then 404', async () => {
    const h = await startHarness();
    const res = await h.rest('POST', 'subscription_configs', { name: 'x', period_amount: '1.00', product_ids: ['meter_nope'] });
    expect(res.status).toBe(404);
  });

  test('given an unknown id, then 404', async () => {
    const h = await startHarness();
    expect((await h.rest('GET', 'subscription_configs/subconf_nope')).status).toBe(404);
  });

  test('given limit=1, then plans page', async () => {
    const h = await startHarness();
    const first = await h.rest('GET', 'subscription_configs?limit=1');
    expect(first.json.data).toHaveLength(1);
    expect(first.json.has_more).toBe(true);
    const second = await h.rest('GET', `subscription_configs?limit=1&cursor=${first.json.next_cursor}`);
    expect(second.json.data[0].subscription_config_id).not.toBe(first.json.data[0].subscription_config_id);
    expect(second.json.has_more).toBe(false);
  });
});

describe('/v1/credit_bundles', () => {
  test('given the seed, then bundles list, filter by plan and retrieve', async () => {
    const h = await startHarness();
    const all = await h.rest('GET', 'credit_bundles');
    expect(all.json.data.map((b: { credit_bundle_id: string }) => b.credit_bundle_id).sort()).toEqual(['cb_pro_100', 'cb_pro_25']);
    const none = await h.rest('GET', 'credit_bundles?subscription_config_id=subconf_starter');
    expect(none.json.data).toEqual([]);
    const page = await h.rest('GET', 'credit_bundles?limit=1');
    expect(page.json.has_more).toBe(true);
    const one = await h.rest('GET', 'credit_bundles/cb_pro_100');
    expect(one.json).toMatchObject({ subscription_config_id: 'subconf_pro', cost: '90.00', credit_amount: '100.00' });
    expect((await h.rest('GET', 'credit_bundles/cb_nope')).status).toBe(404);
  });
});

describe('/v1/meters', () => {
  test('given the seed, then the meter lists and retrieves in the 8.x shape', async () => {
    const h = await startHarness();
    const list = await h.rest('GET', 'meters');
    expect(list.json.data).toHaveLength(1);
    const one = await h.rest('GET', 'meters/meter_chat_tokens');
    expect(one.json).toMatchObject({
      meter_id: 'meter_chat_tokens',
      meter_slug: 'ai-chat-tokens',
      rate_type: 'fixed',
      tiers: [{ start: 0, rate: '3.00', type: 'tokens_1m' }],
    });
    expect((await h.rest('GET', 'meters/meter_nope')).status).toBe(404);
  });

  test('given the meter body of the billing-flow guide in the Lava docs, then a meter is created with a unique slug', async () => {
    const h = await startHarness();
    const body = {
      name: 'API Requests',
      rate_type: 'fixed',
      tier_type: 'requests',
      tiers: [
        { start: '0', rate: '0.01' },
        { start: '10000', rate: '0.005' },
      ],
    };
    const a = await h.rest('POST', 'meters', body);
    const b = await h.rest('POST', 'meters', body);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ meter_slug: 'api-requests', tiers: [{ start: 0 }, { start: 10000, rate: '0.005', type: 'requests' }] });
    expect(b.json.meter_slug).toBe('api-requests-2');
    const page = await h.rest('GET', 'meters?limit=2');
    expect(page.json.has_more).toBe(true);
  });

  test.each([
    ['no name', { rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '0', rate: '1' }] }, /name/],
    ['an unknown rate_type', { name: 'm', rate_type: 'tiered', tier_type: 'requests', tiers: [{ start: '0', rate: '1' }] }, /rate_type/],
    ['an unknown tier_type', { name: 'm', rate_type: 'fixed', tier_type: 'bytes', tiers: [{ start: '0', rate: '1' }] }, /tier_type/],
    ['no tiers', { name: 'm', rate_type: 'fixed', tier_type: 'requests' }, /tiers/],
    ['a first tier not at 0', { name: 'm', rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '5', rate: '1' }] }, /tiers\[0\]/],
    ['a rate that is not decimal', { name: 'm', rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '0', rate: 'cheap' }] }, /rate/],
    [
      'tiers out of order',
      { name: 'm', rate_type: 'fixed', tier_type: 'requests', tiers: [{ start: '0', rate: '1' }, { start: '0', rate: '2' }] },
      /tiers\[1\]/,
    ],
  ])('given %s, then 400 naming the field', async (_n, body, message) => {
    const h = await startHarness();
    const res = await h.rest('POST', 'meters', body);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
  });
});
