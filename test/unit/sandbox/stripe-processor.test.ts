import { describe, expect, test } from 'vitest';
import { createStripeProcessor, type StripeLike, type StripePaymentIntentLike } from '../../../src/sandbox/payments/stripe-processor';
import { newKey, readyToPay, startHarness, testPhone } from './harness';

/** A fake of the few `stripe` calls the adapter makes; the test decides how each PaymentIntent ends. */
function fakeStripe() {
  const intents = new Map<string, StripePaymentIntentLike>();
  const creates: Array<{ idempotencyKey: string; amount: number }> = [];
  let seq = 0;
  const stripe: StripeLike = {
    paymentIntents: {
      async create(params, options) {
        creates.push({ idempotencyKey: options.idempotencyKey, amount: params.amount });
        const existing = [...intents.values()].find((pi) => pi.metadata.lava_intent_id === params.metadata.lava_intent_id);
        if (existing) return { id: existing.id, client_secret: `${existing.id}_secret` };
        seq += 1;
        const id = `pi_stripe_${seq}`;
        intents.set(id, { id, status: 'requires_payment_method', amount: params.amount, currency: params.currency, metadata: params.metadata });
        return { id, client_secret: `${id}_secret` };
      },
      async retrieve(id) {
        const pi = intents.get(id);
        if (!pi) throw new Error('No such payment_intent');
        return pi;
      },
    },
  };
  return { stripe, intents, creates };
}

describe('Stripe processor (official package shape, faked)', () => {
  test('given Stripe keys, then start says stripe, the intent carries a client secret, and a succeeded PaymentIntent completes the checkout once', async () => {
    const fake = fakeStripe();
    const h = await startHarness({ processor: createStripeProcessor(fake.stripe, 'pk_test_123') });
    const { token, session } = await readyToPay(h, testPhone(1));
    const start = await h.flow('POST', 'start', null, {
      secret: JSON.parse(Buffer.from(session.checkout_session_token, 'base64').toString()).secret,
      parent_origin: 'http://localhost:5173',
    });
    expect(start.json.processor).toEqual({ kind: 'stripe', publishable_key: 'pk_test_123' });
    const key = newKey();
    const pi = await h.flow('POST', 'payment/intent', token, { idempotency_key: key, amount: '25.00' });
    expect(pi.json.client_secret).toBe('pi_stripe_1_secret');
    const again = await h.flow('POST', 'payment/intent', token, { idempotency_key: key, amount: '25.00' });
    expect(again.json.client_secret).toBe('pi_stripe_1_secret');
    expect(fake.creates).toEqual([{ idempotencyKey: `lava_${pi.json.intent_id}`, amount: 2500 }]);

    // the app confirmed with Stripe.js; Stripe says it succeeded
    fake.intents.set('pi_stripe_1', {
      ...fake.intents.get('pi_stripe_1')!,
      status: 'succeeded',
      payment_method: { card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 } },
    });
    const confirm = (id: string) =>
      h.flow('POST', 'payment/confirm', token, { intent_id: pi.json.intent_id, idempotency_key: newKey(), stripe_payment_intent_id: id });
    const paid = await confirm('pi_stripe_1');
    expect(paid.json.status).toBe('succeeded');
    expect((await confirm('pi_stripe_1')).json.charge_id).toBe(paid.json.charge_id);
    expect((await h.rest('GET', `connections/${paid.json.connection_id}`)).json.wallet.balance).toBe('25.00');
    const charges = (await (await fetch(`${h.sandbox.url}/sandbox/charges`)).json()) as Array<{ processor: string; last4: string }>;
    expect(charges).toEqual([expect.objectContaining({ processor: 'stripe', last4: '4242' })]);
  });

  test('given a PaymentIntent that is not the intent of this checkout, then it is refused and nothing is recorded', async () => {
    const fake = fakeStripe();
    const h = await startHarness({ processor: createStripeProcessor(fake.stripe, 'pk_test_123') });
    const { token } = await readyToPay(h, testPhone(2));
    const pi = await h.flow('POST', 'payment/intent', token, { idempotency_key: newKey(), amount: '25.00' });
    fake.intents.set('pi_other', { id: 'pi_other', status: 'succeeded', amount: 2500, currency: 'usd', metadata: { lava_intent_id: 'pi_else' } });
    const res = await h.flow('POST', 'payment/confirm', token, {
      intent_id: pi.json.intent_id,
      idempotency_key: newKey(),
      stripe_payment_intent_id: 'pi_other',
    });
    expect(res.json).toMatchObject({ status: 'failed', code: 'invalid_card' });
    expect(h.sandbox.db.prepare('SELECT COUNT(*) AS n FROM charges').get()).toEqual({ n: 0 });
  });

  test.each([
    ['requires_payment_method', { decline_code: 'insufficient_funds', message: 'Insufficient funds.' }, 'insufficient_funds'],
    ['requires_payment_method', { code: 'card_declined', message: 'Your card was declined.' }, 'card_declined'],
    ['requires_action', null, 'authentication_failed'],
  ])('given Stripe reports %s with error %j, then the confirm fails with %s', async (status, error, code) => {
    const fake = fakeStripe();
    const processor = createStripeProcessor(fake.stripe, 'pk_test_123');
    const prepared = await processor.prepareIntent!({ intentId: 'pi_local', sessionId: 'cs_x', amount: 900, description: 'd' });
    fake.intents.set(prepared.processorRef, { ...fake.intents.get(prepared.processorRef)!, status, last_payment_error: error });
    const out = await processor.charge({
      intentId: 'pi_local',
      processorRef: prepared.processorRef,
      amount: 900,
      currency: 'USD',
      description: 'd',
      idempotencyKey: 'k',
      authenticated: false,
      method: { kind: 'stripe', paymentIntentId: prepared.processorRef },
    });
    expect(out).toMatchObject({ status: 'failed', code });
  });
});
