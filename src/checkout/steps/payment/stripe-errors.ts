import type { StripeError } from '@stripe/stripe-js';
import type { FlowError } from '../../flow/types';

/** A Stripe.js error as a flow error, keeping Stripe's own message for the customer. */
export function fromStripeError(error: StripeError): FlowError {
  const message = error.message;
  const code =
    error.decline_code === 'insufficient_funds'
      ? 'insufficient_funds'
      : error.code === 'payment_intent_authentication_failure'
        ? 'authentication_failed'
        : error.type === 'card_error' && error.code === 'card_declined'
          ? 'card_declined'
          : error.type === 'card_error' || error.type === 'validation_error'
            ? 'invalid_card'
            : error.type === 'api_connection_error'
              ? 'network'
              : 'card_declined';
  return message ? { code, message } : { code };
}

/**
 * The PaymentIntent's id when Stripe.js refused to confirm it because it has already succeeded
 * (`payment_intent_unexpected_state`), which is how a second tab of the session finds it paid.
 */
export function paidElsewhere(error: StripeError): string | null {
  const pi = error.payment_intent;
  return error.code === 'payment_intent_unexpected_state' && pi?.status === 'succeeded' ? pi.id : null;
}
