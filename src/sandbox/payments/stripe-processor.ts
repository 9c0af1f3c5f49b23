import type { ChargeOutcome, ChargeRequest, PaymentProcessor, PreparedIntent } from './processor';

/** The few calls of the official `stripe` package this adapter uses (structural, so tests pass a fake). */
export interface StripeLike {
  paymentIntents: {
    create(
      params: {
        amount: number;
        currency: string;
        description: string;
        metadata: Record<string, string>;
        automatic_payment_methods: { enabled: boolean };
      },
      options: { idempotencyKey: string },
    ): Promise<{ id: string; client_secret: string | null }>;
    retrieve(id: string, params: { expand: string[] }): Promise<StripePaymentIntentLike>;
  };
}

export interface StripePaymentIntentLike {
  id: string;
  status: string;
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null;
  payment_method?: string | { card?: { brand: string; last4: string; exp_month: number; exp_year: number } | null } | null;
}

/**
 * Stripe as the processor: the sandbox creates the PaymentIntent (the app confirms it with
 * Stripe.js, 3-D Secure included, `redirect: 'if_required'`), then the confirm call checks the
 * PaymentIntent server-side: it must be ours, for this amount, and succeeded.
 */
export function createStripeProcessor(stripe: StripeLike, publishableKey: string): PaymentProcessor & { publishableKey: string } {
  return {
    kind: 'stripe',
    publishableKey,
    async prepareIntent(input): Promise<PreparedIntent> {
      const pi = await stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: 'usd',
          description: input.description,
          metadata: { lava_intent_id: input.intentId, checkout_session_id: input.sessionId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: `lava_${input.intentId}` },
      );
      if (!pi.client_secret) throw new Error('Stripe returned a PaymentIntent without a client secret');
      return { processorRef: pi.id, clientSecret: pi.client_secret };
    },
    async charge(request: ChargeRequest): Promise<ChargeOutcome> {
      if (request.method.kind !== 'stripe') {
        return { status: 'failed', code: 'invalid_card', message: 'Pay with the Stripe payment form.' };
      }
      if (request.method.paymentIntentId !== request.processorRef) {
        return { status: 'failed', code: 'invalid_card', message: 'This Stripe payment does not belong to this checkout.' };
      }
      const pi = await stripe.paymentIntents.retrieve(request.method.paymentIntentId, { expand: ['payment_method'] });
      if (pi.amount !== request.amount || pi.currency !== 'usd' || pi.metadata.lava_intent_id !== request.intentId) {
        return { status: 'failed', code: 'invalid_card', message: 'This Stripe payment does not match this checkout.' };
      }
      if (pi.status === 'succeeded') {
        const card = typeof pi.payment_method === 'object' && pi.payment_method?.card ? pi.payment_method.card : null;
        return {
          status: 'succeeded',
          chargeRef: pi.id,
          card: {
            processorRef: typeof pi.payment_method === 'string' ? pi.payment_method : pi.id,
            details: card
              ? { brand: card.brand, last4: card.last4, exp_month: card.exp_month, exp_year: card.exp_year }
              : { brand: 'card', last4: '····', exp_month: 0, exp_year: 0 },
          },
        };
      }
      if (pi.status === 'requires_action') {
        return { status: 'failed', code: 'authentication_failed', message: 'The card was not authenticated. Nothing was charged.' };
      }
      const error = pi.last_payment_error;
      if (error?.decline_code === 'insufficient_funds') {
        return { status: 'failed', code: 'insufficient_funds', message: error.message ?? 'Your card has insufficient funds.' };
      }
      return { status: 'failed', code: 'card_declined', message: error?.message ?? 'The payment did not go through. Nothing was charged.' };
    },
  };
}

/** Loads the official `stripe` package (an optional install) only when Stripe keys are configured. */
export async function loadStripeProcessor(secretKey: string, publishableKey: string): Promise<PaymentProcessor & { publishableKey: string }> {
  const name = 'stripe';
  let mod: { default: new (key: string) => StripeLike };
  try {
    mod = (await import(/* @vite-ignore */ name)) as typeof mod;
  } catch {
    throw new Error('STRIPE_SECRET_KEY is set but the "stripe" package is not installed: run npm install stripe@^23');
  }
  return createStripeProcessor(new mod.default(secretKey), publishableKey);
}
