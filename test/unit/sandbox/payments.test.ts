import { describe, expect, test } from 'vitest';
import {
  cardOf,
  chargeCount,
  GOOD_CARD,
  type Harness,
  newKey,
  ORIGIN,
  readyToPay,
  secretOf,
  startHarness,
  testPhone,
} from './harness';

async function intent(h: Harness, token: string, amount?: string) {
  const res = await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), ...(amount ? { amount } : {}) });
  if (res.status !== 200) throw new Error(`intent: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

function confirm(h: Harness, token: string, intentId: string, extra: Record<string, unknown>, key = newKey()) {
  return h.flow('POST', 'payment/confirm', token, { intent_id: intentId, idempotency_key: key, ...extra });
}

describe('onboarding payment', () => {
  test('given 4242, then the wallet is funded, the session completes and REST shows the balance', async () => {
    const h = await startHarness();
    const { token, session } = await readyToPay(h, testPhone(1));
    const pi = await intent(h, token, '25.00');
    expect(pi).toMatchObject({ amount: '25.00', currency: 'USD', description: 'Add $25.00 to your Lava wallet', saved_cards: [] });
    const res = await confirm(h, token, pi.intent_id, { card: GOOD_CARD });
    expect(res.json).toMatchObject({ status: 'succeeded', checkout_session_id: session.checkout_session_id });
    expect(res.json.charge_id).toMatch(/^ch_/);
    const conn = await h.rest('GET', `connections/${res.json.connection_id}`);
    expect(conn.json).toMatchObject({ has_lava_credit_balance: true, status: 'ok', wallet: { balance: '25.00', autopay_enabled: false } });
    expect((await h.rest('GET', `checkout_sessions/${session.checkout_session_id}`)).json).toMatchObject({
      status: 'completed',
      result_connection_id: res.json.connection_id,
    });
    const again = await h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(again.json.error.code).toBe('session_used');
    expect((await h.flow('GET', 'state', token)).json).toMatchObject({ step: 'done', connection_id: res.json.connection_id });
    expect(await chargeCount(h)).toBe(1);
  });

  test.each([
    ['no amount', undefined, 'invalid_request'],
    ['a float-like string', '25.001', 'invalid_request'],
    ['below the minimum', '4.99', 'amount_out_of_range'],
    ['above the maximum', '1000.01', 'amount_out_of_range'],
  ])('given %s (amount %s), then the intent is refused with %s', async (_n, amount, code) => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(2));
    const res = await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), ...(amount ? { amount } : {}) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(code);
  });

  test('given the same intent key twice, then the same intent; with another amount, then 409', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(3));
    const key = newKey();
    const a = await h.flow('POST', 'payment/intent', token, { idempotency_key: key, amount: '10.00' });
    const b = await h.flow('POST', 'payment/intent', token, { idempotency_key: key, amount: '10.00' });
    expect(b.json.intent_id).toBe(a.json.intent_id);
    expect((await h.flow('POST', 'payment/intent', token, { idempotency_key: key, amount: '11.00' })).status).toBe(409);
  });

  test('given no wallet step yet, then payment calls are 403', async () => {
    const h = await startHarness();
    const session = await h.createSession();
    const { token } = await h.verify(secretOf(session), testPhone(4));
    expect((await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), amount: '10.00' })).status).toBe(403);
  });
});

describe('declines, failures and authentication', () => {
  test('given a declined card, then nothing is charged and a good card on the same intent succeeds: one charge', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(10));
    const pi = await intent(h, token, '20.00');
    const declined = await confirm(h, token, pi.intent_id, { card: cardOf('4000000000000002') });
    expect(declined.json).toEqual({ status: 'failed', code: 'card_declined', message: 'Your card was declined.' });
    const poor = await confirm(h, token, pi.intent_id, { card: cardOf('4000000000009995') });
    expect(poor.json).toMatchObject({ status: 'failed', code: 'insufficient_funds' });
    expect(await chargeCount(h)).toBe(0);
    const ok = await confirm(h, token, pi.intent_id, { card: GOOD_CARD });
    expect(ok.json.status).toBe('succeeded');
    expect(await chargeCount(h)).toBe(1);
    expect((await h.rest('GET', `connections/${ok.json.connection_id}`)).json.wallet.balance).toBe('20.00');
  });

  test('given an invalid card, then invalid_card names the field and the same key may be retried with a fixed card', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(11));
    const pi = await intent(h, token, '20.00');
    const key = newKey();
    const bad = await confirm(h, token, pi.intent_id, { card: { ...GOOD_CARD, cvc: '1' } }, key);
    expect(bad.json).toMatchObject({ status: 'failed', code: 'invalid_card', field: 'cvc' });
    const fixed = await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key);
    expect(fixed.json.status).toBe('succeeded');
  });

  test('given the authentication card, when the challenge is approved, then it charges once', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(12));
    const pi = await intent(h, token, '30.00');
    const key = newKey();
    const first = await confirm(h, token, pi.intent_id, { card: cardOf('4000002500003155') }, key);
    expect(first.json).toEqual({ status: 'requires_action', challenge_id: expect.stringMatching(/^chal_/) });
    // the same request retried: the same challenge, not a new one
    expect((await confirm(h, token, pi.intent_id, { card: cardOf('4000002500003155') }, key)).json).toEqual(first.json);
    expect(await chargeCount(h)).toBe(0);
    const approved = await confirm(h, token, pi.intent_id, { challenge: { challenge_id: first.json.challenge_id, approve: true } });
    expect(approved.json.status).toBe('succeeded');
    expect(await chargeCount(h)).toBe(1);
  });

  test('given the authentication card, when the challenge fails, then authentication_failed, nothing charged, another card works', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(13));
    const pi = await intent(h, token, '30.00');
    const first = await confirm(h, token, pi.intent_id, { card: cardOf('4000002500003155') });
    const failed = await confirm(h, token, pi.intent_id, { challenge: { challenge_id: first.json.challenge_id, approve: false } });
    expect(failed.json).toMatchObject({ status: 'failed', code: 'authentication_failed' });
    const stale = await confirm(h, token, pi.intent_id, { challenge: { challenge_id: first.json.challenge_id, approve: true } });
    expect(stale.status).toBe(400);
    expect(await chargeCount(h)).toBe(0);
    expect((await confirm(h, token, pi.intent_id, { card: GOOD_CARD })).json.status).toBe('succeeded');
  });

  test.each([
    ['no payment method', {}],
    ['two payment methods', { card: GOOD_CARD, payment_method_id: 'pm_x' }],
    ['a card that is not an object', { card: '4242424242424242' }],
    ['a challenge without approve', { challenge: { challenge_id: 'chal_x' } }],
  ])('given %s, then 400 invalid_request', async (_n, extra) => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(14));
    const pi = await intent(h, token, '10.00');
    const res = await confirm(h, token, pi.intent_id, extra);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
  });
});

describe('exactly one charge', () => {
  test('given the same confirm key twice, then the same answer and one charge', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(20));
    const pi = await intent(h, token, '15.00');
    const key = newKey();
    const a = await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key);
    const b = await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key);
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    expect(await chargeCount(h)).toBe(1);
  });

  test('given ten concurrent confirms with different keys (double clicks), then one charge and the rest wait or replay it', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(21));
    const pi = await intent(h, token, '15.00');
    const answers = await Promise.all(Array.from({ length: 10 }, () => confirm(h, token, pi.intent_id, { card: GOOD_CARD })));
    const succeeded = answers.filter((a) => a.json.status === 'succeeded');
    expect(succeeded.length).toBeGreaterThan(0);
    expect(new Set(succeeded.map((a) => a.json.charge_id)).size).toBe(1);
    for (const a of answers) {
      if (a.json.status !== 'succeeded') expect(a.json.error.code).toBe('payment_in_progress');
    }
    expect(await chargeCount(h)).toBe(1);
    const later = await confirm(h, token, pi.intent_id, { card: GOOD_CARD });
    expect(later.json.charge_id).toBe(succeeded[0]!.json.charge_id);
  });

  test('given a second tab with its own intent on the same session, then only one of them charges', async () => {
    const h = await startHarness();
    const { token, session } = await readyToPay(h, testPhone(22));
    // a second tab starts the same session and verifies again (after the 30 s resend wait)
    h.clock.advance(30_000);
    const tab2 = await h.verify(secretOf(session), testPhone(22));
    await h.flow('POST', 'wallet/link', tab2.token, {});
    const [a, b] = [await intent(h, token, '12.00'), await intent(h, tab2.token, '12.00')];
    const answers = await Promise.all([
      confirm(h, token, a.intent_id, { card: GOOD_CARD }),
      confirm(h, tab2.token, b.intent_id, { card: GOOD_CARD }),
    ]);
    expect(answers.filter((r) => r.json.status === 'succeeded')).toHaveLength(1);
    expect(answers.map((r) => r.json.error?.code).filter(Boolean)[0]).toMatch(/payment_in_progress|session_used/);
    expect(await chargeCount(h)).toBe(1);
    const conn = (await h.rest('GET', 'connections')).json.data[0];
    expect(conn.wallet.balance).toBe('12.00');
  });

  test('given a payment stuck in flight by a crash, then a restart recovery frees it and a retry charges once', async () => {
    const { recoverInterruptedPayments } = await import('../../../src/sandbox/payments/store');
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(23));
    const pi = await intent(h, token, '15.00');
    const key = newKey();
    h.sandbox.db.prepare("UPDATE payment_intents SET status = 'processing' WHERE id = ?").run(pi.intent_id);
    h.sandbox.db.prepare("INSERT INTO confirm_attempts (intent_id, idempotency_key, status, created_at) VALUES (?, ?, 'processing', 0)").run(pi.intent_id, key);
    expect((await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key)).json.error.code).toBe('payment_in_progress');
    expect(recoverInterruptedPayments(h.sandbox.db)).toBe(1);
    expect((await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key)).json.status).toBe('succeeded');
    expect(await chargeCount(h)).toBe(1);
  });
});

describe('saved cards and autopay', () => {
  test('given save_card, then the wallet shows autopay and the card is offered and usable in a later checkout', async () => {
    const h = await startHarness();
    const first = await readyToPay(h, testPhone(30));
    const pi = await intent(h, first.token, '10.00');
    const paid = await confirm(h, first.token, pi.intent_id, { card: GOOD_CARD, save_card: true });
    const conn = await h.rest('GET', `connections/${paid.json.connection_id}`);
    expect(conn.json.wallet.autopay_enabled).toBe(true);

    h.clock.advance(60_000);
    const topup = await readyToPay(h, testPhone(30), { checkout_mode: 'topup', connection_id: paid.json.connection_id });
    const pi2 = await intent(h, topup.token, '5.00');
    expect(pi2.saved_cards).toEqual([
      { payment_method_id: expect.stringMatching(/^pm_/), brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
    ]);
    const reused = await confirm(h, topup.token, pi2.intent_id, { payment_method_id: pi2.saved_cards[0].payment_method_id });
    expect(reused.json.status).toBe('succeeded');
    expect((await h.rest('GET', `connections/${paid.json.connection_id}`)).json.wallet.balance).toBe('15.00');
  });

  test('given a saved card id of another wallet, then 404', async () => {
    const h = await startHarness();
    const a = await readyToPay(h, testPhone(31));
    const pa = await intent(h, a.token, '10.00');
    await confirm(h, a.token, pa.intent_id, { card: GOOD_CARD, save_card: true });
    const pmId = (h.sandbox.db.prepare('SELECT id FROM payment_methods').get() as { id: string }).id;
    const b = await readyToPay(h, testPhone(32));
    const pb = await intent(h, b.token, '10.00');
    expect((await confirm(h, b.token, pb.intent_id, { payment_method_id: pmId })).status).toBe(404);
  });
});

describe('modes', () => {
  test('given a subscription checkout, then the period is charged, the subscription is active with its included credit', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(40), { checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const pi = await intent(h, token);
    expect(pi).toMatchObject({ amount: '49.00', description: 'Pro Plan: $49.00 per month' });
    const paid = await confirm(h, token, pi.intent_id, { card: GOOD_CARD });
    const sub = await h.rest('GET', `connections/${paid.json.connection_id}/subscription`);
    expect(sub.json.subscription).toMatchObject({
      subscription_config_id: 'subconf_pro',
      status: 'active',
      cycle_start_at: '2026-11-25T12:00:00.000Z',
      cycle_end_at: '2026-12-25T12:00:00.000Z',
      credits: { cycle_remaining: '25.00', bundle_remaining: '0.00', total_remaining: '25.00' },
    });
    const conn = await h.rest('GET', `connections/${paid.json.connection_id}`);
    expect(conn.json).toMatchObject({ has_lava_credit_balance: true, wallet: { balance: '0.00' }, subscription: { name: 'Pro Plan' } });
  });

  test('given a wallet already on the plan, then link says so, no intent is made, and complete ends the checkout without a charge', async () => {
    const h = await startHarness();
    const first = await readyToPay(h, testPhone(41), { checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    await confirm(h, first.token, (await intent(h, first.token)).intent_id, { card: GOOD_CARD });
    h.clock.advance(60_000);
    const session = await h.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const { token } = await h.verify(secretOf(session), testPhone(41));
    const link = await h.flow('POST', 'wallet/link', token, {});
    expect(link.json).toMatchObject({ created: false, already_subscribed: true });
    expect((await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey() })).status).toBe(409);
    const done = await h.flow('POST', 'complete', token, {});
    expect(done.json).toEqual({ connection_id: link.json.connection_id, checkout_session_id: session.checkout_session_id });
    expect((await h.flow('POST', 'complete', token, {})).json).toEqual(done.json);
    expect(await chargeCount(h)).toBe(1);
    expect((await h.rest('GET', `checkout_sessions/${session.checkout_session_id}`)).json.status).toBe('completed');
  });

  test('given a subscriber checks out another plan, then the new plan replaces the old one', async () => {
    const h = await startHarness();
    const first = await readyToPay(h, testPhone(46), { checkout_mode: 'subscription', subscription_config_id: 'subconf_starter' });
    const paid = await confirm(h, first.token, (await intent(h, first.token)).intent_id, { card: GOOD_CARD });
    h.clock.advance(60_000);
    const second = await readyToPay(h, testPhone(46), { checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    expect((await confirm(h, second.token, (await intent(h, second.token)).intent_id, { card: GOOD_CARD })).json.status).toBe('succeeded');
    const active = await h.rest('GET', `subscriptions?connection_id=${paid.json.connection_id}`);
    expect(active.json.data.map((s: { subscription_config_id: string }) => s.subscription_config_id)).toEqual(['subconf_pro']);
    const cancelled = await h.rest('GET', `subscriptions?status=cancelled&connection_id=${paid.json.connection_id}`);
    expect(cancelled.json.data.map((s: { subscription_config_id: string }) => s.subscription_config_id)).toEqual(['subconf_starter']);
  });

  test('given an onboarding checkout, then complete without paying is refused', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(42));
    const res = await h.flow('POST', 'complete', token, {});
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
  });

  test('given onboarding then two top-ups, then the balance is the sum of the ledger rows', async () => {
    const h = await startHarness();
    const first = await readyToPay(h, testPhone(43));
    const paid = await confirm(h, first.token, (await intent(h, first.token, '25.00')).intent_id, { card: GOOD_CARD });
    const connId = paid.json.connection_id;
    for (const amount of ['10.00', '7.50']) {
      h.clock.advance(60_000);
      const t = await readyToPay(h, testPhone(43), { checkout_mode: 'topup', connection_id: connId });
      expect((await confirm(h, t.token, (await intent(h, t.token, amount)).intent_id, { card: GOOD_CARD })).json.status).toBe('succeeded');
    }
    expect((await h.rest('GET', `connections/${connId}`)).json.wallet.balance).toBe('42.50');
    const rows = h.sandbox.db.prepare("SELECT amount FROM ledger WHERE account = 'wallet' ORDER BY id").all() as Array<{ amount: number }>;
    expect(rows.map((r) => r.amount)).toEqual([2500, 1000, 750]);
    expect(await chargeCount(h)).toBe(3);
  });

  test('given a subscriber buys a credit bundle, then the bundle credit lands on the subscription', async () => {
    const h = await startHarness();
    const sub = await readyToPay(h, testPhone(44), { checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const paid = await confirm(h, sub.token, (await intent(h, sub.token)).intent_id, { card: GOOD_CARD });
    h.clock.advance(60_000);
    const b = await readyToPay(h, testPhone(44), { checkout_mode: 'credit_bundle', connection_id: paid.json.connection_id, credit_bundle_id: 'cb_pro_100' });
    const pi = await intent(h, b.token);
    expect(pi.amount).toBe('90.00');
    expect((await confirm(h, b.token, pi.intent_id, { card: GOOD_CARD })).json.status).toBe('succeeded');
    const res = await h.rest('GET', `connections/${paid.json.connection_id}/subscription`);
    expect(res.json.subscription.credits).toEqual({ cycle_remaining: '25.00', bundle_remaining: '100.00', total_remaining: '125.00' });
  });

  test('given a completed checkout, then a retried confirm replays the success instead of session_used', async () => {
    const h = await startHarness();
    const { token } = await readyToPay(h, testPhone(45));
    const pi = await intent(h, token, '10.00');
    const key = newKey();
    const a = await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key);
    const b = await confirm(h, token, pi.intent_id, { card: GOOD_CARD }, key);
    expect(b.json).toEqual(a.json);
    expect((await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), amount: '10.00' })).json.error.code).toBe('session_used');
  });
});
