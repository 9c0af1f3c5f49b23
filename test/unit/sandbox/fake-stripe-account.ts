import Stripe from 'stripe';
import type { StripeApi, StripeCardDetails, StripePaymentIntent, StripePaymentIntentCreate } from '../../../src/sandbox/payments/stripe-api';

/**
 * A Stripe account in memory, as both sides see it: `api` is a fake of the official `stripe`
 * package (the calls the sandbox makes), `confirmPayment` is what Stripe.js does in the browser,
 * and `deliver` sends the webhook events Stripe would, signed with the real package's
 * `webhooks.generateTestHeaderString` and verified by its real `webhooks.constructEvent`.
 *
 * PaymentIntents behave as Stripe documents them: a create retried with the same idempotency key
 * returns the saved first response (a different request under the key is an idempotency error);
 * the amount can change only before the payment (requires_payment_method, requires_confirmation,
 * requires_action); confirming charges the current amount once, and a succeeded or cancelled
 * PaymentIntent refuses confirm, update and cancel with `payment_intent_unexpected_state`;
 * a refund gives back the whole payment once (`charge_already_refunded` after that).
 */
export function fakeStripeAccount(options: { webhookSecret?: string } = {}) {
  const webhookSecret = options.webhookSecret ?? 'whsec_test_fake_account_secret';
  const intents = new Map<string, StripePaymentIntent>();
  const idempotent = new Map<string, { request: string; response: unknown }>();
  const refunds: Array<{ id: string; payment_intent: string; amount: number; reason: string | undefined; metadata: Record<string, string> }> = [];
  const events: Array<{ id: string; type: string; created: number; data: { object: unknown } }> = [];
  const calls: Array<{ method: string; id?: string; idempotencyKey?: string }> = [];
  let seq = 0;
  const next = (prefix: string) => `${prefix}_fake${String(++seq).padStart(6, '0')}`;

  const snapshot = (pi: StripePaymentIntent, expand: string[] = []): StripePaymentIntent => {
    const copy = structuredClone(pi);
    if (!expand.includes('payment_method') && copy.payment_method && typeof copy.payment_method === 'object') {
      copy.payment_method = copy.payment_method.id;
    }
    return copy;
  };
  const unexpectedState = (pi: StripePaymentIntent, action: string) =>
    new Stripe.errors.StripeInvalidRequestError({
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      message: `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}.`,
      payment_intent: snapshot(pi) as never,
    });
  const noSuch = (id: string) =>
    new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${id}'` });
  const get = (id: string) => {
    const pi = intents.get(id);
    if (!pi) throw noSuch(id);
    return pi;
  };
  /** Stripe saves the first response under a key and answers it again; another request under the key is refused. */
  const once = <T>(key: string | undefined, request: unknown, run: () => T): T => {
    if (key === undefined) return run();
    const body = JSON.stringify(request);
    const saved = idempotent.get(key);
    if (saved) {
      if (saved.request !== body) {
        throw new Stripe.errors.StripeIdempotencyError({
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}'.`,
        });
      }
      return structuredClone(saved.response) as T;
    }
    const response = run();
    idempotent.set(key, { request: body, response: structuredClone(response) });
    return response;
  };
  const emit = (type: string, object: unknown) => {
    events.push({ id: next('evt'), type, created: Math.floor(Date.now() / 1000), data: { object: structuredClone(object) } });
  };

  const api: StripeApi = {
    paymentIntents: {
      async create(params: StripePaymentIntentCreate, opts) {
        calls.push({ method: 'paymentIntents.create', idempotencyKey: opts.idempotencyKey });
        return once(opts.idempotencyKey, ['create', params], () => {
          if (!Number.isInteger(params.amount) || params.amount < 50) {
            throw new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code: 'amount_too_small', message: 'Amount must be at least $0.50 usd' });
          }
          const id = next('pi');
          const pi: StripePaymentIntent = {
            id,
            status: 'requires_payment_method',
            amount: params.amount,
            amount_received: 0,
            currency: params.currency,
            client_secret: `${id}_secret_${Math.random().toString(36).slice(2, 12)}`,
            description: params.description,
            metadata: { ...params.metadata },
            last_payment_error: null,
            payment_method: null,
          };
          intents.set(id, pi);
          return snapshot(pi);
        });
      },
      async update(id, params) {
        calls.push({ method: 'paymentIntents.update', id });
        const pi = get(id);
        if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)) throw unexpectedState(pi, 'update');
        pi.amount = params.amount;
        pi.description = params.description;
        return snapshot(pi);
      },
      async retrieve(id, params) {
        calls.push({ method: 'paymentIntents.retrieve', id });
        return snapshot(get(id), params?.expand);
      },
      async cancel(id, params, opts) {
        calls.push({ method: 'paymentIntents.cancel', id, idempotencyKey: opts.idempotencyKey });
        return once(opts.idempotencyKey, ['cancel', id, params], () => {
          const pi = get(id);
          if (!['requires_payment_method', 'requires_capture', 'requires_confirmation', 'requires_action', 'processing'].includes(pi.status)) {
            throw unexpectedState(pi, 'cancel');
          }
          pi.status = 'canceled';
          emit('payment_intent.canceled', pi);
          return snapshot(pi);
        });
      },
    },
    refunds: {
      async create(params, opts) {
        calls.push({ method: 'refunds.create', id: params.payment_intent, idempotencyKey: opts.idempotencyKey });
        return once(opts.idempotencyKey, ['refund', params], () => {
          const pi = get(params.payment_intent);
          if (pi.status !== 'succeeded') {
            throw new Stripe.errors.StripeInvalidRequestError({
              type: 'invalid_request_error',
              code: 'charge_not_refundable',
              message: `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
            });
          }
          if (refunds.some((r) => r.payment_intent === pi.id)) {
            throw new Stripe.errors.StripeInvalidRequestError({
              type: 'invalid_request_error',
              code: 'charge_already_refunded',
              message: `Charge for ${pi.id} has already been refunded.`,
            });
          }
          const refund = { id: next('re'), payment_intent: pi.id, amount: pi.amount_received, reason: params.reason, metadata: { ...params.metadata } };
          refunds.push(refund);
          emit('charge.refunded', { id: next('ch'), payment_intent: pi.id, amount_refunded: refund.amount });
          return { id: refund.id, object: 'refund', status: 'succeeded', amount: refund.amount, payment_intent: pi.id };
        });
      },
    },
    // The real package's check, not a stand-in: the events below are signed for it.
    webhooks: { constructEvent: (payload, header, secret) => Stripe.webhooks.constructEvent(payload, header, secret) },
  };

  const CARDS: Record<string, { card: StripeCardDetails; outcome: 'succeed' | 'decline' }> = {
    '4242424242424242': { card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2034 }, outcome: 'succeed' },
    '4000000000000002': { card: { brand: 'visa', last4: '0002', exp_month: 12, exp_year: 2034 }, outcome: 'decline' },
  };

  return {
    api,
    webhookSecret,
    intents,
    refunds,
    events,
    calls,
    /**
     * Stripe.js `confirmPayment` for the PaymentIntent behind `clientSecret`, paying with a test
     * card: the answer Stripe.js resolves with (`{ paymentIntent }` or `{ error }`).
     */
    async confirmPayment(clientSecret: string, number = '4242424242424242'): Promise<StripeJsResult> {
      const pi = [...intents.values()].find((p) => p.client_secret === clientSecret);
      if (!pi) return { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent.' } };
      if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)) {
        const err = unexpectedState(pi, 'confirm');
        return { error: { type: err.type, code: err.code, message: err.message, payment_intent: snapshot(pi) } };
      }
      const card = CARDS[number];
      if (!card || card.outcome === 'decline') {
        pi.status = 'requires_payment_method';
        pi.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
        emit('payment_intent.payment_failed', pi);
        return { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', payment_intent: snapshot(pi) } };
      }
      pi.status = 'succeeded';
      pi.amount_received = pi.amount;
      pi.last_payment_error = null;
      pi.payment_method = { id: next('pm'), card: card.card };
      emit('payment_intent.succeeded', pi);
      return { paymentIntent: { id: pi.id, status: pi.status, amount: pi.amount, client_secret: pi.client_secret } };
    },
    /** Delivers one event to `url` as Stripe does: JSON body, `Stripe-Signature` header. */
    async deliver(url: string, event: { id: string; type: string; data: { object: unknown } }, secret = webhookSecret) {
      const payload = JSON.stringify({ object: 'event', api_version: '2026-01-01', livemode: false, ...event });
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
      return { status: res.status, body: await res.text() };
    },
    /** Events of one type about one PaymentIntent, oldest first. */
    eventsFor(paymentIntentId: string, type = 'payment_intent.succeeded') {
      return events.filter((e) => e.type === type && (e.data.object as { id?: string }).id === paymentIntentId);
    },
    /** Money taken and kept, per checkout session: succeeded PaymentIntents minus refunds. */
    keptCharges(sessionId: string) {
      return [...intents.values()].filter(
        (pi) => pi.metadata.checkout_session_id === sessionId && pi.status === 'succeeded' && !refunds.some((r) => r.payment_intent === pi.id),
      );
    },
    succeeded(sessionId: string) {
      return [...intents.values()].filter((pi) => pi.metadata.checkout_session_id === sessionId && pi.status === 'succeeded');
    },
  };
}

export type FakeStripeAccount = ReturnType<typeof fakeStripeAccount>;

/** What Stripe.js `confirmPayment` resolves with (the fields the checkout reads). */
export type StripeJsResult =
  | { paymentIntent: { id: string; status: string; amount: number; client_secret: string | null }; error?: undefined }
  | {
      paymentIntent?: undefined;
      error: { type: string; code?: string; decline_code?: string; message: string; payment_intent?: StripePaymentIntent };
    };
