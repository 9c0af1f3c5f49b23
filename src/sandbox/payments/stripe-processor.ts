import type { ChargeOutcome, PaymentProcessor } from './processor';
import type { StripeAccount, StripeApi } from './stripe-api';

/**
 * Stripe as the processor. Stripe.js in the app confirms the session's PaymentIntent, so the
 * card is charged before the sandbox hears of it; the sandbox never charges through `charge`:
 * it creates the PaymentIntent (stripe-intents.ts) and records what Stripe reports, from the
 * app's confirm or Stripe's webhook, whichever comes first (stripe-reconcile.ts).
 */
export function createStripeProcessor(
  api: StripeApi,
  options: { publishableKey: string; webhookSecret: string },
): PaymentProcessor & { publishableKey: string; stripe: StripeAccount } {
  return {
    kind: 'stripe',
    publishableKey: options.publishableKey,
    stripe: { api, publishableKey: options.publishableKey, webhookSecret: options.webhookSecret },
    async charge(): Promise<ChargeOutcome> {
      return { status: 'failed', code: 'invalid_card', message: 'Pay with the Stripe payment form.' };
    },
  };
}

/** Loads the official `stripe` package (an optional install) only when Stripe keys are configured. */
export async function loadStripeProcessor(keys: {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string | undefined;
}): Promise<PaymentProcessor & { publishableKey: string }> {
  if (!keys.webhookSecret) {
    throw new Error(
      'STRIPE_WEBHOOK_SECRET is not set: with Stripe keys the sandbox needs the signing secret of a webhook endpoint that sends ' +
        'payment_intent.succeeded to <public URL>/stripe/webhook (a payment whose tab closes before the app confirms is recorded from it)',
    );
  }
  const name = 'stripe';
  let mod: { default: typeof import('stripe').default };
  try {
    mod = (await import(/* @vite-ignore */ name)) as typeof mod;
  } catch {
    throw new Error('STRIPE_SECRET_KEY is set but the "stripe" package is not installed: run npm install stripe@^23');
  }
  // Typed against the real package: if its calls stop fitting StripeApi, this line fails to compile.
  const api: StripeApi = new mod.default(keys.secretKey);
  return createStripeProcessor(api, { publishableKey: keys.publishableKey, webhookSecret: keys.webhookSecret });
}
