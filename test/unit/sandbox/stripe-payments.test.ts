import { describe, expect, test } from 'vitest';
import { loadStripeProcessor } from '../../../src/sandbox/payments/stripe-processor';
import type { StripeJsResult } from './fake-stripe-account';
import { insertSubscription, ORIGIN, secretOf, testPhone } from './harness';
import { startStripeWorld } from './stripe-world';

function paidId(paid: StripeJsResult): string {
  if (paid.paymentIntent) return paid.paymentIntent.id;
  throw new Error(`Stripe.js did not pay: ${JSON.stringify(paid)}`);
}

describe('Stripe mode: the session’s PaymentIntent', () => {
  test('given Stripe, then start names it, and every intent of the session gets one PaymentIntent, created once under a key derived from the session, its amount updated', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession();
    const start = await world.h.flow('POST', 'start', null, { secret: secretOf(session), parent_origin: ORIGIN });
    expect(start.json.processor).toEqual({ kind: 'stripe', publishable_key: 'pk_test_fake' });
    const tab = await world.openTab(session, testPhone(1));
    const first = (await world.intent(tab, '25.00')).json;
    const second = (await world.intent(tab, '40.00')).json;
    const third = (await world.intent(tab, '40.00')).json;
    expect(new Set([first.client_secret, second.client_secret, third.client_secret]).size).toBe(1);
    expect(first.intent_id).not.toBe(second.intent_id);
    const creates = world.account.calls.filter((c) => c.method === 'paymentIntents.create');
    expect(creates).toEqual([{ method: 'paymentIntents.create', idempotencyKey: `lava_${session.checkout_session_id}_pi1` }]);
    const [pi] = world.account.intents.values();
    expect(pi).toMatchObject({ amount: 4000, currency: 'usd', metadata: { checkout_session_id: session.checkout_session_id, connection_id: tab.connectionId } });
    expect(world.account.calls.filter((c) => c.method === 'paymentIntents.update')).toHaveLength(1);
  });

  test('given Stripe’s answer to the create was lost, then the retry sends the same request under the same key and gets the same PaymentIntent', async () => {
    const world = await startStripeWorld();
    const create = world.account.api.paymentIntents.create;
    let lose = true;
    world.account.api.paymentIntents.create = async (params, options) => {
      const pi = await create(params, options);
      if (lose) {
        lose = false;
        throw new Error('socket hang up');
      }
      return pi;
    };
    const session = await world.createSession();
    const tab = await world.openTab(session, testPhone(2));
    expect((await world.intent(tab, '25.00')).status).toBe(500);
    const retried = (await world.intent(tab, '30.00')).json;
    expect(world.account.intents.size).toBe(1);
    expect(retried.client_secret).toBe([...world.account.intents.values()][0]!.client_secret);
    expect([...world.account.intents.values()][0]!.amount).toBe(3000);
  });

  test('given Stripe.js succeeded, then the confirm records one charge (card saved when asked) and repeats get the same answer', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession();
    const tab = await world.openTab(session, testPhone(3));
    const intent = (await world.intent(tab, '25.00')).json;
    const pi = paidId(await world.pay(intent.client_secret));
    const paid = await world.confirm(tab, intent.intent_id, pi, true);
    expect(paid.json).toMatchObject({ status: 'succeeded', connection_id: tab.connectionId, checkout_session_id: session.checkout_session_id });
    expect((await world.confirm(tab, intent.intent_id, pi)).json.charge_id).toBe(paid.json.charge_id);
    const conn = (await world.h.rest('GET', `connections/${tab.connectionId}`)).json;
    expect(conn.wallet).toMatchObject({ balance: '25.00', autopay_enabled: true });
    const charges = (await (await fetch(`${world.h.sandbox.url}/sandbox/charges`)).json()) as Array<Record<string, unknown>>;
    expect(charges).toEqual([expect.objectContaining({ processor: 'stripe', brand: 'visa', last4: '4242', amount: '25.00' })]);
    expect(world.completedEvents(session.checkout_session_id)).toBe(1);
  });

  test('given a PaymentIntent of another checkout, then the confirm is refused and nothing is recorded', async () => {
    const world = await startStripeWorld();
    const mine = await world.openTab(await world.createSession(), testPhone(4));
    const other = await world.openTab(await world.createSession(), testPhone(5));
    const myIntent = (await world.intent(mine, '25.00')).json;
    const otherIntent = (await world.intent(other, '25.00')).json;
    const otherPi = paidId(await world.pay(otherIntent.client_secret));
    expect((await world.confirm(mine, myIntent.intent_id, otherPi)).json).toMatchObject({ status: 'failed', code: 'invalid_card' });
    expect((await world.confirm(mine, myIntent.intent_id, 'pi_made_up')).json).toMatchObject({ status: 'failed', code: 'invalid_card' });
    expect(world.h.sandbox.db.prepare('SELECT COUNT(*) AS n FROM charges').get()).toEqual({ n: 0 });
  });

  test.each([
    ['a decline', (pi: { status: string; last_payment_error?: unknown }) => Object.assign(pi, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined', message: 'Your card was declined.' } }), 'card_declined'],
    ['insufficient funds', (pi: { status: string }) => Object.assign(pi, { status: 'requires_payment_method', last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Insufficient funds.' } }), 'insufficient_funds'],
    ['an unfinished authentication', (pi: { status: string }) => Object.assign(pi, { status: 'requires_action' }), 'authentication_failed'],
  ])('given Stripe reports %s, then the confirm fails with its code', async (_what, set, code) => {
    const world = await startStripeWorld();
    const tab = await world.openTab(await world.createSession(), testPhone(6));
    const intent = (await world.intent(tab, '25.00')).json;
    const pi = [...world.account.intents.values()][0]!;
    set(pi);
    expect((await world.confirm(tab, intent.intent_id, pi.id)).json).toMatchObject({ status: 'failed', code });
  });

  test('given the session completes without a payment (already subscribed), then its open PaymentIntent is cancelled at Stripe', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const a = await world.openTab(session, testPhone(7));
    const intent = (await world.intent(a)).json;
    insertSubscription(world.h, a.connectionId, 'subconf_pro');
    const b = await world.openTab(session, testPhone(7));
    expect((await world.h.flow('POST', 'complete', b.token, {})).status).toBe(200);
    expect([...world.account.intents.values()][0]!.status).toBe('canceled');
    const late = await world.pay(intent.client_secret);
    expect(late.error?.code).toBe('payment_intent_unexpected_state');
    expect(world.account.refunds).toEqual([]);
  });
});

describe('Stripe mode: the webhook endpoint', () => {
  test('given no signature, a wrong signing secret or a tampered body, then it answers 400 and records nothing', async () => {
    const world = await startStripeWorld();
    const tab = await world.openTab(await world.createSession(), testPhone(8));
    const intent = (await world.intent(tab, '25.00')).json;
    const pi = paidId(await world.pay(intent.client_secret));
    const [event] = world.account.eventsFor(pi);
    const unsigned = await fetch(world.webhookUrl, { method: 'POST', body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    expect((await world.account.deliver(world.webhookUrl, event!, 'whsec_someone_else')).status).toBe(400);
    const tampered = await fetch(world.webhookUrl, {
      method: 'POST',
      headers: { 'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` },
      body: JSON.stringify(event),
    });
    expect(tampered.status).toBe(400);
    expect(world.h.sandbox.db.prepare('SELECT COUNT(*) AS n FROM charges').get()).toEqual({ n: 0 });
  });

  test('given events it does not act on (other types, a PaymentIntent not made by the sandbox), then it answers 200 and changes nothing', async () => {
    const world = await startStripeWorld();
    const foreign = await world.account.api.paymentIntents.create(
      { amount: 500, currency: 'usd', description: 'not ours', metadata: {}, automatic_payment_methods: { enabled: true } },
      { idempotencyKey: 'someone-else-1' },
    );
    const pi = paidId(await world.pay(foreign.client_secret!));
    const [succeeded] = world.account.eventsFor(pi);
    expect((await world.account.deliver(world.webhookUrl, succeeded!)).status).toBe(200);
    expect((await world.account.deliver(world.webhookUrl, { id: 'evt_x', type: 'customer.created', data: { object: { id: 'cus_1' } } })).status).toBe(200);
    expect(world.account.refunds).toEqual([]);
    expect(world.h.lines.some((l) => l.includes(`payment_intent.succeeded ${pi}: ignored (not_ours)`))).toBe(true);
  });

  test('given Stripe refuses the refund once, then the delivery fails (Stripe sends it again) and the next one refunds', async () => {
    const world = await startStripeWorld();
    const refund = world.account.api.refunds.create;
    let fail = true;
    world.account.api.refunds.create = async (params, options) => {
      if (fail) {
        fail = false;
        throw new Error('Stripe is unavailable');
      }
      return refund(params, options);
    };
    const session = await world.createSession();
    const tab = await world.openTab(session, testPhone(9));
    const intent = (await world.intent(tab, '25.00')).json;
    world.h.clock.advance(61 * 60_000);
    const pi = paidId(await world.pay(intent.client_secret));
    expect((await world.deliverSucceeded(pi)).map((r) => r.status)).toEqual([500]);
    expect((await world.deliverSucceeded(pi)).map((r) => r.status)).toEqual([200]);
    expect(world.account.refunds).toHaveLength(1);
    expect(world.account.keptCharges(session.checkout_session_id)).toEqual([]);
  });

  test('given Stripe keys without a webhook signing secret, then the sandbox refuses to start with Stripe', async () => {
    await expect(loadStripeProcessor({ secretKey: 'sk_test_x', publishableKey: 'pk_test_x', webhookSecret: undefined })).rejects.toThrow(/STRIPE_WEBHOOK_SECRET/);
  });
});
