/**
 * The few calls of the official `stripe` package the sandbox makes, typed structurally so tests
 * can pass a fake of the package (stripe-processor.ts checks the real one fits at compile time).
 */
export interface StripeApi {
  paymentIntents: {
    create(params: StripePaymentIntentCreate, options: { idempotencyKey: string }): Promise<StripePaymentIntent>;
    update(id: string, params: { amount: number; description: string }): Promise<StripePaymentIntent>;
    retrieve(id: string, params?: { expand?: string[] }): Promise<StripePaymentIntent>;
    cancel(id: string, params: { cancellation_reason: 'abandoned' | 'duplicate' }, options: { idempotencyKey: string }): Promise<StripePaymentIntent>;
  };
  refunds: {
    create(
      params: { payment_intent: string; reason?: 'duplicate' | 'requested_by_customer'; metadata: Record<string, string> },
      options: { idempotencyKey: string },
    ): Promise<{ id: string }>;
  };
  webhooks: {
    /** Verifies the `Stripe-Signature` header against the raw body (throws when it does not match). */
    constructEvent(payload: string, header: string, secret: string): { id: string; type: string; data: { object: unknown } };
  };
}

export interface StripePaymentIntentCreate {
  amount: number;
  currency: 'usd';
  description: string;
  metadata: Record<string, string>;
  automatic_payment_methods: { enabled: boolean };
}

export interface StripeCardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export interface StripePaymentIntent {
  id: string;
  status: string;
  amount: number;
  amount_received: number;
  currency: string;
  client_secret: string | null;
  description: string | null;
  metadata: Record<string, string>;
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null;
  /** An id, or the PaymentMethod itself when retrieved with `expand: ['payment_method']`. */
  payment_method?: string | { id: string; card?: StripeCardDetails | null } | null;
}

/** Stripe as configured for the sandbox: the API, the key the app loads Stripe.js with, the webhook signing secret. */
export interface StripeAccount {
  api: StripeApi;
  publishableKey: string;
  /** `whsec_…`: from the webhook endpoint in Stripe's dashboard, or printed by `stripe listen`. */
  webhookSecret: string;
}

/** An error the `stripe` package threw for a request Stripe refused (its `code`), or undefined. */
export function stripeErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
