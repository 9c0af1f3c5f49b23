import type { CardDetails, CardField, CardFields } from './cards';
import type { StripeAccount } from './stripe-api';

/** How a confirm pays: a card typed in, a card saved on the wallet, or a Stripe PaymentIntent. */
export type ChargeMethod =
  | { kind: 'card'; card: CardFields }
  | { kind: 'saved'; processorRef: string; details: CardDetails }
  | { kind: 'stripe'; paymentIntentId: string };

export interface ChargeRequest {
  /** Our intent (`pi_…`) and the processor's own reference for it, if it has one. */
  intentId: string;
  processorRef: string | null;
  amount: number;
  currency: 'USD';
  description: string;
  /** Sent to the processor so a retried call never charges twice there either. */
  idempotencyKey: string;
  method: ChargeMethod;
  /** The customer passed the authentication challenge for this method. */
  authenticated: boolean;
}

/** A card the processor can charge again (`processorRef`), as shown to the customer. */
export interface ReusableCard {
  processorRef: string;
  details: CardDetails;
}

export type FailureCode = 'card_declined' | 'insufficient_funds' | 'authentication_failed' | 'invalid_card';

export type ChargeOutcome =
  | { status: 'succeeded'; chargeRef: string; card: ReusableCard }
  | { status: 'requires_action'; card: ReusableCard }
  | { status: 'failed'; code: FailureCode; message: string; field?: CardField };

/** One payment-step contract, two implementations: the offline sandbox processor and Stripe. */
export interface PaymentProcessor {
  readonly kind: 'sandbox' | 'stripe';
  /**
   * Stripe only: the account the sandbox talks to. With it, the money moves in the browser
   * (Stripe.js confirms the session's PaymentIntent) and the sandbox reconciles what Stripe reports
   * (stripe-intents.ts, stripe-reconcile.ts) instead of charging here.
   */
  readonly stripe?: StripeAccount;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
}
