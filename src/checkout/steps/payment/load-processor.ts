import { retryableLazy } from '../retryable-lazy';
import { ProcessorLoadFailed, ProcessorLoading } from './ProcessorLoad';

let chunk: Promise<typeof import('./StripePayment')> | null = null;

/** Fetch the Stripe chunk (not Stripe.js itself) ahead of the payment step (again, after a failure). */
export function prefetchStripe(): Promise<typeof import('./StripePayment')> {
  chunk ??= import('./StripePayment').catch((error: unknown) => {
    chunk = null;
    throw error;
  });
  return chunk;
}

export const LazyStripePayment = retryableLazy(() => prefetchStripe().then((m) => m.StripePayment), { Loading: ProcessorLoading, Failed: ProcessorLoadFailed });
