import { lazy } from 'react';

let chunk: Promise<typeof import('./StripePayment')> | null = null;

/** Fetch the Stripe chunk (not Stripe.js itself) ahead of the payment step. */
export function prefetchStripe(): Promise<typeof import('./StripePayment')> {
  chunk ??= import('./StripePayment');
  return chunk;
}

export const LazyStripePayment = lazy(() => prefetchStripe().then((m) => ({ default: m.StripePayment })));
