import type { CardInput } from '../../contract/flow-api';
import type { CardDetails, CardField } from './cards';

/** How a confirm pays: a card typed in, a card saved on the wallet, or a Stripe PaymentIntent. */
export type ChargeMethod =
  | { kind: 'card'; card: CardInput }
  | { kind: 'saved'; processorRef: string; details: CardDetails }
  | { kind: 'stripe'; paymentIntentId: string };

export interface ChargeRequest {
  /** Our intent (`pi_…`) and the processor's own reference for it, if `prepareIntent` made one. */
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

export interface PreparedIntent {
  processorRef: string;
  /** Handed to the app (Stripe.js confirms with it). */
  clientSecret: string;
}

/** One payment-step contract, two implementations: the offline sandbox processor and Stripe. */
export interface PaymentProcessor {
  readonly kind: 'sandbox' | 'stripe';
  /** Called once per new intent when the processor needs its own object first (Stripe's PaymentIntent). */
  prepareIntent?(input: { intentId: string; sessionId: string; amount: number; description: string }): Promise<PreparedIntent>;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
}
