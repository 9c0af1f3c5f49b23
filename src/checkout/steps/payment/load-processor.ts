import { loadOnce, retryableLazy } from '../retryable-lazy';
import { ProcessorLoadFailed, ProcessorLoading } from './ProcessorLoad';

/** Fetch the Stripe chunk (not Stripe.js itself) ahead of the payment step (again, after a failure). */
export const prefetchStripe = loadOnce(() => import('./StripePayment'));

export const LazyStripePayment = retryableLazy(() => prefetchStripe().then((m) => m.StripePayment), { Loading: ProcessorLoading, Failed: ProcessorLoadFailed });
