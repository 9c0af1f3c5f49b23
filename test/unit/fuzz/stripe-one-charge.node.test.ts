import { afterAll, describe, expect, test } from 'vitest';
import { insertSubscription, testPhone } from '../sandbox/harness';
import { startStripeWorld, type StripeWorld } from '../sandbox/stripe-world';

// Stripe.js charges the card before the app's confirm reaches the sandbox. Whatever the tabs do
// (two on one session, one closed right after Stripe's success, one paying after the session
// ended), the customer is charged once or refunded, and the merchant hears `checkout.completed` once.
let attempts = 0;
let extraCharges = 0;

afterAll(() => {
  console.log(`[attacks] stripe one charge (two tabs, closed tab, late payment): ${attempts} attempts, ${extraCharges} extra charges`);
});

/** Money kept for the session beyond the one payment it may take (`allowed` 0 for a session that could take none). */
function countExtra(world: StripeWorld, sessionId: string, allowed: 0 | 1): number {
  attempts += 1;
  const extra = Math.max(0, world.account.keptCharges(sessionId).length - allowed);
  extraCharges += extra;
  return extra;
}

type Order = 'confirms, then webhook' | 'webhook, then confirms' | 'all at once';
const ORDERS: Order[] = ['confirms, then webhook', 'webhook, then confirms', 'all at once'];

describe('Stripe mode: exactly one charge', { timeout: 60_000 }, () => {
  test.each(
    ORDERS.flatMap((order) => [
      { order, amounts: ['49.00', '49.00'], chosen: '$49 in both' },
      { order, amounts: ['49.00', '25.00'], chosen: '$49, then $25' },
    ]),
  )('given two tabs of one wallet paying at once ($chosen; $order), then they share one PaymentIntent: one charge, one checkout.completed, both tabs done', async ({
    order,
    amounts,
  }) => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'onboarding' });
    const sessionId: string = session.checkout_session_id;
    const a = await world.openTab(session, testPhone(10));
    const b = await world.openTab(session, testPhone(10));
    const intentA = (await world.intent(a, amounts[0])).json;
    const intentB = (await world.intent(b, amounts[1])).json;

    // Both tabs press Pay: Stripe.js confirms the PaymentIntent each tab holds; the app hands the
    // server the PaymentIntent either way (error.payment_intent when it had been paid already).
    const [paidA, paidB] = await Promise.all([world.pay(intentA.client_secret), world.pay(intentB.client_secret)]);
    const piA = paidA.paymentIntent?.id ?? paidA.error?.payment_intent?.id ?? '';
    const piB = paidB.paymentIntent?.id ?? paidB.error?.payment_intent?.id ?? '';
    const confirms = () => Promise.all([world.confirm(a, intentA.intent_id, piA), world.confirm(b, intentB.intent_id, piB)]);
    const webhooks = () => Promise.all([...new Set([piA, piB])].map((pi) => world.deliverSucceeded(pi)));
    let answers: Awaited<ReturnType<typeof confirms>>;
    if (order === 'confirms, then webhook') {
      answers = await confirms();
      await webhooks();
    } else if (order === 'webhook, then confirms') {
      await webhooks();
      answers = await confirms();
    } else {
      [answers] = await Promise.all([confirms(), webhooks()]);
    }
    expect(countExtra(world, sessionId, 1)).toBe(0);

    // One PaymentIntent for the session: Stripe took it once and refused the second confirm.
    expect(intentB.client_secret).toBe(intentA.client_secret);
    expect(piB).toBe(piA);
    expect([paidA.error?.code, paidB.error?.code]).toContain('payment_intent_unexpected_state');
    expect(answers.map((r) => r.json.status)).toEqual(['succeeded', 'succeeded']);
    expect(answers[1]!.json.charge_id).toBe(answers[0]!.json.charge_id);
    expect(world.account.succeeded(sessionId)).toHaveLength(1);
    expect(world.recordedCharges(sessionId)).toBe(1);
    expect(world.completedEvents(sessionId)).toBe(1);
    expect(await world.sessionStatus(sessionId)).toBe('completed');
    // The wallet is credited with what Stripe took: the last amount chosen in either tab.
    const balance = (await world.h.rest('GET', `connections/${answers[0]!.json.connection_id}`)).json.wallet.balance;
    expect(balance).toBe(amounts[1]);
  });

  test('given a second wallet in the same session, then the first wallet’s PaymentIntent is cancelled (its tab cannot pay) and the session takes one payment', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'onboarding' });
    const sessionId: string = session.checkout_session_id;
    const first = await world.openTab(session, testPhone(11));
    const second = await world.openTab(session, testPhone(12), { first_name: 'Bo', last_name: 'Two', email: 'bo@example.com' });
    const intentFirst = (await world.intent(first, '30.00')).json;
    const intentSecond = (await world.intent(second, '30.00')).json;
    const late = await world.pay(intentFirst.client_secret);
    const paid = await world.pay(intentSecond.client_secret);
    const pi = paid.paymentIntent?.id ?? '';
    const confirm = await world.confirm(second, intentSecond.intent_id, pi);
    await world.deliverSucceeded(pi);
    if (late.paymentIntent) await world.deliverSucceeded(late.paymentIntent.id);
    expect(countExtra(world, sessionId, 1)).toBe(0);

    expect(intentSecond.client_secret).not.toBe(intentFirst.client_secret);
    expect(late.error?.payment_intent?.status).toBe('canceled');
    expect(confirm.json).toMatchObject({ status: 'succeeded', connection_id: second.connectionId });
    expect(world.completedEvents(sessionId)).toBe(1);
  });

  test('given the tab closed between Stripe’s success and the confirm, then the webhook alone completes the session once (Stripe delivering it twice)', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_pro' });
    const sessionId: string = session.checkout_session_id;
    const tab = await world.openTab(session, testPhone(13));
    const intent = (await world.intent(tab)).json;
    const paid = await world.pay(intent.client_secret);
    const pi = paid.paymentIntent?.id ?? '';
    // The tab is gone: no /payment/confirm. Stripe sends the event, then sends it again.
    const deliveries = [...(await world.deliverSucceeded(pi)), ...(await world.deliverSucceeded(pi))];
    expect(countExtra(world, sessionId, 1)).toBe(0);

    expect(deliveries.map((r) => r.status)).toEqual([200, 200]);
    expect(await world.sessionStatus(sessionId)).toBe('completed');
    expect(world.recordedCharges(sessionId)).toBe(1);
    expect(world.completedEvents(sessionId)).toBe(1);
    const sub = await world.h.rest('GET', `connections/${tab.connectionId}/subscription`);
    expect(sub.json).toMatchObject({ subscription: { subscription_config_id: 'subconf_pro', status: 'active' } });
    // No tab can start another payment on it.
    expect((await world.intent(tab)).json.error.code).toBe('session_used');
  });

  test('given a payment after the session expired, then it is refunded: nothing kept, no checkout.completed', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'topup', connection_id: await onboarded(world, testPhone(14)) });
    const sessionId: string = session.checkout_session_id;
    const tab = await world.openTab(session, testPhone(14));
    const intent = (await world.intent(tab, '20.00')).json;
    world.h.clock.advance(61 * 60_000);
    const paid = await world.pay(intent.client_secret);
    const pi = paid.paymentIntent?.id ?? '';
    const deliveries = await world.deliverSucceeded(pi);
    const confirm = await world.confirm(tab, intent.intent_id, pi);
    expect(countExtra(world, sessionId, 0)).toBe(0);

    expect(pi).toMatch(/^pi_/);
    expect(deliveries.map((r) => r.status)).toEqual([200]);
    expect(confirm.json.error?.code).toBe('session_expired');
    expect(world.account.refunds).toEqual([expect.objectContaining({ payment_intent: pi, metadata: expect.objectContaining({ lava_refund_reason: 'session_expired' }) })]);
    expect(world.recordedCharges(sessionId)).toBe(0);
    expect(world.completedEvents(sessionId)).toBe(0);
  });

  test('given a payment landing after the session completed without one (already subscribed), then it is refunded once and checkout.completed stays one', async () => {
    const world = await startStripeWorld();
    const session = await world.createSession({ checkout_mode: 'subscription', subscription_config_id: 'subconf_starter' });
    const sessionId: string = session.checkout_session_id;
    const a = await world.openTab(session, testPhone(15));
    const intent = (await world.intent(a)).json;
    // Meanwhile the wallet got the plan elsewhere; a second tab finds it subscribed and completes free.
    insertSubscription(world.h, a.connectionId, 'subconf_starter');
    const paid = await world.pay(intent.client_secret);
    const pi = paid.paymentIntent?.id ?? '';
    const b = await world.openTab(session, testPhone(15));
    const complete = await world.h.flow('POST', 'complete', b.token, {});
    const [confirm] = await Promise.all([world.confirm(a, intent.intent_id, pi), world.deliverSucceeded(pi)]);
    expect(countExtra(world, sessionId, 0)).toBe(0);

    expect(b.alreadySubscribed).toBe(true);
    expect(complete.status).toBe(200);
    expect(confirm.json.error?.code).toBe('session_used');
    expect(world.account.refunds).toEqual([expect.objectContaining({ payment_intent: pi, reason: 'duplicate' })]);
    expect(world.recordedCharges(sessionId)).toBe(0);
    expect(world.completedEvents(sessionId)).toBe(1);
  });
});

/** A wallet with a connection, made through an onboarding checkout paid with Stripe. */
async function onboarded(world: StripeWorld, phone: string): Promise<string> {
  const session = await world.createSession({ checkout_mode: 'onboarding' });
  const tab = await world.openTab(session, phone);
  const intent = (await world.intent(tab, '10.00')).json;
  const paid = await world.pay(intent.client_secret);
  const pi = paid.paymentIntent?.id ?? '';
  const done = await world.confirm(tab, intent.intent_id, pi);
  if (done.json.status !== 'succeeded') throw new Error(`onboarding: ${JSON.stringify(done.json)}`);
  return tab.connectionId;
}
