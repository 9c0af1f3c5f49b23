import type { ErrorCode } from './errors';

/** The steps of the checkout, as the app reports them. */
export const STEPS = ['loading', 'phone', 'code', 'wallet', 'plan', 'amount', 'bundle', 'payment', 'done', 'error'] as const;
export type Step = (typeof STEPS)[number];

/**
 * What the checkout tells the merchant page through `onEvent`. No personal data: never a
 * phone number, a name or an email.
 */
export type CheckoutEvent =
  /** `locale`: the one the checkout shows (a BCP 47 tag such as "de" or "pt-BR"); older checkouts leave it out. */
  | { type: 'ready'; step: Step; locale?: string }
  | { type: 'step'; step: Step }
  | { type: 'otp_sent' }
  | { type: 'otp_verified' }
  | { type: 'wallet_created' }
  | { type: 'wallet_linked' }
  | { type: 'payment_submitted' }
  | { type: 'authentication_required' }
  | { type: 'payment_failed'; code: ErrorCode }
  | { type: 'subscription_active' }
  | { type: 'close_attempt' }
  | { type: 'error'; code: ErrorCode };

export type CheckoutEventType = CheckoutEvent['type'];
